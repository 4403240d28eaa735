/**
 * answer(): the single decision for free text, shared by the bot and the
 * CLIs. The order of the checks is the safety order and is not a score.
 */
import { card, submit, text } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock, contactsReply, IMMEDIATE_DANGER_LINE, urgentReply } from '../contacts/block';
import { contactsIntent } from '../contacts/intent';
import type { AreaContacts } from '../contacts/schema';
import {
  isGreetingOrHelp,
  normaliseText,
  soundsWorried,
  wantsInfoSharing,
  wantsScreening,
} from '../rules/intent';
import { isUrgent } from '../rules/urgency';

export type Route =
  'emergency' | 'contacts' | 'screening' | 'screening-offer' | 'info-sharing' | 'help' | 'not-found';

export interface Answer {
  route: Route;
  /** The knowledge-base topic answered, or null. */
  topic: string | null;
  /** 1 for a rule match; a search score for knowledge answers. */
  confidence: number;
  replies: Reply[];
  /** The shell starts the CSERQ4 dialog when this is true. */
  startScreening: boolean;
  /** The shell starts the information-sharing form when this is true. */
  startInfoSharing?: boolean;
}

export interface AnswerContext {
  contacts: AreaContacts;
  now: Date;
}

export const CAPABILITIES =
  'I help practitioners with child sexual exploitation: I can run the CSERQ4 screening (type "screen"), ' +
  'tell you who to call (type "who do I call") and answer questions about child exploitation. ' +
  "I never need a child's name, date of birth or address: please do not type them here.";

export function helpReply(): Reply {
  return {
    text: `${CAPABILITIES}\n\n${IMMEDIATE_DANGER_LINE}`,
    card: card(
      [
        text('Safeguarding guidance', { weight: 'Bolder', size: 'Medium' }),
        text(CAPABILITIES),
        text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' }),
      ],
      [
        submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' }),
        submit('Who do I call now?', { kind: 'command', command: 'contacts' }),
      ],
    ),
  };
}

function screeningOffer(): Reply {
  const lead =
    'If you are worried about a child or young person, the CSERQ4 screening takes about a minute and tells you ' +
    'whether a referral to the MASH is indicated. Type "screen" or use the button to start.';
  return {
    text: lead,
    card: card(
      [text(lead)],
      [submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' })],
    ),
  };
}

function notFound(ctx: AnswerContext): Reply {
  const lead =
    "Sorry, I can't answer that. I can only help with child exploitation guidance, the CSERQ4 screening and " +
    'safeguarding contacts. For advice about a child, talk to your safeguarding lead or the MASH:';
  const block = contactsBlock(ctx.contacts, ctx.now);
  return {
    text: [lead, block.headline, block.lines.join('\n')].join('\n\n'),
    card: card(
      [text(lead), text(block.headline), ...block.elements],
      [
        submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' }),
        submit('Help', { kind: 'command', command: 'help' }),
      ],
    ),
  };
}

export function answer(input: string, ctx: AnswerContext): Answer {
  const t = normaliseText(input);
  const rule = (route: Route, replies: Reply[], startScreening = false): Answer => ({
    route,
    topic: null,
    confidence: 1,
    replies,
    startScreening,
  });
  // The safety order: 999 before anything else can match, then who to call, then the rest.
  if (isUrgent(input)) return rule('emergency', [urgentReply(ctx.contacts, ctx.now)]);
  const wantsContacts = contactsIntent(input, ctx.contacts);
  if (wantsContacts)
    return rule('contacts', [contactsReply(ctx.contacts, ctx.now, { extra: wantsContacts.extra })]);
  if (wantsScreening(t)) return rule('screening', [], true);
  if (wantsInfoSharing(t) && ctx.contacts.services.some((s) => s.id === 'police-information')) {
    return { ...rule('info-sharing', []), startInfoSharing: true };
  }
  if (soundsWorried(t)) return rule('screening-offer', [screeningOffer()]);
  if (isGreetingOrHelp(t)) return rule('help', [helpReply()]);
  return { route: 'not-found', topic: null, confidence: 0, replies: [notFound(ctx)], startScreening: false };
}
