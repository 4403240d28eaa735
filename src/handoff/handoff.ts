/**
 * The shell of the hand-off to the safeguarding team: carries out what the
 * core planned (store the expert channel, post a ticket, act on a ticket's
 * button) and expires old tickets. Decisions are the core's (routeTurn,
 * src/experts/ticket.ts); this reads and writes the ticket store and talks to
 * Teams. Logs say what happened (set, sent, taken, refused, expired), never
 * a question, a name or a reference.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Reply } from '../cards/reply';
import type { AreaContacts } from '../contacts/schema';
import { expireTicket, isExpired, newTicket, pressTicket, ticketCard, type Presser } from '../experts/ticket';
import { notSentReply, notSetUpReply } from '../experts/words';
import type { SendToExperts } from '../flows/flow';
import type { Logger } from '../log';
import type { Effect } from '../router/planTurn';
import type { ExpertsSetup } from '../router/routeTurn';
import { turnStorageDeadline } from '../state/deadline';
import { isETagConflict } from '../state/storage';
import { TicketStore, type ExpertChannel, type StoredTicket } from '../state/tickets';
import type { EffectOutcome, TurnEffects } from '../turn/message';
import { askerReference, threadRoot, updateCardIn, type TeamsConnector } from './teams';

/** How often open tickets are checked for expiry. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** How long one instance reuses "is a channel set", so routing does not read storage on every message. */
export const SETUP_CACHE_MS = 30_000;

export interface HandoffOptions {
  store: TicketStore;
  teams: TeamsConnector;
  /** EXPERTS_TEAM_ID, or null: then nothing here runs and "ask an expert" says it is not set up. */
  teamId: string | null;
  ticketDays: number;
  contacts: AreaContacts;
  now: () => Date;
  log: Logger;
}

type ChannelData = { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } };

function channelDataOf(activity: Partial<Activity>): ChannelData {
  return (activity.channelData ?? {}) as ChannelData;
}

