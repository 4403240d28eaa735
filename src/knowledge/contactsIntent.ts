/**
 * "Who do I call?" in its many forms: a deterministic rule, never a
 * similarity score, because a practitioner at 10 pm must get the duty team.
 * Practitioners type fast: the message is read with text-speak spelt out and
 * typos of the rules' own words mended first ("who do i cal at the wkend",
 * "wats the ooh numbr"). Table-tested in tests/contacts/intent.test.ts.
 */
import { expandTextSpeak, Speller } from './spelling';
import { stem } from './text';
import { SCHOOL_YEAR } from './cases';
import { ASKS_WHOM_TO_RING, asksAboutOwnWellbeing, asksReferralPreparation } from './requests';
import { normaliseText } from '../rules/intent';
import { anyOf } from '../rules/anyOf';
import type { AreaContacts } from '../contacts/schema';
import { memoised } from '../memoised';
import { asksMeaning, EQUALS_WHAT } from './glossary';
import { WordCache } from './wordCache';

const WHO_TO_CALL =
  /\b(who (actually |really |even )?(answers|picks up)\b|who(s| s| is)? answering\b|who(s| s| is)? picking up (the )?phone\b|(?<!\b(forms?|ad362|intel|intelligence)\b.*)where (am|are|do|should) (i|we) (supposed to |meant to )?(send|forward|pass) (this|it|that)( on)?$|where (do|should|can|would) (i|we|u|you) (call|ring|phone)\b|where (do|should|can|would) (i|we) report (a |my |the |this |that |our )?(safeguarding |cse )?(concern|worry|worries)\b|who (do|should|can|shall) (i|we) ask( then| instead| now| for help| for advice)?$|where (i|we) (can |should |must |need to )?(call|ring|phone)\b|who (now|tonight|right now)$|who else (do|should|can|must|would) (i|we|u|you) (need to |have to )?(call|ring|phone|contact|tell|notify|inform)\b|who (do|should|can|would|shall|could) (i|we|u|you) (call|ring|phone|contact|speak to|talk to|tell|notify|inform|report (it |this )?to|go to)|who (i|we) (need|have|ought) to (call|ring|phone|contact|tell|notify|inform)|who (i|we) (should |can |must )?(call|ring|phone)\b(?! (every|each|most|last|yesterday|earlier))|who('s| is| s)? on call|who('s| is| s| would be)? (open|available) (to|for|at|now|tonight)\b|who (covers|is covering|s covering)\b(?=.*\b(mash|duty team|social care|social services|childrens services|safeguarding)\b)|(anyone|someone|somebody) (i|we) can (ring|call|phone|contact|speak to|talk to)|(who|where|how) to (call|ring|phone|contact)|^(so |and |then )?(call|ring|phone) who\b|(number|line|(?<!\b(my|her|his|their|your|own|a) )phone|contact) to (call|ring|phone)|(number|line|contact) to report (a |an |my |the |this |that )?(safeguarding )?(concerns?|worry|worries|it|this|that|child|children|kid|abuse|exploitation|cse)\b|(what|which) (phone )?(number|line)( (do|does|should|can|could|would|shall|to))?( (i|we|u|you|she|he|they|mum|dad|parents?|carers?|callers?|staff|escorts|drivers|volunteers|teachers))? (call|ring|phone|use)|(is there|are there|any) (a |an )?(hotline|helpline|phone line|number|line)s? (to|i can|we can|for) (report|call|ring|phone)|(best|right) (person|people|one|service|team|number) to (call|ring|phone|contact|speak to|talk to)|(best|right|which|what) (phone )?(number|line|contact) (to use )?(for|about|re) (a |an |my |this |the |our )?(safeguarding )?(concern|worry|child|kid|yp|young person|cse)\b|(get hold of|reach|get through to|contact) (the )?(mash|duty team|out of hours?( team)?|ooh( team)?|emergency duty (service|team)|social care|social services|childrens services|front door)\b(?! (about|for) (a|an|the) (referral|case))|(call|ring|phone) (the )?(mash|duty team|ooh( team)?|out of hours( team)?) (how|or)\b|\b(is|would|should) 101 (be )?(right|ok|okay|correct|enough|the right (number|one|place))\b)/;
