/**
 * Loads and checks the knowledge content. Every problem in every file is
 * collected before anything is reported, so a curator fixes them in one pass:
 * each line says the file, the entry, the field and what is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, formatProblem, type Problem } from '../contentError';
import type { AreaContacts } from '../contacts/schema';
import { projectRoot } from '../paths';
import { readYamlFile } from '../yamlCache';
import { ROUTE_LABELS } from './classifier';
import { classifierFileSchema, scanClassifierFile } from './classifierFile';
import type { PackedClassifier } from './classifierWeights';
import {
  glossarySchema,
  searchSettingsSchema,
  synonymsSchema,
  topicSchema,
  type GlossaryTerm,
  type SearchSettings,
  type Synonyms,
  type Topic,
} from './schema';
import { smalltalkSchema, type SmalltalkContent } from './smalltalk';

export const DEFAULT_KNOWLEDGE_DIR = 'content/knowledge';

export interface KnowledgeContent {
  topics: Topic[];
  glossary: GlossaryTerm[];
  synonyms: Synonyms;
  settings: SearchSettings;
  /** Small talk (smalltalk.yaml); absent, the bot has none. */
  smalltalk?: SmalltalkContent;
  /** The trained topic classifier (classifier.json), decoded as the classifier reads it; absent, the search decides alone. */
  classifier?: PackedClassifier;
}

export { formatProblem, type Problem };

type Reader = (file: string, problems: Problem[]) => unknown;

function unreadable(file: string, err: unknown, problems: Problem[]): undefined {
  problems.push({ file, message: (err as Error).message.split('\n')[0] ?? 'unreadable' });
  return undefined;
}

function readYaml(file: string, problems: Problem[]): unknown {
  try {
    return readYamlFile(file);
  } catch (err) {
    return unreadable(file, err, problems);
  }
}

function schemaProblems(file: string, entry: string | undefined, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    entry,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)',
    message: issue.message,
  }));
}

/** classifier.json: its rows decoded from the bytes when it is as `kb train` writes it, else read as JSON. */
function readClassifierJson(file: string, problems: Problem[]): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return unreadable(file, err, problems);
  }
  const scanned = scanClassifierFile(bytes);
  if (scanned) return scanned;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return unreadable(file, err, problems);
  }
}

function parseFile<T>(
  file: string,
  schema: z.ZodType<T>,
  problems: Problem[],
  read: Reader = readYaml,
): T | undefined {
  const raw = read(file, problems);
  if (raw === undefined && problems.some((p) => p.file === file)) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const entry =
    raw !== null && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
  problems.push(...schemaProblems(file, entry, result.error));
  return undefined;
}

const EMAIL = /[A-Za-z0-9._%+/-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\d/])(999|101|0\d[\d ]{5,12}\d)(?![\d/])/g;
const digits = (s: string) => s.replace(/\D/g, '');

/** Phone numbers and emails in a text that the area's contacts file does not hold. */
export function unknownContacts(text: string, contacts: AreaContacts): string[] {
  const phones = new Set(contacts.services.flatMap((s) => (s.phones ?? []).map(digits)));
  const emails = new Set(contacts.services.flatMap((s) => (s.email ? [s.email.toLowerCase()] : [])));
  const badEmails = (text.match(EMAIL) ?? []).filter((e) => !emails.has(e.toLowerCase()));
  const withoutEmails = text.replace(EMAIL, ' ');
  const badPhones = [...withoutEmails.matchAll(PHONE)]
    .map((m) => m[1]!.trim())
    .filter((p) => !phones.has(digits(p)));
  return [...badPhones, ...badEmails];
}

