/**
 * Property tests: whatever a practitioner (or a broken client) sends, in
 * whatever order, across several conversations, the bot answers every
 * message and never fails; and a screening answered validly always ends with
 * the outcome the CSERQ4 rule gives for those answers.
 */
import type { Activity, ConversationAccount } from 'botbuilder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRISTATE, type Cserq4Answers } from '../../src/rules/cserq4';
import { allText, startChat, type BotReply } from '../helpers/chat';
import { scriptScreening } from '../helpers/scripts';

const TURN_ERROR = /something went wrong on my side/;

const WORDS = [
  'yes',
  'no',
  'not sure',
  'y',
  'nope',
  'dk',
  "don't know",
  'sixteen',
  '19 and 22',
  'fifteen',
  'screen',
  'start screening',
  'who do I call',
  'contacts',
  'help',
  'cancel',
  'back',
  'start again',
  'restart',
  'stop',
  'what is CSE',
  'hello',
  'thanks',
  'Record as not known',
];
const EMERGENCY = [
  'a child is in immediate danger',
  'call 999',
  'she is being hurt right now',
  'he has a knife',
  'child missing tonight and in danger',
  'emergency',
];

const conversationId = (id: string) => ({ id }) as ConversationAccount;

type Turn =
  | { conversation: number; text: string }
  | { conversation: number; value: unknown; text?: string }
  | { conversation: number; pressButton: number };

const conversation = fc.integer({ min: 0, max: 2 });
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...EMERGENCY),
);
const payload = fc.oneof(
  fc.record({
    kind: fc.constant('command'),
    command: fc.constantFrom('start-screening', 'contacts', 'help'),
  }),
  fc.record({
    kind: fc.constant('answer'),
    screening: fc.string({ maxLength: 10 }),
    step: fc.constantFrom('q1', 'childAge', 'hasPartner', 'partnerAges', 'q3', 'q4', 'nope'),
    value: fc.constantFrom('yes', 'no', 'unknown', 'not-known', 'cancel'),
  }),
  fc.anything(),
);
const turn: fc.Arbitrary<Turn> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ conversation, text }) },
  { weight: 2, arbitrary: fc.record({ conversation, value: payload }) },
  { weight: 1, arbitrary: fc.record({ conversation, value: payload, text }) },
  { weight: 3, arbitrary: fc.record({ conversation, pressButton: fc.nat({ max: 4 }) }) },
);

describe('random conversations', () => {
  it('never fail, and every message gets at least one reply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 50 }), async (turns) => {
        const chat = startChat();
        const lastCards = new Map<number, Record<string, unknown> | undefined>();
        for (const t of turns) {
          const id = `random-${t.conversation}`;
          let activity: Partial<Activity>;
          if ('pressButton' in t) {
            const actions = (lastCards.get(t.conversation)?.actions ?? []) as Array<{ data: unknown }>;
            const button = actions[t.pressButton % Math.max(actions.length, 1)];
            activity = button ? { value: button.data } : { text: 'help' };
          } else activity = 'value' in t ? { value: t.value, text: t.text } : { text: t.text };
          const replies: BotReply[] = await chat.send({
            type: 'message',
            conversation: conversationId(id),
            ...activity,
          });
          expect(replies.length).toBeGreaterThan(0);
          expect(allText(replies)).not.toMatch(TURN_ERROR);
          const card = [...replies].reverse().find((r) => r.card)?.card;
          if (card) lastCards.set(t.conversation, card);
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 8_000 },
    );
  });
});

const tristate = fc.constantFrom(...TRISTATE);
const answers: fc.Arbitrary<Cserq4Answers & { childAge: number }> = fc.record({
  childAge: fc.integer({ min: 0, max: 25 }),
  partnerAges: fc.oneof(
    fc.constant(null),
    fc.constant([] as number[]),
    fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 3 }),
  ),
  missing: tristate,
  controlling: tristate,
  unsafePlaces: tristate,
  // Asked (and so used) only when the 17-year-old allowance could apply.
  otherIndicators: tristate,
});

describe('screenings answered validly', () => {
  it('end with the outcome the rule gives, even with help asked and two screenings interleaved', async () => {
    await fc.assert(
      fc.asyncProperty(
        answers,
        answers,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        async (a, b, whoGoes, askHelp) => {
          const chat = startChat();
          const scripts = [scriptScreening(a), scriptScreening(b)];
          const queues = scripts.map((s) => [...s.turns]);
          const finals = ['', ''];
          let i = 0;
          while (queues.some((q) => q.length > 0)) {
            const pick =
              whoGoes[i % whoGoes.length] && queues[1]!.length > 0 ? 1 : queues[0]!.length > 0 ? 0 : 1;
            const id = conversationId(`interleaved-${pick}`);
            if (askHelp[i++ % askHelp.length] && queues[pick]!.length < scripts[pick]!.turns.length) {
              await chat.send({ type: 'message', conversation: id, text: 'help' });
            }
            finals[pick] = allText(
              await chat.send({ type: 'message', conversation: id, text: queues[pick]!.shift()! }),
            );
          }
          for (const [n, script] of scripts.entries()) {
            expect(finals[n]).toMatch(`**${script.heading}**`);
            expect(finals[n]).toMatch(script.q2Detail);
          }
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 8_000 },
    );
  });
});
