/**
 * Every guided flow the bot can run, in one list. A new flow is one folder
 * (its pure state machine and an entry like screening/entry.ts) plus one
 * line here: the router, the expiry, the private-chat rule and the bot's
 * words all read what they need from the entry (see docs/adding-a-flow.md).
 */
import type { AreaContacts } from '../contacts/schema';
import type { Flow } from './flow';
import { infoSharingEntry } from '../infoSharing/entry';
import { screeningEntry } from '../screening/entry';

/** The card commands that start a flow (kept as they were, so buttons on cards already sent still work). */
export type StartCommand = 'start-screening' | 'start-info-sharing';

export interface GuidedFlow {
  /** Stored with the flow's state, and the route name in the turn log. */
  id: string;
  // The registry holds flows of different state types; each entry is typed where it is written.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flow: Flow<any, any, any>;
  /** How `ask` and `kb eval` name the route that starts it. */
  route: 'screening' | 'info-sharing';
  startCommand: StartCommand;
  /** A typed request to start this flow ("screen", "share information with police"). */
  wantsToStart(text: string): boolean;
  /** Whether the area can run it (the police form needs the area's police address). */
  availableIn(contacts: AreaContacts): boolean;
  /** Collects details about a child: never run where others can read (channels, group chats). */
  privateOnly: boolean;
  /** How the bot names it: "a screening", "screenings", and what to type to start it. */
  names: { singular: string; plural: string; type: string };
}

export const FLOWS: readonly GuidedFlow[] = [screeningEntry, infoSharingEntry];

export function flowById(id: string): GuidedFlow | undefined {
  return FLOWS.find((f) => f.id === id);
}

export function flowByCommand(command: string): GuidedFlow | undefined {
  return FLOWS.find((f) => f.startCommand === command);
}
