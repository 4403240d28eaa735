/**
 * A guided conversation (the CSERQ4 screening, the police information form)
 * written as a pure state machine: (state, input) → (state, replies). The
 * shell only stores the state between turns and sends the replies, so every
 * path is decided in the core and tested without botbuilder.
 */
import type { Reply } from '../cards/reply';
import type { AreaContacts } from '../contacts/schema';

export interface FlowTurn<State, End> {
  /** null once the flow has ended: the shell must drop everything it stored. */
  state: State | null;
  replies: Reply[];
  end?: End;
}

/** What a turn brings: what was typed, and the data of a pressed button (if any). */
export interface TurnSource {
  text: string;
  value?: unknown;
}

/** What a flow may use to word its ending: never anything stored about the child. */
export interface FlowEndContext {
  contacts: AreaContacts;
  now: Date;
  /** The practitioner's display name, for the record summary. */
  userName?: string;
}

/**
 * Work a flow's ending leaves to the shell, outside this conversation: the
 * question for the safeguarding team is posted to their channel. Plain data:
 * the shell carries it out and may replace the ending's replies if it fails.
 */
export interface SendToExperts {
  kind: 'send-to-experts';
  /** The ticket's reference, fixed when the flow started, so a retried turn cannot post twice. */
  ref: string;
  /** The run of the flow that asked: a second ticket with the same reference is this one again. */
  owner: string;
  question: string;
  askerName: string;
  askedAt: Date;
}
export type FlowEffect = SendToExperts;

/** What the bot is set up for, beyond the area's contacts. */
export interface FlowSetup {
  /** The safeguarding team's channel is set, so questions can be handed to people. */
  expertChannelSet: boolean;
}

export interface Flow<State, Input, End> {
  start(id: string): FlowTurn<State, End>;
  continue(state: State, input: Input, newId: () => string): FlowTurn<State, End>;
  prompt(state: State, lead?: string): Reply;
  /** The turn's input, or null for a card payload that belongs to nothing running. */
  readInput(source: TurnSource): Input | null;
  /**
   * Whether typed text is something this step takes: a steering command
   * (help, back, cancel…) or an answer the step can read. Text it does not
   * take may be a question typed mid-flow, which the router answers instead.
   */
  takesText(state: State, text: string): boolean;
  /** Whether this step takes any text as its answer (a free-text field). */
  takesFreeText(state: State): boolean;
  endReplies(end: End, context: FlowEndContext): Reply[];
  /** What the turn log may learn of the ending: its kind, never the answers. */
  endResult(end: End): { ended: string; outcome?: string };
  /** The step's name, for the turn log. */
  stepName(state: State): string;
  /** Work for the shell when the flow ends this way (see FlowEffect); none for most flows. */
  endEffect?(end: End, context: FlowEndContext): FlowEffect | null;
}

/** The card commands that start a flow (kept as they were, so buttons on cards already sent still work). */
export type StartCommand = 'start-screening' | 'start-info-sharing' | 'ask-expert';

export interface GuidedFlow {
  /** Stored with the flow's state, and the route name in the turn log. */
  id: string;
  // The registry holds flows of different state types; each entry is typed where it is written.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  flow: Flow<any, any, any>;
  /** How `ask` and `kb eval` name the route that starts it. */
  route: 'screening' | 'info-sharing' | 'ask-expert';
  startCommand: StartCommand;
  /** A typed request to start this flow ("screen", "share information with police"). */
  wantsToStart(text: string): boolean;
  /** Whether the area can run it (the police form needs the area's police address). */
  availableIn(contacts: AreaContacts, setup: FlowSetup): boolean;
  /**
   * What to say when it is asked for but cannot run here. Without this, such a
   * request is read as an ordinary question; with it, the request is answered.
   */
  unavailableReplies?(context: FlowEndContext): Reply[];
  /** Collects details about a child: never run where others can read (channels, group chats). */
  privateOnly: boolean;
  /** How the bot names it: "a screening", "screenings", and what to type to start it. */
  names: { singular: string; plural: string; type: string };
  /**
   * The knowledge topic it is about, if any: a short question typed mid-flow that points back at it
   * ("what are the questions on it first") is read against that topic.
   */
  topic?: string;
}
