/**
 * A ticket's card and what each press of its buttons does, decided in the
 * core: a table of (ticket, press) → result, what is stored, the card and
 * who is told.
 */
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import {
  expireTicket,
  isExpired,
  pressTicket,
  ticketCard,
  type PressResult,
  type Ticket,
} from '../../src/experts/ticket';
import { cardText, expectTeamsCard } from '../helpers/cards';

const contacts = loadAreaContacts();
const now = new Date('2026-11-25T10:30:00Z');
const ctx = { contacts, now };

const open: Ticket = {
  ref: 'Q-7K3F9A',
  question: 'The parents refuse consent for a referral, what now?',
  askerName: 'Sam Practitioner',
  askedAt: '2026-11-24T15:05:00Z',
  status: 'open',
};
const alex = { id: 'aad-alex', name: 'Alex Lead' };
const jo = { id: 'aad-jo', name: 'Jo Nurse' };
const takenByAlex: Ticket = { ...open, status: 'taken', takenBy: { ...alex, at: '2026-11-25T09:00:00Z' } };

type Row = [
  name: string,
  ticket: Ticket | null,
  press: { action: 'take' | 'close'; by: typeof alex; onTheCard: boolean },
  expected: {
    result: PressResult;
    store: 'taken' | 'delete' | 'keep';
    card: RegExp | null;
    notify: RegExp | null;
    reply: RegExp | null;
  },
];

