/**
 * The topic classifier's weights in the two forms they take. The trainer,
 * cross-validation and tests work with rows of numbers, one per feature
 * (`ClassifierModel`). The classifier reads a packed form: every row one after
 * another in one typed array (`PackedClassifier`), which the loader decodes
 * from classifier.json straight into, so start-up never builds the model's
 * 346 000 numbers as JS values; `packClassifier` makes it from rows.
 */

/** The model as rows of numbers: what the trainer makes and writes. */
export interface ClassifierModel {
  /** What it was trained on, so a reader can rebuild it. */
  trainedOn: string[];
  classes: string[];
  bias: number[];
  /** Per feature, one weight per class, in the order of `classes`. */
  weights: Record<string, number[]>;
}

/** The model as the classifier reads it. */
export interface PackedClassifier {
  trainedOn: string[];
  classes: string[];
  bias: number[];
  /** Each row's feature, by row number. */
  features: string[];
  /**
   * Where each row starts after the one before: the number of classes, or a little more where the
   * file pads its rows (the padding is zeros, never read).
   */
  stride: number;
  /**
   * The weights in thousandths, when every one of them is a whole number of thousandths (as the trainer
   * rounds them) that fits 16 bits: a quarter of the memory of doubles, so a question's rows touch a
   * quarter of the cache lines, and k / 1000 is exactly the number the model says (both are the double
   * nearest the decimal). Otherwise null, and `doubles` holds them.
   */
  thousandths: Int16Array | null;
  /** The weights as they are, for a model not in thousandths; empty otherwise. */
  doubles: Float64Array;
}

/** The rows packed, in thousandths when they all are, else as doubles; a row's place is that of its feature in `weights`. */
export function packClassifier(model: ClassifierModel): PackedClassifier {
  const width = model.classes.length;
  const rows = Object.values(model.weights);
  // Straight into thousandths when they fit: a block of doubles first would be 2.5 MB more.
  const thousandths = inThousandths(rows, width);
  return {
    trainedOn: model.trainedOn,
    classes: model.classes,
    bias: model.bias,
    features: Object.keys(model.weights),
    stride: width,
    thousandths,
    doubles: thousandths ? new Float64Array(0) : asDoubles(rows, width),
  };
}

/**
 * Every row in thousandths, one after another, or null if any weight is not a whole number of them (to
 * the last bit, sign of zero included) or does not fit.
 */
function inThousandths(rows: readonly number[][], width: number): Int16Array | null {
  const out = new Int16Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    // A short row reads as NaN beyond its end, which no thousandth is.
    if (row.length < width) return null;
    for (let c = 0; c < width; c++) {
      const at = r * width + c;
      out[at] = Math.round(row[c]! * 1000);
      if (!Object.is(out[at] / 1000, row[c]!)) return null;
    }
  }
  return out;
}

/** Every row as it is, one after another; beyond a short row's end, NaN. */
function asDoubles(rows: readonly number[][], width: number): Float64Array {
  const out = new Float64Array(rows.length * width).fill(NaN);
  rows.forEach((row, r) => {
    for (let c = 0; c < width && c < row.length; c++) out[r * width + c] = row[c]!;
  });
  return out;
}
