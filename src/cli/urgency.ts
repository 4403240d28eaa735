/**
 * npm run --silent urgency -- FILE.jsonl [...]
 * Measures the 999 safety net on evaluation files. Lines are {"q": ...} with
 * "urgent": true|false, or {"q", "expect"} from the knowledge-base dev set
 * ("emergency" means urgent); files named urgent-eval*.jsonl are all urgent.
 * Prints, per file, how many urgent messages fired and how many others did.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkUrgency } from '../rules/urgency';

interface Line {
  q: string;
  urgent?: boolean;
  expect?: unknown;
}

export function measure(file: string): {
  urgent: number;
  caught: number;
  others: number;
  falseAlarms: number;
  missed: string[];
} {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
  const allUrgent = /^urgent-eval/.test(path.basename(file));
  const isUrgentLine = (l: Line) =>
    (l.urgent ?? (l.expect !== undefined ? l.expect === 'emergency' : allUrgent)) === true;
  const urgent = lines.filter(isUrgentLine);
  const others = lines.filter((l) => !isUrgentLine(l));
  const missed = urgent.filter((l) => !checkUrgency(l.q).urgent).map((l) => l.q);
  return {
    urgent: urgent.length,
    caught: urgent.length - missed.length,
    others: others.length,
    falseAlarms: others.filter((l) => checkUrgency(l.q).urgent).length,
    missed,
  };
}

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('Usage: npm run --silent urgency -- tests/fixtures/urgent-eval.jsonl [more.jsonl ...]');
    process.exitCode = 2;
  }
  for (const file of files) {
    const m = measure(file);
    const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
    console.log(
      `${path.basename(file)}: urgent caught ${m.caught}/${m.urgent} (${pct(m.caught, m.urgent)}); ` +
        `false alarms ${m.falseAlarms}/${m.others} (${pct(m.falseAlarms, m.others)})`,
    );
    for (const q of m.missed) console.log(`  missed: ${q}`);
  }
}
