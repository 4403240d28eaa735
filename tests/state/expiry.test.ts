import { describe, expect, it } from 'vitest';
import { isExpired } from '../../src/router/planTurn';
import { allText, startChat } from '../helpers/chat';
import { FORM_INTRO, PARTNER, Q1, STALE_CONVERSATION } from '../helpers/patterns';

describe('when an unfinished screening is too old to keep', () => {
  const at = new Date('2026-11-25T10:00:00Z');
  it.each([
    [29, 30, false],
    [30, 30, false],
    [31, 30, true],
    [6, 5, true],
    [4, 5, false],
  ])('after %i minutes with a %i-minute timeout: expired %s', (minutes, timeout, expired) => {
    expect(isExpired(at, new Date(at.getTime() + minutes * 60_000), timeout)).toBe(expired);
  });
});

describe('an idle screening in a chat', () => {
  function chatWithClock(screeningTimeoutMinutes?: number) {
    let now = new Date('2026-11-25T10:00:00Z');
    const chat = startChat({ now: () => now, screeningTimeoutMinutes });
    return { chat, wait: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
  }

  it('is cleared on the next message after the timeout, which is not taken as an answer', async () => {
    const { chat, wait } = chatWithClock();
    await chat.say('screen');
    await chat.say('yes');
    expect(await chat.stored()).toMatch(/missing\W+yes/);
    wait(45);
    const reply = allText(await chat.say('14'));
    expect(reply).toMatch(/no activity for 30 minutes, so I cleared it and its answers/);
    expect(reply).not.toMatch(PARTNER);
    expect(await chat.stored()).not.toMatch(/missing|screening/);
    // A new screening starts from the first question.
    expect(allText(await chat.say('screen'))).toMatch(Q1);
  });

  it('follows SCREENING_TIMEOUT_MINUTES', async () => {
    const { chat, wait } = chatWithClock(5);
    await chat.say('screen');
    wait(6);
    expect(allText(await chat.say('yes'))).toMatch(/no activity for 5 minutes/);
  });

  it('says nothing about clearing when no screening was running', async () => {
    const { chat, wait } = chatWithClock();
    await chat.say('help');
    wait(120);
    expect(allText(await chat.say('help'))).not.toMatch(/cleared/);
  });

  it('turns an old screening button away after clearing, rather than answering with it', async () => {
    const { chat, wait } = chatWithClock();
    await chat.say('screen');
    wait(31);
    const reply = allText(await chat.click('Yes'));
    expect(reply).toMatch(/cleared it and its answers/);
    expect(reply).toMatch(STALE_CONVERSATION);
  });
});

describe('an idle information-sharing form', () => {
  it('is cleared the same way, and says how to start it again', async () => {
    let now = new Date('2026-11-25T10:00:00Z');
    const chat = startChat({ now: () => now });
    expect(allText(await chat.say('share information'))).toMatch(FORM_INTRO);
    now = new Date(now.getTime() + 31 * 60_000);
    const reply = allText(await chat.say('yes'));
    expect(reply).toMatch(/Your information-sharing form had no activity for 30 minutes/);
    expect(reply).toMatch(/Type "share information" to start again/);
    expect(await chat.stored()).not.toMatch(/\\?"flow\\?"/);
  });
});
