/**
 * Every card builder's output, checked as Teams will meet it (see
 * tests/helpers/cards.ts). A new file that builds cards must add its
 * builders here: the last test fails until it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BUTTON_TITLE, parseCardAction, pressedLabel } from '../../src/cards/actions';
import { card, submit, text } from '../../src/cards/adaptive';
import type { Reply } from '../../src/cards/reply';
import { contactsReply, urgentReply } from '../../src/contacts/block';
import { loadAreaContacts } from '../../src/contacts/load';
import { infoEndReplies, type InfoEndContext } from '../../src/infoSharing/draft';
import { infoPrompt, startInfoSharing, type InfoEnd } from '../../src/infoSharing/flow';
import { INFO_STEPS } from '../../src/infoSharing/questions';
import { routeText } from '../../src/router/routeText';
import { flowPausedReply, stateUnavailableReply } from '../../src/router/stateUnavailable';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { didYouMeanReply, glossaryReply, topicReply } from '../../src/knowledge/replies';
import {
  helpReply,
  notFoundReply,
  privateChatReply,
  screeningOfferReply,
  sharedIntroReply,
  welcomeReply,
} from '../../src/knowledge/botWords';
import { assessCserq4, type Cserq4Answers } from '../../src/rules/cserq4';
import { prompt, startScreening, MAX_FAILED_TRIES, type ScreeningState } from '../../src/screening/flow';
import { STEPS } from '../../src/screening/questions';
import { outcomeReplies } from '../../src/screening/report';
import { MAX_CARD_BYTES, teamsCardProblems } from '../helpers/cards';
import { askPrompt, MAX_QUESTION_CHARS, startAsking } from '../../src/experts/flow';
import { ticketCard, type Ticket } from '../../src/experts/ticket';
import {
  closedReply,
  expiredReply,
  notSentReply,
  notSetUpReply,
  sentReply,
  withAskButton,
} from '../../src/experts/words';

const contacts = loadAreaContacts();
const knowledge = loadKnowledgeBase(contacts);
const now = new Date('2026-11-28T22:15:00Z');

const ANSWERS: Record<string, Cserq4Answers> = {
  referral: { childAge: 15, partnerAges: [21], missing: 'no', controlling: 'no', unsafePlaces: 'no' },
  'no-referral': { childAge: 16, partnerAges: [], missing: 'no', controlling: 'no', unsafePlaces: 'no' },
  incomplete: {
    childAge: null,
    partnerAges: null,
    missing: 'unknown',
    controlling: 'no',
    unsafePlaces: 'no',
  },
  'not-applicable': { childAge: 19, partnerAges: null, missing: 'no', controlling: 'no', unsafePlaces: 'no' },
  'no-referral under the 17-year-old allowance': {
    childAge: 17,
    partnerAges: [22],
    missing: 'no',
    controlling: 'no',
    unsafePlaces: 'no',
    otherIndicators: 'no',
  },
};

function screeningAt(step: ScreeningState['step'], failedTries = 0): ScreeningState {
  return { ...startScreening('screening-1').state!, step, failedTries };
}

const DRAFT_ANSWERS = {
  information: 'A car seen often outside the school gates at 3 pm.',
  source: 'Seen myself',
  recontact: 'yes',
  organisation: 'A secondary school',
};

const INFO_ENDS: Array<[string, InfoEnd]> = [
  ['emergency', { kind: 'emergency' }],
  ['referral', { kind: 'referral', unsure: false }],
  ['referral, unsure', { kind: 'referral', unsure: true }],
  ['crime', { kind: 'crime' }],
  ['drafted', { kind: 'drafted', answers: DRAFT_ANSWERS }],
  ['drafted, too long for a mailto link', { kind: 'drafted', answers: { information: 'x '.repeat(1500) } }],
];

const ASKING = startAsking('run-1').state!;
const LONGEST_QUESTION = 'Is this enough for a referral? '
  .repeat(MAX_QUESTION_CHARS / 32)
  .slice(0, MAX_QUESTION_CHARS);
const TICKET: Ticket = {
  ref: 'Q-7K3F9A',
  question: LONGEST_QUESTION,
  askerName: 'Sam Practitioner',
  askedAt: '2026-11-28T21:00:00Z',
  status: 'open',
};
const TAKEN: Ticket = {
  ...TICKET,
  status: 'taken',
  takenBy: { id: 'a', name: 'Alex Lead', at: '2026-11-28T22:00:00Z' },
};

/** [source file, builder, what it builds in each case]. */
const BUILDERS: Array<[file: string, name: string, build: () => Reply[]]> = [
  ['src/knowledge/botWords.ts', 'helpReply', () => [helpReply()]],
  ['src/knowledge/botWords.ts', 'notFoundReply', () => [notFoundReply(contacts, now)]],
  ['src/knowledge/botWords.ts', 'screeningOfferReply', () => [screeningOfferReply()]],
  ...[
    'who do I call',
    'out of hours',
    'she is in danger right now',
    "I'm worried about a 15 year old",
    'hello',
    'what is the capital of France',
    'what are the signs of grooming',
    'what does MASH stand for',
    'is there a particular type of person who grooms kids',
  ].map((q): [string, string, () => Reply[]] => [
    'src/router/routeText.ts',
    `routeText("${q}")`,
    () => routeText(q, { contacts, knowledge, now }).replies,
  ]),
  ...[...knowledge.topics.values()].map((topic): [string, string, () => Reply[]] => [
    'src/knowledge/replies.ts',
    `topicReply(${topic.id})`,
    () => [topicReply(knowledge, topic, { contacts, now })],
  ]),
  ...[...new Set(knowledge.glossary.values())].map((term): [string, string, () => Reply[]] => [
    'src/knowledge/replies.ts',
    `glossaryReply(${term.term})`,
    () => [glossaryReply(knowledge, term, { contacts, now })],
  ]),
  [
    'src/knowledge/replies.ts',
    'didYouMeanReply(three topics)',
    () => [didYouMeanReply(knowledge, ['grooming', 'who-can-groom', 'pull-factors'])],
  ],
  ['src/contacts/block.ts', 'contactsReply, out of hours', () => [contactsReply(contacts, now)]],
  [
    'src/contacts/block.ts',
    'contactsReply, in office hours',
    () => [contactsReply(contacts, new Date('2026-11-25T10:30:00Z'))],
  ],
  ['src/contacts/block.ts', 'urgentReply', () => [urgentReply(contacts, now)]],
  ...[
    'is it ok for a 15 year old to have a 19 year old boyfriend',
    'Y9 girl, 14, new older bf, going missing overnight, new iphone, v secretive. is this CSE?',
  ].map((q): [string, string, () => Reply[]] => [
    'src/knowledge/caseReplies.ts',
    `routeText("${q}")`,
    () => routeText(q, { contacts, knowledge, now }).replies,
  ]),
  ['src/knowledge/botWords.ts', 'welcomeReply', () => [welcomeReply()]],
  ['src/knowledge/botWords.ts', 'sharedIntroReply', () => [sharedIntroReply()]],
  [
    'src/knowledge/botWords.ts',
    'privateChatReply(link)',
    () => [
      privateChatReply(
        'https://teams.microsoft.com/l/chat/0/0?users=28:6f1c1a6e-3c1b-4c8e-9a57-2d0f5b7c9e11',
      ),
    ],
  ],
  ['src/knowledge/botWords.ts', 'privateChatReply(null)', () => [privateChatReply(null)]],
  [
    'src/router/stateUnavailable.ts',
    'stateUnavailableReply(screening)',
    () => [
      stateUnavailableReply(contacts, now, { singular: 'screening', plural: 'screenings', type: 'screen' }),
    ],
  ],
  [
    'src/router/stateUnavailable.ts',
    'stateUnavailableReply(unknown)',
    () => [stateUnavailableReply(contacts, now, null)],
  ],
  [
    'src/router/stateUnavailable.ts',
    'flowPausedReply',
    () => [flowPausedReply({ singular: 'screening', plural: 'screenings', type: 'screen' })],
  ],
  ...STEPS.flatMap((step): Array<[string, string, () => Reply[]]> => [
    ['src/screening/flow.ts', `prompt(${step})`, () => [prompt(screeningAt(step))]],
    [
      'src/screening/flow.ts',
      `prompt(${step}) after ${MAX_FAILED_TRIES} failed tries, with a lead`,
      () => [prompt(screeningAt(step, MAX_FAILED_TRIES), 'That is not an age I can use.')],
    ],
  ]),
  ...INFO_STEPS.map((step): [string, string, () => Reply[]] => [
    'src/infoSharing/flow.ts',
    `infoPrompt(${step})`,
    () => [infoPrompt({ ...startInfoSharing('form-1').state!, step })],
  ]),
  ...INFO_ENDS.map(([name, end]): [string, string, () => Reply[]] => [
    'src/infoSharing/draft.ts',
    `infoEndReplies(${name})`,
    () => infoEndReplies(end, { contacts, now, userName: 'Sam Practitioner' } satisfies InfoEndContext),
  ]),
  ['src/experts/flow.ts', 'askPrompt(question)', () => [askPrompt(ASKING)]],
  [
    'src/experts/flow.ts',
    'askPrompt(confirm), the longest question',
    () => [
      askPrompt({ ...ASKING, step: 'confirm', question: LONGEST_QUESTION }, 'Type your question again.'),
    ],
  ],
  [
    'src/experts/ticket.ts',
    'ticketCard(open, longest question)',
    () => [ticketCard({ state: 'live', ticket: TICKET }, contacts.timeZone)],
  ],
  [
    'src/experts/ticket.ts',
    'ticketCard(taken)',
    () => [ticketCard({ state: 'live', ticket: TAKEN }, contacts.timeZone)],
  ],
  [
    'src/experts/ticket.ts',
    'ticketCard(closed)',
    () => [
      ticketCard(
        { state: 'closed', ticket: TAKEN, by: 'Alex Lead', at: now.toISOString() },
        contacts.timeZone,
      ),
    ],
  ],
  [
    'src/experts/ticket.ts',
    'ticketCard(expired)',
    () => [ticketCard({ state: 'expired', ticket: TICKET, days: 14 }, contacts.timeZone)],
  ],
  [
    'src/experts/ticket.ts',
    'ticketCard(gone)',
    () => [ticketCard({ state: 'gone', ref: 'Q-7K3F9A' }, contacts.timeZone)],
  ],
  ['src/experts/words.ts', 'notSetUpReply', () => [notSetUpReply(contacts, now)]],
  ['src/experts/words.ts', 'notSentReply', () => [notSentReply(contacts, now)]],
  ['src/experts/words.ts', 'sentReply', () => [sentReply('Q-7K3F9A')]],
  ['src/experts/words.ts', 'closedReply(not taken)', () => [closedReply('Q-7K3F9A', false, contacts, now)]],
  ['src/experts/words.ts', 'expiredReply', () => [expiredReply('Q-7K3F9A', 14, contacts, now)]],
  ...[...knowledge.topics.values()].map((topic): [string, string, () => Reply[]] => [
    'src/experts/words.ts',
    `withAskButton(topicReply(${topic.id}))`,
    () => [withAskButton(topicReply(knowledge, topic, { contacts, now }))],
  ]),
  [
    'src/experts/words.ts',
    'withAskButton(notFoundReply)',
    () => [withAskButton(notFoundReply(contacts, now))],
  ],
  ...Object.entries(ANSWERS).map(([outcome, answers]): [string, string, () => Reply[]] => [
    'src/screening/report.ts',
    `outcomeReplies(${outcome})`,
    () => outcomeReplies(answers, assessCserq4(answers), { contacts, now, completedBy: 'Sam Practitioner' }),
  ]),
];

