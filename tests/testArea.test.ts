/**
 * Tests do not depend on the shipped area's content: no file under tests/
 * writes one of its numbers, emails or procedure lines. Chat tests run in the
 * made-up Testshire and read what they look for from the loaded area
 * (tests/helpers/area.ts); tests/smoke reads the shipped ones from its
 * contacts file. So a change to the shipped contacts breaks only the tests
 * about that change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipped, testshire } from './helpers/area';

const TESTS = __dirname;
/** Test code and test areas; not the evaluation sets (*.jsonl), which are questions people type. */
const files = (readdirSync(TESTS, { recursive: true }) as string[])
  .filter((f) => /\.(ts|ya?ml)$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(path.join(TESTS, f), 'utf8') }));

/** 999 and 101 are the national police numbers, the same in every area of England and Wales. */
const NATIONAL = new Set(['999', '101']);
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

describe('the shipped area in tests/', () => {
  const { contacts } = shipped;
  const phrases = [
    ...contacts.services.flatMap((s) => s.phones ?? []).filter((p) => !NATIONAL.has(p)),
    ...contacts.services.flatMap((s) => (s.email ? [s.email] : [])),
    // The police subject line is the form's own name, which people type to start the form.
    ...(contacts.procedures.referralFollowUp ? [contacts.procedures.referralFollowUp.text] : []),
  ];

  it('has numbers, emails and procedure wording to look for, and files to look in', () => {
    expect(phrases.length).toBeGreaterThan(5);
    expect(files.some((f) => f.file.startsWith(`dialogs${path.sep}`))).toBe(true);
  });

  it.each(phrases)('no test file writes "%s"', (phrase) => {
    const found = files.filter((f) => squash(f.text).includes(squash(phrase))).map((f) => f.file);
    expect(found).toEqual([]);
  });
});

describe('the made-up test area', () => {
  it('shares no number or email with the shipped area', () => {
    const reach = (area: typeof shipped) =>
      area.contacts.services.flatMap((s) => [...(s.phones ?? []), ...(s.email ? [s.email] : [])]);
    const theirs = new Set(
      reach(shipped)
        .filter((p) => !NATIONAL.has(p))
        .map(squash),
    );
    expect(reach(testshire).filter((p) => theirs.has(squash(p)))).toEqual([]);
  });
});
