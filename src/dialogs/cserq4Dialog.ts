import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseCardAction } from '../cards/actions';
import {
  continueScreening,
  prompt,
  startScreening,
  type ScreeningInput,
  type ScreeningState,
} from '../screening/flow';
import { outcomeReplies } from '../screening/report';
import type { BotDeps } from './deps';
import { sendReplies } from './send';

export const CSERQ4_DIALOG = 'cserq4';

/** What the parent learns when a screening ends: the kind of ending, never the answers. */
export type Cserq4DialogResult = { ended: 'completed'; outcome: string } | { ended: 'cancelled' };

interface InstanceState {
  screening: ScreeningState;
}

/**
 * Thin shell over the pure screening flow: keeps the flow's state in this
 * dialog's instance state (which is dropped from conversation state when the
 * dialog ends, however it ends) and sends what the flow says.
 */
export class Cserq4Dialog extends Dialog {
  constructor(private readonly deps: BotDeps) {
    super(CSERQ4_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const turn = startScreening(this.deps.newId());
    (dc.activeDialog!.state as InstanceState).screening = turn.state!;
    await sendReplies(dc.context, turn.replies);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!.state as InstanceState;
    const input = readInput(dc);
    if (input === null) {
      await sendReplies(dc.context, [
        prompt(
          instance.screening,
          'That button is from an earlier conversation. Here is the current question:',
        ),
      ]);
      return Dialog.EndOfTurn;
    }
    const turn = continueScreening(instance.screening, input, this.deps.newId);
    if (turn.state !== null) {
      instance.screening = turn.state;
      await sendReplies(dc.context, turn.replies);
      return Dialog.EndOfTurn;
    }
    delete (instance as Partial<InstanceState>).screening;
    await sendReplies(dc.context, turn.replies);
    if (turn.end?.kind === 'completed') {
      await sendReplies(
        dc.context,
        outcomeReplies(turn.end.answers, turn.end.result, {
          contacts: this.deps.contacts,
          now: this.deps.now(),
          completedBy: dc.context.activity.from?.name,
        }),
      );
      return dc.endDialog({
        ended: 'completed',
        outcome: turn.end.result.outcome,
      } satisfies Cserq4DialogResult);
    }
    return dc.endDialog({ ended: 'cancelled' } satisfies Cserq4DialogResult);
  }

  override async repromptDialog(
    context: DialogContext['context'],
    instance: { state: object },
  ): Promise<void> {
    const state = (instance.state as Partial<InstanceState>).screening;
    if (state) await sendReplies(context, [prompt(state)]);
  }
}

/** Text, or a screening button; null for a card payload that is not a screening answer. */
function readInput(dc: DialogContext): ScreeningInput | null {
  const text = dc.context.activity.text ?? '';
  const value: unknown = dc.context.activity.value;
  if (value !== undefined && value !== null) {
    const action = parseCardAction(value);
    if (action?.kind === 'answer') return { action };
    if (text.trim() === '') return null;
  }
  return { text };
}