describe('every card builder makes cards Teams can show', () => {
  it.each(BUILDERS)('%s: %s', (_file, _name, build) => {
    const replies = build();
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.text.trim()).not.toBe('');
      if (reply.card) expect(teamsCardProblems(reply.card)).toEqual([]);
    }
  });

  it.each(BUILDERS)(
    '%s: %s: every button title fits on the button, and a pressed one can be named in the reply',
    (_file, _name, build) => {
      for (const reply of build()) {
        for (const action of (reply.card?.actions ?? []) as Array<{
          type: string;
          title: string;
          data?: unknown;
        }>) {
          expect(action.title.length, action.title).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
          if (action.type !== 'Action.Submit') continue;
          expect(parseCardAction(action.data), action.title).not.toBeNull();
          expect(pressedLabel(action.data)).toBe(action.title);
        }
      }
    },
  );

  it('covers every source file that builds a card', () => {
    const root = path.resolve(__dirname, '../..');
    const files = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && f !== path.join('cards', 'adaptive.ts'))
      .filter((f) => /\bcard\(/.test(readFileSync(path.join(root, 'src', f), 'utf8')))
      .map((f) => `src/${f.split(path.sep).join('/')}`);
    const covered = new Set(BUILDERS.map(([file]) => file));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });
});

