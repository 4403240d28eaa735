/**
 * The redirect to a private chat for the two shapes of bot id a channel or
 * group chat can carry: Teams' "28:<app id>", from which a deep link to a
 * one-to-one chat can be built, and any other (the Agents Playground's
 * "00000000-0000-0000-0000-00000000000011"), where the reply says how to
 * start one instead.
 */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { infoSharingEntry } from '../../src/infoSharing/entry';
import { HOW_TO_START_PRIVATE_CHAT, privateChatReply } from '../../src/knowledge/botWords';
import { screeningEntry } from '../../src/screening/entry';
import { personalChatLink } from '../../src/turn/scope';
import { cardText } from '../helpers/cards';

const TEAMS_BOT = { id: '28:6f1c1a6e-3c1b-4c8e-9a57-2d0f5b7c9e11', name: 'Safeguarding' };
const PLAYGROUND_BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' };
const groupChat = (recipient: { id: string; name: string }): Partial<Activity> => ({
  channelId: 'msteams',
  recipient,
  conversation: {
    id: '19:group@thread.v2',
    conversationType: 'groupChat',
    isGroup: true,
  } as Activity['conversation'],
});

describe('the redirect to a private chat', () => {
  it('gives a Teams bot id ("28:…") a button that opens a one-to-one chat', () => {
    const link = personalChatLink(groupChat(TEAMS_BOT));
    expect(link).toBe(`https://teams.microsoft.com/l/chat/0/0?users=${TEAMS_BOT.id}`);
    const reply = privateChatReply(link);
    expect(reply.card!.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open a private chat', url: link },
    ]);
    expect(reply.text).toContain(link!);
    expect(reply.text).not.toContain(HOW_TO_START_PRIVATE_CHAT);
  });

  it.each([
    ['screening', screeningEntry],
    ['information-sharing form', infoSharingEntry],
  ])(
    'says how to start a private chat for the %s where the bot id gives no link (the Playground)',
    (_name, entry) => {
      const link = personalChatLink(groupChat(PLAYGROUND_BOT));
      expect(link).toBeNull();
      const reply = privateChatReply(link, entry.names);
      expect(reply.card!.actions).toBeUndefined();
      for (const shown of [reply.text, cardText(reply.card)]) {
        expect(shown).toContain(HOW_TO_START_PRIVATE_CHAT);
        expect(shown).toContain(`Then type "${entry.names.type}" there.`);
        expect(shown).toMatch(/If a child is in immediate danger, call 999/);
      }
    },
  );
});
