import { describe, expect, it } from 'vitest';
import { mailtoAddress, mailtoLink } from '../../src/cards/adaptive';
import { contactsBlock, nowLine } from '../../src/contacts/block';
import type { AreaContacts } from '../../src/contacts/schema';
import { escapeRegExp, testshire } from '../helpers/area';

// The made-up Testshire: names, numbers and hours are read from its contacts file.
const { contacts, mash, outOfHours, adult } = testshire;
const { opens, closes } = contacts.officeHours;
const ADULT_LINE = `- ${adult.name}: ${testshire.phones('adult-safeguarding')}`;
const SATURDAY_22 = new Date('2026-11-28T22:00:00Z');
/** When Testshire's office opens after SATURDAY_22: Monday 30 November is St Andrew's Day, a Scottish bank holiday. */
const AFTER_SATURDAY_22 = 'Tuesday 1 December';
const TUESDAY_10 = new Date('2026-11-24T10:00:00Z');

describe('the adult contacts block', () => {
  it.each([
    ['Saturday night', SATURDAY_22],
    ['Tuesday morning', TUESDAY_10],
  ])(
    'on a %s: adult safeguarding, no out-of-hours number, never the Duty Team, and "anyone" in danger',
    (_when, at) => {
      const block = contactsBlock(contacts, at, { who: 'adult' });
      expect(block.lines).toEqual([
        ADULT_LINE,
        '- Our sources give no out-of-hours number for adult safeguarding, so I cannot give you one.',
        '- If anyone is in immediate danger, call 999.',
      ]);
      const elements = JSON.stringify(block.elements);
      expect(elements).not.toContain(testshire.phone('out-of-hours'));
      expect(elements).not.toContain(outOfHours.name);
      expect(elements).not.toMatch(/Duty Team|If a child/);
    },
  );

  it("never lists the children's Duty Team for an adult, even when asked for it by name", () => {
    const block = contactsBlock(contacts, SATURDAY_22, { who: 'adult', extra: ['out-of-hours', 'mash'] });
    const lines = block.lines.join('\n');
    for (const never of [
      testshire.phone('out-of-hours'),
      outOfHours.name,
      testshire.phone('mash'),
      mash.name,
    ])
      expect(lines).not.toContain(never);
  });

  it("lists an area's own out-of-hours adult line when it names one, instead of saying there is none", () => {
    const withAdultOoh: AreaContacts = {
      ...contacts,
      services: [
        ...contacts.services,
        {
          id: 'adult-out-of-hours',
          name: 'Example adult out-of-hours line',
          purpose: 'test',
          phones: ['01632 960009'],
          keywords: [],
          aliases: [],
          sources: ['test'],
        },
      ],
    };
    const block = contactsBlock(withAdultOoh, SATURDAY_22, { who: 'adult' });
    expect(block.lines).toEqual([
      ADULT_LINE,
      '- Example adult out-of-hours line: 01632 960009',
      '- If anyone is in immediate danger, call 999.',
    ]);
  });
});

describe('the time-aware line', () => {
  it('puts the out-of-hours team first when the MASH is closed, with when it opens', () => {
    expect(nowLine(contacts, SATURDAY_22).text).toBe(
      `**About a child, right now:** call the ${outOfHours.name} on ${testshire.phones('out-of-hours')}. ` +
        `${mash.name} is closed now (weekend: out of office hours). ` +
        `It opens again at ${opens} on ${AFTER_SATURDAY_22}.`,
    );
  });

  it('gives the MASH when it is open', () => {
    const [first, second] = mash.phones!;
    expect(second, 'Testshire gives its office-hours service two numbers').toBeDefined();
    expect(nowLine(contacts, TUESDAY_10).text).toBe(
      `**About a child, right now:** ${mash.name} is open now, until ${closes} ` +
        `on Tuesday 24 November. Call ${first} or ${second}.`,
    );
    expect(nowLine(contacts, TUESDAY_10).markdown).toContain(`[${first}](tel:${first!.replaceAll(' ', '')})`);
  });

  it("follows the area's own days: Testshire's office is shut on Fridays", () => {
    expect(contacts.officeHours.days).not.toContain('friday');
    expect(nowLine(contacts, new Date('2026-11-27T10:00:00Z')).text).toMatch(
      new RegExp(
        `^\\*\\*About a child, right now:\\*\\* call the ${escapeRegExp(outOfHours.name)} on ` +
          `${escapeRegExp(testshire.phones('out-of-hours'))}\\. ${escapeRegExp(mash.name)} is closed now`,
      ),
    );
  });
});

describe('mailto links (RFC 6068)', () => {
  it('percent-encodes the "/" in an address and leaves the "@"', () => {
    expect(mailtoAddress('24/7-tips@police.example')).toBe('mailto:24%2F7-tips@police.example');
    expect(mailtoLink('frontdoor@testshire.example')).toBe(
      '[frontdoor@testshire.example](mailto:frontdoor@testshire.example)',
    );
  });
});