export class ExpertHandoff implements TurnEffects {
  private readonly store: TicketStore;
  private readonly teams: TeamsConnector;
  private cached: { at: number; channelSet: boolean } | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HandoffOptions) {
    this.store = options.store;
    this.teams = options.teams;
  }

  /** The ticket store, bounded by the turn's storage deadline when the turn runner set one. */
  private storeFor(context: TurnContext | undefined): TicketStore {
    return context ? this.store.until(turnStorageDeadline(context)) : this.store;
  }

  async expertsSetup(context?: TurnContext): Promise<ExpertsSetup> {
    const { teamId, ticketDays } = this.options;
    if (teamId === null) return { teamId, channelSet: false, ticketDays };
    const fresh = this.cached && Date.now() - this.cached.at < SETUP_CACHE_MS;
    if (!fresh) {
      try {
        const setup = await this.storeFor(context).readSetup();
        this.cached = { at: Date.now(), channelSet: Boolean(setup?.channel) };
      } catch {
        // Storage unreachable: this must not cost the turn its 999 line or contacts. Use what was
        // known; if nothing, the hand-off counts as not set up, whose reply gives who to call.
        return { teamId, channelSet: this.cached?.channelSet ?? false, ticketDays };
      }
    }
    return { teamId, channelSet: this.cached!.channelSet, ticketDays };
  }

  async carryOut(effect: Effect, context: TurnContext): Promise<EffectOutcome> {
    switch (effect.kind) {
      case 'set-expert-channel':
        return this.setChannel(context, this.storeFor(context));
      case 'send-to-experts':
        return this.send(effect, context, this.storeFor(context));
      case 'ticket-action':
        return this.press(effect.ref, effect.action, context, this.storeFor(context));
    }
  }

  private event(action: string, extra: Record<string, unknown> = {}): void {
    this.options.log.info({ event: 'expert-ticket', action, ...extra }, 'expert hand-off');
  }

  private async setChannel(context: TurnContext, store: TicketStore): Promise<EffectOutcome> {
    const { activity } = context;
    const data = channelDataOf(activity);
    const conversation = activity.conversation;
    const channel: ExpertChannel = {
      serviceUrl: activity.serviceUrl,
      tenantId: data.tenant?.id ?? conversation.tenantId,
      // The router allowed this only in a channel of the configured team.
      teamId: this.options.teamId!,
      channelId: data.channel?.id ?? threadRoot(conversation.id).channel,
      bot: { id: activity.recipient.id, name: activity.recipient.name ?? '' },
      setAt: this.options.now().toISOString(),
    };
    await store.setChannel(channel);
    this.cached = { at: Date.now(), channelSet: true };
    this.event('channel-set');
    return { outcome: 'set' };
  }

  /**
   * Claims the reference, stores the ticket, posts its card, then records
   * where the card is. A turn run twice finds its own claim and posts
   * nothing more. If the card cannot be posted, the ticket and the claim are
   * removed and the practitioner is told it was not sent.
   */
  private async send(
    effect: SendToExperts,
    context: TurnContext,
    store: TicketStore,
  ): Promise<EffectOutcome> {
    const { contacts, now } = this.options;
    const setup = await store.readSetup();
    const channel = setup?.channel;
    if (!channel) return { replies: [notSetUpReply(contacts, now())], outcome: 'not-set-up' };
    const claim = await store.claim(effect.ref, {
      owner: effect.owner,
      askedAt: effect.askedAt.toISOString(),
    });
    if (claim === 'already-claimed') return { outcome: 'sent' };
    if (claim !== 'claimed') {
      this.event('not-sent', { reason: claim });
      return { replies: [notSentReply(contacts, now())], outcome: 'not-sent' };
    }
    const ticket = newTicket(effect);
    await store.writeTicket(effect.ref, { ticket, asker: askerReference(context), card: null });
    let location;
    try {
      location = await this.teams.postCard(channel, ticketCard({ state: 'live', ticket }, contacts.timeZone));
    } catch (err) {
      await store.deleteTicket(effect.ref);
      await store.release(effect.ref);
      this.event('not-sent', { reason: 'post-failed', status: statusOf(err) });
      return { replies: [notSentReply(contacts, now())], outcome: 'not-sent' };
    }
    // Someone may already have pressed the card: record its place on whatever version is stored now.
    await store.updateTicket(effect.ref, (current) =>
      current ? { value: { ...current, card: location }, result: undefined } : { result: undefined },
    );
    this.event('sent');
    return { outcome: 'sent' };
  }

  /** Whether a press came from the thread of this ticket's card (or, before that is known, from the team). */
  private onTheCard(stored: StoredTicket | null, activity: Partial<Activity>): boolean {
    const here = threadRoot(activity.conversation?.id ?? '').channel;
    const cardConversation = stored?.card?.reference.conversation?.id;
    if (cardConversation) return threadRoot(cardConversation).channel === here;
    const data = channelDataOf(activity);
    return this.options.teamId !== null && data.team?.id === this.options.teamId;
  }

  private async press(
    ref: string,
    action: 'take' | 'close',
    context: TurnContext,
    store: TicketStore,
  ): Promise<EffectOutcome> {
    const { activity } = context;
    const by: Presser = {
      id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
      name: activity.from?.name?.trim() || 'A member of the safeguarding team',
    };
    const ctx = { contacts: this.options.contacts, now: this.options.now() };
    let decided;
    let stored: StoredTicket | null;
    for (let attempt = 1; ; attempt++) {
      const read = await store.readTicket(ref);
      stored = read?.value ?? null;
      // A ticket past its time is as good as gone: the next sweep deletes it.
      const live = stored && !stored.expiring && !isExpired(stored.ticket, ctx.now, this.options.ticketDays);
      decided = pressTicket(
        live ? stored!.ticket : null,
        ref,
        { action, by, onTheCard: this.onTheCard(stored, activity) },
        ctx,
      );
      try {
        if (decided.store === 'delete') {
          await store.deleteTicket(ref);
          await store.release(ref);
        } else if (decided.store !== 'keep') {
          // Conditional on the version read: of two people pressing at once, one takes it.
          await store.writeTicket(ref, { ...stored!, ticket: decided.store }, read!.eTag);
        }
        break;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= 8) throw err;
      }
    }
    const replies: Reply[] = [...decided.replies];
    if (decided.card) {
      const activityId = stored?.card?.activityId ?? activity.replyToId;
      if (activityId) {
        try {
          await updateCardIn(context, activityId, decided.card);
        } catch (err) {
          this.event('card-not-updated', { status: statusOf(err) });
        }
      }
    }
    if (decided.notify && stored) {
      try {
        await this.teams.notify(stored.asker, decided.notify);
      } catch (err) {
        this.event('practitioner-not-told', { status: statusOf(err) });
        replies.push({
          text:
            'I could not message the practitioner just now: please contact them in Teams yourself ' +
            '(their name is on the card).',
        });
      }
    }
    this.event(decided.result);
    return { replies, outcome: decided.result };
  }

  /**
   * Expires every open ticket older than EXPERT_TICKET_DAYS: marks it (so a
   * second instance sweeping at once leaves it alone), updates its card when
   * it can, tells a practitioner whose question nobody took, then deletes it.
   * Returns how many tickets it expired.
   */
  async sweep(): Promise<number> {
    if (this.options.teamId === null) return 0;
    const { ticketDays, contacts } = this.options;
    const now = this.options.now();
    const setup = await this.store.readSetup();
    let expired = 0;
    for (const [ref, entry] of Object.entries(setup?.open ?? {})) {
      if (now.getTime() - new Date(entry.askedAt).getTime() < ticketDays * 86_400_000) continue;
      const read = await this.store.readTicket(ref);
      if (read) {
        try {
          await this.store.writeTicket(ref, { ...read.value, expiring: true }, read.eTag);
        } catch (err) {
          if (isETagConflict(err)) continue; // pressed or swept elsewhere just now; the next sweep looks again
          throw err;
        }
        const { card, notify } = expireTicket(read.value.ticket, ticketDays, { contacts, now });
        if (read.value.card) {
          await this.teams.updateCard(read.value.card, card).catch((err: unknown) => {
            this.event('card-not-updated', { status: statusOf(err) });
          });
        }
        // A crash before here and the next sweep finds it marked: the practitioner is told once, at worst twice.
        if (notify && !read.value.expiring) {
          await this.teams.notify(read.value.asker, notify).catch((err: unknown) => {
            this.event('practitioner-not-told', { status: statusOf(err) });
          });
        }
        await this.store.deleteTicket(ref);
      }
      await this.store.release(ref);
      expired++;
      this.event('expired');
    }
    return expired;
  }

  /** Sweeps now and then every `intervalMs`, without keeping the process alive. */
  startSweeping(intervalMs = SWEEP_INTERVAL_MS): void {
    if (this.options.teamId === null || this.timer) return;
    const run = () => {
      this.sweep().catch((err: unknown) => {
        this.options.log.warn(
          { event: 'expert-sweep-failed', error: (err as Error).name },
          'ticket expiry failed',
        );
      });
    };
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
    run();
  }

  stopSweeping(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number }).statusCode;
}
