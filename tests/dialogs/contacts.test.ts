import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { literal, shipped, testshire, TESTSHIRE_DIR } from '../helpers/area';
import { allText, startChat } from '../helpers/chat';

// Every chat here runs in the made-up Testshire; the numbers, names and hours are read from it.
const { mash, outOfHours, contacts } = testshire;
const { opens, closes } = contacts.officeHours;

const WEEKDAY_MORNING = new Date('2026-11-25T10:30:00Z'); // Wednesday, GMT
const SATURDAY_NIGHT = new Date('2026-11-28T22:00:00Z');
/** When Testshire's office opens after SATURDAY_NIGHT: Monday 30 November is St Andrew's Day, a Scottish bank holiday. */
const AFTER_SATURDAY_NIGHT = 'Tuesday 1 December';
const BOXING_DAY_SUBSTITUTE = new Date('2026-12-28T11:00:00Z');
const SUMMER_EVENING = new Date('2026-07-01T19:00:00Z'); // 20:00 BST

const indexOf = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  expect(i, `"${needle}" in the reply`).toBeGreaterThanOrEqual(0);
  return i;
};

describe('who to call, by the clock', () => {
  it('puts the MASH first on a weekday morning', async () => {
    const reply = allText(await startChat({ now: WEEKDAY_MORNING }).say('who do I call?'));
    expect(reply).toContain(`${mash.name} is open now, until ${closes} on Wednesday 25 November`);
    expect(indexOf(reply, testshire.phone('mash'))).toBeLessThan(
      indexOf(reply, testshire.phone('out-of-hours')),
    );
    expect(reply).toMatch(/If a child is in immediate danger, call 999/);
  });

  it('puts the out-of-hours Duty Team first at 10 pm on a Saturday, and says when the MASH opens', async () => {
    const reply = allText(await startChat({ now: SATURDAY_NIGHT }).say('weekend number'));
    expect(reply).toContain(
      `${mash.name} is closed now (weekend: out of office hours). It opens again at ${opens} on ${AFTER_SATURDAY_NIGHT}`,
    );
    expect(indexOf(reply, testshire.phone('out-of-hours'))).toBeLessThan(
      indexOf(reply, testshire.phone('mash')),
    );
    expect(reply).toContain(`email ${testshire.email('mash')} for non-urgent follow-up`);
    expect(reply).toMatch(/call 999/);
  });

  it.each([
    ['MASH number', SATURDAY_NIGHT],
    ['out of hours', WEEKDAY_MORNING],
    ['is MASH open?', BOXING_DAY_SUBSTITUTE],
    ['bank holiday number', BOXING_DAY_SUBSTITUTE],
    ['who do i phone at night', SUMMER_EVENING],
  ])('answers "%s" with the contacts block', async (question, now) => {
    const reply = allText(await startChat({ now }).say(question));
    expect(reply).toMatch(/Who to call/);
    expect(reply).toContain(testshire.phone('out-of-hours'));
    expect(reply).toMatch(/call 999/);
  });

  it('names the bank holiday on Boxing Day (substitute day)', async () => {
    const reply = allText(await startChat({ now: BOXING_DAY_SUBSTITUTE }).say('is MASH open?'));
    expect(reply).toMatch(/bank holiday, Boxing Day \(substitute day\)/);
    expect(reply).toContain(`opens again at ${opens} on Tuesday 29 December`);
  });

  it('adds the line asked for by name', async () => {
    const reply = allText(await startChat({ now: WEEKDAY_MORNING }).say('police non emergency number'));
    const police = testshire.service('police-non-emergency');
    expect(reply).toContain(`${police.name}: ${testshire.phones('police-non-emergency')}`);
  });

  it('hands the time-aware block back at the end of a screening', async () => {
    const chat = startChat({ now: SATURDAY_NIGHT });
    for (const answer of ['screen', 'yes', '15', 'no', 'no']) await chat.say(answer);
    const outcome = allText(await chat.say('no'));
    expect(outcome).toMatch(/Referral indicated/);
    expect(indexOf(outcome, testshire.phone('out-of-hours'))).toBeLessThan(
      indexOf(outcome, testshire.phone('mash')),
    );
    expect(outcome).toContain(`opens again at ${opens} on ${AFTER_SATURDAY_NIGHT}`);
  });

  it('offers the contacts when it cannot answer', async () => {
    const reply = allText(await startChat({ now: SATURDAY_NIGHT }).say('what is the capital of France'));
    expect(reply).toMatch(/I can only help with child exploitation guidance/);
    expect(reply).toContain(testshire.phone('out-of-hours'));
  });
});

