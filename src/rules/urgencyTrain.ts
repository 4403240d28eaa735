/**
 * Trains the 999 classifier and chooses its threshold. Deterministic: the
 * same corpus and settings give the same model file byte for byte (a seeded
 * shuffle, plain double arithmetic in a fixed order, weights rounded when
 * saved), so `npm run urgency -- train` can be checked by a test.
 *
 * Training: logistic regression by stochastic gradient descent, one message
 * at a time in a seeded random order each epoch, L2 shrinkage on the weights
 * a message touches, learning rate decaying by epoch.
 *
 * Threshold: chosen by leave-one-writer-out validation. Each writer's
 * messages are scored by a model trained on the other writers only, which is
 * what the net faces in use: people who never wrote a line of its corpus.
 * The threshold is the highest at which the whole net (rules, then model)
 * catches at least the target share of the pooled urgent messages: as few
 * false alarms as that recall allows, never fewer at its expense.
 */
import { extractFeatures, type FeatureSettings, type Features } from './urgencyFeatures';
import type { Corpus, MessageKind } from './urgencyCorpus';
import {
  MODEL_FORMAT_VERSION,
  modelFromFile,
  sigmoid,
  type Figures,
  type ModelFile,
  type TrainingSettings,
  type UrgencyModel,
  modelAsked,
  modelReads,
  urgencyScore,
} from './urgencyModel';
import { notForTheModel, ruleFor } from './urgencyRules';
import { seededRandom } from '../seededRandom';

export const MODEL_VERSION = '2026.1';

export const FEATURE_SETTINGS: FeatureSettings = {
  bits: 18,
  wordNgrams: [1, 2],
  charNgrams: [3, 5],
  wordWeight: 1.5,
  charWeight: 1,
  maxChars: 1000,
};

export const TRAINING_SETTINGS: TrainingSettings = {
  seed: 13,
  epochs: 40,
  learningRate: 1,
  decay: 0.2,
  l2: 1e-3,
  questionWeight: 0.1,
  decimals: 5,
};

/** Share of urgent validation messages the net must catch; the rest of the choice minimises false alarms. */
export const TARGET_RECALL = 0.99;

interface Example {
  features: Features;
  y: number;
  /** How much this message counts in the gradient. */
  weight: number;
}

interface Trained {
  weights: Float64Array;
  bias: number;
}

function train(examples: Example[], bits: number, t: TrainingSettings): Trained {
  const weights = new Float64Array(1 << bits);
  let bias = 0;
  const random = seededRandom(t.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < t.epochs; epoch++) {
    // Fisher-Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = t.learningRate / (1 + t.decay * epoch);
    for (const k of order) {
      const { features, y, weight } = examples[k]!;
      let z = bias;
      for (let f = 0; f < features.index.length; f++) z += weights[features.index[f]!]! * features.value[f]!;
      const g = weight * (sigmoid(z) - y);
      for (let f = 0; f < features.index.length; f++) {
        const i = features.index[f]!;
        weights[i] = weights[i]! - rate * (g * features.value[f]! + t.l2 * weights[i]!);
      }
      bias -= rate * g;
    }
  }
  return { weights, bias };
}