/**
 * Whom to tell, in few words or in a second language: "I don't know the names. Who I tell?", "How do I reach
 * someone urgently about a child outside 9 to 5?".
 */
const WHOM_TO_TELL =
  /\bwho (i|we) (should |can |must |do |need to )?(tell|inform|notify|contact)( (about|abt) (it|this|that))?$|\bhow (do|can|could|would|should) (i|we) (reach|get hold of|get through to|contact) (someone|somebody|anyone|anybody|a person|a human|a social worker)\b/;
const NUMBER_WORDS =
  /\b(number|numbers|phone number|phone line|phone|phone no|telephone|tel|contact details|contact|contacts|email|email address|e mail|line|helpline|hotline|ring|call)\b/;
const SERVICE_WORDS =
  /\b(mash|multi agency safeguarding hub|duty team|duty social worker|emergency duty( service| team)?|edt|eds|out of hours?|ooh|after hours|childrens services|children s services|childrens social care|children s social care|social care|social services|social work|childrens safeguarding|children s safeguarding|children safeguarding|child safeguarding|safeguarding (for )?(children|childrens|kids)|safeguarding team|front door|met team|police met|exploitation team|barnardos|barnardo s|ictg|dt(?= (number|numbers|line|team)\b)|(team|service|department|office) (for|that helps|which helps|that protects|which protects) (children|kids|young people)( at risk)?|child protection( team| service)?)\b/;
/**
 * A service named, then who there: "who from childrens services do i call", "need childrens services
 * now, who?"; or who the out-of-hours service is: "whos the out of hours emergency duty service 4 kids".
 */
const WHO_AT_SERVICE = new RegExp(
  `^(who s|whos|who is|who are) (the )?(out of hours|ooh|emergency duty|duty|edt|eds|after hours)( social work)?( team| service| line| people)?\\b|\\bwho (from|at|in) (the )?${SERVICE_WORDS.source} (do|should|can|would|shall|could) (i|we|u|you) (call|ring|phone|contact|speak to|talk to|ask for)\\b|\\bneed (to (reach|contact|speak to|get hold of) )?(the )?${SERVICE_WORDS.source}( now| tonight| urgently| right now)? who\\b`,
);
const OPENING =
  /\b(is (the )?mash (still |even |currently )?(open|closed|shut)|mash (open|opening|hours|closed)|when (does|is) (the )?(mash|hub|duty team) (open|close|shut)|what time does (the )?(mash|hub|duty team) (open|close|shut)|(does|is|will) (the )?(mash|hub|duty team) (still )?(run|running|work|working|operate|operating)|(mash|office|opening) hours|mash (on|over) .{0,40}\bopen\b|(what are|whats|what s|what is) (their|its|the) (opening )?hours$|^((and|so|but|ok) )?(is|are) (it|they) (still |even )?(open|closed|shut)( (now|today|tonight|tomorrow|at|on|over|during|in|this|after|before)\b.*)?$)\b/;
/** Asking for a line at a time the MASH is closed; "phone" alone is too often the child's phone. */
const OUT_OF_HOURS_REQUEST =
  /\b(out of hours|ooh|after hours|weekend|saturday|sunday|night|tonight|evening|overnight|bank holiday|christmas|boxing day|new year|easter|after (5|five)( ?pm)?)\b.*\b(number|contact|line|phone number|phone line|call|ring)\b|\b(number|contact|line|phone number|phone line|call|ring)\b.*\b(out of hours|after hours|weekend|at night|tonight|evening|bank holiday|christmas|boxing day|new year|easter|after (5|five)( ?pm)?)\b/;
/**
 * Someone else calling the police is not a request for a number ("mum doesn't always call the police"), nor
 * is what someone is called ("she call him by first name").
 */
const CALLS_THE_POLICE =
  /\b(call|calls|called|ring|rings|rang|phone|phones|phoned) (the )?(police|999|101)\b|\b(call|calls|called) (him|her|them|me|us|each other)\b/g;
