import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/cards/plainText';
import { welcomeReply } from '../../src/knowledge/botWords';
import { testshire } from '../helpers/area';

const PHONE = testshire.phone('mash');

describe('plain text for notifications', () => {
  it.each([
    ['**Welcome to the bot**', 'Welcome to the bot'],
    ['__Bold__ and _italics_ and *more italics*', 'Bold and italics and more italics'],
    [
      '_Sources: PSCP training deck (https://www.portsmouthscp.org.uk)_',
      'Sources: PSCP training deck (https://www.portsmouthscp.org.uk)',
    ],
    [`Call [${PHONE}](tel:${PHONE.replaceAll(' ', '')}) now`, `Call ${PHONE} now`],
    ['Q1: Yes  \nQ2: No', 'Q1: Yes\nQ2: No'],
    ['1\\. not a list, a\\*b', '1. not a list, a*b'],
  ])('turns %j into %j', (markdown, plain) => {
    expect(plainText(markdown)).toBe(plain);
  });

  it('leaves words with underscores or asterisks inside them, and list lines, as they are', () => {
    expect(plainText('snake_case_name and 2*3*4\n- first\n- second')).toBe(
      'snake_case_name and 2*3*4\n- first\n- second',
    );
  });

  it('leaves no Markdown emphasis in the welcome', () => {
    const text = plainText(welcomeReply().text);
    expect(text).toMatch(/^Welcome to the safeguarding guidance bot\n/);
    expect(text).not.toMatch(/\*|_/);
  });
});
