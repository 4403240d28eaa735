import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { RunningFlow } from '../router/routeTurn';

/**
 * Where a running guided flow is kept between turns: one conversation-state
 * property holding the flow's id and its pure state, deleted when the flow
 * ends however it ends, so no answer about a child outlives its flow. The
 * flows are pure state machines, so botbuilder's dialog stack (and the
 * DialogContext it builds on every turn) would add nothing but cost.
 */
export class FlowStore {
  private readonly flow: StatePropertyAccessor<RunningFlow | undefined>;
  private readonly lastTurnAt: StatePropertyAccessor<string | undefined>;
  /** The dialog stack an earlier version kept; dropped on first read so its answers do not linger. */
  private readonly legacy: StatePropertyAccessor<unknown>;

  constructor(conversationState: ConversationState) {
    this.flow = conversationState.createProperty('flow');
    this.lastTurnAt = conversationState.createProperty('lastTurnAt');
    this.legacy = conversationState.createProperty('dialogState');
  }

  async read(context: TurnContext): Promise<{ running: RunningFlow | null; lastTurnAt: Date | null }> {
    if ((await this.legacy.get(context)) !== undefined) await this.legacy.delete(context);
    const running = (await this.flow.get(context)) ?? null;
    const last = await this.lastTurnAt.get(context);
    return { running, lastTurnAt: last ? new Date(last) : null };
  }

  async write(context: TurnContext, running: RunningFlow | null, at: Date): Promise<void> {
    if (running) await this.flow.set(context, running);
    else await this.flow.delete(context);
    await this.lastTurnAt.set(context, at.toISOString());
  }
}
