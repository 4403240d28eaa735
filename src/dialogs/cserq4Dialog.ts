import {
  continueScreening,
  prompt,
  startScreening,
  type ScreeningEnd,
  type ScreeningInput,
  type ScreeningState,
} from '../screening/flow';
import { outcomeReplies } from '../screening/report';
import type { BotDeps } from './deps';
import { FlowDialog, readFlowInput, type Flow } from './flowDialog';

export const CSERQ4_DIALOG = 'cserq4';

export const screeningFlow: Flow<ScreeningState, ScreeningInput, ScreeningEnd> = {
  start: startScreening,
  continue: continueScreening,
  prompt,
  readInput: (activity) => readFlowInput(activity, 'answer'),
  endReplies: (end, { deps, activity }) =>
    end.kind === 'completed'
      ? outcomeReplies(end.answers, end.result, {
          contacts: deps.contacts,
          now: deps.now(),
          completedBy: activity.from?.name,
        })
      : [],
  endResult: (end) => ({
    ended: end.kind,
    ...(end.kind === 'completed' ? { outcome: end.result.outcome } : {}),
  }),
};

export class Cserq4Dialog extends FlowDialog<ScreeningState, ScreeningInput, ScreeningEnd> {
  constructor(deps: BotDeps) {
    super(CSERQ4_DIALOG, screeningFlow, deps);
  }
}
