import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testshire, TESTSHIRE_DIR } from '../helpers/area';
import { allText, startChat } from '../helpers/chat';

const root = path.resolve(__dirname, '../..');
const AT = '2026-11-28T22:00:00Z'; // a Saturday night: the out-of-hours order
/** The CLI in the made-up Testshire, the chat helper's default area: its contacts and its knowledge base. */
const TESTSHIRE_ENV = { AREA_DIR: TESTSHIRE_DIR, KNOWLEDGE_DIR: path.join(TESTSHIRE_DIR, 'knowledge') };

function cli(script: string, args: string[], input = '', env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('npm run ask', () => {
  it('writes one JSON object per question line, with route, topic, confidence, the whole text and suggestions', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--at', AT], {
      cwd: root,
      input: 'what is a lantern walk\n\nwhat is the capital of France\nwho do I call\n',
      encoding: 'utf8',
      env: { ...process.env, ...TESTSHIRE_ENV },
    });
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => Object.keys(r))).toEqual(
      Array(3).fill(['question', 'route', 'topic', 'confidence', 'text', 'suggestions']),
    );
    expect(rows[0]).toMatchObject({
      question: 'what is a lantern walk',
      route: 'topic',
      topic: 'lantern-walks',
    });
    expect(rows[0]!.suggestions).toContain('lantern-walk-leaders');
    expect(rows[1]).toMatchObject({ route: 'not-found', topic: null, suggestions: [] });
    expect(rows[1]!.text).toContain(testshire.phone('out-of-hours'));
    expect(rows[2]).toMatchObject({ route: 'contacts', topic: null, confidence: 1 });
    expect(rows[2]!.text).toContain(testshire.phone('out-of-hours'));
  });

  it('gives the same reply as the bot for the same question at the same time', async () => {
    for (const question of [
      'what are the lantern signs',
      'what does TFD stand for',
      'how do I reset my password',
    ]) {
      const cliText = (
        JSON.parse(cli('src/cli/ask.ts', ['--json', '--at', AT, question], '', TESTSHIRE_ENV).stdout) as {
          text: string;
        }
      ).text;
      const botText = (await startChat({ now: new Date(AT) }).say(question)).map((r) => r.text).join('\n\n');
      expect(cliText, question).toBe(botText);
    }
  });

  it('prints a reply for a person without --json', async () => {
    const result = cli(
      'src/cli/ask.ts',
      ['--at', AT, 'what', 'is', 'a', 'lantern', 'walk'],
      '',
      TESTSHIRE_ENV,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^> what is a lantern walk\n\[topic lantern-walks, confidence [\d.]+\]\n/);
    expect(result.stdout).toContain(
      allText(await startChat({ now: new Date(AT) }).say('what is a lantern walk')),
    );
  });
});

describe('npm run kb', () => {
  it('validates the shipped content and its JSON Schema files', () => {
    const result = cli('src/cli/kb.ts', ['validate']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^OK: \d+ topics and \d+ glossary terms/);
    expect(result.status).toBe(0);
  });

  it('lists every problem and exits non-zero for broken content', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-cli-'));
    try {
      cpSync(path.join(root, 'content/knowledge'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'topics/ofnr.yaml'), 'id: ofnr\ntitle: OFNR\n');
      writeFileSync(path.join(dir, 'topic.schema.json'), '{}\n');
      const result = cli('src/cli/kb.ts', ['validate'], '', { KNOWLEDGE_DIR: dir });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/ofnr\.yaml: ofnr: questions: /);
      expect(result.stderr).toMatch(/ofnr\.yaml: ofnr: answer: /);
      expect(result.stderr).toMatch(/ofnr\.yaml: ofnr: sources: /);
      expect(result.stderr).toMatch(
        /topic\.schema\.json: missing or out of date: run "npm run kb -- schema"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints accuracy, misses and abstention, and fails below --min', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-eval-'));
    const file = path.join(dir, 'eval.jsonl');
    try {
      writeFileSync(
        file,
        [
          { q: 'what is grooming', expect: 'grooming' },
          { q: 'what is the capital of France', expect: null },
          { q: 'what is grooming', expect: 'ofnr' },
        ]
          .map((l) => JSON.stringify(l))
          .join('\n'),
      );
      const pass = cli('src/cli/kb.ts', ['eval', file, '--min', '0.6']);
      expect(pass.status).toBe(0);
      expect(pass.stdout).toMatch(/MISS line 3: "what is grooming"\n {2}expected "ofnr", got topic grooming/);
      expect(pass.stdout).toMatch(/accuracy: 66\.7% \(2\/3\)/);
      expect(pass.stdout).toMatch(/abstention: precision 100\.0% .* recall 100\.0%/);
      const fail = cli('src/cli/kb.ts', ['eval', file, '--min', '0.95']);
      expect(fail.status).toBe(1);
      expect(fail.stderr).toMatch(/FAIL: accuracy 66\.7% is below --min 95\.0%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
