import { describe, expect, it } from 'vitest';
import { allText } from '../helpers/chat';
import {
  BOT,
  BOT_APP_ID,
  shown,
  startTeamsChat,
  teamsButtonPress,
  teamsMembersAdded,
  teamsMessage,
  USER,
  type Scope,
} from '../helpers/teams';
import { startChat } from '../helpers/chat';
import { literal, testshire } from '../helpers/area';
import { FORM_INTRO, Q1 } from '../helpers/patterns';

const PRIVATE_CHAT_LINK = `https://teams.microsoft.com/l/chat/0/0?users=28:${BOT_APP_ID}`;
/** Every chat here runs in Testshire (the chat helper's default area). */
const MASH_NUMBER = literal(testshire.phone('mash'));

function buttons(
  card: Record<string, unknown> | undefined,
): Array<{ type: string; title: string; url?: string }> {
  return (card?.actions ?? []) as Array<{ type: string; title: string; url?: string }>;
}

describe('installing the app in Teams', () => {
  it('welcomes with a card in a personal chat: what it does, three buttons and the 999 line', async () => {
    const chat = startTeamsChat('personal');
    const replies = await chat.send(teamsMembersAdded('personal', [BOT, USER]));
    expect(replies).toHaveLength(1);
    const welcome = replies[0]!;
    expect(shown(replies)).toMatch(/CSERQ4 screening/);
    expect(shown(replies)).toMatch(/never replace, your safeguarding lead and the MASH/);
    expect(shown(replies)).toMatch(/If a child is in immediate danger, call 999/);
    expect(buttons(welcome.card).map((b) => b.title)).toEqual([
      'Start a CSERQ4 screening',
      'Who do I call now?',
      'What can I ask?',
    ]);
  });

  it.each(['channel', 'groupChat'] as const)(
    'introduces itself in one short message when added to a %s, and only once',
    async (scope) => {
      const chat = startTeamsChat(scope);
      const first = await chat.send(teamsMembersAdded(scope, [BOT]));
      expect(first).toHaveLength(1);
      expect(first[0]!.card).toBeUndefined();
      expect(first[0]!.text).toMatch(/mention me/);
      expect(first[0]!.text).toMatch(/Screenings happen in a private chat with me, never here/);
      expect(first[0]!.text).toMatch(/call 999/);
      expect(first[0]!.text.split('\n')).toHaveLength(1);

      expect(await chat.send(teamsMembersAdded(scope, [BOT]))).toEqual([]);
    },
  );

  it('says nothing when a colleague later joins a team the bot is in', async () => {
    const chat = startTeamsChat('channel');
    await chat.send(teamsMembersAdded('channel', [BOT]));
    expect(await chat.send(teamsMembersAdded('channel', [{ id: '29:newColleague' }]))).toEqual([]);
  });

  it('still welcomes a user who joins a chat outside Teams (Web Chat, the emulator)', async () => {
    const chat = startChat();
    const replies = await chat.send({
      type: 'conversationUpdate',
      recipient: { id: 'bot', name: 'bot' },
      membersAdded: [
        { id: 'bot', name: 'bot' },
        { id: 'user-1', name: 'Sam' },
      ],
    });
    expect(allText(replies)).toMatch(/Welcome to the safeguarding guidance bot/);
  });
});

describe('mentions in Teams', () => {
  it('answers "@Safeguarding who do I call" in a channel as "who do I call"', async () => {
    const chat = startTeamsChat('channel');
    const replies = await chat.send(teamsMessage('channel', 'who do I call', { mention: true }));
    expect(shown(replies)).toMatch(/Who to call/);
    expect(shown(replies)).toMatch(MASH_NUMBER);
  });

  it('stays silent in a group chat when it is not mentioned', async () => {
    const chat = startTeamsChat('groupChat');
    expect(await chat.send(teamsMessage('groupChat', 'who do I call'))).toEqual([]);
    expect(chat.lastTurn()).toEqual([]);
  });

  it('stays silent in a channel when it is not mentioned, even if Teams delivers the message', async () => {
    const chat = startTeamsChat('channel');
    expect(await chat.send(teamsMessage('channel', 'help'))).toEqual([]);
  });

  it('strips a mention in a personal chat too, so "@Safeguarding screen" starts the screening', async () => {
    const chat = startTeamsChat('personal');
    expect(shown(await chat.send(teamsMessage('personal', 'screen', { mention: true })))).toMatch(Q1);
  });

  it('routes the text after the mention when Teams puts a non-breaking space after it', async () => {
    const chat = startTeamsChat('channel');
    const message = teamsMessage('channel', 'x', { mention: true });
    message.text = `<at>${BOT.name}</at>&nbsp;who do I call?`;
    expect(shown(await chat.send(message))).toMatch(MASH_NUMBER);
  });
});

