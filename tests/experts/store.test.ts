/**
 * The ticket store's conditional writes, and two bot instances racing for
 * one ticket with both reads made before either write: exactly one takes it.
 */
import { MemoryStorage, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { newTicket } from '../../src/experts/ticket';
import { ExpertHandoff } from '../../src/handoff/handoff';
import type { TeamsConnector } from '../../src/handoff/teams';
import { createLogger } from '../../src/log';
import { OptimisticStorage } from '../../src/state/optimistic';
import { TicketStore, ticketKey, type ExpertChannel } from '../../src/state/tickets';

const contacts = loadAreaContacts();
const now = new Date('2026-11-25T10:30:00Z');
const CHANNEL: ExpertChannel = {
  serviceUrl: 'https://smba.example/',
  teamId: '19:team@thread.tacv2',
  channelId: '19:experts@thread.tacv2',
  bot: { id: '28:bot', name: 'Safeguarding' },
  setAt: now.toISOString(),
};
const REF = 'Q-7K3F9A';
const THREAD = `${CHANNEL.channelId};messageid=1700000000001`;

/** Holds the first `parties` reads of `key` until all of them have arrived, so the readers race. */
class Barrier implements Storage {
  private waiting: Array<() => void> = [];
  constructor(
    private readonly inner: Storage,
    private readonly key: string,
    private parties: number,
  ) {}
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    if (keys.includes(this.key) && this.parties > 0) {
      this.parties--;
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        if (this.parties === 0) this.waiting.splice(0).forEach((go) => go());
      });
    }
    return items;
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

function fakeTeams(): TeamsConnector & { told: string[] } {
  const told: string[] = [];
  return {
    told,
    postCard: () =>
      Promise.resolve({ activityId: '1700000000001', reference: { conversation: { id: THREAD } } as never }),
    updateCard: () => Promise.resolve(),
    notify: (_ref, reply) => {
      told.push(reply.text);
      return Promise.resolve();
    },
  };
}

function instance(storage: Storage, teams: TeamsConnector) {
  return new ExpertHandoff({
    store: new TicketStore(storage),
    teams,
    teamId: CHANNEL.teamId,
    ticketDays: 14,
    contacts,
    now: () => now,
    log: createLogger({ level: 'silent' }),
  });
}

function press(by: { id: string; name: string }) {
  const updates: unknown[] = [];
  const context = {
    activity: {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: THREAD, conversationType: 'channel' },
      channelData: { team: { id: CHANNEL.teamId } },
      from: { id: by.id, aadObjectId: by.id, name: by.name },
      replyToId: '1700000000001',
    },
    updateActivity: (activity: unknown) => {
      updates.push(activity);
      return Promise.resolve(undefined);
    },
  } as unknown as TurnContext;
  return { context, updates };
}

async function withOpenTicket(storage: Storage): Promise<void> {
  const store = new TicketStore(storage);
  await store.setChannel(CHANNEL);
  expect(await store.claim(REF, { owner: 'run-1', askedAt: now.toISOString() })).toBe('claimed');
  const ticket = newTicket({
    kind: 'send-to-experts',
    ref: REF,
    owner: 'run-1',
    question: 'What now?',
    askerName: 'Sam Practitioner',
    askedAt: now,
  });
  await store.writeTicket(REF, {
    ticket,
    asker: { conversation: { id: 'a:1sam' } } as never,
    card: { activityId: '1700000000001', reference: { conversation: { id: THREAD } } as never },
  });
}

describe('the ticket store', () => {
  it('lets one run claim a reference, tells the same run it already has it, and refuses another run', async () => {
    const store = new TicketStore(new OptimisticStorage(new MemoryStorage()));
    expect(await store.claim(REF, { owner: 'run-1', askedAt: now.toISOString() })).toBe('no-channel');
    await store.setChannel(CHANNEL);
    expect(await store.claim(REF, { owner: 'run-1', askedAt: now.toISOString() })).toBe('claimed');
    expect(await store.claim(REF, { owner: 'run-1', askedAt: now.toISOString() })).toBe('already-claimed');
    expect(await store.claim(REF, { owner: 'run-2', askedAt: now.toISOString() })).toBe('clash');
    // Setting the channel again keeps the open tickets.
    await store.setChannel({ ...CHANNEL, channelId: '19:other@thread.tacv2' });
    expect(Object.keys((await store.readSetup())!.open)).toEqual([REF]);
    expect(await store.release(REF)).toBe(true);
    expect(await store.release(REF)).toBe(false);
  });

  it('keeps both of two claims made at the same moment', async () => {
    const memory = new MemoryStorage();
    await new TicketStore(memory).setChannel(CHANNEL);
    const racing = new Barrier(memory, 'experts/setup', 2);
    const [a, b] = [new TicketStore(racing), new TicketStore(racing)];
    const results = await Promise.all([
      a.claim('Q-AAAAAA', { owner: 'run-a', askedAt: now.toISOString() }),
      b.claim('Q-BBBBBB', { owner: 'run-b', askedAt: now.toISOString() }),
    ]);
    expect(results).toEqual(['claimed', 'claimed']);
    expect(Object.keys((await new TicketStore(memory).readSetup())!.open).sort()).toEqual([
      'Q-AAAAAA',
      'Q-BBBBBB',
    ]);
  });
});

describe('two bot instances pressing "I\'ll take this" at the same moment', () => {
  it('let exactly one take the ticket; the other is refused and the practitioner is told once', async () => {
    const memory = new MemoryStorage();
    await withOpenTicket(memory);
    // Both instances read the ticket before either writes: the conditional write decides.
    const racing = new Barrier(memory, ticketKey(REF), 2);
    const teams = fakeTeams();
    const [one, two] = [instance(racing, teams), instance(racing, teams)];
    const alex = press({ id: 'aad-alex', name: 'Alex Lead' });
    const jo = press({ id: 'aad-jo', name: 'Jo Nurse' });
    const outcomes = await Promise.all([
      one.carryOut({ kind: 'ticket-action', ref: REF, action: 'take' }, alex.context),
      two.carryOut({ kind: 'ticket-action', ref: REF, action: 'take' }, jo.context),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['taken', 'taken-by-other']);
    expect(teams.told).toHaveLength(1);
    const winner = outcomes[0].outcome === 'taken' ? 'Alex Lead' : 'Jo Nurse';
    expect(teams.told[0]).toMatch(
      new RegExp(`^\\*\\*${winner} from the safeguarding team has your question`),
    );
    const stored = await new TicketStore(memory).readTicket(REF);
    expect(stored!.value.ticket.takenBy?.name).toBe(winner);
    const refused = outcomes.find((o) => o.outcome === 'taken-by-other')!;
    expect(refused.replies!.map((r) => r.text)).toEqual([`${winner} has already taken this question.`]);
  });
});

describe('when storage cannot be read', () => {
  it('counts the hand-off as not set up rather than failing the turn (its reply gives who to call)', async () => {
    const broken: Storage = {
      read: () => Promise.reject(Object.assign(new Error('storage is down'), { statusCode: 503 })),
      write: () => Promise.reject(new Error('storage is down')),
      delete: () => Promise.reject(new Error('storage is down')),
    };
    await expect(instance(broken, fakeTeams()).expertsSetup()).resolves.toEqual({
      teamId: CHANNEL.teamId,
      channelSet: false,
      ticketDays: 14,
    });
  });
});
