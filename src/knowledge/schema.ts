/**
 * The shape of curated content: topics, the glossary, synonym groups and the
 * search settings. Types are inferred from these schemas, and the JSON Schema
 * files next to the content are generated from them (npm run kb -- schema).
 */
import { z } from 'zod';
import { MAX_BUTTON_TITLE } from '../cards/actions';
import { smalltalkSchema } from './smalltalk';

export const MAX_ANSWER_WORDS = 150;
export const MIN_QUESTIONS = 6;

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: 'expected a kebab-case id such as "what-is-cse"',
});

export function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export const sourceSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'a source needs a name (the seed slide or the public source)' }),
  url: z.url({ protocol: /^https$/, error: 'expected an https:// address' }).optional(),
});

export const topicSchema = z
  .strictObject({
    id: kebabId,
    title: z.string().trim().min(1, { error: 'the title is empty' }),
    /** The title on this topic's buttons, where the title is too long for one (Teams cuts long ones off). */
    button: z
      .string()
      .trim()
      .min(1, { error: 'the button title is empty' })
      .max(MAX_BUTTON_TITLE, { error: `a button title has at most ${MAX_BUTTON_TITLE} characters` })
      .optional(),
    questions: z
      .array(z.string().trim().min(3, { error: 'a question needs at least 3 characters' }))
      .min(MIN_QUESTIONS, { error: `expected at least ${MIN_QUESTIONS} different phrasings` })
      .refine((qs) => new Set(qs.map((q) => q.toLowerCase())).size === qs.length, {
        error: 'the same question is listed twice',
      }),
    answer: z
      .string()
      .trim()
      .min(1, { error: 'the answer is empty' })
      .refine((a) => wordCount(a) <= MAX_ANSWER_WORDS, {
        error: (issue) =>
          `the answer has ${wordCount(String(issue.input))} words; keep it to ${MAX_ANSWER_WORDS} or fewer`,
      }),
    sources: z.array(sourceSchema).min(1, { error: 'every entry needs at least one source' }),
    reviewed: z.iso.date({ error: 'expected the date it was last reviewed, as YYYY-MM-DD' }),
    related: z.array(kebabId).default([]),
    /** The topic that "the other kind" means after this one: push factors and pull factors. */
    counterpart: kebabId.optional(),
    /** Buttons that start something from this answer, e.g. the information-sharing form. */
    actions: z.array(z.enum(['start-screening', 'start-info-sharing', 'contacts'])).default([]),
    tags: z.array(z.string().trim().min(1)).optional(),
  })
  .refine((topic) => topic.button !== undefined || topic.title.length <= MAX_BUTTON_TITLE, {
    error: `the title is over ${MAX_BUTTON_TITLE} characters, too long for a button: add a shorter "button" title`,
    path: ['button'],
  });
export type Topic = z.infer<typeof topicSchema>;

export const glossaryTermSchema = z.strictObject({
  term: z.string().regex(/^[A-Z0-9&]{2,10}$/, { error: 'expected an acronym in capitals, such as "MASH"' }),
  expansion: z.string().trim().min(1, { error: 'the expansion is empty' }),
  meaning: z.string().trim().min(1, { error: 'give one plain sentence' }),
  /** Other ways people type it ("cserq", "cse rq4"). */
  aliases: z.array(z.string().trim().min(2)).optional(),
  /** The topic to offer after the definition. */
  topic: kebabId.optional(),
  source: z.string().trim().min(1, { error: 'every term needs a source' }),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const glossarySchema = z.strictObject({ terms: z.array(glossaryTermSchema).min(1) });

export const synonymsSchema = z.strictObject({
  groups: z.array(z.array(z.string().trim().min(1)).min(2, { error: 'a group needs two or more phrases' })),
});
export type Synonyms = z.infer<typeof synonymsSchema>;

const unit = z.number().min(0).max(1);

/** Thresholds on the learned classifier's probabilities (classifier.json), tuned on a validation split. */
export const classifierSettingsSchema = z.strictObject({
  /** At or above this probability the classifier's topic is answered. */
  answerAt: unit,
  /** At or above this a route it reads (who to call, help, small talk, the screening offer) is taken. */
  routeAt: unit,
  /** At or above this probability of "none of the topics", the question is declined. */
  declineAt: unit,
  /** Topics at or above this are offered in "Did you mean…"; with none, the question is declined. */
  suggestAt: unit,
});
export type ClassifierSettings = z.infer<typeof classifierSettingsSchema>;

export const searchSettingsSchema = z
  .strictObject({
    /** At or above this confidence the best topic is answered. */
    answerAt: unit,
    /** From here up to answerAt the bot asks "Did you mean…"; below it, not found. */
    suggestAt: unit,
    /** How much the answer text counts, relative to titles and questions. */
    answerWeight: z.number().min(0).max(1).default(0.3),
    classifier: classifierSettingsSchema.optional(),
    /**
     * Words that put a question in another subject ("pull factors in tourism economics", "grooming a
     * cockapoo"): a question with one of them, and no young person described, is declined however sure
     * the classifier is of a topic it shares a phrase with. Lower case, whole words.
     */
    otherSubjects: z
      .array(z.string().regex(/^[a-z][a-z ]*[a-z]$/, { error: 'expected lower-case words' }))
      .default([]),
  })
  .refine((s) => s.suggestAt <= s.answerAt, {
    error: 'suggestAt must not be above answerAt',
    path: ['suggestAt'],
  });
export type SearchSettings = z.infer<typeof searchSettingsSchema>;

/** The JSON Schema files written next to the content, so editors can check YAML as it is typed. */
export const CONTENT_SCHEMAS = {
  'topic.schema.json': topicSchema,
  'glossary.schema.json': glossarySchema,
  'synonyms.schema.json': synonymsSchema,
  'search.schema.json': searchSettingsSchema,
  'smalltalk.schema.json': smalltalkSchema,
} as const;

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
