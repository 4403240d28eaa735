/** The cheap size bound that lets most replies skip being serialised to be measured (src/turn/send.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytesAtMost } from '../../src/turn/send';

const exact = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

describe('jsonBytesAtMost', () => {
  it('is never below the real size of the JSON, whatever the characters', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(jsonBytesAtMost(value)).toBeGreaterThanOrEqual(exact(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('holds for the longest numbers, the characters JSON escapes longest and characters outside the BMP', () => {
    for (const n of [
      -0.0000011043463986599311,
      -1.2345678901234567e-308,
      -123456789012345680000,
      Number.MIN_VALUE,
    ])
      expect(jsonBytesAtMost([n])).toBeGreaterThanOrEqual(exact([n]));
    for (const text of ['\u0000\u001f"\\', '\u{1F600}'.repeat(10), 'é€漢', '\u2028\u2029', '\ud800'])
      expect(jsonBytesAtMost({ text, list: [text, 1.5e-300, null, true] })).toBeGreaterThanOrEqual(
        exact({ text, list: [text, 1.5e-300, null, true] }),
      );
  });
});
