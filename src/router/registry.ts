/**
 * Every guided flow the bot can run, in one list. A new flow is one folder
 * (its pure state machine and an entry like screening/entry.ts) plus one
 * line here: the router, the expiry, the private-chat rule and the bot's
 * words all read what they need from the entry (see docs/adding-a-flow.md).
 */
import { askExpertEntry } from '../experts/entry';
import type { GuidedFlow } from '../flows/flow';
import { infoSharingEntry } from '../infoSharing/entry';
import { screeningEntry } from '../screening/entry';

export type { GuidedFlow };

export const FLOWS: readonly GuidedFlow[] = [screeningEntry, infoSharingEntry, askExpertEntry];

export function flowById(id: string): GuidedFlow | undefined {
  return FLOWS.find((f) => f.id === id);
}

export function flowByCommand(command: string): GuidedFlow | undefined {
  return FLOWS.find((f) => f.startCommand === command);
}
