import type { Flow, GuidedFlow } from '../flows/flow';
import { readFlowInput } from '../flows/input';
import { normaliseText } from '../rules/intent';
import { askPrompt, continueAsking, startAsking, type AskEnd, type AskInput, type AskState } from './flow';
import { ASK_NAMES, notSetUpReply, sentReply } from './words';

export const ASK_EXPERT_FLOW = 'ask-expert';

const WANTS_EXPERT = [
  /^(please )?(i want to |i'd like to |id like to |i need to |can i |could i |let me |how do i |how can i )?(ask|message|contact|send (a|my) question to|put a question to)( an?| the| one of the| someone (from|in) the| a member of the)? (expert|experts|safeguarding expert|safeguarding experts|safeguarding team)( a question)?( please| now)?$/,
];

export function wantsExpert(text: string): boolean {
  const t = normaliseText(text);
  return WANTS_EXPERT.some((re) => re.test(t));
}

const askFlow: Flow<AskState, AskInput, AskEnd> = {
  start: startAsking,
  continue: (state, input) => continueAsking(state, input),
  prompt: askPrompt,
  readInput: (source) => readFlowInput(source, 'ask'),
  // Every message is the step's: a question for the team is often question-shaped, and must not be
  // answered from the knowledge base instead. The 999 net still sees it first.
  takesText: () => true,
  takesFreeText: () => false,
  endReplies: (end) => (end.kind === 'send' ? [sentReply(end.ref)] : []),
  endResult: (end) => ({ ended: end.kind === 'send' ? 'sent' : 'cancelled' }),
  stepName: (state) => state.step,
  endEffect: (end, { now, userName }) =>
    end.kind === 'send'
      ? {
          kind: 'send-to-experts',
          ref: end.ref,
          owner: end.owner,
          question: end.question,
          askerName: userName?.trim() || 'A practitioner',
          askedAt: now,
        }
      : null,
};

export const askExpertEntry: GuidedFlow = {
  id: ASK_EXPERT_FLOW,
  flow: askFlow,
  route: 'ask-expert',
  startCommand: 'ask-expert',
  wantsToStart: wantsExpert,
  availableIn: (_contacts, setup) => setup.expertChannelSet,
  unavailableReplies: ({ contacts, now }) => [notSetUpReply(contacts, now)],
  // The question is about a child: asked and confirmed in a one-to-one chat only.
  privateOnly: true,
  names: ASK_NAMES,
};

/** "set expert channel" (typed after @mentioning the bot in a channel of the safeguarding team). */
export function wantsToSetExpertChannel(text: string): boolean {
  return /^(please )?(set|use|make)( this( as)?( the)?| the)? (expert|experts|safeguarding team|safeguarding experts?) channel( here)?( please)?$/.test(
    normaliseText(text),
  );
}
