import { describe, expect, it } from 'vitest';
import { buttonTitles } from '../helpers/cards';
import { allText, play, startChat } from '../helpers/chat';
import {
  AGE,
  PARTNER,
  PARTNER_AGE,
  Q1,
  Q3,
  Q4,
  SCREENING_CANCELLED,
  SIGNS,
  STALE_CONVERSATION,
  STALE_QUESTION,
} from '../helpers/patterns';

/** Up to question 4 for a 17-year-old whose partner is `partner`, every answer "no". */
const seventeenTo = (partner: string): Array<[string, RegExp | RegExp[]]> => [
  ['screen', Q1],
  ['no', AGE],
  ['17', PARTNER],
  ['yes', PARTNER_AGE],
  [partner, Q3],
  ['no', Q4],
];

describe('CSERQ4 screening: outcomes', () => {
  it('refers a 15-year-old with a 21-year-old partner, and hands over the MASH numbers', async () => {
    const chat = startChat();
    const { area } = chat;
    const outcome = await play(chat, [
      [
        'screen',
        [/CSERQ4 screening/, /will not ask for the young person's name, date of birth or address/, Q1],
      ],
      ['no', AGE],
      ['15', PARTNER],
      ['yes', PARTNER_AGE],
      ['21', [/Partner 21, young person 15: an age difference of 6 years/, Q3]],
      ['no', Q4],
      ['no', [/Referral indicated/, /Question 2 \(older partner\) is "yes": the age difference is 6 years/]],
    ]);
    expect(outcome).toMatch(/Make a referral to Children's Services through the MASH/);
    expect(outcome).toContain(area.phones('mash'));
    expect(outcome).toContain(area.email('mash'));
    expect(outcome).toContain(area.phone('out-of-hours'));
    expect(outcome).toMatch(/child's name, date of birth and address/);
    expect(outcome).toContain(area.procedure('referralFollowUp'));
    expect(outcome).toMatch(/If a child is in immediate danger, call 999/);
    expect(outcome).toMatch(/below the age of consent/);
  });

  it('finds no referral indicated when all four are "no", and says that is not the same as no risk', async () => {
    const chat = startChat();
    const outcome = await play(chat, [
      ['start screening', Q1],
      ['nope', AGE],
      ['sixteen', PARTNER],
      ['n', [/No partner: question 2 is "no"/, Q3]],
      ['no', Q4],
      ['no', /No referral indicated/],
    ]);
    expect(outcome).toMatch(/does not mean there is no risk/);
    expect(outcome).toContain(chat.area.phone('mash'));
    expect(outcome).toMatch(/call 999/);
  });

  it('says there is not enough information when answers are not known', async () => {
    const chat = startChat();
    const outcome = await play(chat, [
      ['CSERQ4', Q1],
      ['not sure', AGE],
      ['14', PARTNER],
      ['yes', PARTNER_AGE],
      ["don't know", [/partner's age is not known/, Q3]],
      ['dk', Q4],
      ['unsure', /Not enough information to rule risk out/],
    ]);
    expect(outcome).toMatch(/Talk to your safeguarding lead, or call the MASH for advice/);
    expect(outcome).toContain(chat.area.phone('mash'));
  });

  it('ends at once as not applicable for an 18-year-old, with the adult safeguarding number', async () => {
    const chat = startChat();
    const outcome = await play(chat, [
      ['cse screening', Q1],
      ['yes', AGE],
      ['18', /Not applicable: the CSERQ4 is for under-18s/],
    ]);
    expect(outcome).toContain(chat.area.phone('adult-safeguarding'));
    expect(outcome).toMatch(/call 999/);
    expect(outcome).not.toContain(chat.area.phone('mash'));
  });

  it('refers a 12-year-old with a partner of the same age, under the under-13 rule', async () => {
    const outcome = await play(startChat(), [
      ['screening', Q1],
      ['no', AGE],
      ['12', PARTNER],
      ['yes', PARTNER_AGE],
      ['12', Q3],
      ['no', Q4],
      ['no', [/Referral indicated/, /under 13 cannot consent to any sexual activity in law/]],
    ]);
    expect(outcome).toMatch(/Sexual Offences Act 2003/);
  });

  it('refers an 11-year-old with a partner of unknown age, even when every other answer is "no" or "not sure"', async () => {
    const outcome = await play(startChat(), [
      ['screen', Q1],
      ['no', AGE],
      ['11', PARTNER],
      ['yes', PARTNER_AGE],
      ["don't know", [/partner's age is not known/, Q3]],
      ['not sure', Q4],
      ['not sure', [/Referral indicated/, /The child is 11 and has a partner .*\(age not known\)/]],
    ]);
    expect(outcome).toMatch(
      /a child under 13 cannot consent to any sexual activity in law \(Sexual Offences Act 2003\)/,
    );
    expect(outcome).not.toMatch(/Not enough information/);
  });

  it('keeps "not sure whether there is a partner" apart for an under-13: not known, with the law as a note', async () => {
    const outcome = await play(startChat(), [
      ['screen', Q1],
      ['no', AGE],
      ['12', PARTNER],
      ['not sure', Q3],
      ['no', Q4],
      ['no', [/Not enough information to rule risk out/, /not known whether the young person has a partner/]],
    ]);
    expect(outcome).toMatch(/if this child has had any sexual contact, make a referral/);
  });

  it('gives a summary for the record with the answers, the outcome, who and when, and no child identifiers', async () => {
    const chat = startChat({ now: new Date('2026-07-01T13:05:00Z'), userName: 'Alex Nurse' });
    await play(chat, [
      ['screen', Q1],
      ['yes', AGE],
      ['15', PARTNER],
      ['no', Q3],
      ['no', Q4],
    ]);
    const replies = await chat.say('yes');
    const summary = replies.find((r) => r.text.includes('CSERQ4 screening summary'))!.text;
    expect(summary).toMatch(/Q1 going missing: Yes/);
    expect(summary).toMatch(
      /Q2 older partner: No \(young person's age 15; no partner, so no age difference\)/,
    );
    expect(summary).toMatch(/Q3 controlling relationship: No/);
    expect(summary).toMatch(/Q4 frequenting areas known for sexual exploitation: Yes/);
    expect(summary).toMatch(/Outcome: Referral indicated/);
    expect(summary).toMatch(/Completed by: Alex Nurse, Wednesday 1 July 2026, 14:05 \(Europe\/London\)/);
    expect(summary).not.toMatch(/date of birth:|address:/i);
  });
});

describe('CSERQ4 screening: the 17-year-old allowance', () => {
  it('asks about other signs when the allowance could apply, and "no" gives "may be acceptable", not an all-clear', async () => {
    const chat = startChat();
    await play(chat, [
      ...seventeenTo('19 and 23'),
      [
        'no',
        [
          /One more question, because the young person is 17 and the age difference is 6 years/,
          SIGNS,
          /This one is for you, not the young person/,
          /sudden changes in behaviour, secretive use of technology, unexplained gifts/,
        ],
      ],
    ]);
    expect(buttonTitles(chat.lastCard())).toEqual(['Yes', 'No', 'Not sure']);
    const replies = await chat.say('no');
    const outcome = allText(replies);
    expect(outcome).toMatch(/\*\*Professional judgement needed: this age difference may be acceptable\*\*/);
    expect(outcome).toMatch(
      /only that this age difference "may be acceptable": that is not an all-clear, and it is for your professional judgement/,
    );
    expect(outcome).toMatch(/If you are still worried, talk to your safeguarding lead or the MASH/);
    expect(outcome).toMatch(
      /in the absence of any other risk indicators, an age difference of up to 6 years may be acceptable/,
    );
    expect(outcome).toMatch(/You said there are no other signs of exploitation/);
    expect(outcome).toContain(chat.area.phones('mash'));
    expect(outcome).not.toMatch(/No referral indicated/);
    const heading = (replies[0]!.card!.body as Array<{ text: string; color?: string }>)[0]!;
    expect(heading.text).toMatch(/Professional judgement needed/);
    expect(heading.color).toBe('Warning');
    const summary = replies.find((r) => r.text.includes('CSERQ4 screening summary'))!.text;
    expect(summary).toMatch(/other signs of exploitation: No\)/);
    expect(summary).toMatch(/Outcome: Professional judgement needed/);
  });

  it('refers when there are other signs: question 2 is "yes"', async () => {
    const outcome = await play(startChat(), [
      ...seventeenTo('21'),
      ['no', SIGNS],
      [
        'yes',
        [
          /Referral indicated/,
          /Question 2 \(older partner\) is "yes".*there are other signs of exploitation/,
        ],
      ],
    ]);
    expect(outcome).not.toMatch(/may be acceptable"\./);
  });

  it('cannot rule risk out when other signs are not known: question 2 is not known', async () => {
    await play(startChat(), [
      ...seventeenTo('22'),
      ['no', SIGNS],
      [
        'dunno',
        [
          /Not enough information to rule risk out/,
          /Question 2 \(older partner\) is not known/,
          /Talk to your safeguarding lead, or call the MASH/,
        ],
      ],
    ]);
  });

  it.each([
    ['Yes', /Referral indicated/],
    ['No', /Professional judgement needed/],
    ['Not sure', /Not enough information to rule risk out/],
  ])('takes the "%s" button at the extra question', async (button, heading) => {
    const chat = startChat();
    await play(chat, [...seventeenTo('23'), ['no', SIGNS]]);
    expect(allText(await chat.click(button))).toMatch(heading);
  });

  it.each([
    ['a gap of 7', '24', 'no', /Referral indicated/],
    ['a gap of 3', '20', 'no', /No referral indicated/],
    ['a "yes" to question 4', '22', 'yes', /Referral indicated/],
  ])('does not ask about other signs for a 17-year-old with %s', async (_why, partner, q4, heading) => {
    const outcome = await play(startChat(), [...seventeenTo(partner), [q4, heading]]);
    expect(outcome).not.toMatch(SIGNS);
  });

  it('does not ask a 16-year-old with a 5-year gap: that is a referral', async () => {
    const outcome = await play(startChat(), [
      ['screen', Q1],
      ['no', AGE],
      ['16', PARTNER],
      ['yes', PARTNER_AGE],
      ['21', Q3],
      ['no', Q4],
      ['no', /Referral indicated/],
    ]);
    expect(outcome).not.toMatch(SIGNS);
  });

  it('goes back from the extra question to question 4, and a changed answer there skips it', async () => {
    await play(startChat(), [
      ...seventeenTo('22'),
      ['no', SIGNS],
      ['back', [/Going back/, Q4]],
      ['yes', [/Referral indicated/, /Question 4 .* is "yes"/, /another question was answered "yes"/]],
    ]);
  });

  it('goes back to the extra question from nowhere further, and asks it again after question 4', async () => {
    await play(startChat(), [
      ...seventeenTo('22'),
      ['no', SIGNS],
      ['back', Q4],
      ['no', SIGNS],
      ['help', [/Answer Yes if you know of any other risk indicator/, SIGNS]],
      ['no', /Professional judgement needed/],
    ]);
  });

  it('starts again from the extra question with the answers cleared', async () => {
    await play(startChat(), [
      ...seventeenTo('22'),
      ['no', SIGNS],
      ['start again', [/Starting again\. The earlier answers have been cleared/, Q1]],
      ['no', AGE],
      ['15', PARTNER],
      ['no', Q3],
      ['no', Q4],
      ['no', /No referral indicated/],
    ]);
  });

  it('asks again when the extra question gets something other than yes, no or not sure', async () => {
    await play(startChat(), [
      ...seventeenTo('22'),
      ['no', SIGNS],
      ['21', [/Please answer Yes, No or Not sure/, SIGNS]],
      ['nope', /Professional judgement needed/],
    ]);
  });
});

describe('CSERQ4 screening: the outcome leads with who to call', () => {
  const SATURDAY_NIGHT = new Date('2026-11-28T22:00:00Z');
  const phone = /\b(0\d{2,4} ?\d{2,4} ?\d{3,6}|999)\b/;

  it.each([
    [
      'a referral on a weekday morning',
      undefined,
      ['no', '15', 'yes', '21', 'no', 'no'],
      /Referral indicated/,
    ],
    [
      'a referral on a Saturday night',
      SATURDAY_NIGHT,
      ['no', '15', 'yes', '21', 'no', 'no'],
      /Referral indicated/,
    ],
    [
      'the allowance on a Saturday night',
      SATURDAY_NIGHT,
      ['no', '17', 'yes', '22', 'no', 'no', 'no'],
      /professional judgement/,
    ],
    [
      'not enough information',
      SATURDAY_NIGHT,
      ['not sure', '14', 'no', 'no', 'no'],
      /Not enough information/,
    ],
    ['no referral', undefined, ['no', '16', 'no', 'no', 'no'], /No referral indicated/],
    ['an adult', SATURDAY_NIGHT, ['no', '19'], /Not applicable/],
  ])(
    '%s: number first, then why, then what to have ready, then the summary',
    async (_name, now, answers, heading) => {
      const chat = startChat(now ? { now } : {});
      await chat.say('screen');
      for (const a of answers.slice(0, -1)) await chat.say(a);
      const replies = await chat.say(answers.at(-1)!);
      const outcome = replies[0]!.text;
      expect(outcome).toMatch(heading);
      const firstNumber = outcome.search(phone);
      expect(firstNumber).toBeGreaterThanOrEqual(0);
      expect(firstNumber).toBeLessThan(400);
      const why = outcome.indexOf('**Why**');
      expect(why).toBeGreaterThan(firstNumber);
      const ready = outcome.indexOf('**What to have ready**');
      if (/Referral indicated/.test(outcome)) expect(ready).toBeGreaterThan(why);
      else expect(ready).toBe(-1);
      expect(replies[1]!.text).toMatch(/^Summary for your record/);
      // Out of hours the first number is the out-of-hours team's (or, for an adult, adult safeguarding's).
      if (now)
        expect([chat.area.phone('out-of-hours'), chat.area.phone('adult-safeguarding')]).toContain(
          outcome.match(phone)![0],
        );
    },
  );
});

describe('CSERQ4 screening: buttons', () => {
  it('runs a whole screening by pressing the card buttons', async () => {
    const chat = startChat();
    await chat.say('screen');
    expect(allText(await chat.click('Yes'))).toMatch(AGE);
    expect(allText(await chat.say('13'))).toMatch(PARTNER);
    expect(allText(await chat.click('No'))).toMatch(Q3);
    expect(allText(await chat.click('Not sure'))).toMatch(Q4);
    expect(allText(await chat.click('No'))).toMatch(
      /Referral indicated[\s\S]*Question 1 \(going missing\) is "yes"/,
    );
  });

  it('ignores a button from an earlier question and repeats the current one', async () => {
    const chat = startChat();
    await chat.say('screen');
    const q1Card = chat.lastCard()!;
    await chat.click('No');
    const yes = (q1Card.actions as Array<{ title: string; data: unknown }>).find((b) => b.title === 'Yes')!;
    const reply = allText(await chat.press(yes.data));
    expect(reply).toMatch(STALE_QUESTION);
    expect(reply).toMatch(AGE);
  });

  it('treats a button from a screening that has ended as stale', async () => {
    const chat = startChat();
    await chat.say('screen');
    const q1Card = chat.lastCard()!;
    await chat.say('cancel');
    const yes = (q1Card.actions as Array<{ title: string; data: unknown }>).find((b) => b.title === 'Yes')!;
    expect(allText(await chat.press(yes.data))).toMatch(STALE_CONVERSATION);
  });

  it('does not let a tampered payload change the running screening', async () => {
    const chat = startChat();
    await chat.say('screen');
    const reply = allText(
      await chat.press({ kind: 'answer', screening: 'screening-1', step: 'q1', value: 'definitely' }),
    );
    expect(reply).toMatch(STALE_CONVERSATION);
    expect(reply).toMatch(Q1);
  });
});

describe('CSERQ4 screening: ages that cannot be used', () => {
  it.each([
    ['abc', /couldn't read "abc" as an age/],
    ['-3', /cannot be negative/],
    ['200', /from 0 to 120/],
    ['16.5', /whole years/],
  ])('explains what is expected when the age is "%s", and asks again', async (bad, message) => {
    const reply = await play(startChat(), [
      ['screen', Q1],
      ['no', AGE],
      [bad, [message, AGE]],
    ]);
    expect(reply).toMatch(/Type help/);
  });

  it('offers "not known" or cancel after three failed tries, then carries on', async () => {
    const chat = startChat();
    await play(chat, [
      ['screen', Q1],
      ['no', AGE],
      ['abc', AGE],
      ['xyz', AGE],
    ]);
    const third = allText(await chat.say('?!'));
    expect(third).toMatch(/Record as not known/);
    const buttons = (chat.lastCard()!.actions as Array<{ title: string }>).map((b) => b.title);
    expect(buttons).toEqual(['Record as not known', 'Cancel screening']);
    expect(allText(await chat.click('Record as not known'))).toMatch(PARTNER);
  });

  it("asks for a rough age before accepting that the young person's age is not known", async () => {
    await play(startChat(), [
      ['screen', Q1],
      ['no', AGE],
      ["don't know", [/even roughly/, AGE]],
    ]);
  });

  it('explains a bad partner age and accepts a good one after it', async () => {
    await play(startChat(), [
      ['screen', Q1],
      ['no', AGE],
      ['15', PARTNER],
      ['yes', PARTNER_AGE],
      ['19 and abc', [/couldn't read "abc"/, PARTNER_AGE]],
      ['nineteen', [/age difference of 4 years/, Q3]],
    ]);
  });

  it('asks again when a yes/no question gets something else', async () => {
    await play(startChat(), [
      ['screen', Q1],
      ['16', [/Please answer Yes, No or Not sure/, Q1]],
    ]);
  });
});

describe('CSERQ4 screening: cancel, help, back and start again', () => {
  it.each([
    ['at question 1', [] as string[]],
    ["at the young person's age", ['no']],
    ['at the partner question', ['no', '15']],
    ['at question 4', ['no', '15', 'no', 'yes']],
  ])('cancels %s and keeps nothing', async (_where, answers) => {
    const chat = startChat();
    await chat.say('screen');
    for (const answer of answers) await chat.say(answer);
    expect(allText(await chat.say('cancel'))).toMatch(SCREENING_CANCELLED);
    expect(await chat.stored()).not.toMatch(/screening|missing|childAge|partnerAges/);
    expect(allText(await chat.say('15'))).not.toMatch(/Question/);
  });

  it('stops on "stop" too', async () => {
    await play(startChat(), [
      ['screen', Q1],
      ['stop', SCREENING_CANCELLED],
    ]);
  });

  it('explains the current question on "help" and repeats it', async () => {
    await play(startChat(), [
      ['screen', Q1],
      ['help', [/ever gone missing/, Q1]],
      ['no', AGE],
      ['help', [/Do not type their date of birth/, AGE]],
    ]);
  });

  it('goes back to the previous question and forgets the answer given there', async () => {
    const chat = startChat();
    await play(chat, [
      ['screen', Q1],
      ['back', [/first question/, Q1]],
      ['no', AGE],
      ['15', PARTNER],
      ['yes', PARTNER_AGE],
      ['back', [/Going back/, PARTNER]],
      ['no', Q3],
      ['back', PARTNER],
      ['back', AGE],
      ['16', PARTNER],
      ['no', Q3],
      ['no', Q4],
      ['no', [/No referral indicated/]],
    ]);
  });

  it('starts again with cleared answers on "start again"', async () => {
    await play(startChat(), [
      ['screen', Q1],
      ['yes', AGE],
      ['start again', [/Starting again\. The earlier answers have been cleared/, Q1]],
      ['no', AGE],
      ['15', PARTNER],
      ['no', Q3],
      ['no', Q4],
      ['no', /No referral indicated/],
    ]);
  });
});

describe('CSERQ4 screening: privacy', () => {
  it('keeps nothing of the answers in conversation state once a screening completes', async () => {
    const chat = startChat();
    await play(chat, [
      ['screen', Q1],
      ['yes', AGE],
      ['15', PARTNER],
      ['yes', PARTNER_AGE],
      ['23', Q3],
      ['yes', Q4],
    ]);
    expect(await chat.stored()).toMatch(/partnerAges/);
    await chat.say('yes');
    const stored = await chat.stored();
    expect(stored).not.toMatch(/partnerAges|childAge|missing|controlling|unsafePlaces|"23"|:23\b/);
    expect(stored).not.toMatch(/cserq4/);
  });
});

describe('offering the screening', () => {
  it('offers one tap to start when someone is worried about a child', async () => {
    const chat = startChat();
    expect(allText(await chat.say("I'm worried about a 15 year old girl in my class"))).toMatch(
      /CSERQ4 screening takes about a minute/,
    );
    expect(allText(await chat.click('Start a CSERQ4 screening'))).toMatch(Q1);
  });
});