const ROWS: Row[] = [
  [
    'taking an open ticket',
    open,
    { action: 'take', by: alex, onTheCard: true },
    {
      result: 'taken',
      store: 'taken',
      card: /Taken by \nAlex Lead/,
      notify:
        /^\*\*Alex Lead from the safeguarding team has your question and will contact you in Teams\.\*\* \(Reference Q-7K3F9A\.\)/,
      reply: null,
    },
  ],
  [
    'a second press by someone else is refused, and the card shows who has it',
    takenByAlex,
    { action: 'take', by: jo, onTheCard: true },
    {
      result: 'taken-by-other',
      store: 'keep',
      card: /Taken by \nAlex Lead/,
      notify: null,
      reply: /^Alex Lead has already taken this question\.$/,
    },
  ],
  [
    'the same person pressing again changes nothing and tells nobody twice',
    takenByAlex,
    { action: 'take', by: alex, onTheCard: true },
    { result: 'already-yours', store: 'keep', card: /Taken by \nAlex Lead/, notify: null, reply: null },
  ],
  [
    'closing a taken ticket',
    takenByAlex,
    { action: 'close', by: alex, onTheCard: true },
    {
      result: 'closed',
      store: 'delete',
      card: /Closed by \nAlex Lead/,
      notify: /^The safeguarding team has closed your question Q-7K3F9A\.$/,
      reply: null,
    },
  ],
  [
    'closing a ticket nobody took: the practitioner is told who to call',
    open,
    { action: 'close', by: jo, onTheCard: true },
    {
      result: 'closed',
      store: 'delete',
      card: /Closed by \nJo Nurse/,
      notify: /without taking it[^]*999/,
      reply: null,
    },
  ],
  [
    'a press on a ticket no longer stored',
    null,
    { action: 'take', by: jo, onTheCard: true },
    { result: 'gone', store: 'keep', card: /Status: \nClosed/, notify: null, reply: /closed, or it expired/ },
  ],
  [
    'a press from outside the channel holding the card',
    open,
    { action: 'take', by: jo, onTheCard: false },
    { result: 'elsewhere', store: 'keep', card: null, notify: null, reply: /only on the question's card/ },
  ],
  [
    'a close from outside the channel',
    takenByAlex,
    { action: 'close', by: jo, onTheCard: false },
    { result: 'elsewhere', store: 'keep', card: null, notify: null, reply: /only on the question's card/ },
  ],
];

describe('pressing a ticket card', () => {
  it.each(ROWS)('%s', (_name, ticket, press, expected) => {
    const outcome = pressTicket(ticket, 'Q-7K3F9A', press, ctx);
    expect(outcome.result).toBe(expected.result);
    if (expected.store === 'taken') {
      expect(outcome.store).toEqual({
        ...open,
        status: 'taken',
        takenBy: { ...press.by, at: now.toISOString() },
      });
    } else {
      expect(outcome.store).toBe(expected.store);
    }
    if (expected.card) {
      expectTeamsCard(outcome.card!.card);
      expect(cardText(outcome.card!.card)).toMatch(expected.card);
    } else {
      expect(outcome.card).toBeNull();
    }
    if (expected.notify) expect(outcome.notify!.text).toMatch(expected.notify);
    else expect(outcome.notify).toBeNull();
    const said = outcome.replies.map((r) => r.text).join('\n');
    if (expected.reply) expect(said).toMatch(expected.reply);
    else expect(said).toBe('');
  });
});

describe('the ticket card', () => {
  const titles = (reply: ReturnType<typeof ticketCard>) => (reply.card!.actions ?? []).map((a) => a.title);

  it('shows the question, who asked and when, the status, and both buttons while open', () => {
    const reply = ticketCard({ state: 'live', ticket: open }, contacts.timeZone);
    expectTeamsCard(reply.card);
    const shown = cardText(reply.card);
    expect(shown).toContain(open.question);
    expect(shown).toMatch(/Asked by \nSam Practitioner\n on Tuesday 24 November 2026, 15:05/);
    expect(shown).toMatch(/Status: \nOpen: waiting for someone to take it/);
    expect(shown).toContain('Reference Q-7K3F9A');
    expect(titles(reply)).toEqual(["I'll take this", 'Close']);
    for (const title of titles(reply)) expect(title.length).toBeLessThanOrEqual(40);
    expect(reply.card!.actions!.map((a) => a.type === 'Action.Submit' && a.data)).toEqual([
      expect.objectContaining({ kind: 'ticket', ticket: 'Q-7K3F9A', action: 'take' }),
      expect.objectContaining({ kind: 'ticket', ticket: 'Q-7K3F9A', action: 'close' }),
    ]);
  });

  it('keeps only Close once taken, and no buttons or question once closed or expired', () => {
    expect(titles(ticketCard({ state: 'live', ticket: takenByAlex }, contacts.timeZone))).toEqual(['Close']);
    for (const view of [
      { state: 'closed', ticket: takenByAlex, by: 'Alex Lead', at: now.toISOString() },
      { state: 'expired', ticket: open, days: 14 },
      { state: 'gone', ref: 'Q-7K3F9A' },
    ] as const) {
      const reply = ticketCard(view, contacts.timeZone);
      expectTeamsCard(reply.card);
      expect(titles(reply)).toEqual([]);
      expect(JSON.stringify(reply.card)).not.toContain(open.question);
      expect(cardText(reply.card)).toMatch(/removed from this card and deleted/);
    }
  });

  it('shows what people typed as plain text, never as Markdown, and leaves the question out of the preview text', () => {
    const tricky: Ticket = {
      ...open,
      question: '**URGENT** [click here](https://example.org) # heading\n- list',
      askerName: '*Sam* [admin](https://example.org)',
    };
    const reply = ticketCard({ state: 'live', ticket: tricky }, contacts.timeZone);
    expectTeamsCard(reply.card);
    const runs: Array<{ type: string; text: string }> = [];
    JSON.stringify(reply.card, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'TextRun')
        runs.push(value as { type: string; text: string });
      return value;
    });
    expect(runs.map((r) => r.text)).toContain(tricky.question);
    expect(runs.map((r) => r.text)).toContain(tricky.askerName);
    // Nothing typed by a person is in a TextBlock, where Teams would read Markdown.
    const blocks = (reply.card!.body as Array<{ type: string; text?: string }>).filter(
      (e) => e.type === 'TextBlock',
    );
    for (const block of blocks) expect(block.text).not.toMatch(/example\.org|URGENT|Sam/);
    // The notification preview has the reference and the asker, escaped, but not the question.
    expect(reply.text).toBe(
      'Question for the safeguarding team (Q-7K3F9A, from \\*Sam\\* \\[admin\\]\\(https://example\\.org\\)): open.',
    );
  });
});

describe('expiry', () => {
  it(`expires a ticket ${14} days after it was asked`, () => {
    expect(isExpired(open, new Date('2026-12-08T15:04:59Z'), 14)).toBe(false);
    expect(isExpired(open, new Date('2026-12-08T15:05:00Z'), 14)).toBe(true);
  });

  it('tells the practitioner only when nobody took the question', () => {
    const untaken = expireTicket(open, 14, ctx);
    expect(cardText(untaken.card.card)).toMatch(/Expired after 14 days/);
    expect(untaken.notify!.text).toMatch(
      /Nobody from the safeguarding team took your question Q-7K3F9A within 14 days/,
    );
    expect(expireTicket(takenByAlex, 14, ctx).notify).toBeNull();
  });
});