/** A time named: the question is when, or at this hour, whom to call ("who do i phone at night"). */
const A_TIME =
  /\b(out of hours|ooh|after hours|weekends?|saturday|sunday|night|tonight|evening|overnight|bank holiday|christmas|boxing day|new year|easter|half term|school holidays?|after (5|five)( ?pm)?|today|tomorrow|tmrw|now|midnight|(at|gone|after|past|before|by) \d{1,2}( \d\d)?( ?(am|pm))?|\d{1,2}( \d\d)? ?(am|pm))\b/;
/**
 * "ok and the number please", "whats their number", "is there a phone number instead": a number and
 * nothing else, most often after an answer.
 */
const BARE_NUMBER =
  /^((ok|okay|and|so|then|thanks|what s|whats|what is|can i have|can i get|could i have|is there|have you got|do you have) )*(the |their |there |thier |your |a |that )?(phone |contact |telephone )?(number|numbers|contact details|phone number|email|email address|e mail)( please| then| again| instead| (i|we) can (call|ring|phone))*$/;
/** A bare name in a hurry ("out of hours", "mash?", "duty team") means "how do I reach them". */
const BARE_SERVICE =
  /^(the )?(mash|duty team|emergency duty service|edt|out of hours|ooh|after hours|weekend|bank holiday|out of hours team|ooh team|mash contacts?|contacts?)( please| number| now| right now| asap)*$/;
const ADULT =
  /\b(adult|adults|over 18|elderly|older person|old (woman|man|lady|person|people)|pensioners?)\b/;
/** The practitioner, not the one the concern is about: "as a worried adult". */
const AS_AN_ADULT = /\b(as|am|i m|im|i am) (a|an) (worried |concerned |responsible )?adult\b/g;
/** Adults' services named outright: "who do I tell about an adult at risk" is for adult safeguarding. */
const ADULT_SERVICE =
  /\b(adults? at risk|vulnerable adults?|adult safeguarding|adult social care|adult services)\b/;
/** Someone said to be 18 or over now, with no child's age given: "ex student, 19 now", "patient aged 18", "turned 18". */
const ADULT_AGE = /\b(1[89]|[2-9]\d) now\b|\b(aged|turned) (1[89]|[2-9]\d)\b/;
const CHILD_AGE = /\b([1-9]|1[0-7]) ?(year old|years old|yr old|yrs old|yo|y o)\b/;
/** Someone of 18 or over by age alone: "an 18 year old with learning difficulties", "19yo". */
const ADULT_BY_AGE = /\b(1[89]|[2-9]\d) ?(year old|years old|yr old|yrs old|yo|y o)\b/;
/** An adult described by age with no child's age or school year beside it: "19 yo woman", "ex pupil, now 20". */
const ADULT_PERSON =
  /\b(woman|man|mum|mother|dad|father|parent|lady|guy) (of |aged )?(1[89]|[2-9]\d)\b(?! (months|weeks|days|minutes|hours|times|pounds|quid|miles))|\b(woman|man|lady|guy|mum|mother|dad|father)( \w+){0,2} in (her|his|their) ([2-9]0s|(late |early |mid )?(twenties|thirties|forties|fifties|sixties))\b|\b(woman|man|lady|guy)( \w+){0,2} (late|early|mid) ([2-9]0s|twenties|thirties|forties|fifties|sixties)\b|\b(1[89]|[2-9]\d) (yo|year old|years old|yr old) (woman|man|mum|mother|dad|father|parent|adult|lady)\b|\b(is|s) now (1[89]|[2-9]\d)\b/;
/** "he is 19 and we think he's being trafficked": the person spoken of, by age alone, with no other age in the message. */
const THEIR_ADULT_AGE =
  /^(?!.*\b([1-9]|1[0-7])\b)(?=.*\b(he|she|they) (is|s|are) (1[89]|[2-9]\d)\b(?! (months|weeks|days)))/;
/**
 * "the number of children on the MET list" is a count; "her phone" and "a contact saved as Aunty" are the
 * child's; "talks every night on video call" is how they talk, and a "contact centre" is where the asker works.
 */
