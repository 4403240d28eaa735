import type { Activity } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
// By deep path: the package's index also loads every prompt and the Recognizers-Text
// suites, which we do not use and which double the bot's start-up time (see BENCHMARKS.md).
import { Dialog } from 'botbuilder-dialogs/lib/dialog';
import { parseCardAction, type CardAction } from '../cards/actions';
import type { Reply } from '../cards/reply';
import { noteTurn } from '../state/turnMeta';
import type { BotDeps } from './deps';
import { sendReplies } from './send';

export interface FlowTurn<State, End> {
  /** null once the flow has ended. */
  state: State | null;
  replies: Reply[];
  end?: End;
}

/** A guided conversation written as a pure state machine in the core (the screening, the information form). */
export interface Flow<State, Input, End> {
  start(id: string): FlowTurn<State, End>;
  continue(state: State, input: Input, newId: () => string): FlowTurn<State, End>;
  prompt(state: State, lead?: string): Reply;
  /** The turn's input, or null for a card payload that belongs to nothing running. */
  readInput(activity: Partial<Activity>): Input | null;
  endReplies(end: End, context: { deps: BotDeps; activity: Partial<Activity> }): Reply[];
  /** What the parent may learn of the ending: its kind, never the answers. */
  endResult(end: End): Record<string, string>;
}

interface InstanceState<State> {
  flow?: State;
}

/**
 * Text, or a button of this flow's kind; null for a card payload that belongs
 * to nothing running (a stale or foreign button), which must never be read as text.
 */
export function readFlowInput<K extends CardAction['kind']>(
  activity: Partial<Activity>,
  kind: K,
): { text: string } | { action: Extract<CardAction, { kind: K }> } | null {
  const text = activity.text ?? '';
  const value: unknown = activity.value;
  if (value !== undefined && value !== null) {
    const action = parseCardAction(value);
    if (action?.kind === kind) return { action: action as Extract<CardAction, { kind: K }> };
    if (text.trim() === '') return null;
  }
  return { text };
}

export const STALE_PAYLOAD = 'That button is from an earlier conversation. Here is the current question:';

/**
 * The one shell for every guided conversation: keeps the flow's state in this
 * dialog's instance state, which botbuilder drops from conversation state
 * when the dialog ends, however it ends, and sends what the flow says.
 */
export class FlowDialog<State, Input, End> extends Dialog {
  constructor(
    id: string,
    private readonly flow: Flow<State, Input, End>,
    private readonly deps: BotDeps,
  ) {
    super(id);
  }

  /** The running flow's state, for the parent (e.g. to ask whether it takes free text). */
  static stateOf<S>(dc: DialogContext): S | undefined {
    return (dc.activeDialog?.state as InstanceState<S> | undefined)?.flow;
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.apply(dc, this.flow.start(this.deps.newId()));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!.state as InstanceState<State>;
    const input = this.flow.readInput(dc.context.activity);
    if (input === null) {
      await sendReplies(dc.context, [this.flow.prompt(instance.flow!, STALE_PAYLOAD)]);
      return Dialog.EndOfTurn;
    }
    return this.apply(dc, this.flow.continue(instance.flow!, input, this.deps.newId));
  }

  override async repromptDialog(
    context: DialogContext['context'],
    instance: { state: object },
  ): Promise<void> {
    const state = (instance.state as InstanceState<State>).flow;
    if (state !== undefined) await sendReplies(context, [this.flow.prompt(state)]);
  }

  private async apply(dc: DialogContext, turn: FlowTurn<State, End>): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!.state as InstanceState<State>;
    const ended = turn.end === undefined ? undefined : this.flow.endResult(turn.end);
    // The step's name and the ending's kind only: the turn log never carries an answer.
    noteTurn(dc.context, {
      route: this.id,
      step: stepName(turn.state),
      outcome: ended?.outcome ?? ended?.ended,
    });
    if (turn.state !== null) {
      instance.flow = turn.state;
      await sendReplies(dc.context, turn.replies);
      return Dialog.EndOfTurn;
    }
    delete instance.flow;
    const end = turn.end!;
    await sendReplies(dc.context, [
      ...turn.replies,
      ...this.flow.endReplies(end, { deps: this.deps, activity: dc.context.activity }),
    ]);
    return dc.endDialog(this.flow.endResult(end));
  }
}

function stepName(state: unknown): string | undefined {
  const step = (state as { step?: unknown } | null)?.step;
  return typeof step === 'string' ? step : undefined;
}
