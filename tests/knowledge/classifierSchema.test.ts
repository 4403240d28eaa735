/** The classifier's weights are checked by plain loops (fast at start-up), and still every one of them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifierModelSchema } from '../../src/knowledge/classifier';

const shipped = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../content/knowledge/classifier.json'), 'utf8'),
) as { weights: Record<string, unknown[]> };
const feature = Object.keys(shipped.weights)[7]!;

function withWeight(value: unknown, at = 3): unknown {
  const copy = structuredClone(shipped);
  copy.weights[feature]![at] = value;
  return copy;
}

describe('the classifier model schema', () => {
  it('accepts the shipped model as it is', () => {
    const parsed = classifierModelSchema.safeParse(shipped);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(shipped);
  });

  it.each([
    ['a string', 'x'],
    ['null', null],
    ['infinity', Infinity],
    ['not a number', NaN],
  ])('refuses a weight that is %s, naming its feature', (_name, value) => {
    const parsed = classifierModelSchema.safeParse(withWeight(value));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({
      path: ['weights', feature],
      message: 'expected a row of numbers',
    });
  });

  it('refuses weights that are not an object of rows', () => {
    for (const weights of [[], 'rows', null, { [feature]: 'not a row' }])
      expect(classifierModelSchema.safeParse({ ...shipped, weights }).success).toBe(false);
  });
});
