/**
 * The layers, as the folders show them: the core folders never import
 * botbuilder or restify, and no folder imports a folder that imports it back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../src');

/** Folders that decide: plain functions and data, no Bot Framework, no HTTP server. */
const CORE = [
  'rules',
  'knowledge',
  'cards',
  'contacts',
  'flows',
  'screening',
  'infoSharing',
  'experts',
  'router',
];

const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split(path.sep).join('/'));

/** The folder of a file under src/; a file at the top is a layer of its own (paths.ts, time.ts, bot.ts…). */
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : file.replace(/\.ts$/, ''));

function importsOf(file: string): string[] {
  const source = readFileSync(path.join(SRC, file), 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Folder → the other src/ folders it imports from. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target =
        path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '') + '.ts';
      const to = folderOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

describe('the source tree', () => {
  it('keeps botbuilder and restify out of the core folders', () => {
    const offenders = files
      .filter((f) => CORE.includes(folderOf(f)))
      .flatMap((f) =>
        importsOf(f)
          .filter((spec) => /^(botbuilder|botframework-|restify)/.test(spec))
          .map((spec) => `${f} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('has no two folders that import each other, directly or round a loop', () => {
    const graph = folderGraph();
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (next === trail[0]) cycles.push([...trail, next].join(' → '));
        else if (!trail.includes(next) && next > trail[0]!) visit(next, [...trail, next]);
      }
    };
    for (const start of graph.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });
});
