import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/knowledge/cases';
import { spokenWords } from '../../src/knowledge/text';
import { beginTurn, LastReading } from '../../src/rules/turnMemo';

describe('a reading of the message lasts one turn', () => {
  it('reads a message once within a turn, and again in the next turn', () => {
    let reads = 0;
    const reading = new LastReading((text: string) => {
      reads++;
      return text.length;
    });
    beginTurn();
    expect(reading.of('who do I call')).toBe(13);
    expect(reading.of('who do I call')).toBe(13);
    expect(reads).toBe(1);
    beginTurn();
    expect(reading.of('who do I call')).toBe(13);
    expect(reads).toBe(2);
  });

  it('reads again when the message changes within a turn', () => {
    let reads = 0;
    const reading = new LastReading((text: string) => {
      reads++;
      return text.toUpperCase();
    });
    beginTurn();
    expect(reading.of('a')).toBe('A');
    expect(reading.of('b')).toBe('B');
    expect(reading.of('a')).toBe('A');
    expect(reads).toBe(3);
  });

  it('shares the words and the case of a message within a turn only', () => {
    beginTurn();
    const words = spokenWords('wat r the signs');
    const facts = readCase('she is 14 and her boyfriend is 19');
    expect(spokenWords('wat r the signs')).toBe(words);
    expect(readCase('she is 14 and her boyfriend is 19')).toBe(facts);
    beginTurn();
    expect(spokenWords('wat r the signs')).not.toBe(words);
    expect(spokenWords('wat r the signs')).toEqual(words);
    expect(readCase('she is 14 and her boyfriend is 19')).not.toBe(facts);
  });
});
