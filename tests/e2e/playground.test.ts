/**
 * The bot in Microsoft's own Teams emulator, the Microsoft 365 Agents
 * Playground, driven in Chromium: the personal chat, the group chat and a
 * team's channel, typed messages, @mentions and card buttons. Each scenario
 * gets a fresh Playground (a fresh set of conversations) against one bot
 * process, and saves a screenshot of its final state to
 * test-results/e2e/playground-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOW_TO_START_PRIVATE_CHAT } from '../../src/knowledge/botWords';
import { shipped } from '../helpers/area';
import { startTestServer, type TestServer } from '../helpers/server';
import { launchChromium } from './chatPage';
import { openPlayground, startPlayground, type Playground, type PlaygroundPage } from './playground';

const Q1 = /^Question 1 of 4 \(going missing\)$/;
const AGE = /^How old are you\?$/;
const PARTNER = /^Do you have a partner, or person\(s\) you have sex with\?$/;
const PARTNER_AGE = /^How old is your partner or the person\(s\) you have sex with\?$/;
const Q3 = /^Question 3 of 4 \(controlling relationship\)$/;
const Q4 = /^Question 4 of 4/;
const PRIVATE_ONLY = /^This needs a private chat$/;
const WHO_TO_CALL = /^Who to call$/;
/** The bot runs as it ships, so what a referral hands over is read from the shipped area's contacts. */
const NUMBERS = [...shipped.mash.phones!, shipped.email('mash'), shipped.phone('out-of-hours')];

/** A Wednesday morning in term time: the MASH is open, so no test depends on the real clock. */
const OFFICE_HOURS = new Date('2026-11-25T10:30:00Z');

let server: TestServer;
let browser: Browser;
let playground: Playground | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({}, () => OFFICE_HOURS), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  playground = await startPlayground(server.url);
});
afterEach(async () => {
  await playground?.stop();
  playground = undefined;
});

const open = (name: string) => openPlayground(browser, playground!, name);

/** No button press threw in the page (the Playground cannot send a button whose data has an msteams key). */
function expectNoPageErrors(pg: PlaygroundPage): void {
  expect(pg.pageErrors).toEqual([]);
}

/** The screening refused where everyone can read it, with the way to a private chat, and not started. */
async function expectRefusedHere(pg: PlaygroundPage): Promise<void> {
  const refusal = pg.cards(PRIVATE_ONLY).last();
  expect(await refusal.textContent()).toContain(HOW_TO_START_PRIVATE_CHAT);
  // The Playground's bot id is not a Teams one, so there is no deep link to give: no button either.
  expect(await refusal.getByRole('link', { name: 'Open a private chat' }).count()).toBe(0);
  expect(await refusal.getByRole('button').count()).toBe(0);
  expect(await pg.shown(Q1).count()).toBe(0);
}

async function expectContacts(pg: PlaygroundPage): Promise<void> {
  const contacts = pg.cards(WHO_TO_CALL).last();
  for (const shown of [shipped.phone('mash'), shipped.phone('out-of-hours')]) {
    await contacts.getByRole('link', { name: shown }).first().waitFor();
  }
  expect(await contacts.textContent()).toMatch(/If a child is in immediate danger, call 999/);
  await contacts.getByText(/If a child is in immediate danger, call 999/).scrollIntoViewIfNeeded();
}

