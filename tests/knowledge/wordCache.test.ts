import { describe, expect, it } from 'vitest';
import { WordCache } from '../../src/knowledge/wordCache';
import { stem } from '../../src/knowledge/text';

describe('the per-word caches', () => {
  it('keep what they were told until their limit', () => {
    const cache = new WordCache<string>(3);
    cache.set('grooming', 'groom');
    cache.set('signs', 'sign');
    expect(cache.get('grooming')).toBe('groom');
    expect(cache.size).toBe(2);
  });

  it('start again empty past their limit, so a long-running bot does not grow with every word typed', () => {
    const cache = new WordCache<string>(3);
    for (const w of ['a', 'b', 'c', 'd']) cache.set(w, w.toUpperCase());
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toBe('D');
  });

  it('give the same reading of a word after 50 000 others have passed through', () => {
    const before = stem('exploitation');
    for (let i = 0; i < 50_000; i++) stem(`word${i}x`);
    expect(stem('exploitation')).toBe(before);
  });
});
