/**
 * Conversation state that tells a changed state from an unchanged one by its
 * JSON: read once a turn, saved only when something changed, under the same
 * key as botbuilder's ConversationState, so state saved before still reads.
 */
import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { JsonCheckedConversationState } from '../../src/state/conversationState';

function countingStorage() {
  const inner = new MemoryStorage();
  const calls = { reads: 0, writes: 0, deletes: 0 };
  const storage: Storage = {
    read: (keys) => {
      calls.reads++;
      return inner.read(keys);
    },
    write: (changes: StoreItems) => {
      calls.writes++;
      return inner.write(changes);
    },
    delete: (keys) => {
      calls.deletes++;
      return inner.delete(keys);
    },
  };
  return { storage, calls };
}

/** A turn of a conversation (the same conversation every time). */
function turn(): TurnContext {
  const adapter = new TestAdapter(async () => {});
  return new TurnContext(adapter, {
    type: 'message',
    text: 'hello',
    channelId: 'test',
    conversation: { id: 'chat-1', isGroup: false, name: '', conversationType: 'personal' },
    from: { id: 'user-1', name: '' },
    recipient: { id: 'bot', name: '' },
    serviceUrl: 'https://example.invalid',
  });
}

/** Conversation state over counting storage, with its "flow" property. */
function conversation() {
  const { storage, calls } = countingStorage();
  const state = new JsonCheckedConversationState(storage);
  return { state, flow: state.createProperty<string>('flow'), calls };
}

/** A conversation whose first turn saved a running screening (one write). */
async function screeningSaved() {
  const chat = conversation();
  const first = turn();
  await chat.flow.set(first, 'screening');
  await chat.state.saveChanges(first);
  return chat;
}

describe('conversation state checked by its JSON', () => {
  it('reads storage once a turn, however often a property is read', async () => {
    const { state, flow, calls } = conversation();
    const context = turn();
    await flow.get(context);
    await flow.get(context);
    await state.load(context);
    expect(calls.reads).toBe(1);
    await state.load(context, true);
    expect(calls.reads).toBe(2);
  });

  it('saves a changed state once, and an unchanged one not at all', async () => {
    const { state, flow, calls } = conversation();

    const first = turn();
    await flow.set(first, 'screening');
    await state.saveChanges(first);
    await state.saveChanges(first);
    expect(calls.writes).toBe(1);

    const second = turn();
    expect(await flow.get(second)).toBe('screening');
    await flow.set(second, 'screening');
    await state.saveChanges(second);
    expect(calls.writes).toBe(1);

    await flow.delete(second);
    await state.saveChanges(second);
    expect(calls.writes).toBe(2);
    expect(await flow.get(turn())).toBeUndefined();
  });

  it('saves a cleared state, and saves when forced', async () => {
    const { state, flow, calls } = await screeningSaved();

    const second = turn();
    await state.load(second);
    await state.clear(second);
    expect(state.get(second)).toEqual({});
    await state.saveChanges(second);
    expect(calls.writes).toBe(2);
    expect(await flow.get(turn())).toBeUndefined();

    await state.saveChanges(turn(), true);
    expect(calls.writes).toBe(3);
  });

  it('deletes the conversation from storage', async () => {
    const { state, flow, calls } = await screeningSaved();
    await state.delete(turn());
    expect(calls.deletes).toBe(1);
    expect(await flow.get(turn())).toBeUndefined();
  });

  it("uses botbuilder's key, so what botbuilder's ConversationState saved reads back", async () => {
    const { storage } = countingStorage();
    const before = new ConversationState(storage);
    const context = turn();
    await before.createProperty<string>('flow').set(context, 'screening');
    await before.saveChanges(context);

    const after = new JsonCheckedConversationState(storage);
    expect(await after.createProperty<string>('flow').get(turn())).toBe('screening');
  });

  it('is not misled by the eTag the storage adds', async () => {
    const { state, calls } = await screeningSaved();

    // MemoryStorage hands back a new eTag with every read; the state itself did not change.
    const second = turn();
    expect((await state.load(second)).eTag).toEqual(expect.any(String));
    await state.saveChanges(second);
    expect(calls.writes).toBe(1);
  });
});
