/**
 * Numbers as base64 text of little-endian whole numbers: how the two learned
 * models (the topic classifier and the 999 net) store their weights. Parsing
 * hundreds of thousands of decimals with JSON.parse, then checking each, was
 * most of what those files cost at start-up; base64 is decoded in one call,
 * and every bit pattern of a whole number is a valid weight, so only the
 * text itself needs checking.
 *
 * A weight goes in as a whole number of 1/scale (thousandths, say) and is read
 * back by dividing by scale. The writer refuses a number that does not come
 * back to the last bit that way, so a reader gets exactly the number written.
 */
import { endianness } from 'node:os';

export type WholeKind = 'int16' | 'int32' | 'uint32';

const KINDS: Record<WholeKind, { bytes: number; min: number; max: number }> = {
  int16: { bytes: 2, min: -0x8000, max: 0x7fff },
  int32: { bytes: 4, min: -0x80000000, max: 0x7fffffff },
  uint32: { bytes: 4, min: 0, max: 0xffffffff },
};

function writeWhole(out: Buffer, kind: WholeKind, value: number, at: number): void {
  if (kind === 'int16') out.writeInt16LE(value, at);
  else if (kind === 'int32') out.writeInt32LE(value, at);
  else out.writeUInt32LE(value, at);
}

/**
 * The values times scale, as base64 of little-endian whole numbers of the given kind, then `zeros` zeros.
 * Throws, naming the value's index, when a value times scale is not a whole number that fits, or when
 * dividing that whole number by scale does not give the value back to the last bit (sign of zero included).
 */
export function encodeScaled(values: readonly number[], scale: number, kind: WholeKind, zeros = 0): string {
  const { bytes, min, max } = KINDS[kind];
  const out = Buffer.alloc((values.length + zeros) * bytes);
  values.forEach((value, i) => {
    const whole = Math.round(value * scale) + 0;
    if (!(whole >= min && whole <= max) || !Object.is(whole / scale, value))
      throw new RangeError(
        `value ${i} (${value}) is not a whole number of 1/${scale} from ${min / scale} to ${max / scale}`,
      );
    writeWhole(out, kind, whole, i * bytes);
  });
  return out.toString('base64');
}

/**
 * The bytes base64 text stands for, in a buffer of their own (a typed array can view it from its start), or
 * null unless the text is exactly what Buffer writes for those bytes. Buffer's decoder skips what it cannot
 * read, takes the URL-safe alphabet too and ignores stray bits in the last character; comparing the bytes
 * written back with the text refuses all of those, so a damaged file is refused rather than read otherwise.
 */
export function decodeBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  const bytes = Buffer.from(new ArrayBuffer(size));
  if (bytes.write(text, 'base64') !== size || bytes.toString('base64') !== text) return null;
  return bytes;
}

/** Bytes of little-endian 16-bit whole numbers (an even number of them, from decodeBase64) as an Int16Array over the same memory, whatever the platform's byte order. */
export function int16View(bytes: Buffer): Int16Array {
  if (endianness() === 'BE') bytes.swap16();
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}
