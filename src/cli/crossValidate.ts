/**
 * Leave-one-writer-out cross-validation of the whole knowledge answer: for
 * each writer in the training manifest (training and validation files), a
 * classifier is trained on the topics' own questions and every other
 * training writer, and that writer's lines are answered as the bot answers
 * them. The figure to expect on questions nobody here wrote; thresholds and
 * training options are chosen on it, never on an evaluation set in use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AreaContacts } from '../contacts/schema';
import type { AnswerContext } from '../knowledge/answer';
import { buildKnowledgeBase } from '../knowledge/base';
import { packClassifier } from '../knowledge/classifierWeights';
import type { KnowledgeContent } from '../knowledge/load';
import { KnowledgeIndex } from '../knowledge/search';
import { evaluate, parseEvalFile, setAsideUnknown, type EvalReport } from '../router/evaluate';
import {
  contentExamples,
  readTrainingFiles,
  readTrainingManifest,
  trainClassifier,
  TRAINING_DIR,
  type TrainOptions,
} from './trainTopics';

export interface WriterReport {
  writer: string;
  report: EvalReport;
}

export function crossValidate(
  knowledgeDir: string,
  content: KnowledgeContent,
  contacts: AreaContacts,
  now: Date,
  options: Partial<TrainOptions> = {},
): WriterReport[] {
  const manifest = readTrainingManifest(knowledgeDir);
  const trainOptions = { ...manifest.options, ...options };
  const dir = path.join(knowledgeDir, TRAINING_DIR);
  const ids = new Set(content.topics.map((t) => t.id));
  const index = new KnowledgeIndex(content.topics, content.glossary, content.synonyms, content.settings);
  return [...manifest.train, ...manifest.validation].map((writer) => {
    // The validation writers are never trained on, not even when another writer is held out.
    const trainOn = manifest.train.filter((f) => f !== writer);
    const { examples } = readTrainingFiles(trainOn, ids, dir);
    const classifier = trainClassifier(
      [...contentExamples(content.topics), ...examples],
      index,
      trainOn,
      trainOptions,
    );
    const knowledge = buildKnowledgeBase({ ...content, classifier: packClassifier(classifier) });
    const { cases, errors } = parseEvalFile(readFileSync(path.join(dir, writer), 'utf8'));
    if (errors.length > 0) throw new Error(`${writer}: ${errors.join('; ')}`);
    const { kept } = setAsideUnknown(cases, ids);
    const ctx: AnswerContext = { contacts, knowledge, now };
    return { writer, report: evaluate(kept, ctx) };
  });
}