const NOT_A_NUMBER =
  /\b(contact|call) (centre|center)\b|\b(video|facetime|whatsapp|snapchat|snap|instagram|insta|tiktok|discord|skype|zoom) calls?\b|\bnumbers? of\b|\bcontacts? (saved|stored|listed|named) as\b|\b(her|his|their|my|your|a|new|2|two|second|spare|burner|mobile|own) (mobile )?phones?\b|\bphones\b/g;
/**
 * An adult described, then their age, with no child anywhere in the message: "a man staying at our hostel
 * is 19". "A man who is 30 keeps picking up girls from school" is about the girls.
 */
const ADULT_DESCRIBED =
  /\b(man|woman|lady|person|individual|resident|tenant|guest|client|service user|cleaners?|colleagues?|staff member|employee|workers?|volunteers?)\b (\S+ ){0,5}?(is|who is|who s|aged) (1[89]|[2-9]\d)\b(?! (months|weeks|days))/;
const ANY_CHILD =
  /\b(child|children|childrens|kids?|girls?|boys?|pupils?|students?|teens?|teenagers?|young (person|people)|yp|lads?|daughter|son|sons|niece|nephew)\b/;
/** Care leavers have their own answer: where a concern goes depends on their age and their personal adviser. */
const CARE_LEAVER = /\b(care leavers?|care experienced|(just |recently )?left care|leaving care)\b/;
const CHILD = /\b(child|children|childrens|young person|kid|pupil|student|teen|girl|boy|mash)\b/;
/**
 * About what happens around a call rather than whom to call ("what do I need
 * before I ring the MASH", "will they contact the family"): the knowledge base
 * answers those.
 */
const NOT_A_REQUEST =
  /\b((before|after|when) (i|we) (ring|call|contact|phone|refer)|follow (it|this) up|in writing|need from me|will they (contact|call|ring|phone)|they (contacted|called|rang)|on the phone|stands? for|short for|abbreviation|acronym|(dont|don t|do not) know what (it|that|the mash|mash) (is|does)|what (is|s) (the )?mash( exactly)?$|what (does|do|will) (it|the mash|mash|they) (actually |really )?do\b|what happens when (the )?mash (gets|receives|takes)\b|^what (is|s) (the )?(mash|multi agency safeguarding hub)\b(?! (number|phone|contact|email|line|open|hours|opening))|(what|mash is what|it is what) (kind|sort|type) of (office|team|service|place|thing)( is)?)\b/;

/** "…, what is it": after a service's number, it is the number. */
const WHAT_IS_IT = /\b(what is|whats|what s) (it|that)$/;

export interface ContactsIntent {
  /** Services asked for by name besides the MASH and the duty team, e.g. ["childline"]. */
  extra: string[];
  /**
   * Set when the message asks only for services named in it, all answered by this one knowledge topic
   * ("childline number?"): the topic gives the number and says what the service is for.
   */
  answeredBy?: string;
  /** The message names a service (by name or keyword) or a time, not only "who do I call". */
  namesService: boolean;
  /** The message asks for a number, a line or an email, not only whom to tell. */
  asksForNumber: boolean;
}

const RULES = [
  WHO_TO_CALL,
  WHOM_TO_TELL,
  WHO_AT_SERVICE,
  NUMBER_WORDS,
  SERVICE_WORDS,
  OPENING,
  OUT_OF_HOURS_REQUEST,
  BARE_SERVICE,
  BARE_NUMBER,
  CHILD,
];

/**
 * Real words a rule's word is one slip away from, found by mending every word of the practitioners'
 * questions in the training corpus, and kept as typed (never offered as a mend): "small thing" is not
 * "shall thing", "policy" not "police", "were" not "where", "an easier number" not Easter, "contract"
 * not "contact".
 */
const REAL_WORDS: ReadonlySet<string> = new Set(
  (
    'small cold were mean means meat thinks though policy policies pics carer carers referred supported ' +
    'supplied chose chase worked easier eastern wound world kinds answered correctly catering shout haven ' +
    'event liner currency contract contexts cause closes ten exploitative doesn wouldn shouldn'
  ).split(' '),
);

