/**
 * A conversation, not only questions: what the bot last offered or answered
 * decides what a short reply means. "yes" after the screening offer starts
 * it; one of the offered titles opens that topic; "tell me more" or "what
 * should I do about it" is read against the topic just answered; "and at the
 * weekend?" after the contacts is a contacts request. Pure.
 *
 * Only ids are remembered (a route, a topic id, offered topic ids), never
 * what was typed, and only for a short while.
 */
import { normaliseText } from '../rules/intent';
import { isStopword, spokenText, spokenWords } from '../knowledge/text';
import { answer, answerTopic, type Answer, type AnswerContext } from '../knowledge/answer';
import { contactsReply } from '../contacts/block';
import { readCase } from '../knowledge/cases';
import {
  asksHowToTalk,
  asksOutOfHoursProcess,
  BLAMING_TOPIC,
  DOCUMENTS_TOPIC,
  LOCAL_DATA_TOPIC,
  EMERGENCY_TOPIC,
  LANGUAGE_TOPIC,
  LOCAL_RESPONSE_TOPIC,
  OUT_OF_HOURS_TOPIC,
  REFERRAL_TOPIC,
  SEXTORTION_TOPIC,
  SIGNS_TOPIC,
  TALKING_TOPIC,
  WELLBEING_TOPIC,
} from '../knowledge/requests';
import { normalisedTitle } from './offeredTitles';
import { namesOtherSubject, SOMEONE } from '../knowledge/offTopic';
import { namesOnlyTheOther, namesTopic, saidStems } from '../knowledge/titleWords';
import { ADULT_TOPIC } from '../knowledge/decide';
import type { Topic } from '../knowledge/schema';

/** What the bot's last answer offered, as stored between turns. */
export interface Recent {
  /** The route of the last answer. */
  route: 'topic' | 'did-you-mean' | 'screening-offer' | 'contacts' | 'glossary';
  topic?: string;
  /** Topic ids offered as buttons (related topics, or the "did you mean" choices). */
  offered?: string[];
  /** The last answer offered a screening (the screening offer, or a topic with that button). */
  screening?: boolean;
  at: string;
}

/** How long a reply can still refer to the last answer. */
export const RECENT_MINUTES = 10;

export type FollowUp =
  { kind: 'answer'; answer: Answer } | { kind: 'start-screening' } | { kind: 'declined' };

