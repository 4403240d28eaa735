/**
 * Training the topic classifier, deterministically: the same corpus and
 * content always give the same model, byte for byte. Full-batch gradient
 * steps (Adam) from zero weights, in a fixed order, for a fixed number of
 * steps; weights are rounded before they are written, so the file does not
 * depend on the last bits of floating point.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { questionFeatures, ROUTE_LABELS, softmax } from '../knowledge/classifier';
import { CLASSIFIER_FILE_VERSION, encodeRow } from '../knowledge/classifierFile';
import type { ClassifierModel } from '../knowledge/classifierWeights';
import { parseEvalFile, type Expectation } from '../router/evaluate';
import type { KnowledgeIndex } from '../knowledge/search';
import type { Topic } from '../knowledge/schema';

export interface TrainingExample {
  q: string;
  /** One label, or several sharing the example equally. */
  labels: string[];
}

export interface TrainOptions {
  steps: number;
  learningRate: number;
  /** L2 penalty on the weights, per example. */
  l2: number;
  /** A feature must occur in at least this many examples to be kept. */
  minCount: number;
}

export const trainingManifestSchema = z.strictObject({
  /** Files (relative to the training folder) the model is trained on. */
  train: z.array(z.string().regex(/\.jsonl$/, { error: 'expected a .jsonl file' })).min(1),
  /** Files kept out of training, for tuning thresholds and an honest figure. */
  validation: z.array(z.string().regex(/\.jsonl$/, { error: 'expected a .jsonl file' })).default([]),
  options: z.strictObject({
    steps: z.number().int().min(1).max(5000),
    learningRate: z.number().positive(),
    l2: z.number().min(0),
    minCount: z.number().int().min(1),
  }),
});
export type TrainingManifest = z.infer<typeof trainingManifestSchema>;

export const TRAINING_DIR = 'training';

export function readTrainingManifest(knowledgeDir: string): TrainingManifest {
  const file = path.join(knowledgeDir, TRAINING_DIR, 'training.yaml');
  const parsed = trainingManifestSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Each expectation a training line may have, as the classifier's label; null where it cannot be trained on. */
export function labelFor(expect: string, topicIds: ReadonlySet<string>): string | null {
  if (topicIds.has(expect)) return expect;
  const route = `~${expect}`;
  return (ROUTE_LABELS as readonly string[]).includes(route) ? route : null;
}

/**
 * Lines of a training file as examples. A line naming a topic the content
 * does not have yet (kept for when it exists) is set aside, as is a line
 * whose expectations are all unknown.
 */
export function examplesFrom(
  text: string,
  topicIds: ReadonlySet<string>,
): { examples: TrainingExample[]; setAside: number; errors: string[] } {
  const { cases, errors } = parseEvalFile(text);
  const examples: TrainingExample[] = [];
  let setAside = 0;
  for (const c of cases) {
    const labels = expectedLabels(c.expect, topicIds);
    if (labels === null) setAside++;
    else examples.push({ q: c.q, labels });
  }
  return { examples, setAside, errors };
}

function expectedLabels(expect: Expectation, topicIds: ReadonlySet<string>): string[] | null {
  if (expect === null) return ['~none'];
  const names = Array.isArray(expect) ? expect : [expect];
  const labels = names.map((n) => labelFor(n, topicIds));
  // A line naming a topic that does not exist yet waits for it, even when it also names one that does.
  if (labels.some((l) => l === null)) return null;
  return [...new Set(labels as string[])];
}

/** The topics' own titles and questions, as examples of each topic. */
export function contentExamples(topics: Iterable<Topic>): TrainingExample[] {
  return [...topics].flatMap((t) => [t.title, ...t.questions].map((q) => ({ q, labels: [t.id] })));
}

export function readTrainingFiles(
  files: string[],
  topicIds: ReadonlySet<string>,
  root: string,
): { examples: TrainingExample[]; setAside: number; errors: string[] } {
  const examples: TrainingExample[] = [];
  const errors: string[] = [];
  let setAside = 0;
  for (const file of files) {
    const got = examplesFrom(readFileSync(path.resolve(root, file), 'utf8'), topicIds);
    examples.push(...got.examples);
    setAside += got.setAside;
    errors.push(...got.errors.map((e) => `${file}: ${e}`));
  }
  return { examples, setAside, errors };
}

/** Three decimals, and nothing below 0.005: the file stays small and readable, and answers do not change. */
const round = (x: number) => (Math.abs(x) < 0.005 ? 0 : Math.round(x * 1e3) / 1e3 + 0);

export function trainClassifier(
  examples: TrainingExample[],
  index: KnowledgeIndex,
  trainedOn: string[],
  options: TrainOptions,
): ClassifierModel {
  const classes = [...new Set(examples.flatMap((e) => e.labels))].sort();
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const featureLists = examples.map((e) => questionFeatures(e.q, index));
  const counts = new Map<string, number>();
  for (const fs of featureLists) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts.entries()]
    .filter(([, n]) => n >= options.minCount)
    .map(([f]) => f)
    .sort();
  const featureOf = new Map(features.map((f, i) => [f, i]));
  const rows = featureLists.map((fs) => fs.flatMap((f) => featureOf.get(f) ?? []));
  const targets = examples.map((e) => {
    const y = new Float64Array(classes.length);
    for (const l of e.labels) y[classOf.get(l)!] = 1 / e.labels.length;
    return y;
  });

  const C = classes.length;
  const F = features.length;
  const N = examples.length;
  const w = new Float64Array(F * C);
  const b = new Float64Array(C);
  const gw = new Float64Array(F * C);
  const gb = new Float64Array(C);
  const mw = new Float64Array(F * C);
  const vw = new Float64Array(F * C);
  const mb = new Float64Array(C);
  const vb = new Float64Array(C);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const scores = new Float64Array(C);

  for (let step = 1; step <= options.steps; step++) {
    gw.fill(0);
    gb.fill(0);
    for (let n = 0; n < N; n++) {
      const row = rows[n]!;
      scores.set(b);
      for (const f of row) for (let c = 0; c < C; c++) scores[c]! += w[f * C + c]!;
      const p = softmax(scores);
      const y = targets[n]!;
      for (let c = 0; c < C; c++) {
        const g = p[c]! - y[c]!;
        gb[c]! += g;
        for (const f of row) gw[f * C + c]! += g;
      }
    }
    const lr = options.learningRate;
    const correction1 = 1 - beta1 ** step;
    const correction2 = 1 - beta2 ** step;
    for (let i = 0; i < F * C; i++) {
      const g = gw[i]! / N + options.l2 * w[i]!;
      mw[i] = beta1 * mw[i]! + (1 - beta1) * g;
      vw[i] = beta2 * vw[i]! + (1 - beta2) * g * g;
      w[i]! -= (lr * (mw[i]! / correction1)) / (Math.sqrt(vw[i]! / correction2) + eps);
    }
    for (let c = 0; c < C; c++) {
      const g = gb[c]! / N;
      mb[c] = beta1 * mb[c]! + (1 - beta1) * g;
      vb[c] = beta2 * vb[c]! + (1 - beta2) * g * g;
      b[c]! -= (lr * (mb[c]! / correction1)) / (Math.sqrt(vb[c]! / correction2) + eps);
    }
  }

  const weights: Record<string, number[]> = {};
  features.forEach((f, i) => {
    const row = Array.from(w.subarray(i * C, (i + 1) * C), round);
    if (row.some((x) => x !== 0)) weights[f] = row;
  });
  return { trainedOn, classes, bias: Array.from(b, round), weights };
}

