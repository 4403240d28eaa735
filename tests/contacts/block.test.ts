import { describe, expect, it } from 'vitest';
import { mailtoAddress, mailtoLink } from '../../src/cards/adaptive';
import { contactsBlock, nowLine } from '../../src/contacts/block';
import { loadAreaContacts } from '../../src/contacts/load';
import type { AreaContacts } from '../../src/contacts/schema';

const contacts = loadAreaContacts();
const SATURDAY_22 = new Date('2026-11-28T22:00:00Z');
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
        '- Portsmouth Adult Safeguarding: 023 9268 0810',
        '- Our sources give no out-of-hours number for adult safeguarding, so I cannot give you one.',
        '- If anyone is in immediate danger, call 999.',
      ]);
      expect(JSON.stringify(block.elements)).not.toMatch(/0300 555 1373|Duty Team|If a child/);
    },
  );

  it("never lists the children's Duty Team for an adult, even when asked for it by name", () => {
    const block = contactsBlock(contacts, SATURDAY_22, { who: 'adult', extra: ['out-of-hours', 'mash'] });
    expect(block.lines.join('\n')).not.toMatch(/0300 555 1373|MASH/);
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
      '- Portsmouth Adult Safeguarding: 023 9268 0810',
      '- Example adult out-of-hours line: 01632 960009',
      '- If anyone is in immediate danger, call 999.',
    ]);
  });
});

describe('the time-aware line', () => {
  it('puts the out-of-hours team first when the MASH is closed, with when it opens', () => {
    expect(nowLine(contacts, SATURDAY_22).text).toBe(
      '**About a child, right now:** call the Out of hours Duty Team (Emergency Duty Service) on 0300 555 1373. ' +
        'Portsmouth MASH (Multi-Agency Safeguarding Hub) is closed now (weekend: out of office hours). ' +
        'It opens again at 09:00 on Monday 30 November.',
    );
  });

  it('gives the MASH when it is open', () => {
    expect(nowLine(contacts, TUESDAY_10).text).toBe(
      '**About a child, right now:** Portsmouth MASH (Multi-Agency Safeguarding Hub) is open now, until 17:00 ' +
        'on Tuesday 24 November. Call 023 92 688793 or 0845 671 0271.',
    );
    expect(nowLine(contacts, TUESDAY_10).markdown).toContain('[023 92 688793](tel:02392688793)');
  });

  it("follows another area's own names and hours", () => {
    const testshire = loadAreaContacts('tests/fixtures/areas/testshire');
    // Testshire's office closes at 16:00 on Thursdays and is shut on Fridays.
    expect(nowLine(testshire, new Date('2026-11-27T10:00:00Z')).text).toMatch(
      /^\*\*About a child, right now:\*\* call the Testshire Night Team on 01632 960002\. Testshire Children's Front Door is closed now/,
    );
  });
});

describe('mailto links (RFC 6068)', () => {
  it('percent-encodes the "/" in an address and leaves the "@"', () => {
    expect(mailtoAddress('24/7-Intel@hampshire.pnn.police.uk')).toBe(
      'mailto:24%2F7-Intel@hampshire.pnn.police.uk',
    );
    expect(mailtoLink('mash@portsmouthcc.gov.uk')).toBe(
      '[mash@portsmouthcc.gov.uk](mailto:mash@portsmouthcc.gov.uk)',
    );
  });
});
