import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { isPrivateScope, personalChatLink, stripBotMention } from '../../src/turn/scope';
import { BOT, BOT_APP_ID, teamsEnvelope, teamsMessage } from '../helpers/teams';

describe('isPrivateScope: where a dialog about a child may run', () => {
  it.each<[string, Partial<Activity>, boolean]>([
    ['a Teams personal chat', teamsEnvelope('personal'), true],
    ['a Teams channel', teamsEnvelope('channel'), false],
    ['a Teams group chat', teamsEnvelope('groupChat'), false],
    [
      'Web Chat or the local page (no conversation type)',
      { channelId: 'webchat', conversation: { id: 'c1' } as Activity['conversation'] },
      true,
    ],
    [
      'another client that says the conversation is a group',
      { channelId: 'slack', conversation: { id: 'c1', isGroup: true } as Activity['conversation'] },
      false,
    ],
    ['an activity with no conversation', { channelId: 'test' }, true],
  ])('%s: %s', (_where, activity, expected) => {
    expect(isPrivateScope(activity)).toBe(expected);
  });
});

describe('stripBotMention', () => {
  const withText = (activity: Partial<Activity>, text: string) => ({ ...activity, text });

  it('removes every mention of the bot and the non-breaking space Teams puts after it', () => {
    const message = withText(
      teamsMessage('channel', '', { mention: true }),
      `<at>${BOT.name}</at>&nbsp;who do I call <at>${BOT.name}</at>`,
    );
    expect(stripBotMention(message)).toBe('who do I call');
    expect(message.text).toBe('who do I call');
  });

  it('keeps line breaks in a message that mentions the bot', () => {
    const message = teamsMessage('channel', 'who do I call\nabout a pupil', { mention: true });
    expect(stripBotMention(message)).toBe('who do I call\nabout a pupil');
  });

  it('leaves a message with no mention of the bot exactly as typed', () => {
    const message = teamsMessage('personal', '  first line\n\n  second   line ');
    expect(stripBotMention(message)).toBe('  first line\n\n  second   line ');
    expect(message.text).toBe('  first line\n\n  second   line ');
  });

  it('leaves the mention of a colleague in place', () => {
    const message = teamsMessage('channel', 'ask <at>Jo Lead</at> too', { mention: true });
    message.entities!.push({
      type: 'mention',
      text: '<at>Jo Lead</at>',
      mentioned: { id: '29:jo', name: 'Jo Lead' },
    });
    expect(stripBotMention(message)).toBe('ask <at>Jo Lead</at> too');
  });

  it('copes with a button press, which has no text', () => {
    const press: Partial<Activity> = {
      ...teamsEnvelope('channel'),
      type: 'message',
      value: { kind: 'command', command: 'help' },
    };
    expect(stripBotMention(press)).toBe('');
    expect(press.text).toBeUndefined();
  });
});

describe('personalChatLink', () => {
  it("opens a one-to-one chat with the bot's Teams id", () => {
    expect(personalChatLink(teamsEnvelope('channel'))).toBe(
      `https://teams.microsoft.com/l/chat/0/0?users=28:${BOT_APP_ID}`,
    );
  });

  it('is null outside Teams, or when the bot id is not a Teams bot id', () => {
    expect(personalChatLink({ channelId: 'webchat', recipient: BOT })).toBeNull();
    expect(
      personalChatLink({ ...teamsEnvelope('channel'), recipient: { id: 'bot', name: 'bot' } }),
    ).toBeNull();
  });
});
