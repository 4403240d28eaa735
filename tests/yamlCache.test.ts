/** Content files parsed once and kept as JSON by their bytes' hash (src/yamlCache.ts), still validated on every start. */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAreaContacts } from '../src/contacts/load';
import { checkKnowledge } from '../src/knowledge/load';
import { readYamlFile, yamlCacheDirectory } from '../src/yamlCache';

const ROOT = path.resolve(__dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'yaml-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file with content no other test writes, so its cache entry is this test's own. */
function freshFile(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}
const entryFor = (text: string) =>
  path.join(yamlCacheDirectory()!, `${createHash('sha256').update(text).digest('hex')}.json`);
const unique = () => `${process.pid}-${Math.random()}`;

describe('reading a YAML content file', () => {
  it('gives what the YAML says, and keeps it for the next start', () => {
    const text = `id: cached-${unique()}\nlist: [1, two, {three: 3}]\nnested:\n  flag: true\n  none: null\n`;
    const file = freshFile('a.yaml', text);
    expect(existsSync(entryFor(text))).toBe(false);
    const first = readYamlFile(file);
    expect(first).toEqual(parse(text));
    expect(existsSync(entryFor(text))).toBe(true);
    expect(readYamlFile(file)).toEqual(first);
  });

  it('reads from the kept copy while the bytes are the same', () => {
    const text = `id: kept-${unique()}\n`;
    const file = freshFile('b.yaml', text);
    readYamlFile(file);
    // Proof the copy is what is read: a different value stored under the same bytes' key comes back.
    writeFileSync(entryFor(text), JSON.stringify({ id: 'from-the-cache' }));
    expect(readYamlFile(file)).toEqual({ id: 'from-the-cache' });
  });

  it('parses an edited file again', () => {
    const file = freshFile('c.yaml', `id: before-${unique()}\n`);
    readYamlFile(file);
    const edited = `id: after-${unique()}\n`;
    writeFileSync(file, edited);
    expect(readYamlFile(file)).toEqual(parse(edited));
  });

  it('reports a YAML error every time, and keeps nothing for it', () => {
    const text = `id: broken-${unique()}\n  bad: [indent\n`;
    const file = freshFile('d.yaml', text);
    expect(() => readYamlFile(file)).toThrow();
    expect(existsSync(entryFor(text))).toBe(false);
    expect(() => readYamlFile(file)).toThrow();
  });

  it('does not keep what JSON would change, and still returns it exactly', () => {
    const text = `id: odd-${unique()}\nlimit: .inf\nmissing: .nan\n`;
    const file = freshFile('e.yaml', text);
    expect(readYamlFile(file)).toEqual(parse(text));
    expect(existsSync(entryFor(text))).toBe(false);
  });
});

describe('content read from the kept copies', () => {
  it('is still validated: a bad topic is reported on every start', () => {
    const dir = path.join(work, `knowledge-${unique()}`);
    cpSync(path.join(ROOT, 'content/knowledge'), dir, { recursive: true });
    const topic = path.join(dir, 'topics', 'grooming.yaml');
    writeFileSync(
      topic,
      readFileSync(topic, 'utf8').replace(/^reviewed: .*$/m, `reviewed: not-a-date # ${unique()}`),
    );
    const contacts = loadAreaContacts();
    for (let start = 0; start < 2; start++) {
      const { content, problems } = checkKnowledge(dir, contacts);
      expect(content).toBeUndefined();
      expect(problems.map((p) => `${p.file} ${p.field}`)).toContain(`${topic} reviewed`);
    }
  });
});