describe('privacy in channels and group chats', () => {
  const shared: Scope[] = ['channel', 'groupChat'];
  const asks = ['screen', 'start a screening', 'CSERQ4', "I'm worried about a 14 year old girl in my class"];

  for (const scope of shared) {
    it.each(asks)(
      `never starts a screening in a ${scope} for "%s": it offers a private chat instead`,
      async (ask) => {
        const chat = startTeamsChat(scope);
        const replies = await chat.send(teamsMessage(scope, ask, { mention: true }));
        const text = shown(replies);
        expect(text).toMatch(/I only run screenings in a private chat with you/);
        expect(text).toMatch(/nothing about a child is shared with everyone here/);
        expect(text).not.toMatch(Q1);
        const link = buttons(replies[0]!.card).find((b) => b.type === 'Action.OpenUrl');
        expect(link).toEqual({
          type: 'Action.OpenUrl',
          title: 'Open a private chat',
          url: PRIVATE_CHAT_LINK,
        });
        expect(await chat.stored()).not.toMatch(/cserq4|screening/);
      },
    );

    it(`answers the "Start a CSERQ4 screening" button in a ${scope} with the private-chat redirect`, async () => {
      const chat = startTeamsChat(scope);
      await chat.send(teamsMessage(scope, 'help', { mention: true }));
      const start = (chat.lastCard()!.actions as Array<{ title: string; data: unknown }>).find(
        (b) => b.title === 'Start a CSERQ4 screening',
      )!;
      const replies = await chat.send(teamsButtonPress(scope, start.data));
      expect(shown(replies)).toMatch(/I only run screenings in a private chat/);
      expect(shown(replies)).not.toMatch(Q1);
      expect(await chat.stored()).not.toMatch(/cserq4/);
    });
  }

  for (const scope of shared) {
    it(`never starts the information-sharing form in a ${scope}: typed or from a button`, async () => {
      const chat = startTeamsChat(scope);
      for (const replies of [
        await chat.send(teamsMessage(scope, 'share information with the police', { mention: true })),
        await chat.send(teamsButtonPress(scope, { kind: 'command', command: 'start-info-sharing' })),
      ]) {
        const text = shown(replies);
        expect(text).toMatch(/I only run the information-sharing form in a private chat with you/);
        expect(text).toMatch(/type "share information" there/);
        expect(buttons(replies[0]!.card)[0]?.url).toBe(PRIVATE_CHAT_LINK);
        expect(text).not.toMatch(FORM_INTRO);
      }
      expect(await chat.stored()).not.toMatch(/info-sharing|flow/);
    });
  }

  it('runs the information-sharing form in a personal chat', async () => {
    const chat = startTeamsChat('personal');
    expect(shown(await chat.send(teamsMessage('personal', 'share information with the police')))).toMatch(
      FORM_INTRO,
    );
  });

  it('runs the screening in a personal chat, where the same request starts it', async () => {
    const chat = startTeamsChat('personal');
    expect(shown(await chat.send(teamsMessage('personal', 'screen')))).toMatch(Q1);
  });
});

describe('answers and contacts in every scope', () => {
  const scopes: Scope[] = ['personal', 'channel', 'groupChat'];

  it.each(scopes)('gives who to call in a %s', async (scope) => {
    const chat = startTeamsChat(scope);
    const replies = await chat.send(teamsMessage(scope, 'who do I call', { mention: scope !== 'personal' }));
    expect(shown(replies)).toMatch(MASH_NUMBER);
    expect(shown(replies)).toContain(testshire.phone('out-of-hours'));
    expect(shown(replies)).toMatch(/call 999/);
  });

  it.each(scopes)('puts 999 first when a child is in danger now, in a %s', async (scope) => {
    const chat = startTeamsChat(scope);
    const replies = await chat.send(
      teamsMessage(scope, 'he is waiting outside to take her right now', { mention: scope !== 'personal' }),
    );
    expect(shown(replies)).toMatch(/^If a child is in immediate danger, call 999 now/);
  });

  it.each(scopes)('answers the "Who do I call now?" button in a %s', async (scope) => {
    const chat = startTeamsChat(scope);
    const replies = await chat.send(teamsButtonPress(scope, { kind: 'command', command: 'contacts' }));
    expect(shown(replies)).toMatch(MASH_NUMBER);
  });

  it.each(scopes)('says what it can do when asked for help in a %s', async (scope) => {
    const chat = startTeamsChat(scope);
    const replies = await chat.send(teamsMessage(scope, 'help', { mention: scope !== 'personal' }));
    expect(shown(replies)).toMatch(/I help practitioners with child sexual exploitation/);
  });
});

describe('how replies look in Teams', () => {
  it('sends a card on its own in Teams, with its text as the fallback and, without Markdown, the notification summary', async () => {
    const chat = startTeamsChat('personal');
    const [reply] = await chat.send(teamsMessage('personal', 'who do I call'));
    expect(reply!.activity.text).toBeUndefined();
    expect(reply!.card).toBeDefined();
    expect(reply!.card!.fallbackText).toMatch(MASH_NUMBER);
    expect(reply!.card!.fallbackText).toMatch(/^\*\*Who to call\*\*/);
    expect(reply!.activity.summary).toMatch(/^Who to call\n/);
    expect(reply!.activity.summary).toMatch(MASH_NUMBER);
    expect(reply!.activity.summary).not.toMatch(/\*\*/);
  });

  it('sends the text and the card together to clients that are not Teams', async () => {
    const chat = startChat();
    const [reply] = await chat.say('who do I call');
    expect(reply!.text).toMatch(MASH_NUMBER);
    expect(reply!.card).toBeDefined();
  });

  it.each(['personal', 'groupChat'] as const)('shows "typing…" first in a %s', async (scope) => {
    const chat = startTeamsChat(scope);
    await chat.send(teamsMessage(scope, 'who do I call', { mention: true }));
    expect(chat.lastTurn()[0]?.type).toBe('typing');
  });

  it('sends no typing indicator to a channel, where Teams does not show one', async () => {
    const chat = startTeamsChat('channel');
    await chat.send(teamsMessage('channel', 'who do I call', { mention: true }));
    expect(chat.lastTurn().map((a) => a.type)).not.toContain('typing');
  });
});