describe('the Teams card check itself', () => {
  it('accepts a plain card with a Submit button', () => {
    expect(
      teamsCardProblems(card([text('Hello')], [submit('Help', { kind: 'command', command: 'help' })])),
    ).toEqual([]);
  });

  it('rejects what Teams would not show or the bot could not check', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://example.org/a.mp4' }] },
        { type: 'TextBlock', text: 'x', color: 'Purple' },
        { type: 'Carousel', pages: [] },
      ],
      actions: [
        { type: 'Action.Execute', title: 'Go', verb: 'go' },
        { type: 'Action.Submit', title: 'Send', data: 'yes' },
        { type: 'Action.OpenUrl', title: 'Open', url: 'javascript:alert(1)' },
      ],
    };
    const problems = teamsCardProblems(bad).join('\n');
    expect(problems).toMatch(/version must be "1.5"/);
    expect(problems).toMatch(/Media is not an element Teams renders/);
    expect(problems).toMatch(/Invalid value "Purple" for property "color"/);
    expect(problems).toMatch(/Carousel/);
    expect(problems).toMatch(/Action.Execute is not used/);
    expect(problems).toMatch(/data must be an object/);
    expect(problems).toMatch(/url must be https, tel or mailto/);
  });

  it('rejects a button title Teams would cut off, and button data with an msteams key', () => {
    const long = 'Local MET data for Portsmouth (July to September 2022)';
    const problems = teamsCardProblems({
      ...card([text('x')]),
      actions: [
        { type: 'Action.Submit', title: long, data: { kind: 'topic', id: 'local-data' } },
        { type: 'Action.Submit', title: 'No', data: { kind: 'command', command: 'help', msTeams: {} } },
      ],
    }).join('\n');
    expect(problems).toMatch(/title "Local MET data.*" is over 40 characters/);
    expect(problems).toMatch(/actions\[1\]: Action.Submit data has an msteams key/);
  });

  it('rejects a card of 28 KB or more', () => {
    const big = card(Array.from({ length: 300 }, (_, i) => text(`${i} ${'x'.repeat(100)}`)));
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_CARD_BYTES);
    expect(teamsCardProblems(big).join('\n')).toMatch(/Teams takes under 28672/);
  });
});
