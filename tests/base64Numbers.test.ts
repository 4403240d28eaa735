/** The models' weights as base64 of little-endian whole numbers: written exactly, read back exactly, or refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeScaled, int16View } from '../src/base64Numbers';

/** The whole numbers base64 text stands for, read one by one in little-endian order: a reading independent of int16View. */
function plainInt16s(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  return Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readInt16LE(2 * i));
}

describe('encodeScaled and decodeBase64', () => {
  it('give back every 16-bit weight in thousandths exactly, padding zeros after', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -0x8000, max: 0x7fff })), fc.nat(5), (wholes, zeros) => {
        const weights = wholes.map((k) => k / 1000 + 0);
        const text = encodeScaled(weights, 1000, 'int16', zeros);
        const read = int16View(decodeBase64(text)!);
        expect(Array.from(read.subarray(0, weights.length), (k) => k / 1000)).toEqual(weights);
        expect(read.every((k, i) => Object.is(k / 1000, weights[i] ?? 0))).toBe(true);
        expect(Array.from(read.subarray(weights.length))).toEqual(new Array<number>(zeros).fill(0));
        expect(plainInt16s(text)).toEqual(Array.from(read));
      }),
    );
  });

  it('give back every 32-bit weight in hundred-thousandths to the last bit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -0x80000000, max: 0x7fffffff })), (wholes) => {
        const weights = wholes.map((k) => k / 1e5 + 0);
        const bytes = decodeBase64(encodeScaled(weights, 1e5, 'int32'))!;
        const read = weights.map((_, i) => bytes.readInt32LE(4 * i) / 1e5);
        expect(read.every((w, i) => Object.is(w, weights[i]))).toBe(true);
        // The decimal the old file wrote parses to the same double.
        expect(read.every((w, i) => Object.is(w, Number((wholes[i]! / 1e5).toFixed(5))))).toBe(true);
      }),
    );
  });

  it('write the numbers little-endian whatever the platform', () => {
    expect(encodeScaled([1, -2], 1, 'int16')).toBe(Buffer.from([1, 0, 0xfe, 0xff]).toString('base64'));
    expect(encodeScaled([258], 1, 'uint32')).toBe(Buffer.from([2, 1, 0, 0]).toString('base64'));
  });

  it.each([
    ['not a whole number of thousandths', 0.1234, 1000, 'int16'],
    ['too large for 16 bits', 40.5, 1000, 'int16'],
    ['negative, for a bucket number', -1, 1, 'uint32'],
    ['not a number', NaN, 1000, 'int16'],
    ['infinite', Infinity, 1e5, 'int32'],
    ['minus zero, which would come back as zero', -0, 1000, 'int16'],
  ] as const)('refuses to write a weight that is %s, naming it', (_name, value, scale, kind) => {
    expect(() => encodeScaled([0, value], scale, kind)).toThrow(/^value 1 \(/);
  });

  it('reads nothing but base64 exactly as Buffer writes it', () => {
    const good = encodeScaled([1.901, 0.095, -0.297, 0], 1000, 'int16');
    expect(good).toMatch(/=$/);
    expect(decodeBase64(good)).not.toBeNull();
    expect(decodeBase64('')).toEqual(Buffer.alloc(0));
    expect(encodeScaled([-5], 1, 'int16')).toBe('+/8=');
    expect(decodeBase64('+/8=')).not.toBeNull();
    for (const bad of [
      good.slice(0, -1), // cut short
      `${good.slice(0, 5)}!${good.slice(6)}`, // a character base64 does not have
      `${good.slice(0, -1)}!`, // in place of the padding
      `${good.slice(0, 5)}=${good.slice(6)}`, // padding in the middle
      `${good.slice(0, 5)} ${good.slice(6)}`, // a space
      '-_8=', // URL-safe for "+/8="
      `${good.slice(0, -2)}${String.fromCharCode(good.charCodeAt(good.length - 2) + 1)}=`, // stray bits at the end
      'A===',
    ])
      expect(decodeBase64(bad), bad).toBeNull();
  });
});
