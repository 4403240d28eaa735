import { infoEndReplies } from '../infoSharing/draft';
import {
  continueInfoSharing,
  infoPrompt,
  startInfoSharing,
  type InfoEnd,
  type InfoInput,
  type InfoState,
} from '../infoSharing/flow';
import type { BotDeps } from './deps';
import { FlowDialog, readFlowInput, type Flow } from './flowDialog';

export const INFO_SHARING_DIALOG = 'info-sharing';

export const infoSharingFlow: Flow<InfoState, InfoInput, InfoEnd> = {
  start: startInfoSharing,
  continue: continueInfoSharing,
  prompt: infoPrompt,
  readInput: (activity) => readFlowInput(activity, 'form'),
  endReplies: (end, { deps, activity }) =>
    infoEndReplies(end, { contacts: deps.contacts, now: deps.now(), userName: activity.from?.name }),
  endResult: (end) => ({ ended: end.kind }),
};

export class InfoSharingDialog extends FlowDialog<InfoState, InfoInput, InfoEnd> {
  constructor(deps: BotDeps) {
    super(INFO_SHARING_DIALOG, infoSharingFlow, deps);
  }
}
