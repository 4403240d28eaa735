import type { Flow, GuidedFlow } from '../flows/flow';
import { readFlowInput } from '../flows/input';
import { asksToScreen, SCREENING_TOPIC } from '../knowledge/requests';
import { wantsScreening } from '../rules/intent';
import {
  continueScreening,
  prompt,
  startScreening,
  takesScreeningText,
  type ScreeningEnd,
  type ScreeningInput,
  type ScreeningState,
} from './flow';
import { outcomeReplies } from './report';

export const SCREENING_FLOW = 'cserq4';

const screeningFlow: Flow<ScreeningState, ScreeningInput, ScreeningEnd> = {
  start: startScreening,
  continue: continueScreening,
  prompt,
  readInput: (source) => readFlowInput(source, 'answer'),
  takesText: takesScreeningText,
  takesFreeText: () => false,
  endReplies: (end, { contacts, now, userName }) =>
    end.kind === 'completed'
      ? outcomeReplies(end.answers, end.result, { contacts, now, completedBy: userName })
      : [],
  endResult: (end) => ({
    ended: end.kind,
    ...(end.kind === 'completed' ? { outcome: end.result.outcome } : {}),
  }),
  stepName: (state) => state.step,
};

export const screeningEntry: GuidedFlow = {
  id: SCREENING_FLOW,
  flow: screeningFlow,
  route: 'screening',
  startCommand: 'start-screening',
  wantsToStart: (text) => wantsScreening(text) || asksToScreen(text),
  availableIn: () => true,
  privateOnly: true,
  names: { singular: 'screening', plural: 'screenings', type: 'screen' },
  topic: SCREENING_TOPIC,
};
