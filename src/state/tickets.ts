/**
 * Where the hand-off to the safeguarding team keeps its data, in the bot's
 * own state storage (memory, or the blob container), beside the
 * conversations but under keys of its own:
 *
 * - `experts/setup`: the channel that receives questions (its conversation
 *   details, from "set expert channel") and the list of open tickets (each
 *   reference with the run that asked it and when): never a question.
 * - `experts/tickets/<ref>`: one open ticket: what its card shows, the
 *   practitioner's conversation reference (to tell them it was taken) and the
 *   card's (to update it). Deleted when the ticket is closed or expires.
 *
 * Every change is a read, then a write conditional on the eTag that was read
 * (the storage's optimistic concurrency), retried on a conflict: two
 * instances cannot both take one ticket, both claim one reference or lose
 * each other's open tickets.
 */
import type { ConversationReference, Storage, StoreItem } from 'botbuilder';
import type { Ticket } from '../experts/ticket';
import { storageUntil } from './deadline';
import { isETagConflict } from './storage';

export const SETUP_KEY = 'experts/setup';
export const ticketKey = (ref: string) => `experts/tickets/${ref}`;

/** How many times a conditional write is tried again after another writer got there first. */
export const MAX_CONFLICT_RETRIES = 8;

/** The channel that receives questions: enough to start a new thread in it. */
export interface ExpertChannel {
  serviceUrl: string;
  tenantId?: string;
  teamId: string;
  /** The Teams channel's id ("19:…@thread.tacv2"): new threads are created here. */
  channelId: string;
  /** The bot's own account in Teams, which posts the cards. */
  bot: { id: string; name: string };
  setAt: string;
}

export interface OpenTicket {
  /** The run of the asking flow that claimed this reference (a random id: nothing about anyone). */
  owner: string;
  askedAt: string;
}

export interface ExpertSetup {
  channel: ExpertChannel | null;
  open: Record<string, OpenTicket>;
}

/** Where a ticket's card is: the channel thread it started, and the card's message id in it. */
export interface CardLocation {
  reference: Partial<ConversationReference>;
  activityId: string;
}

export interface StoredTicket {
  ticket: Ticket;
  /** The practitioner's personal chat, to tell them when the question is taken or closed. */
  asker: Partial<ConversationReference>;
  /** Null between storing the ticket and posting its card. */
  card: CardLocation | null;
  /** Set by the instance that is expiring it, so two sweeps do not both tell the practitioner. */
  expiring?: boolean;
}

type Versioned<T> = { value: T; eTag?: string };

export type ClaimResult = 'claimed' | 'already-claimed' | 'clash' | 'no-channel';

export class TicketStore {
  constructor(private readonly storage: Storage) {}

  /** The same store, every storage call bounded to end by the turn's deadline (see deadline.ts). */
  until(deadlineAt: number | undefined): TicketStore {
    return deadlineAt === undefined ? this : new TicketStore(storageUntil(this.storage, deadlineAt));
  }

  private async read<T>(key: string): Promise<Versioned<T> | null> {
    const items = await this.storage.read([key]);
    const item = items[key] as (StoreItem & { value?: T }) | undefined;
    if (!item || item.value === undefined) return null;
    return { value: item.value, eTag: typeof item.eTag === 'string' ? item.eTag : undefined };
  }

  /** Writes only if the item is still at `eTag` (no eTag: unconditionally); throws an eTag conflict otherwise. */
  private async write<T>(key: string, value: T, eTag?: string): Promise<void> {
    await this.storage.write({ [key]: { value, ...(eTag ? { eTag } : {}) } });
  }

  /**
   * Read, change, write conditionally; on a conflict read again and retry.
   * `change` returns the new value, or undefined to write nothing.
   */
  private async update<T, R>(
    key: string,
    change: (current: T | null) => { value?: T; result: R },
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read<T>(key);
      const { value, result } = change(current?.value ?? null);
      if (value === undefined) return result;
      try {
        await this.write(key, value, current?.eTag);
        return result;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= MAX_CONFLICT_RETRIES) throw err;
      }
    }
  }

  async readSetup(): Promise<ExpertSetup | null> {
    return (await this.read<ExpertSetup>(SETUP_KEY))?.value ?? null;
  }

  /** Points new questions at this channel; the tickets already open stay where their cards are. */
  async setChannel(channel: ExpertChannel): Promise<void> {
    await this.update<ExpertSetup, void>(SETUP_KEY, (current) => ({
      value: { open: current?.open ?? {}, channel },
      result: undefined,
    }));
  }

  /**
   * Claims a reference for one run of the asking flow. The same run claiming
   * it again (a turn run twice) is told so, and must not post a second card;
   * another run with the same reference is a clash (a one-in-a-billion hash
   * collision) and must not share a ticket.
   */
  async claim(ref: string, open: OpenTicket): Promise<ClaimResult> {
    return this.update<ExpertSetup, ClaimResult>(SETUP_KEY, (current) => {
      if (!current?.channel) return { result: 'no-channel' };
      const existing = current.open[ref];
      if (existing) return { result: existing.owner === open.owner ? 'already-claimed' : 'clash' };
      return { value: { ...current, open: { ...current.open, [ref]: open } }, result: 'claimed' };
    });
  }

  /** Takes a reference off the open list; true when this call removed it (false: someone else did). */
  async release(ref: string): Promise<boolean> {
    return this.update<ExpertSetup, boolean>(SETUP_KEY, (current) => {
      if (!current?.open[ref]) return { result: false };
      const open = { ...current.open };
      delete open[ref];
      return { value: { ...current, open }, result: true };
    });
  }

  async readTicket(ref: string): Promise<Versioned<StoredTicket> | null> {
    return this.read<StoredTicket>(ticketKey(ref));
  }

  /** Conditional on `eTag` when given; throws an eTag conflict when the ticket changed since it was read. */
  async writeTicket(ref: string, stored: StoredTicket, eTag?: string): Promise<void> {
    await this.write(ticketKey(ref), stored, eTag);
  }

  /** Read, change, write conditionally, retried on conflicts; for changes that apply to any version. */
  async updateTicket<R>(
    ref: string,
    change: (current: StoredTicket | null) => { value?: StoredTicket; result: R },
  ): Promise<R> {
    return this.update<StoredTicket, R>(ticketKey(ref), change);
  }

  async deleteTicket(ref: string): Promise<void> {
    await this.storage.delete([ticketKey(ref)]);
  }
}
