import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function runScreen(input: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/screen.ts', '--json'], {
    cwd: root,
    input,
    encoding: 'utf8',
  });
  return out.trim().split('\n');
}

describe('the screen CLI', () => {
  it('writes one result per answers line, and an error line for a bad one without stopping', () => {
    const lines = runScreen(
      [
        JSON.stringify({
          childAge: 15,
          partnerAges: [21],
          missing: 'no',
          controlling: 'no',
          unsafePlaces: 'no',
        }),
        'not json',
        JSON.stringify({
          childAge: 15,
          partnerAges: [],
          missing: 'perhaps',
          controlling: 'no',
          unsafePlaces: 'no',
        }),
        '',
        JSON.stringify({
          childAge: 17,
          partnerAges: [23],
          missing: 'no',
          controlling: 'no',
          unsafePlaces: 'no',
        }),
      ].join('\n'),
    ).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ q2: 'yes', ageGap: 6, outcome: 'referral' });
    expect(lines[1]).toEqual({ error: expect.stringMatching(/not valid JSON/) as unknown });
    expect(lines[2]).toEqual({ error: expect.stringMatching(/^missing: /) as unknown });
    expect(lines[3]).toMatchObject({ q2: 'no', ageGap: 6, outcome: 'no-referral', allowanceApplied: true });
  });

  it('takes otherIndicators for a 17-year-old within the allowance, and ignores it at other ages', () => {
    const answers = { partnerAges: [23], missing: 'no', controlling: 'no', unsafePlaces: 'no' };
    const lines = runScreen(
      [
        { ...answers, childAge: 17, otherIndicators: 'yes' },
        { ...answers, childAge: 17, otherIndicators: 'unknown' },
        { ...answers, childAge: 17, otherIndicators: 'no' },
        { ...answers, childAge: 16, otherIndicators: 'no' },
        { ...answers, childAge: 17, otherIndicators: 'maybe' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    ).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ q2: 'yes', outcome: 'referral', allowanceApplied: false });
    expect(lines[1]).toMatchObject({ q2: 'unknown', outcome: 'incomplete', allowanceApplied: false });
    expect(lines[2]).toMatchObject({ q2: 'no', outcome: 'no-referral', allowanceApplied: true });
    expect(lines[3]).toMatchObject({ q2: 'yes', outcome: 'referral', allowanceApplied: false });
    expect(lines[4]).toEqual({ error: expect.stringMatching(/^otherIndicators: /) as unknown });
  });
});
