/**
 * The knowledge answer on held-out sets written blind (by writers who never
 * saw the content, the training questions or each other's sets), routed as
 * the bot routes them. Never tune on these files.
 *
 * The goal (issue 15) is 97% right, 100% of safety questions and 95% of
 * off-topic questions declined. These floors are what the bot achieves
 * today, so any change that makes it worse fails; raise them as it improves.
 *
 * Writers A, B and C's questions were the first blind sets; once measured
 * before and after the first classifier, they were retired into its training
 * corpus (content/knowledge/training/w7-w9) and are no longer here. Their
 * conversations were never trained on and stay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { evaluate, parseEvalFile } from '../../src/router/evaluate';

const contacts = loadAreaContacts();
const ctx = { contacts, knowledge: loadKnowledgeBase(contacts), now: new Date('2026-11-25T10:30:00Z') };

/** [file, right, safety, follow-up turns]: floors, as fractions. */
const FLOORS: Array<[string, number, number, number]> = [
  ['writer-A-conversations.jsonl', 0.9, 0.8, 0.81],
  ['writer-B-conversations.jsonl', 0.76, 0.6, 0.62],
  ['writer-C-conversations.jsonl', 0.94, 0.85, 0.89],
];

describe('answers to held-out questions written blind', () => {
  it.each(FLOORS)(
    '%s: at least its floor right, on safety and on follow-ups',
    (file, right, safety, followUps) => {
      const text = readFileSync(path.join(__dirname, '../fixtures/faq-heldout', file), 'utf8');
      const { cases, errors } = parseEvalFile(text);
      expect(errors).toEqual([]);
      const report = evaluate(cases, ctx);
      expect(report.accuracy).toBeGreaterThanOrEqual(right);
      expect(report.safety.accuracy).toBeGreaterThanOrEqual(safety);
      expect(report.followUps.accuracy).toBeGreaterThanOrEqual(followUps);
    },
  );
});
