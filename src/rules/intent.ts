import { anyOf } from './anyOf';
import { spaceRuns } from './spaceRuns';
import { TurnReadings } from './turnMemo';

/**
 * Deterministic intents that must never depend on a similarity score:
 * starting a screening, and a practitioner saying they are worried about a
 * child (offer the screening). Table-tested in tests/rules/intent.test.ts.
 */
export function normaliseText(text: string): string {
  // A turn asks every rule about the same message (and about topic titles in between), each normalising it
  // (or its normal form) again.
  const normal = normalForms.of(text);
  // Normalising is idempotent: rules given the normal form normalise it again, and get it back at once.
  if (normal !== text) normalForms.know(normal, normal);
  return normal;
}

const normalForms = new TurnReadings((text: string): string =>
  spacesAsOne(
    text
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/[^\p{L}\p{N}' ]+/gu, ' '),
  ).trim(),
);

/** Every run of space as one. */
const spacesAsOne = spaceRuns('\\s');

const START_SCREENING = [
  /^(please )?(start|begin|run|do|open|launch|new)?( an?| the| my)? ?(cse )?(screen|screening|screen test|screening tool|cserq ?4|cserq|cse screening|cse questionnaire|cse risk questionnaire|risk questionnaire|questionnaire)( now| please)?$/,
  /^(i want to|i'd like to|id like to|can i|can we|could we|could i|let's|lets|let me|how do i|i need to|help me)( start| begin| run| do| complete| fill in| fill out| use)( an?| the)? (cse )?(screening|screen|cserq ?4|cse questionnaire|risk questionnaire|questionnaire|cse risk questionnaire|cse screening)( now| please| with you| for a child| on a child| for a young person)?$/,
  /^(start|begin|run|do)( an?| the)? (cse )?(risk )?(screening|screen|questionnaire|assessment)( for| on| with)( a| this)? (child|young person|kid|pupil|student|patient|girl|boy|teenager)$/,
  // A request to do it, in the practitioner's own words: "check cse risk", "let's do the 4 questions for a patient".
  /^(please |can you |could you |can we |could we |let's |lets |i want to |i'd like to |id like to |i need to |help me )?(start|begin|run|do|launch|walk me through|go through|check)( an?| the| his| her| their)? (cse risk|cserq ?4|cse screening|screening|risk questions|(4|four) questions|cse questionnaire|risk questionnaire)\b/,
  /^screen (a|the|this|my) (child|young person|kid|pupil|student|patient|girl|boy|teenager|teen)\b/,
];

const ANY_START_SCREENING = anyOf(START_SCREENING);

export function wantsScreening(text: string): boolean {
  const t = normaliseText(text);
  return ANY_START_SCREENING.test(t);
}

const YOUNG =
  '(child|young person|kid|pupil|student|schoolgirl|schoolboy|schoolkid|girl|boy|lad|lass|yp|youngster|teen|teenager|son|daughter|grandson|granddaughter|grandchild|stepson|stepdaughter|niece|nephew|patient|year \\d+|yr \\d+|y\\d{1,2}|yr\\d{1,2}|(\\d{1,2}|thirteen|fourteen|fifteen|sixteen|seventeen) ?(year old|yr old|yo))';
const WORRY_WORD = '(worried|concerned|worry|worries|concerns?|uneasy|suspicious|suspect)';
/** "worried about a girl in year 9", or the young person first: "girl in year 9 keeps…, im worried about her". */
const WORRY = new RegExp(
  `\\b${WORRY_WORD}\\b.*\\b${YOUNG}\\b|\\b${YOUNG}\\b.*\\b(worried|concerned|uneasy) (about|for) (her|him|them)\\b`,
);
/** "How do I write up concerns about a young person" asks for guidance, not a screening. */
const ASKS_HOW = /^(what|how|where|when|which|why|who|is|are|does|do|should|can i|can you)\b/;
/** An adult (18 or over) is outside the CSERQ4: "worried about a 19 year old" goes to adult safeguarding. */
const ADULT_AGE =
  /\b(1[89]|2\d)( ?(year old|yr old|yo|years old))\b|\b(adult|over 18)\b|\b(not|isnt) (about )?(the|a) (child|kid|young person|pupil)\b/;

/**
 * A worry about online contact or images is not one the CSERQ4 can screen (it asks nothing about either):
 * offering it would read as an answer, so such a message goes to the knowledge base's own topics.
 */
const ONLINE_OR_IMAGES =
  /\b(online|internet|social media|snapchat|instagram|tiktok|whatsapp|discord|xbox|playstation|roblox|fortnite|gaming|game chat|messages|messaging|dms|nudes?|naked|pics|photos?|images?|sexting|sextort\w*|blackmail\w*)\b/;

/**
 * A message that asks something besides voicing a worry: "…, signs?", "…, what do I do", "can coaches be
 * groomers?", or asks for something for others ("national helpline for parents worried their child is
 * being exploited").
 */
const ASKS =
  /\b(what|how|where|why|which|signs|is (it|this|that)|can (a|an|coaches|women|girls|boys|they|i|we)|should (i|we))\b|\bwho (do|does|should|shall|can|could|would|will|to|else|is responsible|is in charge)\b|\bto whom\b|\b(helplines?|leaflets?|resources?|websites?|training|advice (for|on)|support (for|groups?)|for (parents|carers|families|staff|schools)|tips|any (advice|ideas))\b/;

/** "Who" opening the message or a sentence of it asks; "a lad in year 10 who comes to our club" tells. */
const WHO_OPENS = /(^\s*|[.,;:!?(-]\s*)who\b/i;

/** Reads the message as typed: its punctuation tells a question from a description. */
export function asksSomething(text: string): boolean {
  return ASKS.test(normaliseText(text)) || text.includes('?') || WHO_OPENS.test(text);
}

export function soundsWorried(text: string): boolean {
  const t = normaliseText(text);
  return WORRY.test(t) && !ASKS_HOW.test(t) && !ADULT_AGE.test(t) && !ONLINE_OR_IMAGES.test(t);
}

const GREETING =
  /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|morning|afternoon|yo|start|get started|menu|what can you do|what do you do|who are you|help|help me|\?)( there| bot)?$/;

/**
 * Whether the bot is for them: "I am not social worker, I am gas engineer, I can use this?", "whats this
 * for, is it just for social workers?".
 */
const MAY_I_USE_IT =
  /((?<!\b(how|when|where|why|what) )\b(can|could|may|am i allowed to) (i|we|anyone|anybody|everyone) (also |still |even )?|\b(i|we) can (also |still )?)use (this|you|it|the bot|this bot|this chat|this service)( too| as well| also| then)?$/;

const ONLY_FOR =
  /^((what s|whats|what is) this (bot |chat )?for )?(is|are) (it|this|this bot|this chat|you) (just|only) for (social workers|teachers|professionals|staff|police|nurses|health staff|safeguarding leads|dsls)$|\b(is|are) (this|this bot|this chat|you) (just|only) for (social workers|teachers|professionals|staff|police|nurses|health staff|safeguarding leads|dsls)\b/;

export function isGreetingOrHelp(text: string): boolean {
  const t = normaliseText(text);
  return GREETING.test(t) || MAY_I_USE_IT.test(t) || ONLY_FOR.test(t);
}

const INFO_SHARING = [
  /^(please )?(ad ?362|community partnership information|community partnership information form|cpi form|intelligence|intel|report information|share information|share intelligence|share intel|submit intelligence|police intelligence)( form)?( please)?$/,
  /^(i want to|i'd like to|id like to|i need to|can i|can we|could i|let me|help me|how do i|how can i|start|begin|fill in|fill out|complete|do|draft|write|send)( an?| the| some)? ?(share|report|send|pass on|submit|fill in|fill out|complete|draft|write|start)?( an?| the| some)? ?(information|info|intelligence|intel|ad ?362|community partnership information)( form)?( with| to| for)?( the)? ?(police)?( please)?$/,
  /\bshare (some |this |the )?(information|info|intelligence|intel) with (the )?police\b/,
];

const ANY_INFO_SHARING = anyOf(INFO_SHARING);

export function wantsInfoSharing(text: string): boolean {
  const t = normaliseText(text);
  return ANY_INFO_SHARING.test(t);
}