function round(x: number, decimals: number): number {
  const r = Number(x.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

function scoreWith(m: Trained, f: Features): number {
  let z = m.bias;
  for (let k = 0; k < f.index.length; k++) z += m.weights[f.index[k]!]! * f.value[k]!;
  return sigmoid(z);
}

/** A message as validation sees it: its label, whether a rule fires on it, and the model's score. */
export interface Scored {
  urgent: boolean;
  ruleFired: boolean;
  score: number;
}

export function figuresAt(scored: Scored[], threshold: number): Figures {
  const fires = (s: Scored) => s.ruleFired || s.score >= threshold;
  const urgent = scored.filter((s) => s.urgent);
  const others = scored.filter((s) => !s.urgent);
  return {
    urgent: urgent.length,
    caught: urgent.filter(fires).length,
    others: others.length,
    falseAlarms: others.filter(fires).length,
  };
}

/**
 * The highest threshold at which the net catches at least targetRecall of
 * the urgent messages. Candidates are the urgent messages' own scores
 * (rounded down to 4 decimals, so the saved threshold still catches them).
 */
export function chooseThreshold(scored: Scored[], targetRecall: number): number {
  const urgent = scored.filter((s) => s.urgent);
  const needed = Math.ceil(targetRecall * urgent.length);
  const byRule = urgent.filter((s) => s.ruleFired).length;
  if (byRule >= needed) return 1;
  const modelScores = urgent
    .filter((s) => !s.ruleFired)
    .map((s) => s.score)
    .sort((a, b) => b - a);
  const score = modelScores[needed - byRule - 1]!;
  return Math.floor(score * 1e4) / 1e4;
}

export interface TrainOptions {
  features?: FeatureSettings;
  training?: TrainingSettings;
  targetRecall?: number;
}

export interface TrainResult {
  model: UrgencyModel;
  /** The model as written to model.json. */
  file: ModelFile;
  /** Leave-one-writer-out scores of each writer's urgency messages, for reports and experiments. */
  validation: Record<string, Scored[]>;
}

export function trainUrgencyModel(corpus: Corpus, options: TrainOptions = {}): TrainResult {
  const features = options.features ?? FEATURE_SETTINGS;
  const training = options.training ?? TRAINING_SETTINGS;
  const targetRecall = options.targetRecall ?? TARGET_RECALL;
  const examples = corpus.messages.map((m) => ({
    features: extractFeatures(m.q, features),
    y: m.urgent ? 1 : 0,
    weight: m.kind === 'question' ? training.questionWeight : 1,
    kind: m.kind,
    writer: m.writer,
    ruleFired: ruleFor(m.q) !== null,
    modelAsked: modelReads(m.q, features) && !notForTheModel(m.q),
    urgent: m.urgent,
  }));

  // The threshold is chosen on the urgency messages only: the everyday questions hold no urgent line.
  const validation: Record<string, Scored[]> = {};
  const questions: Scored[] = [];
  for (const writer of corpus.writers) {
    const model = train(
      examples.filter((e) => e.writer !== writer),
      features.bits,
      training,
    );
    const scored = (kind: MessageKind) =>
      examples
        .filter((e) => e.writer === writer && e.kind === kind)
        .map((e) => ({
          urgent: e.urgent,
          ruleFired: e.ruleFired,
          score: e.modelAsked ? scoreWith(model, e.features) : 0,
        }));
    validation[writer] = scored('urgency');
    questions.push(...scored('question'));
  }
  const pooledScores = corpus.writers.flatMap((w) => validation[w]!);
  const threshold = chooseThreshold(pooledScores, targetRecall);

  const final = train(examples, features.bits, training);
  const buckets: number[] = [];
  const weights: number[] = [];
  final.weights.forEach((w, i) => {
    const r = round(w, training.decimals);
    if (r === 0) return;
    buckets.push(i);
    weights.push(r);
  });

  const file: ModelFile = {
    format: MODEL_FORMAT_VERSION,
    version: MODEL_VERSION,
    corpus: {
      hash: corpus.hash,
      writers: corpus.writers,
      messages: corpus.messages.length,
      urgent: corpus.messages.filter((m) => m.urgent).length,
      questions: corpus.messages.filter((m) => m.kind === 'question').length,
    },
    features,
    training,
    threshold,
    validation: {
      method: 'leave one writer out',
      targetRecall,
      perWriter: Object.fromEntries(corpus.writers.map((w) => [w, figuresAt(validation[w]!, threshold)])),
      pooled: figuresAt(pooledScores, threshold),
      questions: figuresAt(questions, threshold),
    },
    bias: round(final.bias, training.decimals),
    buckets,
    weights,
  };
  return { model: modelFromFile(file), file, validation };
}

/** The whole net's figures (rules, then this model) on labelled lines the model was not trained on. */
export function figuresOn(model: UrgencyModel, lines: Array<{ q: string; urgent: boolean }>): Figures {
  const scored = lines.map((l) => ({
    urgent: l.urgent,
    ruleFired: ruleFor(l.q) !== null,
    score: modelAsked(l.q, model) ? urgencyScore(model, l.q) : 0,
  }));
  return figuresAt(scored, model.file.threshold);
}
