import { describe, expect, it } from 'vitest';
import { card, text } from '../../src/cards/adaptive';
import { contactsReply } from '../../src/contacts/block';
import {
  hardLineBreaks,
  MAX_MESSAGE_BYTES,
  rendersCards,
  splitText,
  toActivity,
  withinSizeLimit,
  withPressedLine,
} from '../../src/turn/send';
import { welcomeReply } from '../../src/knowledge/botWords';
import { testshire } from '../helpers/area';

const TEAMS_LIMIT = 40 * 1024;
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** A long reply made of numbered paragraphs, so a lost or reordered piece shows. */
function longText(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i}: "quoted" text with a line break\nand an accent: café, and more words to fill it.`,
  ).join('\n\n');
}

describe('keeping replies under the Teams message size limit', () => {
  it('sends an ordinary reply as one message with its card', () => {
    const [activity, ...rest] = withinSizeLimit(
      contactsReply(testshire.contacts, new Date('2026-11-25T10:30:00Z')),
      {
        cardOnly: true,
      },
    );
    expect(rest).toEqual([]);
    expect(activity!.attachments).toHaveLength(1);
  });

  it('splits a very long text into several messages, each under the limit, losing nothing', () => {
    const reply = { text: longText(2000) };
    expect(bytes(reply)).toBeGreaterThan(3 * TEAMS_LIMIT);
    const activities = withinSizeLimit(reply);
    expect(activities.length).toBeGreaterThan(3);
    for (const a of activities) expect(bytes(a)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(words(activities.map((a) => a.text).join('\n'))).toEqual(words(reply.text));
  });

  it('drops a card too large to send and keeps its text, which carries the whole message', () => {
    const big = card(Array.from({ length: 600 }, (_, i) => text(`Line ${i} ${'y'.repeat(80)}`)));
    const short = `The short version, with ${testshire.phone('mash')}.`;
    const activities = withinSizeLimit({ text: short, card: big }, { cardOnly: true });
    expect(activities).toHaveLength(1);
    expect(activities[0]!.attachments).toBeUndefined();
    expect(activities[0]!.text).toBe(short);
  });

  it('cuts a run with no spaces between characters rather than sending it whole', () => {
    const pieces = splitText('é'.repeat(50_000), 10_000);
    expect(pieces.length).toBeGreaterThanOrEqual(10);
    for (const p of pieces) expect(Buffer.byteLength(JSON.stringify(p)) - 2).toBeLessThanOrEqual(10_000);
    expect(pieces.join('')).toBe('é'.repeat(50_000));
  });

  it('counts JSON escaping, so text full of quotes and line breaks still fits', () => {
    const activities = withinSizeLimit({ text: '"\n'.repeat(30_000) + 'end' });
    for (const a of activities) expect(bytes(a)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });
});

describe('turning a reply into an activity', () => {
  it('keeps single line breaks as Markdown hard breaks, so Teams does not join the lines', () => {
    expect(hardLineBreaks('Q1: Yes\nQ2: No\n\nOutcome')).toBe('Q1: Yes  \nQ2: No\n\nOutcome');
  });

  it('does not double an existing hard break', () => {
    expect(hardLineBreaks('a  \nb')).toBe('a  \nb');
  });

  it('sends Markdown text with the card attached', () => {
    const activity = toActivity({
      text: 'a\nb',
      card: {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [],
      },
    });
    expect(activity.text).toBe('a  \nb');
    expect(activity.textFormat).toBe('markdown');
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('a card message', () => {
  it.each([
    ['sent alone, as to Teams and Web Chat', true],
    ['sent with its text, as to curl', false],
  ])('has a plain-text summary for notifications when %s', (_how, cardOnly) => {
    const activity = toActivity(welcomeReply(), { cardOnly });
    expect(welcomeReply().text).toMatch(/^\*\*Welcome/);
    expect(activity.summary).toMatch(/^Welcome to the safeguarding guidance bot\n/);
    expect(activity.summary).not.toMatch(/\*\*/);
  });

  it('has no summary when there is no card', () => {
    expect(toActivity({ text: '**Hello**' }).summary).toBeUndefined();
  });

  it('goes alone to clients that render cards, and with its text to the rest', () => {
    for (const channelId of ['msteams', 'webchat', 'directline', 'emulator'])
      expect(rendersCards({ channelId })).toBe(true);
    for (const channelId of ['test', 'local', undefined]) expect(rendersCards({ channelId })).toBe(false);
  });
});

describe('saying which button was pressed', () => {
  it('starts a card message with the title: a quiet first line, then the summary and fallback', () => {
    const activity = withPressedLine(toActivity(welcomeReply(), { cardOnly: true }), 'No');
    const card = activity.attachments![0]!.content as {
      body: Array<Record<string, unknown>>;
      fallbackText: string;
    };
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'You chose: No', wrap: true, isSubtle: true });
    expect(card.body[1]).toMatchObject({ text: 'Welcome to the safeguarding guidance bot' });
    expect(card.fallbackText).toMatch(/^You chose: No\n\n\*\*Welcome/);
    expect(activity.summary).toMatch(/^You chose: No\n\nWelcome/);
    expect(activity.text).toBeUndefined();
  });

  it('starts a text message, or a card sent with its text, with the title', () => {
    expect(withPressedLine(toActivity({ text: 'Question 2' }), 'Yes').text).toBe(
      'You chose: Yes\n\nQuestion 2',
    );
    const both = withPressedLine(toActivity(welcomeReply()), 'Help');
    expect(both.text).toMatch(/^You chose: Help\n\n\*\*Welcome/);
    expect((both.attachments![0]!.content as { body: Array<{ text: string }> }).body[0]!.text).toBe(
      'You chose: Help',
    );
  });
});