describe('the 999 safety net', () => {
  it('leads with 999 and then the line the clock says', async () => {
    const reply = allText(await startChat({ now: SATURDAY_NIGHT }).say('a child is in danger right now'));
    expect(reply.startsWith('**If a child is in immediate danger, call 999 now.**')).toBe(true);
    expect(reply).toContain(testshire.phone('out-of-hours'));
  });

  it('interrupts a screening at question 3, then carries on at the same question with nothing lost', async () => {
    const chat = startChat({ now: WEEKDAY_MORNING });
    for (const answer of ['screen', 'no', '15', 'yes']) await chat.say(answer);
    expect(allText(await chat.say('21'))).toMatch(/Question 3 of 4/);
    const urgent = await chat.say('theres a man outside waiting to take her');
    expect(urgent[0]!.text).toMatch(/^\*\*If a child is in immediate danger, call 999 now/);
    expect(allText(urgent)).toMatch(/Question 3 of 4/);
    expect(allText(await chat.say('no'))).toMatch(/Question 4 of 4/);
    const outcome = allText(await chat.say('no'));
    expect(outcome).toMatch(/Referral indicated/);
    expect(outcome).toMatch(/the age difference is 6 years/);
  });

  it('interrupts a screening while it waits for an age', async () => {
    const chat = startChat();
    await chat.say('screen');
    await chat.say('no');
    const reply = allText(await chat.say('emergency - he has a knife'));
    expect(reply).toMatch(/call 999 now/);
    expect(reply).toMatch(/How old are you\?/);
    expect(allText(await chat.say('14'))).toMatch(/partner/);
  });
});

describe('another area', () => {
  // The shipped area and Testshire, side by side: the same code, each with its own numbers and hours.
  it("shows the other area's numbers and hours with no code change", async () => {
    const reply = allText(
      await startChat({ area: testshire, now: new Date('2026-11-26T15:00:00Z') }).say('who do I call'),
    );
    expect(reply).toContain(`${mash.name} is open now, until ${closes} on Thursday 26 November`);
    expect(reply).toContain(testshire.phone('mash'));
    expect(reply).not.toContain(shipped.phone('mash'));
    expect(reply).not.toContain(shipped.phone('out-of-hours'));
    expect(reply).not.toContain(shipped.contacts.area);
  });

  it("follows the other area's days and its own bank holidays", async () => {
    // Testshire's office is shut on Fridays.
    expect(contacts.officeHours.days).not.toContain('friday');
    const friday = allText(
      await startChat({ area: testshire, now: new Date('2026-11-27T10:00:00Z') }).say('is mash open?'),
    );
    expect(friday).toMatch(/closed now \(weekend/);
    expect(friday).toContain(`${outOfHours.name}, now: ${testshire.phone('out-of-hours')}`);
    // Monday 4 January 2027 is a bank holiday in Scotland (for 2 January) but not in England.
    expect(contacts.officeHours.bankHolidays).toMatchObject({ country: 'GB', region: 'SCT' });
    const scottish = allText(
      await startChat({ area: testshire, now: new Date('2027-01-04T10:00:00Z') }).say('is mash open?'),
    );
    expect(scottish).toMatch(/closed now \(bank holiday/);
    const english = allText(
      await startChat({ area: shipped, now: new Date('2027-01-04T10:00:00Z') }).say('is mash open?'),
    );
    expect(english).toMatch(/is open now/);
  });
});

describe('the contacts CLI', () => {
  const root = path.resolve(__dirname, '../..');
  // The CLI reads the area from AREA_DIR, as the server does.
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/contacts.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, AREA_DIR: TESTSHIRE_DIR },
    });

  it('prints the routing as JSON for a given instant', () => {
    const out = JSON.parse(run('--json', '--at', '2026-12-25T22:00:00Z')) as Record<string, unknown>;
    // Christmas Day, then a weekend, then the Boxing Day substitute: open again on Tuesday 29 December (GMT).
    expect(out).toMatchObject({
      open: false,
      reason: 'bank-holiday',
      holiday: 'Christmas Day',
      nextChange: `2026-12-29T${opens}:00.000Z`,
      primary: { name: outOfHours.name, phone: testshire.phone('out-of-hours') },
    });
    expect(out.lines).toContain('If a child is in immediate danger, call 999.');
  });

  it('prints the block a practitioner would see', () => {
    expect(run('--at', '2026-11-25T10:00:00Z')).toMatch(
      new RegExp(`^${literal(mash.name).source} is open now`),
    );
  });
});
