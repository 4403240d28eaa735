/**
 * Deterministic intents that must never depend on a similarity score:
 * starting a screening, and a practitioner saying they are worried about a
 * child (offer the screening). Table-tested in tests/rules/intent.test.ts.
 */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const START_SCREENING = [
  /^(please )?(start|begin|run|do|open|launch|new)?( an?| the| my)? ?(cse )?(screen|screening|screen test|screening tool|cserq ?4|cserq|cse screening|cse questionnaire|cse risk questionnaire|risk questionnaire|questionnaire)( now| please)?$/,
  /^(i want to|i'd like to|id like to|can i|can we|could we|could i|let's|lets|let me|how do i|i need to|help me)( start| begin| run| do| complete| fill in| fill out| use)( an?| the)? (cse )?(screening|screen|cserq ?4|cse questionnaire|risk questionnaire|questionnaire|cse risk questionnaire|cse screening)( now| please| with you| for a child| on a child| for a young person)?$/,
  /^(start|begin|run|do)( an?| the)? (cse )?(risk )?(screening|screen|questionnaire|assessment)( for| on| with)( a| this)? (child|young person|kid|pupil|student|patient|girl|boy|teenager)$/,
];

export function wantsScreening(text: string): boolean {
  const t = normaliseText(text);
  return START_SCREENING.some((re) => re.test(t));
}

const WORRY =
  /\b(worried|concerned|worry|worries|concerns?|uneasy|suspicious|suspect)\b.*\b(child|young person|kid|pupil|student|girl|boy|teen|teenager|son|daughter|patient|year \d+|yr \d+|(\d{1,2}|thirteen|fourteen|fifteen|sixteen|seventeen) ?(year old|yr old|yo))\b/;

export function soundsWorried(text: string): boolean {
  return WORRY.test(normaliseText(text));
}

const GREETING =
  /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|morning|afternoon|yo|start|get started|menu|what can you do|what do you do|who are you|help|help me|\?)( there| bot)?$/;

export function isGreetingOrHelp(text: string): boolean {
  return GREETING.test(normaliseText(text));
}

const INFO_SHARING = [
  /^(please )?(ad ?362|community partnership information|community partnership information form|cpi form|intelligence|intel|report information|share information|share intelligence|share intel|submit intelligence|police intelligence)( form)?( please)?$/,
  /^(i want to|i'd like to|id like to|i need to|can i|can we|could i|let me|help me|how do i|how can i|start|begin|fill in|fill out|complete|do|draft|write|send)( an?| the| some)? ?(share|report|send|pass on|submit|fill in|fill out|complete|draft|write|start)?( an?| the| some)? ?(information|info|intelligence|intel|ad ?362|community partnership information)( form)?( with| to| for)?( the)? ?(police)?( please)?$/,
  /\bshare (some |this |the )?(information|info|intelligence|intel) with (the )?police\b/,
];

export function wantsInfoSharing(text: string): boolean {
  const t = normaliseText(text);
  return INFO_SHARING.some((re) => re.test(t));
}
