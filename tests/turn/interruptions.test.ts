/**
 * A practitioner in the middle of a screening or the police form asks who to
 * call, or what an abbreviation means. The bot answers, asks the same
 * question again, and does not count the question as a failed try.
 */
import { describe, expect, it } from 'vitest';
import type { InfoStep } from '../../src/infoSharing/questions';
import type { Step } from '../../src/screening/questions';
import { literal, shipped, testshire } from '../helpers/area';
import { allText, startChat, type Chat } from '../helpers/chat';
import { AGE, FORM, STEP } from '../helpers/patterns';

/** What to type to reach each step, in order, from the start: a 17-year-old, so the extra step is asked too. */
const SCREENING_PATH: Array<[Step, string]> = [
  ['q1', 'no'],
  ['childAge', '17'],
  ['hasPartner', 'yes'],
  ['partnerAges', '22'],
  ['q3', 'no'],
  ['q4', 'no'],
  ['otherSigns', 'no'],
];

const FORM_PATH: Array<[InfoStep, string]> = [
  ['danger', 'no'],
  ['childConcern', 'no'],
  ['crime', 'no'],
  ['information', 'Cars waiting outside the youth club most evenings this month.'],
  ['source', 'Seen by staff at the club.'],
  ['recontact', 'yes'],
  ['recontactDetails', 'Through me.'],
  ['howFound', 'They saw it themselves.'],
  ['organisation', 'Youth service'],
  ['telephone', 'my work mobile'],
  ['email', 'skip'],
];

/** A contacts request and a glossary question, each with what its answer must say (in Testshire). */
const INTERRUPTIONS: Array<[string, RegExp]> = [
  ['who do I call', literal(`${testshire.mash.name}, open now`)],
  ['what does TFD stand for', literal('**TFD** stands for **Testshire Front Door**')],
];

/** The running flow's state as stored, to check that no failed try was counted. */
async function storedFlow(chat: Chat): Promise<{ step: string; failedTries?: number } | undefined> {
  const memory = JSON.parse(await chat.stored()) as Record<string, string>;
  for (const raw of Object.values(memory)) {
    const state = JSON.parse(raw) as { flow?: { state: { step: string; failedTries?: number } } };
    if (state.flow) return state.flow.state;
  }
  return undefined;
}

async function reach<S extends string>(chat: Chat, path: Array<[S, string]>, step: S): Promise<void> {
  for (const [at, answer] of path) {
    if (at === step) return;
    await chat.say(answer);
  }
}

describe('a question typed in the middle of a screening', () => {
  it.each(
    SCREENING_PATH.flatMap(([step]) => INTERRUPTIONS.map(([q, re]): [Step, string, RegExp] => [step, q, re])),
  )('at %s, "%s" is answered and the same question is asked again', async (step, question, answerRe) => {
    const chat = startChat();
    await chat.say('screen');
    await reach(chat, SCREENING_PATH, step);
    const replies = await chat.say(question);
    const text = allText(replies);
    expect(text).toMatch(answerRe);
    expect(text).not.toMatch(/couldn't read|didn't catch/i);
    expect(replies.at(-1)!.text).toMatch(STEP[step]);
    expect(await storedFlow(chat)).toMatchObject({ step, failedTries: 0 });
  });
});

describe('a question typed in the middle of the police information form', () => {
  it.each(
    FORM_PATH.flatMap(([step]) => INTERRUPTIONS.map(([q, re]): [InfoStep, string, RegExp] => [step, q, re])),
  )('at %s, "%s" is answered and the same question is asked again', async (step, question, answerRe) => {
    const chat = startChat();
    await chat.say('share information with the police');
    await reach(chat, FORM_PATH, step);
    const replies = await chat.say(question);
    expect(allText(replies)).toMatch(answerRe);
    expect(replies.at(-1)!.text).toMatch(FORM[step]);
    expect(await storedFlow(chat)).toMatchObject({ step });
  });

  it('takes a statement typed at a free-text field as the answer', async () => {
    const chat = startChat();
    await chat.say('share information with the police');
    await reach(chat, FORM_PATH, 'information');
    await chat.say('Older men giving lifts to pupils near the school gates after 3pm.');
    expect(await storedFlow(chat)).toMatchObject({ step: 'source' });
  });
});

describe('after an interruption the screening carries on where it was', () => {
  it('reaches the outcome with the answers given before and after', async () => {
    const chat = startChat();
    await chat.say('screen');
    await chat.say('yes');
    expect(allText(await chat.say('who do I call out of hours'))).toMatch(AGE);
    await chat.say('15');
    await chat.say('no');
    await chat.say('no');
    const outcome = allText(await chat.say('no'));
    expect(outcome).toMatch(/Referral indicated/i);
  });
});

describe('thanks typed in the middle of a screening', () => {
  it.each(['thank you for your help', 'thank you', 'thanks'])(
    '"%s" gets the courtesy reply and the same question again, with no failed try counted',
    async (thanks) => {
      // The shipped content: its small talk answers thanks.
      const chat = startChat({ area: shipped });
      await chat.say('screen');
      const replies = await chat.say(thanks);
      expect(allText(replies)).toMatch(/welcome/i);
      expect(allText(replies)).not.toMatch(/couldn't read|didn't catch/i);
      expect(replies.at(-1)!.text).toMatch(STEP.q1);
      expect(await storedFlow(chat)).toMatchObject({ step: 'q1', failedTries: 0 });
    },
  );
});
