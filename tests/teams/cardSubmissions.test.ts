import { describe, expect, it } from 'vitest';
import type { Chat } from '../helpers/chat';
import { AGE, PARTNER, Q1, STALE, STALE_CONVERSATION } from '../helpers/patterns';
import { shown, startTeamsChat, teamsButtonPress, teamsMessage, type Scope } from '../helpers/teams';

/** The running screening as stored in conversation state (step, answers, id), or undefined. */
async function runningScreening(chat: Chat): Promise<unknown> {
  const memory = JSON.parse(await chat.stored()) as Record<string, string>;
  for (const raw of Object.values(memory)) {
    const state = JSON.parse(raw) as { flow?: { state?: unknown } };
    const screening = state.flow?.state;
    if (screening) return screening;
  }
  return undefined;
}

const press = (chat: Chat, data: unknown, scope: Scope = 'personal') =>
  chat.send(teamsButtonPress(scope, data));

/** A screening in a personal chat, answered as far as the age question, started for id "screening-2". */
async function screeningAtAgeQuestion(): Promise<Chat> {
  const chat = startTeamsChat('personal', { ids: ['screening-1', 'screening-2'] });
  await chat.send(teamsMessage('personal', 'screen'));
  await chat.send(teamsMessage('personal', 'cancel'));
  await chat.send(teamsMessage('personal', 'screen'));
  expect(shown(await chat.send(teamsMessage('personal', 'no')))).toMatch(AGE);
  return chat;
}

const TAMPERED: Array<[what: string, data: unknown]> = [
  [
    'a button from a screening that already ended',
    { kind: 'answer', screening: 'screening-1', step: 'q1', value: 'yes' },
  ],
  [
    'a button from an earlier question',
    { kind: 'answer', screening: 'screening-2', step: 'q1', value: 'yes' },
  ],
  ['a tampered value', { kind: 'answer', screening: 'screening-2', step: 'childAge', value: 'definitely' }],
  ['a missing step', { kind: 'answer', screening: 'screening-2', value: 'not-known' }],
  ['a missing kind', { screening: 'screening-2', step: 'childAge', value: 'not-known' }],
  [
    'an extra field',
    { kind: 'answer', screening: 'screening-2', step: 'childAge', value: 'not-known', childAge: 19 },
  ],
  ['a number where the id should be', { kind: 'answer', screening: 2, step: 'childAge', value: 'not-known' }],
  [
    'an id far too long',
    { kind: 'answer', screening: 'x'.repeat(20000), step: 'childAge', value: 'not-known' },
  ],
  ['an unknown kind', { kind: 'delete-answers' }],
  ['an unknown command', { kind: 'command', command: 'export-answers' }],
  [
    'a Teams wrapper around a tampered payload',
    {
      kind: 'answer',
      screening: 'screening-2',
      step: 'childAge',
      value: 'maybe',
      msteams: { type: 'messageBack' },
    },
  ],
  ['a string instead of an object', 'yes'],
  ['a number', 16],
  ['an array', [{ kind: 'answer', screening: 'screening-2', step: 'childAge', value: 'not-known' }]],
  ['a boolean', true],
];

describe('card submissions during a screening', () => {
  it.each(TAMPERED)('ignores %s: says so, repeats the question and changes nothing', async (_what, data) => {
    const chat = await screeningAtAgeQuestion();
    const before = await runningScreening(chat);
    expect(before).toMatchObject({ id: 'screening-2', step: 'childAge' });

    const reply = shown(await press(chat, data));

    expect(reply).toMatch(STALE);
    expect(reply).toMatch(AGE);
    expect(await runningScreening(chat)).toEqual(before);
    // The screening carries on from the same question.
    expect(shown(await chat.send(teamsMessage('personal', '15')))).toMatch(PARTNER);
  });

  it('accepts a genuine button from the current question, and the reply says which button it was', async () => {
    const chat = startTeamsChat('personal', { ids: ['screening-1'] });
    await chat.send(teamsMessage('personal', 'screen'));
    const no = (chat.lastCard()!.actions as Array<{ title: string; data: Record<string, unknown> }>).find(
      (b) => b.title === 'No',
    )!;
    expect(no.data).toEqual({
      kind: 'answer',
      screening: 'screening-1',
      step: 'q1',
      value: 'no',
      label: 'No',
    });
    const replies = await press(chat, no.data);
    expect(shown(replies)).toMatch(/^You chose: No\n/);
    expect(shown(replies)).toMatch(AGE);
    expect(await runningScreening(chat)).toMatchObject({ step: 'childAge', answers: { missing: 'no' } });
  });

  it('accepts a button as the Agents Playground sends it, with msteams and msTeams added', async () => {
    const chat = startTeamsChat('personal', { ids: ['screening-1'] });
    await chat.send(teamsMessage('personal', 'screen'));
    const value = {
      kind: 'answer',
      screening: 'screening-1',
      step: 'q1',
      value: 'no',
      label: 'No',
      msteams: { type: 'messageBack', displayText: 'No' },
      msTeams: { type: 'messageBack', displayText: 'No' },
    };
    const reply = shown(await press(chat, value));
    expect(reply).not.toMatch(STALE);
    expect(reply).toMatch(AGE);
    expect(await runningScreening(chat)).toMatchObject({ step: 'childAge', answers: { missing: 'no' } });
  });

  it('names the button once per turn, on the first message only', async () => {
    const chat = startTeamsChat('personal', { ids: ['screening-1'] });
    await chat.send(teamsMessage('personal', 'screen'));
    // "Who do I call now?" mid-screening: the contacts, then the question again.
    const replies = await press(chat, { kind: 'command', command: 'contacts', label: 'Who do I call now?' });
    expect(replies.length).toBeGreaterThan(1);
    const texts = replies.map((r) => shown([r]));
    expect(texts[0]).toMatch(/^You chose: Who do I call now\?\n[\s\S]*Who to call/);
    for (const later of texts.slice(1)) expect(later).not.toMatch(/You chose/);
  });

  it('does not name a button for typed text, or for a tampered label', async () => {
    const chat = startTeamsChat('personal', { ids: ['screening-1'] });
    expect(shown(await chat.send(teamsMessage('personal', 'screen')))).not.toMatch(/You chose/);
    const tampered = {
      kind: 'answer',
      screening: 'screening-1',
      step: 'q1',
      value: 'no',
      label: '[Call](https://x.example)',
    };
    const reply = shown(await press(chat, tampered));
    expect(reply).toMatch(AGE);
    expect(reply).not.toMatch(/You chose|x\.example/);
  });
});

describe('card submissions with no screening running', () => {
  it.each(TAMPERED)(
    'answers %s with "from an earlier conversation" and starts nothing',
    async (_what, data) => {
      const chat = startTeamsChat('personal');
      const reply = shown(await press(chat, data));
      expect(reply).toMatch(STALE_CONVERSATION);
      expect(reply).not.toMatch(Q1);
      expect(await runningScreening(chat)).toBeUndefined();
    },
  );

  it.each(['channel', 'groupChat'] as const)(
    'answers a stale screening button pressed in a %s the same way, without starting anything',
    async (scope) => {
      const chat = startTeamsChat(scope);
      const reply = shown(
        await press(chat, { kind: 'answer', screening: 'screening-1', step: 'q1', value: 'yes' }, scope),
      );
      expect(reply).toMatch(STALE_CONVERSATION);
      expect(await runningScreening(chat)).toBeUndefined();
    },
  );
});
