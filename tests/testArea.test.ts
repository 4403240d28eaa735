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
import { shipped, testshire, type TestArea } from './helpers/area';

const TESTS = __dirname;
/** Test code and test areas; not the evaluation sets (*.jsonl), which are questions people type. */
const files = (readdirSync(TESTS, { recursive: true }) as string[])
  .filter((f) => /\.(ts|ya?ml)$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(path.join(TESTS, f), 'utf8') }));

/**
 * Services that are the same in every area, so a test may write their numbers: the police (999, 101) and
 * the national helplines (a test may quote one in a practitioner's message).
 */
const NATIONAL_SERVICES = new Set(['emergency', 'police-non-emergency', 'childline', 'nspcc']);
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
/** An area's own numbers and emails. */
const reach = (area: TestArea) =>
  area.contacts.services
    .filter((s) => !NATIONAL_SERVICES.has(s.id))
    .flatMap((s) => [...(s.phones ?? []), ...(s.email ? [s.email] : [])]);

describe('the shipped area in tests/', () => {
  const phrases = [
    ...reach(shipped),
    // The police subject line is the form's own name, which people type to start the form.
    ...(shipped.contacts.procedures.referralFollowUp
      ? [shipped.contacts.procedures.referralFollowUp.text]
      : []),
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
  it('shares no number or email of its own with the shipped area', () => {
    const theirs = new Set(reach(shipped).map(squash));
    expect(reach(testshire).filter((p) => theirs.has(squash(p)))).toEqual([]);
  });
});