/**
 * The model the content's training manifest describes: the topics' own
 * questions plus the training files, on an index of the same content.
 */
export function trainFromManifest(
  knowledgeDir: string,
  topics: Topic[],
  index: KnowledgeIndex,
): { model: ClassifierModel; setAside: number; errors: string[] } {
  const manifest = readTrainingManifest(knowledgeDir);
  const ids = new Set(topics.map((t) => t.id));
  const dir = path.join(knowledgeDir, TRAINING_DIR);
  const { examples, setAside, errors } = readTrainingFiles(manifest.train, ids, dir);
  const trainedOn = [
    'topics/*.yaml (titles and questions)',
    ...manifest.train.map((f) => `${TRAINING_DIR}/${f}`),
  ];
  const model = trainClassifier(
    [...contentExamples(topics), ...examples],
    index,
    trainedOn,
    manifest.options,
  );
  return { model, setAside, errors };
}

/**
 * The model as it is written to classifier.json (classifierFile.ts says how and why): one line per
 * feature, so a retrain diffs by feature. Throws, naming the feature, if a weight cannot be written
 * exactly, which `round` above never gives.
 */
export function modelText(model: ClassifierModel): string {
  const head = JSON.stringify({
    version: CLASSIFIER_FILE_VERSION,
    trainedOn: model.trainedOn,
    classes: model.classes,
    bias: model.bias,
  });
  const rows = Object.entries(model.weights).map(([f, w]) => `    ${JSON.stringify(f)}: "${rowText(f, w)}"`);
  return `${head.slice(0, -1)},\n  "weights": {\n${rows.join(',\n')}\n  }\n}\n`;
}

function rowText(feature: string, row: number[]): string {
  try {
    return encodeRow(row);
  } catch (err) {
    throw new Error(`${feature}: ${(err as Error).message}`, { cause: err });
  }
}