function crossCheck(
  dir: string,
  found: Array<{ file: string; topic: Topic }>,
  glossary: GlossaryTerm[],
  contacts: AreaContacts,
): Problem[] {
  const problems: Problem[] = [];
  const firstFile = new Map<string, string>();
  for (const { file, topic } of found) {
    const seen = firstFile.get(topic.id);
    if (seen)
      problems.push({ file, entry: topic.id, field: 'id', message: `duplicate id, also used in ${seen}` });
    else firstFile.set(topic.id, file);
    if (path.basename(file, '.yaml') !== topic.id) {
      problems.push({
        file,
        entry: topic.id,
        field: 'id',
        message: `the file should be named ${topic.id}.yaml`,
      });
    }
  }
  for (const { file, topic } of found) {
    const references: Array<[string, string]> = topic.related.map((id, i) => [`related.${i}`, id]);
    if (topic.counterpart) references.push(['counterpart', topic.counterpart]);
    for (const [field, id] of references) {
      if (!firstFile.has(id))
        problems.push({ file, entry: topic.id, field, message: `no topic has the id "${id}"` });
      if (id === topic.id)
        problems.push({ file, entry: topic.id, field, message: 'a topic cannot refer to itself' });
    }
    for (const bad of unknownContacts(topic.answer, contacts)) {
      problems.push({
        file,
        entry: topic.id,
        field: 'answer',
        message: `"${bad}" is not in the area's contacts file: phone numbers and emails must come from there`,
      });
    }
  }
  // A question naming the service gets the topic instead of the contacts list, so the topic must give its number.
  for (const service of contacts.services) {
    if (service.answeredBy === undefined) continue;
    const topic = found.find((f) => f.topic.id === service.answeredBy)?.topic;
    const problem = (message: string) =>
      problems.push({ file: 'contacts.yaml', entry: service.id, field: 'answeredBy', message });
    if (!topic) problem(`no topic has the id "${service.answeredBy}"`);
    else {
      const given = new Set([...topic.answer.matchAll(/[0-9][0-9 ]{1,14}[0-9]/g)].map((m) => digits(m[0])));
      for (const phone of service.phones ?? []) {
        if (!given.has(digits(phone))) problem(`topic "${topic.id}" does not give ${service.name}'s number`);
      }
    }
  }
  const glossaryFile = path.join(dir, 'glossary.yaml');
  const terms = new Set<string>();
  glossary.forEach((t, i) => {
    if (terms.has(t.term))
      problems.push({
        file: glossaryFile,
        entry: t.term,
        field: `terms.${i}.term`,
        message: 'duplicate term',
      });
    terms.add(t.term);
    if (t.topic && !firstFile.has(t.topic)) {
      problems.push({
        file: glossaryFile,
        entry: t.term,
        field: `terms.${i}.topic`,
        message: `no topic has the id "${t.topic}"`,
      });
    }
    for (const bad of unknownContacts(t.meaning, contacts)) {
      problems.push({
        file: glossaryFile,
        entry: t.term,
        field: `terms.${i}.meaning`,
        message: `"${bad}" is not in the area's contacts file`,
      });
    }
  });
  return problems;
}

export interface KnowledgeCheck {
  content?: KnowledgeContent;
  problems: Problem[];
}

/**
 * Reads everything under dir and returns the content, or every problem found. Without the classifier
 * (`withClassifier` false), classifier.json is not read at all: what the trainer loads, so a model file
 * in an older format or damaged never stops the model being rebuilt.
 */
export function checkKnowledge(dir: string, contacts: AreaContacts, withClassifier = true): KnowledgeCheck {
  const root = path.resolve(projectRoot(), dir);
  const problems: Problem[] = [];
  const topicsDir = path.join(root, 'topics');
  let files: string[] = [];
  try {
    files = readdirSync(topicsDir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
  } catch {
    problems.push({ file: topicsDir, message: 'the topics folder is missing' });
  }
  if (files.length === 0 && problems.length === 0)
    problems.push({ file: topicsDir, message: 'no topic files' });
  const found: Array<{ file: string; topic: Topic }> = [];
  for (const name of files) {
    const file = path.join(topicsDir, name);
    const topic = parseFile(file, topicSchema, problems);
    if (topic) found.push({ file, topic });
  }
  const glossary = parseFile(path.join(root, 'glossary.yaml'), glossarySchema, problems);
  const synonyms = parseFile(path.join(root, 'synonyms.yaml'), synonymsSchema, problems);
  const settings = parseFile(path.join(root, 'search.yaml'), searchSettingsSchema, problems);
  const optional = <T>(name: string, schema: z.ZodType<T>, read?: Reader): T | undefined =>
    existsSync(path.join(root, name)) ? parseFile(path.join(root, name), schema, problems, read) : undefined;
  const smalltalk = optional('smalltalk.yaml', smalltalkSchema);
  const classifier = withClassifier
    ? optional('classifier.json', classifierFileSchema, readClassifierJson)
    : undefined;
  problems.push(...crossCheck(root, found, glossary?.terms ?? [], contacts));
  if (classifier) problems.push(...classifierProblems(path.join(root, 'classifier.json'), classifier, found));
  if (problems.length > 0 || !glossary || !synonyms || !settings) return { problems };
  return {
    problems,
    content: {
      topics: found.map((f) => f.topic),
      glossary: glossary.terms,
      synonyms,
      settings,
      ...(smalltalk ? { smalltalk } : {}),
      ...(classifier ? { classifier } : {}),
    },
  };
}

/** A model that names a topic the content no longer has was trained on other content. */
function classifierProblems(
  file: string,
  model: PackedClassifier,
  found: Array<{ topic: Topic }>,
): Problem[] {
  const known = new Set<string>([...found.map((f) => f.topic.id), ...ROUTE_LABELS]);
  return model.classes
    .filter((c) => !known.has(c))
    .map((c) => ({
      file,
      field: 'classes',
      message: `"${c}" is neither a topic id nor a route: retrain with "npm run kb -- train"`,
    }));
}

export function loadKnowledgeContent(dir: string, contacts: AreaContacts): KnowledgeContent {
  const { content, problems } = checkKnowledge(dir, contacts);
  if (!content) throw new ContentError(problems);
  return content;
}
