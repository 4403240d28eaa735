/**
 * The local test page in a real browser against the real server: what a
 * trainer or a safeguarding lead sees when they run `npm start` and open it.
 * A screenshot of each final state goes to test-results/e2e/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, shipped } from '../helpers/area';
import { stepHeading } from '../helpers/patterns';
import { startTestServer, type TestServer } from '../helpers/server';
import { launchChromium, openChat, type ChatPage } from './chatPage';
import { STEP_TEXT } from '../../src/screening/questions';

// The page shows each question's heading and question apart, so each is looked for on its own.
const Q1 = literal(stepHeading('q1'));
const AGE = literal(STEP_TEXT.childAge.question);
const PARTNER = literal(STEP_TEXT.hasPartner.question);
const PARTNER_AGE = literal(STEP_TEXT.partnerAges.question);
const Q3 = literal(stepHeading('q3'));
const Q4 = literal(stepHeading('q4'));

/**
 * A Wednesday morning in term time: the MASH is open, so no test depends on the real clock. The server runs
 * as it ships, so the numbers on the page are read from the shipped area's contacts.
 */
const OFFICE_HOURS = new Date('2026-11-25T10:30:00Z');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({}, () => OFFICE_HOURS), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Nothing came from outside the bot's own server, and the page logged no errors. */
function expectSelfContained(chat: ChatPage, allowedErrors: RegExp[] = []): void {
  expect(chat.outside).toEqual([]);
  expect(chat.errors.filter((e) => !allowedErrors.some((allowed) => allowed.test(e)))).toEqual([]);
}