describe('in the Microsoft 365 Agents Playground (Teams)', () => {
  it('welcomes you with a card when the bot is installed in a personal chat', async () => {
    const pg = await open('welcome');
    const welcome = pg.cards(/^Welcome to the safeguarding guidance bot$/);
    await welcome.waitFor();
    expect(await welcome.count()).toBe(1);
    for (const label of ['Start a CSERQ4 screening', 'Who do I call now?', 'What can I ask?']) {
      await welcome.getByRole('button', { name: label, exact: true }).waitFor();
    }
    expect(await welcome.textContent()).toMatch(/If a child is in immediate danger, call 999/);
    await pg.screenshot('welcome');
    expectNoPageErrors(pg);
  });

  it('runs a whole screening by buttons and typed ages, to "Referral indicated" with the numbers', async () => {
    const pg = await open('screening-referral');
    await pg.cards(/^Welcome/).waitFor();
    await pg.click('Start a CSERQ4 screening', Q1);
    await pg.click('No', AGE);
    await pg.say('15', PARTNER);
    await pg.click('Yes', PARTNER_AGE);
    await pg.say('21', /Partner 21, young person 15: an age difference of 6 years/, Q3);
    await pg.click('No', Q4);
    await pg.click('No', /^Referral indicated$/);

    const outcome = pg.cards(/^Referral indicated$/).last();
    expect(await outcome.textContent()).toMatch(/Make a referral to Children.s Services through the MASH/);
    for (const shown of NUMBERS) await outcome.getByRole('link', { name: shown }).first().waitFor();
    await pg.shown(/The screening answers have now been cleared from this chat/).waitFor();
    await outcome.getByText(/^Referral indicated$/).scrollIntoViewIfNeeded();
    await pg.screenshot('screening-referral');
    expectNoPageErrors(pg);
  });

  it('answers a question, then the follow-up button pressed under the answer', async () => {
    const pg = await open('knowledge-follow-up');
    await pg.say('what is child sexual exploitation', /^Sources:/);
    const answer = pg.cards(/^Sources:/).last();
    const heading = (await answer.locator('p').first().textContent())?.trim();
    expect(heading).toMatch(/child sexual exploitation/i);

    // The related topics follow the answer's own action buttons: press the last one, whatever it is called today.
    const labels = (await answer.getByRole('button').allTextContents()).map((label) => label.trim());
    const followUp = labels.at(-1)!;
    expect(['Start a CSERQ4 screening', 'Draft the form with me', 'Who do I call now?']).not.toContain(
      followUp,
    );
    await pg.click(followUp, /^Sources:/);

    const next = pg.cards(/^Sources:/).last();
    expect(await next.textContent()).toMatch(new RegExp(`^You chose: ${followUp.replace(/[()?]/g, '\\$&')}`));
    expect((await next.locator('p').nth(1).textContent())?.trim()).not.toBe(heading);
    await pg.screenshot('knowledge-follow-up');
    expectNoPageErrors(pg);
  });

  it('drafts the police information form (AD362) from buttons and typed answers', async () => {
    const pg = await open('police-form');
    await pg.say(
      'share information with police',
      /^First, is anyone \(a child or an adult\) in immediate danger\?$/,
    );
    await pg.click('No', /^Is this a safeguarding concern about a specific child\?$/);
    await pg.click('No', /^Is it a crime that you want to report\?$/);
    await pg.click('No', /^What is the information\? Include the date and the location\.$/);
    await pg.say(
      'A car seen often outside the school gates at 3 pm on Mondays.',
      /^Where did this information come from\?$/,
    );
    await pg.say('Seen myself', /^Can the source of the information be re-contacted\?$/);
    await pg.click('No', /^How did they find this information out\?$/);
    await pg.click('Skip', /^Your details for the form: which organisation are you from\?$/);
    await pg.say('A secondary school', /^Your telephone number, for the police to contact you\?$/);
    await pg.click('Skip', /^Your email address\?$/);
    await pg.click(
      'Skip',
      /^Community Partnership Information draft$/,
      /Nothing you typed has been kept by the bot/,
    );

    const draft = pg.cards(/^Community Partnership Information draft$/).last();
    // An Action.OpenUrl is a link to assistive technology, as in Teams.
    await draft.getByRole('link', { name: 'Open the email' }).waitFor();
    await pg
      .shown(/A car seen often outside the school gates at 3 pm on Mondays/)
      .last()
      .waitFor();
    await pg.shown(/Nothing you typed has been kept by the bot/).scrollIntoViewIfNeeded();
    await pg.screenshot('police-form');
    expectNoPageErrors(pg);
  });

  it('in the group chat, refuses a screening (@mention) with the way to a private chat, and answers "who do I call"', async () => {
    const pg = await open('group-chat');
    await pg.open('Group Chat');
    await pg
      .shown(/^Hello, I am the safeguarding guidance bot/)
      .first()
      .waitFor();
    await pg.mention('screen', 'chat', PRIVATE_ONLY);
    await expectRefusedHere(pg);
    await pg.mention('who do I call', 'chat', WHO_TO_CALL);
    await expectContacts(pg);
    await pg.screenshot('group-chat');
    expectNoPageErrors(pg);
  });

  it('in a team channel, refuses a screening (@mention) with the way to a private chat, and answers "who do I call"', async () => {
    const pg = await open('channel');
    await pg.open('My Team - General');
    await pg.mention('screen', 'new post', PRIVATE_ONLY);
    await expectRefusedHere(pg);
    await pg.mention('who do I call', 'reply', WHO_TO_CALL);
    await expectContacts(pg);
    await pg.screenshot('channel');
    expectNoPageErrors(pg);
  });

  it('answers "a child is in danger now" mid-screening with 999 first, then asks the same question again', async () => {
    const pg = await open('danger-mid-screening');
    await pg.say('screen', Q1);
    await pg.click('No', AGE);
    await pg.say('15', PARTNER);
    await pg.say('a child is in danger now', /^If a child is in immediate danger, call 999 now\.$/, PARTNER);

    const urgent = pg.cards(/^If a child is in immediate danger, call 999 now\.$/).last();
    await urgent.getByRole('link', { name: 'Call 999' }).waitFor();
    // Wednesday morning: the MASH is open, so it comes next.
    await urgent
      .getByRole('link', { name: shipped.phone('mash') })
      .first()
      .waitFor();
    // The question on screen after the 999 card is the one it interrupted.
    expect(await pg.shown(PARTNER).count()).toBe(2);
    await pg.screenshot('danger-mid-screening-999');
    // And the screening carries on from it.
    await pg.click('No', Q3);
    await pg.screenshot('danger-mid-screening');
    expectNoPageErrors(pg);
  });
});
