/**
 * Content files (topics, glossary, contacts) parsed from YAML, with each
 * file's parsed form kept as JSON under node_modules/.cache, keyed by the
 * SHA-256 of the file's bytes.
 *
 * Parsing the 30-odd content files with the `yaml` package, which has to be
 * loaded and warmed up first, was the largest part of start-up after the
 * Bot Framework itself (about 0.4 s on a shared machine); reading the same
 * data back as JSON takes a few milliseconds. The cache replaces the parsing
 * only: the content is still validated against its schemas and cross-checked
 * on every start, exactly as when it is read from YAML.
 *
 * A file whose bytes change has a new key, so an edited file is always
 * parsed again; a value JSON cannot carry exactly is never cached; a YAML
 * error is never cached (it is reported, as before). Where the cache cannot
 * be written (a read-only deployment) every start parses the YAML, as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { projectRoot } from './paths';

/** Bumped when what is stored changes meaning; part of every key. */
const FORMAT = 1;

let cacheDir: string | null | undefined;

/** Where parsed files are kept; null when there is nowhere to keep them. */
export function yamlCacheDirectory(): string | null {
  if (cacheDir === undefined) {
    try {
      const root = projectRoot();
      // The parser's own version is part of the key: a new parser may read the same bytes differently.
      const yamlVersion = (
        JSON.parse(readFileSync(require.resolve('yaml/package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
      cacheDir = path.join(
        root,
        'node_modules',
        '.cache',
        'safeguarding-bot',
        `yaml-${yamlVersion}-v${FORMAT}`,
      );
    } catch {
      cacheDir = null;
    }
  }
  return cacheDir;
}

function parseYaml(text: string): unknown {
  // Loaded only when a file is not in the cache.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('yaml') as typeof import('yaml')).parse(text);
}

/** The file's contents parsed as YAML, from the cache when its bytes have been parsed before. Throws as yaml.parse throws. */
export function readYamlFile(file: string): unknown {
  const bytes = readFileSync(file);
  const dir = yamlCacheDirectory();
  const key = dir && path.join(dir, `${createHash('sha256').update(bytes).digest('hex')}.json`);
  if (key) {
    try {
      return JSON.parse(readFileSync(key, 'utf8')) as unknown;
    } catch {
      // Not cached yet, or unreadable: parse the YAML.
    }
  }
  const value = parseYaml(bytes.toString('utf8'));
  if (key && dir) remember(dir, key, value);
  return value;
}

function remember(dir: string, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  // undefined, NaN, Infinity, -0, dates: what JSON would change is not cached.
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) return;
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed into place, so a start never reads half a file.
    const temporary = `${key}.${process.pid}.tmp`;
    writeFileSync(temporary, json);
    renameSync(temporary, key);
  } catch {
    // A read-only install: parse the YAML on every start, as before.
  }
}