/** Yes, in one or a few words: "yes", "yes please go on", "ok go ahead then", "sure, lets do it". */
const YES =
  /^((yes|yeah|yep|yup|y|ok|okay|sure|please|pls|go on|go ahead|then|lets do it|let's do it|do it|start|start it|sounds good|great|that would help|yes please) ?)+$/;
const CLOSING = /^(ok|okay|ok then|right|cool|great|fine|lovely) (thanks|thank you|thank u|ta|cheers)$/;
const NO = /^(no|nope|nah|no thanks|no thank you|not now|not yet|maybe later|later)$/;
const MORE =
  /^(tell me more|more|more please|more info|more information|go on then|explain more|more detail|more details|can you explain more|say more|(give me |got |have you got |any )?(an |some )?examples?( please)?|(can (you|u) )?give (me )?(an |some )?examples?( of (that|this|it))?( (from|with|for|about|in|like) ((a|an|the|our) )?\w+( \w+){0,4})?|for example|like what|such as|how (does|do|would|will) (it|that|one) (actually )?work( then| exactly| in practice)?|(can (you|u) )?(give (me )?(an |some )?examples? (of )?)?how (to|do (i|we)|can (i|we)|should (i|we)|would (i|we)) (use|apply) (it|that|this)( (with|for|in) ((a|an|the|our|my) )?\w+( \w+){0,3})?)$/;
/** Asking for the last answer again, more simply: "can you explain more simple", "i dont understand". */
const SAY_AGAIN =
  /\b(more simpl\w*|simpler|(explain|say|put) (it |that |this )?(again|easier|in (simple|plain|easy) (words|english|terms))|(dont|don t|didnt|didn t|do not|did not) understand)\b/;
const WHAT_TO_DO =
  /^(ok so |so |and |ok |okay |right )?(what ((should|do|shall|can|must) )?(i|we) (should |must )?(actually |really )?do( (about|with) (it|this|that|her|him|them))?( now| next| then)?|what now|what next|what do i do next|what are the next steps|next steps|how (do |can |should )?(i|we) (report|refer) (it|this|that|her|him|them)|what action (should|do) i take|(and )?then what|what then|what happens (next|now|then|after that)|and after that|where do (i|we) (send|report) (it|this|that))$/;
const REPORT_IT = /\breport (it|this|that|him|her|them)\b/;
/** What happens after it, not what to do: "what happens next", "and after that?". */
const WHAT_HAPPENS =
  /^((and|so|ok|okay|right) )*(what happens (next|now|then|after( that)?)|after that|(and )?then what happens)$/;
/** Asking what is done about it here, after a topic: "and what does the city actually do about it". */
const LOCAL_RESPONSE_ASKED =
  /^((and|so|ok|okay|but|right) )*((what (is|s|are)|whats) (actually |really )?((being )?done( about (it|this|that|them))?|happening about (it|this|that|them))|what (does|do|is|are) (the city|the council|portsmouth|pompey|the police|they|anyone|anybody|the local authority) (actually |really )?(do|doing)( about (it|this|that|them))?|who (actually |really )?(deals|is dealing|s dealing|works|is working) (with|on) (it|this|that|them))( (here|locally|in (portsmouth|pompey|the city)))?( (then|tho|though))?$/;
/** Whether the sender is named: "can i stay anonymous", "can i do it without my name". */
const ANONYMOUS = /\b(anonymous|anonymously|without (giving )?my name|keep my name out)\b/;
/** Where the form goes: "wher do i send it", "who do i send it to". */
const SEND_IT =
  /^((and|so|ok|okay|then|right) )*(where|who) (do|should|can|would|shall) (i|we) (send|email|submit|return) (it|this|that|the form|them)( to)?( then)?$/;
/** Asking for the form, pointing back: "wheres the form for that", "is there a form for it". */
const FORM_FOR_IT =
  /\bform (for|about|to use for) (that|it|this)\b|^((and|so|ok|okay) )?(the|that|this) form\b|^((and|so|ok|okay) )?(where|how) (do|can|would|should) (i|we|you|u) (get|find|download|access|fill in|get hold of) (the|that|this) form\b/;
/** "and if its really serious?", "what if it gets urgent": the message is only that condition. */
const IF_SERIOUS =
  /^((and|but|so|ok|okay) )*(what )?(if|when) (it s |its |it is |it gets |it becomes |things get |its getting )(really |very |more |actually |quite )?(serious|urgent|an emergency|dangerous|worse)( then| tho| though)?$/;
const NRM_TOPIC = 'national-referral-mechanism';
const SHARING_NUDES_TOPIC = 'sharing-nudes';
const REFER_INTO_IT =
  /\b(refer|refers|referred|referring|make (the |a )?referral|make one|making one|submit one|do one|complete one|fill one in|put (him|her|them) forward)\b/;
const OTHER_SERVICE =
  /\b(mash|childrens services|children s services|social care|social services|social worker|police|ceop|early help|camhs|adult services|adult safeguarding)\b/;
/** "and county lines specifically?", "what about boys": the same question about something else. */
const AND_WHAT_OF = /^(and|what about|how about|and what about)\b/;
/** Money asked for or paid: "already paid once", "they want £300 by tonight", "threatening her for money". */
const MONEY =
  /\b(paid|pay|paying|pays|payment|money|cash|£ ?\d+|\d+ ?(quid|pounds)|vouchers?|gift ?cards?|bitcoin|crypto)\b/;
/** Topics about a young person's images, after which money asked for is sextortion. */
const IMAGE_TOPICS: ReadonlySet<string> = new Set([SEXTORTION_TOPIC, SHARING_NUDES_TOPIC]);
/** What the body just named does: "what do they actually do", "and what does it do exactly". */
const WHAT_THEY_DO =
  /^((and|so|ok|okay|but|right) )*what (do|does) (they|it|that team|the team|that service) (actually |really |even )?do( then| exactly| all day)?$/;
/** Why the words matter: "why does it matter tho", "why is that a problem", "what's the wider problem with that kind of thinking". */
const WHY_IT_MATTERS =
  /^((and|so|ok|okay|but|right) )*(why (does|do|is|would|should) (it|that|this|the wording|wording|the language|language|the words|words)( even| really| actually)? (matter|matters|a problem|important|bad|wrong|an issue)|(what s|whats|what is) the (wider |bigger |real )?(problem|issue|harm) with (it|that|this|that kind of thinking|thinking like that))( tho| though| then)?$/;
const BLAME_TOPICS: ReadonlySet<string> = new Set([BLAMING_TOPIC, LANGUAGE_TOPIC]);
/** How to tell whether it is happening to a child: "and how i know if girl have this", "how do we spot if a lad is in it". */
const HOW_TO_KNOW_IT =
  /\bhow (do |can |could |would |will |should )?(i|we|you|u|staff) (know|tell|spot|recognise|recognize|see) (if|whether|when|that) (a |the |my |our |one of our )?\w+( \w+)? (has|have|is having|has got|got|is in|are in|is going through|goes through) (this|it|that)\b/;
/** Whether what was described is trafficking: "is he trafficked then?", "does that count as modern slavery". */
const TRAFFICKED =
  /\b(is|was|are|were|has|have) (he|she|they|it|this|that)( been| being)? (trafficked|trafficking|modern slavery)\b|\bcount(s)? as (trafficking|modern slavery)\b/;
/** Who takes part in the meetings just described: "can councillors sit on it", "who can attend them". */
const TAKES_PART =
  /\b(sit on|attend|join|go to|be on|come to|take part in) (it|them|that|those|the panel|the panels|the meeting|the meetings)\b/;
/** What the bare CSE topics are about, whose signs are a topic of their own. */
const SIGNS_OF: ReadonlySet<string> = new Set(['what-is-cse', 'grooming']);
/**
 * What the out-of-hours service is and does, asked after the numbers: "do they come out or is it just phone
 * advice", "is that the same team that does weekends?".
 */
const ABOUT_THE_SERVICE =
  /\b(do|does|will|would|can) (they|that team|the team|that service|that line|it) (actually |really )?(come out|go out|visit|do (home )?visits|send (someone|somebody|a worker|a social worker))\b|\b(just|only) (phone|telephone) advice\b|\bsame (team|people|service|lot)\b/;
/** Asking where the written policies are: "any policy docs for that", "is there guidance on it i can share". */
const ASKS_FOR_DOCUMENTS =
  /^((and|so|ok|okay|right) )*(any|is there|are there|where|wheres|where s|got|have you got|do you have|do we have|link to)\b.*\b(polic(y|ies)|docs|documents|procedures?|guidance|leaflets?|templates?)\b/;
/** "ok but who?", "who then", "who do i tell": whom to turn to about what was just said, which the numbers say. */
const WHO_ALONE =
  /^((ok|okay|so|but|and|right) )*(who|who then|who exactly|to who|to whom|who to|who do (i|we) tell|who (should|shall|must) (i|we) tell)( then| now)?$/;
/**
 * The same ask inside a longer message, when the message points back at what was just said ("I see
 * many of these in a pupil of mine. What should I do about it?", "ok n wat should i do about it if i
 * see them", "done, police on way. who else do i need to tell").
 */
const WHAT_TO_DO_WITHIN =
  /\b(what (should|do|shall|can|must) (i|we) (actually |then |now )?do|(can|could|should|do) (i|we) (still |even |also |just )?(report|refer) (it|this|that|her|him|them)|what do i do next|what now|what next|what are the next steps|who else (do|should|must|would) (i|we) (need to |have to )?(tell|inform|notify|call|ring))\b/;
const POINTS_BACK =
  /\b(about (it|this|that|her|him|them)|(report|refer) (it|this|that|her|him|them)|of (those|these|them)|those|these|them|of mine|next|else|instead|one of my)\b/;
const AFTER_WHAT_TO_DO =
  /^(about (it|this|that|her|him|them|these|those)|now|next|then|first|if|when|with (it|this|that|her|him|them)|(im|i m|i am) not\b.{0,30}$)/;
const ANSWERED_ALONE: ReadonlySet<string> = new Set(['topic', 'contacts', 'glossary', 'smalltalk', 'help']);
/** Taking up the screening in so many words: "yes please, lets do it", "right lets do one now", "lets go through it". */
const TAKE_UP =
  /^(can|could|shall) (i|we) (do|start|run) (one|it)( now| then)?$|\b(lets do (it|one|that|this)|let s do (it|one|that|this)|go for it|start (it|one) now|(lets |let s )?(go|run|walk me|take me) through (it|one|that|the questions))\b/;
/** "how do i get hold of them", "can I contact them direct": reaching whoever was just named. */
const CONTACT_THEM =
  /^((ok|okay|so|and|right) )*((how|where) (do|can|would|should) (i|we) |(how|where) (i|we) (can|could|should) |(can|could|do|should) (i|we) )?(get hold of|get in touch with|contact|reach|call|ring|phone|speak to|talk to) (them|they|that team|the team)( direct| directly)?$/;
/** A short question that points back at the topic ("who's allowed to make one?", "should I look at it?"). */
const POINTERS: ReadonlySet<string> = new Set([
  'it',
  'one',
  'that',
  'this',
  'them',
  'they',
  'those',
  'these',
]);
const BACK_REFERENCE = new RegExp(`\\b(${[...POINTERS].join('|')})\\b`);
const TIME_FOLLOW_UP =
  /\b((after|past|gone) \d{1,2}( ?(am|pm|o clock|oclock))?|\d{1,2} ?(am|pm)|weekend|weekends|saturday|sunday|sat|sun|fri|tonight|night|evening|overnight|bank holidays?|christmas|easter|half term|school holidays?|after 5|after five|out of hours|ooh|tomorrow|tmrw|wkend|b hol|open|opening|closed|shut|hours)\b/;
/**
 * A time and nothing else, after a topic: "and if its sunday", "what about weekends?", "at night?", "and if
 * its 9pm on a friday?".
 */
const TIME_WORD =
  '(weekend|weekends|saturday|sunday|sat|sun|friday|fri|monday|tuesday|wednesday|thursday|tonight|night|overnight|bank holidays?|christmas|easter|half term|out of hours|ooh|tomorrow|tmrw|wkend|evening|evenings)( night| nite| morning| evening| eve)?';
/** A clock time names when only with am, pm or o'clock: "and if its 15" is an age. */
const CLOCK = '(gone |after |past )?\\d{1,2}([.: ]\\d{2})? ?(am|pm|o clock|oclock)';
const ONLY_A_TIME = new RegExp(
  `^(and |but |so |what about |how about |what if |and what about )?(if )?` +
    // "and if its not urgent but its sunday?": calm, and asking who answers then.
    `((it s |its |it is )?not (urgent|an emergency|an emergancy) (but |and )(if )?)?` +
    `(it s |its |it is )?(at |on |over |in )?(a |the )?` +
    `(${TIME_WORD}( at ${CLOCK})?|${CLOCK}( (on |at |over )?(a |the )?${TIME_WORD})?)( then| though| tho)?$`,
);
/** The young person's age and nothing else: "what if he was 26", "and if she is 19 not 16?". */
const ONLY_THEIR_AGE =
  /^((and|but|so|ok) )?(what )?(if|about|what if) (she|he|they|shes|hes|theyre|the (girl|boy|lad|young person|child))( is| s| was| were| are| turns| turned)? (only |actually |now |really )?(?<age>\d{1,2})( not \d{1,2})?( instead| then| tho| though| now)?$/;
/** Topics about a young person and a partner, after which an adult's age is the partner's ("what if he was 19"). */
const PARTNER_TOPICS: ReadonlySet<string> = new Set([
  'older-partner',
  'under-13',
  'sharing-nudes',
  'online-grooming',
  'grooming',
  'who-can-groom',
  'sextortion',
]);
const CARE_LEAVERS_TOPIC = 'care-leavers';
/** The same question, about an adult: "and for adults?", "they can help also for adult?", "what about over 18s". */
const FOR_ADULTS = /\b(for|with|about|of) (an? |the )?(adults?|over 18s?|grown ups?|18 plus)\b/;
/** Said of an adult already described: they were in care ("she was in care until last year", "hes a care leaver"). */
const WAS_IN_CARE =
  /\b(in care|in foster care|looked after|care leaver|left care|leaving care|childrens home|children s home)\b/;
/** Care leavers are supported up to this age; past it, a care leaver is an adult like any other. */
const CARE_LEAVER_UNTIL = 25;
/** Asking for someone to talk to, not someone to report to: "is there anyone i can talk to?". */
const TALK_TO =
  /\b(who|anyone|anybody|someone|somebody|any one|some one)\b.*\b(talk|speak|chat|offload) (to|with)\b|\bsupport for me\b/;
/** "and the other kind?", "what about the other side, stuff at home?": the topic's counterpart. */
const OTHER_KIND =
  /^(and |so |but |ok |okay |what about |how about |and what about |tell me about )?(the )?other (kind|kinds|one|ones|type|types|sort|sorts|side|lot|factors?)\b/;
/** "and online?", "what about on the internet?": the same worry online, after a topic that is not about it. */
const ONLY_ONLINE =
  /^((and|but|so|what about|how about|and what about|is it the same|same|does it happen|can it happen|does that happen)( for| with)? )?((on|in|over|via) )?(the )?(online|internet|social media|apps?|games?|gaming|online games?)( too| as well| also)?$/;
const ONLINE_TOPIC = 'online-grooming';
/** Topics that are already about what happens online. */
const ONLINE_TOPICS: ReadonlySet<string> = new Set([ONLINE_TOPIC, SHARING_NUDES_TOPIC, SEXTORTION_TOPIC]);
/** Short, elliptical follow-ups: "and pull?", "what about boys?", "is it the same for online?". */
const ELLIPTICAL =
  /^(and|so|but|also|what about|how about|is it|does it|is that|does that|same for|what if)\b/;

/**
 * The message as the patterns read it: apostrophes left out ("it's 9pm" reads as "its 9pm", as the patterns
 * spell it), and a closing "please" or "thanks" left off.
 */
function withoutCourtesy(text: string): string {
  return normaliseText(text)
    .replace(/'/g, '')
    .replace(/ (please|pls|thanks|thank you)$/, '');
}

/** A follow-up a rule places: after a topic `after` accepts, a message of at most `words` words that `asks`. */
interface TopicFollowUp {
  after: (topic: string) => boolean;
  words: number;
  /** `t` is the message as the patterns read it, `spoken` with text-speak spelt out. */
  asks: (t: string, spoken: string) => boolean;
  then: string;
}

const ANY_LENGTH = Number.POSITIVE_INFINITY;

/** Follow-ups read against the topic just answered by rule, the first that applies. */
const TOPIC_FOLLOW_UPS: readonly TopicFollowUp[] = [
  // After looking after ourselves, "who can I talk to about it" asks for support for the practitioner.
  {
    after: (id) => id === WELLBEING_TOPIC,
    words: 12,
    asks: (_t, spoken) => TALK_TO.test(spoken),
    then: WELLBEING_TOPIC,
  },
  // "and online?" after who can groom: grooming online, which has its own answer (and where to report it).
  {
    after: (id) => !ONLINE_TOPICS.has(id),
    words: ANY_LENGTH,
    asks: (t) => ONLY_ONLINE.test(t),
    then: ONLINE_TOPIC,
  },
  // "client is 19 and being exploited", then "she was in care until last year": a care leaver's answer.
  {
    after: (id) => id === ADULT_TOPIC,
    words: 12,
    asks: (t) => WAS_IN_CARE.test(t),
    then: CARE_LEAVERS_TOPIC,
  },
  // "They can help also for adult?" after the MASH: the same question about an adult.
  {
    after: (id) => id !== ADULT_TOPIC && id !== CARE_LEAVERS_TOPIC,
    words: 8,
    asks: (t) => FOR_ADULTS.test(t),
    then: ADULT_TOPIC,
  },
  // After the NRM, referring is referring into it: "Am I able to refer a client myself?", "how do i make one
  // for a 16yo from Vietnam…". Not when another service is named ("how do i refer him to childrens services").
  {
    after: (id) => id === NRM_TOPIC,
    words: 20,
    asks: (_t, spoken) => REFER_INTO_IT.test(spoken) && !OTHER_SERVICE.test(spoken),
    then: NRM_TOPIC,
  },
  // "and county lines specifically?" after the local figures: the figures for that, which the same topic gives.
  {
    after: (id) => id === LOCAL_DATA_TOPIC,
    words: 6,
    asks: (t) => AND_WHAT_OF.test(t),
    then: LOCAL_DATA_TOPIC,
  },
  // "the kid has already paid once, what now" after sextortion, or "now he's threatening her for money" after
  // sharing nudes: images and money, which is sextortion, and its answer says what to do.
  {
    after: (id) => IMAGE_TOPICS.has(id),
    words: 30,
    asks: (_t, spoken) => MONEY.test(spoken),
    then: SEXTORTION_TOPIC,
  },
  // "is he trafficked then?" after a case or a topic: the NRM, which says what trafficking is and who refers.
  {
    after: (id) => id !== NRM_TOPIC,
    words: 10,
    asks: (_t, spoken) => TRAFFICKED.test(spoken),
    then: NRM_TOPIC,
  },
  // "can councillors sit on it" after the local response: who takes part, which the same topic says.
  {
    after: (id) => id === LOCAL_RESPONSE_TOPIC,
    words: 10,
    asks: (_t, spoken) => TAKES_PART.test(spoken),
    then: LOCAL_RESPONSE_TOPIC,
  },
  // "and how i know if girl have this" after what CSE is: the signs.
  {
    after: (id) => SIGNS_OF.has(id),
    words: 16,
    asks: (_t, spoken) => HOW_TO_KNOW_IT.test(spoken),
    then: SIGNS_TOPIC,
  },
  // "why does it matter tho" after the words to use in a record: why blame matters, which victim blaming says.
  {
    after: (id) => BLAME_TOPICS.has(id),
    words: ANY_LENGTH,
    asks: (t) => WHY_IT_MATTERS.test(t),
    then: BLAMING_TOPIC,
  },
];

export function isFresh(recent: Recent | null, now: Date): recent is Recent {
  return recent !== null && now.getTime() - new Date(recent.at).getTime() <= RECENT_MINUTES * 60_000;
}

/**
 * `alone` is the message's own answer, as the router would give it without the last answer: the router
 * passes the one it will use if this returns null, so the message is answered once however it goes.
 */
export function followUp(
  text: string,
  recent: Recent,
  ctx: AnswerContext,
  alone: () => Answer = () => answer(text, ctx),
): FollowUp | null {
  const t = withoutCourtesy(text);
  const typedWords = t.split(' ').length;
  // Text-speak spelt out ("wat", "n"), for the longer forms read anywhere in the message.
  const spoken = spokenText(text);
  const spokenWordCount = spoken.split(' ').length;
  // "ok thanks" closes the exchange: it takes nothing up.
  const yes = YES.test(t) && !CLOSING.test(normaliseText(text));
  if (recent.screening && (yes || (spokenWordCount <= 12 && TAKE_UP.test(spoken))))
    return { kind: 'start-screening' };
  if ((recent.screening || recent.route === 'did-you-mean') && NO.test(t)) return { kind: 'declined' };

  const offered = recent.offered ?? [];
  const picked = offered.find((id) => {
    const offeredTopic = ctx.knowledge.topics.get(id);
    return offeredTopic !== undefined && normalisedTitle(offeredTopic) === t;
  });
  if (picked) return topic(picked, ctx);
  if (recent.route === 'did-you-mean' && yes && offered[0]) return topic(offered[0], ctx);

  // After the numbers, what the out-of-hours service is and does is its own topic's, with the line that answers now.
  if (
    recent.route === 'contacts' &&
    typedWords <= 14 &&
    ABOUT_THE_SERVICE.test(spoken) &&
    ctx.knowledge.topics.has(OUT_OF_HOURS_TOPIC)
  )
    return topic(OUT_OF_HOURS_TOPIC, ctx);
  // "and at the weekend?" after the numbers asks for the line then; "what do they actually do out of hours"
  // asks what the service is, which its own topic answers.
  if (
    recent.route === 'contacts' &&
    TIME_FOLLOW_UP.test(spoken) &&
    typedWords <= 8 &&
    !asksOutOfHoursProcess(text)
  ) {
    return { kind: 'answer', answer: contactsAnswer(ctx) };
  }
  // "what do I do now?" after the screening offer: the worry was voiced, and how to refer is the answer.
  if (recent.route === 'screening-offer' && WHAT_TO_DO.test(t)) return topic(REFERRAL_TOPIC, ctx);
  if (CONTACT_THEM.test(t)) return { kind: 'answer', answer: contactsAnswer(ctx) };
  // "and if its really serious": whom to call then, which the numbers say, 999 first.
  if (IF_SERIOUS.test(t)) return { kind: 'answer', answer: contactsAnswer(ctx) };
  if (!recent.topic) return null;
  const ruled = TOPIC_FOLLOW_UPS.find(
    (r) =>
      r.after(recent.topic!) &&
      typedWords <= r.words &&
      r.asks(t, spoken) &&
      ctx.knowledge.topics.has(r.then),
  );
  if (ruled) return topic(ruled.then, ctx);
  const counterpart = ctx.knowledge.topics.get(recent.topic)?.counterpart;
  if (
    counterpart &&
    typedWords <= 10 &&
    (OTHER_KIND.test(t) || namesOnlyTheOther(saidStems(text), counterpart, recent.topic, ctx.knowledge))
  )
    return topic(counterpart, ctx);
  // "and if its sunday", "what about weekends?" after a topic: when to call is the question, and the
  // contacts answer it with the line that answers at that time.
  if (ONLY_A_TIME.test(t)) return { kind: 'answer', answer: contactsAnswer(ctx) };
  const grownUp = asAnAdult(t, recent.topic);
  if (grownUp && ctx.knowledge.topics.has(grownUp)) return topic(grownUp, ctx);
  // "give me example for a shop please, my english not so good": the ask is the first clause.
  const firstClause = /[,;]/.test(text) ? withoutCourtesy(text.split(/[,;]/)[0]!) : t;
  if (MORE.test(t) || (firstClause !== t && MORE.test(firstClause))) return topic(recent.topic, ctx);
  // "Sorry, can you explain more simple? My English is not so good": the same answer again, unless the
  // message asks something the bot can answer on its own.
  if (typedWords <= 14 && SAY_AGAIN.test(t) && UNPLACED.has(alone().route)) return topic(recent.topic, ctx);
  if (WHO_ALONE.test(t)) return { kind: 'answer', answer: contactsAnswer(ctx) };
  // "boy on ward says its happening to him, he's safe here, what do i tell him" after sextortion: the topic
  // just explained is happening to someone, and it says what to do.
  if (happening(text)) return topic(recent.topic, ctx);
  // "where do i send it" or "can i stay anonymous" after sharing information with the police: where its form
  // goes and whether the sender is named, which it says.
  if ((SEND_IT.test(spoken) || ANONYMOUS.test(spoken)) && hasForm(ctx.knowledge.topics.get(recent.topic)))
    return topic(recent.topic, ctx);
  if (
    WHAT_TO_DO.test(t) ||
    asksWhatToDoWithin(spoken, spokenWordCount, recent, alone) ||
    asksHowToRefer(spoken, alone)
  ) {
    // "where do I report it" after a topic about reporting (online grooming, to CEOP) is that topic's.
    if (REPORT_IT.test(t) && saysWhereToReport(ctx.knowledge.topics.get(recent.topic)))
      return topic(recent.topic, ctx);
    // After how to refer, "what happens next" asks about the steps that follow (the written follow-up, what
    // to do if not satisfied), and "how do i refer him to childrens services then" about the steps
    // themselves, which that answer gives; "what do I do now" asks whom to ring.
    if (recent.topic === REFERRAL_TOPIC)
      return WHAT_HAPPENS.test(t) || HOW_TO_REFER.test(spoken)
        ? topic(REFERRAL_TOPIC, ctx)
        : { kind: 'answer', answer: contactsAnswer(ctx) };
    return topic(REFERRAL_TOPIC, ctx);
  }
  // "so how should i talk to them then" after why children don't tell: how to talk about it is its own
  // answer, unless the message names the topic it gets alone ("how do i talk to her about the nudes").
  if (asksHowToTalk(text)) {
    const own = alone();
    if (own.topic === TALKING_TOPIC) return null;
    const namesOwn = own.route === 'topic' && namesTopic(saidStems(text), own.topic, ctx.knowledge);
    if (typedWords <= 10 && !namesOwn) return topic(TALKING_TOPIC, ctx);
  }
  // "whats being done about it locally", "who deals with it here then": what Portsmouth does about it.
  // "what does MASH stand for", then "what do they actually do": the body just spelt out, which its topic says.
  if (recent.route === 'glossary' && WHAT_THEY_DO.test(t)) return topic(recent.topic, ctx);
  if (LOCAL_RESPONSE_ASKED.test(t)) return topic(LOCAL_RESPONSE_TOPIC, ctx);
  // "wheres the form for that" after sharing information with the police: a topic that comes with a form
  // to fill in (a guided flow) answers where its form is, not the list of every safeguarding form.
  if (typedWords <= 8 && FORM_FOR_IT.test(t) && hasForm(ctx.knowledge.topics.get(recent.topic)))
    return topic(recent.topic, ctx);
  // "any policy docs for that" after a topic: the documents answer lists where the policies are.
  if (
    typedWords <= 10 &&
    ASKS_FOR_DOCUMENTS.test(t) &&
    recent.topic !== DOCUMENTS_TOPIC &&
    ctx.knowledge.topics.has(DOCUMENTS_TOPIC)
  )
    return topic(DOCUMENTS_TOPIC, ctx);
  const read = readAgainstTopic(text, recent.topic, ctx, alone);
  return read ? { kind: 'answer', answer: read } : null;
}

/** A topic that comes with a form to fill in (a guided flow). */
function hasForm(t: Topic | undefined): boolean {
  return (t?.actions ?? []).length > 0;
}

/**
 * A topic that says where to report in its title or its opening paragraph (online grooming, to CEOP;
 * sextortion, to the police and CEOP) answers "how do I report that" itself.
 */
function saysWhereToReport(t: Topic | undefined): boolean {
  return t !== undefined && (/\breport/i.test(t.title) || /\breport/i.test(t.answer.split('\n\n')[0]!));
}

/**
 * "what if he was 26" after a young person's case: the same worry about an adult is adult safeguarding, or
 * still the care leavers' answer for a care leaver up to 25. Null when the message is not only that age, the
 * age is a child's (the topics' own rules read those), or the last topic is about a partner, whose age it
 * more likely is.
 */
function asAnAdult(t: string, topicId: string): string | null {
  const age = ONLY_THEIR_AGE.exec(t)?.groups?.age;
  if (age === undefined || Number(age) < 18 || PARTNER_TOPICS.has(topicId)) return null;
  return topicId === CARE_LEAVERS_TOPIC && Number(age) <= CARE_LEAVER_UNTIL
    ? CARE_LEAVERS_TOPIC
    : ADULT_TOPIC;
}

/**
 * Saying that what was just explained is happening to someone: "one of our lads just told me its happening to
 * him", "One of my boys 17 have this now". Not "if i think it's happening to one of ours", a question.
 */
const IT_IS_HAPPENING =
  /(?<!\bif (i |we )?(think |thought |suspect |reckon )?)\b(it s|its|it is|this is|thats|that s) (happening|going on) to (him|her|them|me|one|a|an|my|our)\b|\b(has|have|having) this (now|too|as well)\b/;

function happening(text: string): boolean {
  return IT_IS_HAPPENING.test(spokenText(text));
}

/**
 * The answer after the 999 reply to an alarm that says the topic just answered is happening now: that
 * topic (what to do about sextortion, say), not what the alarm's words read as alone. Null otherwise.
 */
export function happeningNow(text: string, recent: Recent, ctx: AnswerContext): Answer | null {
  if (!recent.topic || recent.topic === EMERGENCY_TOPIC) return null;
  return happening(text) ? answerTopic(recent.topic, ctx) : null;
}

/** The message points back at something said before: "and pull?", "who's allowed to make one?". */
export function pointsBack(text: string): boolean {
  return ELLIPTICAL.test(normaliseText(text)) || BACK_REFERENCE.test(spokenText(text));
}

/**
 * A short message read against a topic (the one just answered, or the one a running flow is about):
 * the topic's answer, another the message gets once read with the topic's title, or null when the
 * message stands on its own. `own` is the message's own answer, computed only when needed.
 */
export function readAgainstTopic(
  text: string,
  topicId: string,
  ctx: AnswerContext,
  own: () => Answer,
): Answer | null {
  const t = withoutCourtesy(text);
  const length = t.split(' ').length;
  if (length > LONGEST_POINTING_BACK) return null;
  const back = pointsBack(text);
  // A longer message is re-read only when it points back and cannot be placed on its own: "can a door
  // supervisor make one or only police?" after the NRM. Checked before the domain, which costs more.
  const long = length > LONGEST_READ_AGAINST;
  // A longer message that does not point back keeps its own reading, unless the bot cannot place it on
  // its own and it is about the young person or leans to the topic just answered: "he's back now. does
  // anyone come and talk to him about where he was?" after a child who is missing.
  if (long && !back) return unplacedButLeaning(text, own(), topicId, ctx);
  if (!inDomain(text, ctx) && !aboutSomeone(text, ctx) && !asksAboutIt(text, length, topicId, ctx))
    return null;
  const alone = own();
  const guessed = alone.route === 'topic' && alone.confidence < GUESS_ALONE;
  if (long && ANSWERED_ALONE.has(alone.route) && !guessed) return null;
  // Answered on its own ("thanks, that helps" is small talk), or pointing nowhere and placed anyway: left
  // alone. A short question the bot cannot place ("who is allowed to refer?") is most likely about the
  // topic just answered, and one that points back is re-read when its own reading is unsure ("what if
  // she was 17 instead" read alone is a guess).
  const placed = ANSWERED_ALONE.has(alone.route);
  // "who can do one?" has no word of its own but the pointer: whatever it gets alone is a guess.
  const said = saidStems(text);
  const unsure =
    alone.route === 'topic' &&
    (onlyPointers(text) ||
      (namesTopic(said, topicId, ctx.knowledge) && alone.confidence < NAMED_LAST_SURE) ||
      (alone.confidence < (back ? SURE_ALONE : GUESS_ALONE) &&
        (alone.confidence < (long ? WEAK_ALONE_LONG : WEAK_ALONE) ||
          !namesTopic(said, alone.topic, ctx.knowledge))));
  if (placed && !unsure) return null;
  if (!placed && !back && !UNPLACED.has(alone.route)) return null;
  const read = readWithTitle(text, topicId, ctx);
  if (read.route !== 'topic') return null;
  if (placed && read.topic !== topicId && read.confidence <= alone.confidence) return null;
  return read;
}

function unplacedButLeaning(text: string, alone: Answer, topicId: string, ctx: AnswerContext): Answer | null {
  if (alone.route === 'did-you-mean' && alone.suggestions[0] === topicId) return answerTopic(topicId, ctx);
  // A weak guess is not a placing: with the topics read together by the off-topic gate, a message the bot once
  // declined may now get a topic it is far from sure of.
  const unplaced =
    alone.route === 'not-found' || (alone.route === 'topic' && alone.confidence < WEAK_ALONE_LONG);
  if (!unplaced || !aboutSomeone(text, ctx)) return null;
  const read = readWithTitle(text, topicId, ctx);
  return read.route === 'topic' && read.topic === topicId ? read : null;
}

/** The message answered as if it named the topic: prefixed with the topic's title. */
function readWithTitle(text: string, topicId: string, ctx: AnswerContext): Answer {
  return answer(`${ctx.knowledge.topics.get(topicId)?.title ?? ''} ${text}`, ctx);
}

/** Longer than this, a message is read against the last topic only when it points back at it. */
const LONGEST_READ_AGAINST = 8;
/** Longer than this, a message stands on its own whatever it points at. */
const LONGEST_POINTING_BACK = 14;
/** A message naming the last topic by a word of its title is read against it unless its own reading is this sure. */
const NAMED_LAST_SURE = 0.9;
/** Below this, a topic the message gets on its own is a guess that the last topic may overrule. */
const SURE_ALONE = 0.6;
/**
 * Below this, a topic the message gets on its own is a guess even when it names a word of that topic's
 * title: "should we tell his parents?" after sharing nudes is not "Why children don't tell", and "is
 * there a form for that" after sharing information with the police is not the documents topic.
 */
const WEAK_ALONE = 0.55;
/**
 * The same for a longer message, whose own reading has more words to go on: "what are the signs that a
 * child is being groomed online, is it common?" after the NRM is online grooming at 0.51.
 */
const WEAK_ALONE_LONG = 0.45;
/** Below this, even a message that does not point back is a guess ("can teachers submit directly?" after the NRM). */
const GUESS_ALONE = 0.55;
/** What the message gets when the bot cannot place it on its own. */
const UNPLACED: ReadonlySet<string> = new Set(['not-found', 'did-you-mean']);

/**
 * "What should I do" inside a longer message, with nothing after it but a pointer back ("about it",
 * "next", "if I see them"): "what should I do about my car insurance" is not about the last topic, and
 * a question the knowledge base answers on its own is left to it.
 */
function asksWhatToDoWithin(
  spoken: string,
  spokenWordCount: number,
  recent: Recent,
  alone: () => Answer,
): boolean {
  const m = WHAT_TO_DO_WITHIN.exec(spoken);
  if (!m) return false;
  const after = spoken.slice(m.index + m[0].length).trim();
  if (after !== '' && !AFTER_WHAT_TO_DO.test(after)) return false;
  // A longer message must point back, or end on the question with a pointer in it: "think ive got a lad
  // doing it round the station, what now" after county lines.
  const endsPointing = after === '' && BACK_REFERENCE.test(spoken);
  if (!POINTS_BACK.test(spoken) && !endsPointing && spokenWordCount > 8) return false;
  const own = alone();
  // The 999 net has already judged the message not urgent: "when to call 999" is not what it asks.
  if (own.topic === EMERGENCY_TOPIC) return true;
  return !(own.route === 'topic' && own.topic !== recent.topic && own.confidence >= SURE_ALONE);
}

/**
 * "how do I refer a lad I think is caught up in it" after county lines: how to refer, unless the message
 * gets another topic of its own ("how do i refer him to the nrm").
 */
function asksHowToRefer(spoken: string, alone: () => Answer): boolean {
  if (!HOW_TO_REFER.test(spoken)) return false;
  const own = alone();
  return own.topic === REFERRAL_TOPIC || own.route !== 'topic' || own.confidence < SURE_ALONE;
}

const HOW_TO_REFER =
  /^((ok|okay|so|and|right|but) )*(how|where) (do|can|should|would|shall) (i|we) (refer|make a referral)\b/;

/**
 * A short question about something else ("does it snow in Portsmouth?") is not read against the topic.
 * Only the content's own words count here, not the classifier's too as in the off-topic gate: a reply
 * is re-read with a topic's title only when its words are plainly that content's.
 */
function inDomain(text: string, ctx: AnswerContext): boolean {
  const { share, known, unknown } = ctx.knowledge.index.domainShare(text);
  // An age is the domain's too: "what if she was 17 tho" after the age-gap answer.
  if (share >= 0.5 || known > unknown || readCase(text).ages.length > 0) return true;
  // "who's allowed to refer": one of the content's words, and the rest words practitioners use of it.
  const { classifier } = ctx.knowledge;
  if (known === 0 || !classifier) return false;
  const withPractice = ctx.knowledge.index.domainShare(text, (unit) =>
    classifier.knowsWord(unit[0]!, PRACTICE_WEIGHT),
  );
  return withPractice.unknown === 0;
}

/**
 * A question of a few words about the topic just answered and nothing the bot can place: "who can submit
 * it" after the NRM (the pointer and one word of its own), "who's allowed to refer" (a word of the topic's
 * title and one of its own), "who's allowed to do one". Its one unplaced word ("submit", "allowed") is
 * what it asks of that topic; whether the classifier counts such a word as the domain's moves with every
 * retrain.
 */
function asksAboutIt(text: string, length: number, topicId: string, ctx: AnswerContext): boolean {
  const normal = normaliseText(text);
  if (length > LONGEST_ASK_ABOUT_IT || !QUESTION_OPENING.test(normal)) return false;
  const { known, unknown } = ctx.knowledge.index.domainShare(text);
  if (unknown > 1 || known > 1) return false;
  const pointing = BACK_REFERENCE.test(spokenText(text));
  // With a word the content knows, pointing back is not enough ("does it snow in portsmouth"), unless
  // it asks who may do it ("who's allowed to do one").
  const about =
    known === 0
      ? pointing
      : namesTopic(saidStems(text), topicId, ctx.knowledge) || (pointing && WHO_OPENING.test(normal));
  return about && !namesOtherSubject(text, ctx.knowledge);
}

const LONGEST_ASK_ABOUT_IT = 7;
const WHO_OPENING = /^((and|so|ok|okay|but) )*(who|whom)\b/;
const QUESTION_OPENING =
  /^((and|so|ok|okay|but) )*(who|whom|how|where|when|what|which|can|could|does|do|is|should)\b/;

/**
 * Someone spoken of as "she" or "him", or a young person named ("my foster teen"), and no other subject
 * named: a reply about the child just described stays in the conversation even in words the content does
 * not use ("she says they're in love, does that change anything?"), but "what cake should she have" does not.
 */
function aboutSomeone(text: string, ctx: AnswerContext): boolean {
  const someone = SOMEONE.test(spokenText(text)) || readCase(text).describesYoungPerson;
  return someone && !namesOtherSubject(text, ctx.knowledge);
}

/** Weaker than the off-topic gate's bar: in a short follow-up, a word leaning towards a topic is enough. */
const PRACTICE_WEIGHT = 0.25;

/** Every word is a stopword or a pointer back ("who can do one?", "is that it?"). */
function onlyPointers(text: string): boolean {
  const said = spokenWords(text);
  return said.some((w) => POINTERS.has(w)) && said.every((w) => isStopword(w) || POINTERS.has(w));
}

function topic(id: string, ctx: AnswerContext): FollowUp | null {
  const found = answerTopic(id, ctx);
  return found ? { kind: 'answer', answer: found } : null;
}

function contactsAnswer(ctx: AnswerContext): Answer {
  return {
    route: 'contacts',
    topic: null,
    confidence: 1,
    replies: [contactsReply(ctx.contacts, ctx.now)],
    suggestions: [],
  };
}

function offersTheScreening(topicId: string | undefined, ctx: AnswerContext): boolean {
  const found = topicId ? ctx.knowledge.topics.get(topicId) : undefined;
  return found?.actions.includes('start-screening') === true;
}

/** What to remember of an answer, for the next turn. */
export function recentOf(result: Answer, ctx: AnswerContext): Recent | null {
  const at = ctx.now.toISOString();
  switch (result.route) {
    case 'topic': {
      const topic = result.topic ? ctx.knowledge.topics.get(result.topic) : undefined;
      if (!topic) return null;
      return {
        route: 'topic',
        topic: topic.id,
        offered: result.suggestions,
        screening: result.offersScreening === true || offersTheScreening(topic.id, ctx),
        at,
      };
    }
    case 'did-you-mean':
      return { route: 'did-you-mean', offered: result.suggestions, at };
    case 'screening-offer':
      return { route: 'screening-offer', screening: true, at };
    case 'contacts':
      return { route: 'contacts', at };
    case 'glossary':
      // "CSERQ4?" then "ok lets do it": a term whose topic is the screening leaves the screening on offer.
      return {
        route: 'glossary',
        topic: result.suggestions[0],
        offered: result.suggestions,
        ...(offersTheScreening(result.suggestions[0], ctx) ? { screening: true } : {}),
        at,
      };
    default:
      return null;
  }
}