/**
 * The words the rules are made of, and a few the rules can do without but
 * typos should not bend ("children" is not a misspelt "childrens"). A typed
 * word that is none of them is mended towards the nearest, so "nmuber",
 * "weeknd" and "contcat" read as meant.
 */
const LEXICON = new Set([
  ...RULES.flatMap((re) => re.source.match(/[a-z]{3,}/g) ?? []),
  ...'calling phoning reach hold someone anyone today tomorrow children child time what whats please'.split(
    ' ',
  ),
]);
const speller = new Speller(new Map([...LEXICON].map((w) => [w, 1])));

/** "no." after a service or before "for" is a number: "ooh no. for portsmouth", "the mash no". */
const NUMBER_ABBREVIATION =
  /\b(the|mash|ooh|duty|team|phone|contact|emergency|whats|what's|wats|wots|tel|their|your|ur|a|any) no\b\.?|\bno\.(?= ?(for|of)\b)/g;

/** Each word's mend, kept: a pure function of the word, and a message's words are mostly ones seen before. */
const mended = new WordCache<string>();

function mend(word: string): string {
  let meant = mended.get(word);
  if (meant === undefined) {
    meant = mendNow(word);
    mended.set(word, meant);
  }
  return meant;
}

function mendNow(word: string): string {
  if (word.length < 3 || /\d/.test(word) || REAL_WORDS.has(word)) return word;
  const meant = speller.correct(word);
  // "phoned" is not a typo of "phone": an inflection of a word the rules know stays as typed. A typo the
  // stemmer happens to forgive ("emergancy", "emergency") is still mended, or the rules would not see it.
  if (meant === null) return word;
  const inflected = (word.startsWith(meant) || meant.startsWith(word)) && stem(meant) === stem(word);
  return inflected ? word : meant;
}

/**
 * The message as the rules read it: lower case, text-speak spelt out
 * ("cal" → "call", "wkend" → "weekend", "tonite" → "tonight") and typos of
 * the rules' own words mended. Words of three letters or fewer are only
 * mended by a doubled letter, so short words do not flip.
 */
export function readForContacts(text: string): string {
  const lower = text
    .toLowerCase()
    .replace(NUMBER_ABBREVIATION, (_m, before: string | undefined) =>
      before ? `${before} number` : 'number',
    );
  const words = expandTextSpeak(normaliseText(lower).replace(/'/g, ' ').split(' ').filter(Boolean));
  return words.map(mend).join(' ');
}

interface ServicePatterns {
  services: Array<{ id: string; patterns: RegExp[] }>;
  /** Every service's patterns as one: most messages name no service, and one scan tells so where a scan for each keyword did. */
  any: RegExp;
}

/** Each service's keywords as patterns, built once per contacts file rather than on every message. */
const keywordPatterns = new WeakMap<AreaContacts, ServicePatterns>();

function servicePatterns(contacts: AreaContacts): ServicePatterns {
  return memoised(keywordPatterns, contacts, () => {
    const services = contacts.services.map((s) => ({
      id: s.id,
      patterns: s.keywords.map((k) => new RegExp(`\\b${normaliseText(k).replace(/'/g, ' ')}\\b`)),
    }));
    return { services, any: anyOf(services.flatMap((s) => s.patterns)) };
  });
}

/** The services the message names by a keyword, in the contacts file's order. */
function servicesNamed(t: string, contacts: AreaContacts): string[] {
  const { services, any } = servicePatterns(contacts);
  if (!any.test(t)) return [];
  return services.filter((s) => s.patterns.some((p) => p.test(t))).map((s) => s.id);
}

/** The message is about someone 18 or over, and about no child: "old woman in our community…", "19yo man". */
export function aboutAnAdult(text: string): boolean {
  return aboutAnAdultRead(readForContacts(text));
}

function aboutAnAdultRead(read: string): boolean {
  // "can I call them as a worried adult?": the adult is the one asking.
  const t = read.replace(AS_AN_ADULT, ' ');
  const noChildAge = !CHILD_AGE.test(t) && !SCHOOL_YEAR.test(t);
  return (
    // "a 17yo we think is under 18 but placed in an adult hotel" is about a child.
    (ADULT.test(t) && !CHILD.test(t) && noChildAge && !UNDER_AN_AGE.test(t)) ||
    (ADULT_SERVICE.test(t) && noChildAge) ||
    (ADULT_AGE.test(t) && !CHILD_AGE.test(t)) ||
    (ADULT_PERSON.test(t) && noChildAge) ||
    (ADULT_DESCRIBED.test(t) && noChildAge && !ANY_CHILD.test(t)) ||
    (ADULT_BY_AGE.test(t) && noChildAge && !CHILD.test(t)) ||
    (THEIR_ADULT_AGE.test(t) && noChildAge && !ANY_CHILD.test(t))
  );
}

/** Children named by an age they are under: "our under 16s", "the under-18s". */
const UNDER_AN_AGE = /\bunder ?(1[0-8])s?\b/;

/**
 * Whom to tell about an adult: "old woman in our community, family take her money, who I tell?". The
 * contacts are not the answer (they are children's services); adult safeguarding is.
 */
export function asksWhomAboutAnAdult(text: string): boolean {
  const t = readForContacts(text);
  if (UNDER_AN_AGE.test(t) || CARE_LEAVER.test(t)) return false;
  return aboutAnAdultRead(t) && (WHO_TO_CALL.test(t) || WHOM_TO_TELL.test(t) || WHO_AT_SERVICE.test(t));
}

export function contactsIntent(text: string, contacts: AreaContacts): ContactsIntent | null {
  const t = readForContacts(text);
  const extra = servicesNamed(t, contacts);
  // A question about an adult belongs to the adult-safeguarding answer, unless it is also about a child.
  if (aboutAnAdultRead(t)) return null;
  if (CARE_LEAVER.test(t)) return null;
  if (NOT_A_REQUEST.test(t) && !ASKS_WHOM_TO_RING.test(t)) return null;
  // How a referral is made ("referal to mash - online or phone?") is the referral steps' question.
  if (asksReferralPreparation(text) && !ASKS_WHOM_TO_RING.test(t)) return null;
  // "the number of children on the MET list" is a count, not a phone number. A child's phone is not a
  // phone number ("the school asked me to look at her phone"), nor a contact saved on it.
  const withoutTheChilds = t.replace(NOT_A_NUMBER, ' ');
  const asksForNumber = NUMBER_WORDS.test(withoutTheChilds);
  const service = SERVICE_WORDS.test(t);
  // "MASH = ?" and "What mean OOH? I see it in email from agency" ask what the letters stand for; "phone for
  // childrens social care when office is closed, what is it" asks for a service's number.
  const normalised = normaliseText(text);
  const asksForTheNumber = asksForNumber && service && WHAT_IS_IT.test(normalised);
  if ((EQUALS_WHAT.test(text) || asksMeaning(normalised)) && !ASKS_WHOM_TO_RING.test(t) && !asksForTheNumber)
    return null;
  // The practitioner's own feelings ("I feel awful, who can I talk to") are the wellbeing topic's; a worry
  // about a child ("I feel worried about a girl, whats the mash number") still asks for the numbers.
  if (asksAboutOwnWellbeing(text)) return null;
  const opening = OPENING.test(t);
  const bareService = BARE_SERVICE.test(t);
  const namesService = extra.length > 0 || service || opening || bareService || A_TIME.test(t);
  if (
    WHO_TO_CALL.test(t) ||
    WHOM_TO_TELL.test(t) ||
    WHO_AT_SERVICE.test(t) ||
    bareService ||
    BARE_NUMBER.test(t) ||
    opening ||
    OUT_OF_HOURS_REQUEST.test(withoutTheChilds.replace(CALLS_THE_POLICE, ' ')) ||
    (asksForNumber && service)
  ) {
    return { extra, namesService, asksForNumber };
  }
  if (asksForNumber && extra.length > 0) {
    const topics = new Set(extra.map((id) => contacts.services.find((s) => s.id === id)?.answeredBy));
    const [only] = topics;
    return {
      extra,
      namesService,
      asksForNumber,
      ...(topics.size === 1 && only !== undefined ? { answeredBy: only } : {}),
    };
  }
  return null;
}