describe('the local test page', () => {
  it('says it is a local test client, names the bot, welcomes you and puts the cursor in the message box', async () => {
    const chat = await openChat(browser, server.url, 'welcome');
    const { page } = chat;
    expect(await page.title()).toMatch(/local test client/i);
    await page.getByRole('heading', { level: 1, name: 'Safeguarding guidance' }).waitFor();
    await page.getByText('Local test client.').waitFor();
    // The welcome is one message, the card alone (as in Teams), not its text and then its card.
    expect(await chat.botSaid(/If a child is in immediate danger, call 999/).count()).toBe(1);
    expect(await chat.botSaid(/I help practitioners/).count()).toBe(1);
    expect(await chat.focusedLabel()).toBe('Message input box');
    await chat.screenshot('welcome');
    expectSelfContained(chat);
  });

  it('runs a whole screening from the card buttons and typed ages, ending in the referral hand-off', async () => {
    const chat = await openChat(browser, server.url, 'screening-referral');
    await chat.click('Start a CSERQ4 screening', Q1);
    await chat.click('No', AGE);
    await chat.say('15', PARTNER);
    await chat.click('Yes', PARTNER_AGE);
    await chat.say('21', /Partner 21, young person 15: an age difference of 6 years/);
    await chat.click('No', Q4);
    await chat.click('No', /Make a referral to Children.s Services through the MASH/);

    const outcome = chat.botSaid(/Make a referral to Children.s Services/).last();
    expect(await outcome.textContent()).toMatch(/Referral indicated/);
    for (const shown of [...shipped.mash.phones!, shipped.email('mash'), shipped.phone('out-of-hours')]) {
      await outcome.getByRole('link', { name: shown }).first().waitFor();
    }
    await chat.botSaid(/The screening answers have now been cleared from this chat/).waitFor();
    await chat.screenshot('screening-referral');
    expectSelfContained(chat);
  });

  it('runs a screening that ends "no referral" from the keyboard alone', async () => {
    const chat = await openChat(browser, server.url, 'screening-no-referral');
    const { keyboard } = chat.page;
    const typeAndSend = (text: string, reply: RegExp) =>
      chat.expectReply(reply, async () => {
        await keyboard.type(text);
        await keyboard.press('Enter');
      });

    await typeAndSend('screen', Q1);
    // From the message box, Shift+Tab twice reaches the chat history; Enter goes into the newest card.
    await chat.expectReply(AGE, async () => {
      await keyboard.press('Shift+Tab');
      await keyboard.press('Shift+Tab');
      await keyboard.press('Enter');
      await keyboard.press('Tab');
      expect(await chat.focusedLabel()).toBe('No');
      await keyboard.press('Enter');
    });
    await chat.messageBox.focus();
    await typeAndSend('sixteen', PARTNER);
    await typeAndSend('no', /No partner: question 2 is .no./);
    await typeAndSend('no', Q4);
    await typeAndSend('no', /does not mean there is no risk/);

    expect(
      await chat
        .botSaid(/does not mean there is no risk/)
        .last()
        .textContent(),
    ).toMatch(/No referral indicated/);
    await chat.screenshot('screening-no-referral');
    expectSelfContained(chat);
  });

  it('answers "who do I call" with the MASH, the out-of-hours team and 999', async () => {
    const chat = await openChat(browser, server.url, 'who-do-i-call');
    await chat.say('who do I call', /Who to call/);
    const contacts = chat.botSaid(/Who to call/).last();
    for (const shown of [shipped.phone('mash'), shipped.phone('out-of-hours')]) {
      await contacts.getByRole('link', { name: shown }).first().waitFor();
    }
    expect(await contacts.textContent()).toMatch(/If a child is in immediate danger, call 999/);
    await chat.screenshot('who-do-i-call');
    expectSelfContained(chat);
  });

  it('shows "Send failed" when the network drops a message, and carries on after Retry', async () => {
    const chat = await openChat(browser, server.url, 'network-retry');
    const { page } = chat;
    await chat.say('screen', Q1);

    let dropped = 0;
    await page.route('**/api/messages', async (route) => {
      dropped += 1;
      await route.abort('internetdisconnected');
    });
    await chat.messageBox.fill('no');
    await chat.messageBox.press('Enter');
    const retry = page.getByRole('button', { name: /Retry/ });
    await retry.waitFor();
    await page
      .getByText(/Send failed/)
      .first()
      .waitFor();
    expect(dropped).toBe(1);
    await chat.screenshot('network-retry-failed');

    await page.unroute('**/api/messages');
    await chat.expectReply(AGE, () => retry.click());
    await chat.say('14', PARTNER);
    // Web Chat keeps the failed copy on screen, marked, above the one that went through; nothing else failed.
    expect(await retry.count()).toBe(1);
    await chat.screenshot('network-retry');
    expectSelfContained(chat, [/Failed to load resource/, /Failed to post activity/]);
  });

  it('answers a question with a typo with its sources and follow-up buttons, and a follow-up clicked', async () => {
    const chat = await openChat(browser, server.url, 'knowledge-follow-up');
    await chat.say('waht is child sexual explotation', /Sources:/);
    const answer = chat.botSaid(/Sources:/).last();
    expect(await answer.textContent()).toMatch(/child sexual exploitation/i);

    // The related topics follow the answer's own action buttons: press the last, whatever it is called today.
    const labels = (await answer.getByRole('button').allTextContents()).map((l) => l.trim());
    const followUp = labels.at(-1) ?? '';
    expect(followUp).not.toBe('');
    expect(['Start a CSERQ4 screening', 'Draft the form with me', 'Who do I call now?']).not.toContain(
      followUp,
    );
    await chat.click(followUp, /Sources:/);
    expect(await chat.botSaid(/Sources:/).count()).toBe(2);
    await chat.screenshot('knowledge-follow-up');
    expectSelfContained(chat);
  });

  it('interrupts a screening for "a child is in danger now" with 999, then carries on at the same question', async () => {
    const chat = await openChat(browser, server.url, 'danger-mid-screening');
    await chat.click('Start a CSERQ4 screening', Q1);
    await chat.click('No', AGE);
    await chat.say('15', PARTNER);
    await chat.expectReply(PARTNER, () => chat.say('a child is in danger now', /call 999 now/i));
    const urgent = chat.botSaid(/call 999 now/i).last();
    // 999 comes first: the card's first line, before any other number.
    const urgentText = (await urgent.textContent()) ?? '';
    expect(urgentText).toMatch(/said: 1 attachment[^]*?If a child is in immediate danger, call 999 now/i);
    expect(urgentText.search(/call 999 now/i)).toBeLessThan(urgentText.indexOf(shipped.phone('mash')));
    await urgent.getByRole('link', { name: 'Call 999' }).waitFor();
    // Wednesday morning: the MASH is open, so it comes next.
    await urgent
      .getByRole('link', { name: shipped.phone('mash') })
      .first()
      .waitFor();
    await chat.screenshot('danger-mid-screening-999');
    await chat.click('No', Q3);
    await chat.click('No', Q4);
    await chat.click('No', /does not mean there is no risk/);
    await chat.screenshot('danger-mid-screening');
    expectSelfContained(chat);
  });
});
