import type { Flow, GuidedFlow } from '../flows/flow';
import { readFlowInput } from '../flows/input';
import { wantsInfoSharing } from '../rules/intent';
import { infoEndReplies } from './draft';
import {
  continueInfoSharing,
  infoPrompt,
  startInfoSharing,
  takesFreeText,
  takesInfoText,
  type InfoEnd,
  type InfoInput,
  type InfoState,
} from './flow';

export const INFO_SHARING_FLOW = 'info-sharing';

const infoSharingFlow: Flow<InfoState, InfoInput, InfoEnd> = {
  start: startInfoSharing,
  continue: continueInfoSharing,
  prompt: infoPrompt,
  readInput: (source) => readFlowInput(source, 'form'),
  takesText: takesInfoText,
  takesFreeText,
  endReplies: (end, { contacts, now, userName }) => infoEndReplies(end, { contacts, now, userName }),
  endResult: (end) => ({ ended: end.kind }),
  stepName: (state) => state.step,
};

export const infoSharingEntry: GuidedFlow = {
  id: INFO_SHARING_FLOW,
  flow: infoSharingFlow,
  route: 'info-sharing',
  startCommand: 'start-info-sharing',
  wantsToStart: wantsInfoSharing,
  availableIn: (contacts) => contacts.services.some((s) => s.id === 'police-information'),
  privateOnly: true,
  names: {
    singular: 'information-sharing form',
    plural: 'the information-sharing form',
    type: 'share information',
  },
  topic: 'sharing-information-with-police',
};
