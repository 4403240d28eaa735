/**
 * The area owns its content: nothing of the shipped area (its numbers, its
 * email addresses, its procedure wording) is written in src/, so another
 * area is a new folder under content/areas, not a code change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../src/contacts/load';

const SRC = path.resolve(__dirname, '../src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(SRC, f), 'utf8') }));

/** 999 and 101 are the national police numbers, the same in every area of England and Wales. */
const NATIONAL = new Set(['999', '101']);

describe('the shipped area in src/', () => {
  const area = loadAreaContacts();
  const phrases = [
    ...area.services.flatMap((s) => s.phones ?? []).filter((p) => !NATIONAL.has(p)),
    ...area.services.flatMap((s) => (s.email ? [s.email] : [])),
    // The police subject line is the form's own name, and the information-sharing flow is that form.
    ...(area.procedures.referralFollowUp ? [area.procedures.referralFollowUp.text] : []),
  ];

  it('has numbers, emails and procedure wording to look for', () => {
    expect(phrases.length).toBeGreaterThan(5);
  });

  it.each(phrases)('does not write "%s" in any source file', (phrase) => {
    const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
    const found = sources.filter((s) => squash(s.text).includes(squash(phrase))).map((s) => s.file);
    expect(found).toEqual([]);
  });
});
