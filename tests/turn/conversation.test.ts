/**
 * A conversation, not only questions: a short reply is read against what the
 * bot just offered or answered, for a few minutes, and only ids are kept.
 */
import { describe, expect, it } from 'vitest';
import { allText, startChat } from '../helpers/chat';

describe('an offer of a screening', () => {
  it('is taken up by "yes"', async () => {
    const chat = startChat();
    expect(allText(await chat.say('I am worried about a girl in year 10'))).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes'))).toMatch(/Question 1 of 4/);
  });

  it('is turned down by "no thanks", with no apology and no contacts block', async () => {
    const chat = startChat();
    await chat.say("I'm concerned about a 14 year old pupil");
    const reply = allText(await chat.say('no thanks'));
    expect(reply).toMatch(/^OK\./);
    expect(reply).not.toMatch(/sorry|MASH/i);
  });

  it('is forgotten after ten minutes: a late "yes" starts nothing', async () => {
    let now = new Date('2026-11-25T10:00:00Z');
    const chat = startChat({ now: () => now });
    await chat.say('I am worried about a girl in year 10');
    now = new Date(now.getTime() + 11 * 60_000);
    expect(allText(await chat.say('yes'))).not.toMatch(/Question 1 of 4/);
  });
});

describe('a follow-up read against the topic just answered', () => {
  it('"what should I do about it" after the signs gets how to refer', async () => {
    const chat = startChat();
    expect(allText(await chat.say('what are the signs of exploitation'))).toMatch(/Signs a child/);
    expect(allText(await chat.say('what should I do about it'))).toMatch(/Making a referral/);
  });

  it('"tell me more" stays on the same topic', async () => {
    const chat = startChat();
    await chat.say('what is grooming');
    expect(allText(await chat.say('tell me more'))).toMatch(/What is grooming\?/);
  });

  it('"and at the weekend?" after who to call is a contacts request', async () => {
    const chat = startChat();
    await chat.say('who do I call');
    expect(allText(await chat.say('and at the weekend?'))).toMatch(/Duty Team|out of hours/i);
  });

  it('one of the offered titles, typed, opens that topic', async () => {
    const chat = startChat();
    await chat.say('what are the signs of exploitation');
    expect(allText(await chat.say('The CSERQ4 screening questionnaire'))).toMatch(/CSERQ4/);
  });

  it('keeps only ids in storage', async () => {
    const chat = startChat();
    await chat.say('what are the signs that a 14 year old is being groomed');
    const stored = await chat.stored();
    expect(stored).toMatch(/recent/);
    expect(stored).not.toMatch(/14 year old|groomed/);
  });
});
