/**
 * The readable half of the 999 safety net: rules a safeguarding lead can read
 * and a table test pins down. The classifier (urgencyModel.ts) decides
 * everything these do not.
 *
 * Explicit alarms fire always, whatever the model says: someone saying "999",
 * "call the police now" or "she is in danger right now" is never second-
 * guessed. Each is narrow on purpose, and steps aside only for the ways
 * people talk ABOUT an alarm without raising one: comparing 999 with 101,
 * asking when to call it, or saying nobody is in danger. Those messages go to
 * the classifier, which still fires if the rest of the message is urgent.
 *
 * Overrides fire on harm so grave and so present that no score should be
 * needed ("he has a knife to her", "she is not breathing").
 */

import { anyOf } from './anyOf';
import { spaceRuns } from './spaceRuns';

export type RuleKind = 'explicit' | 'override';

export interface RuleHit {
  kind: RuleKind;
  name: string;
}

/**
 * Chat shorthand and the typos the rules are written against, spelt out. One pass for them all: the net
 * reads every message, and most have none of these words. Each is a whole word, and none is what another
 * is spelt out as, so one pass gives what a pass for each did.
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ...['rn', 'rite now'].map((w) => [w, 'right now'] as const),
  ['atm', 'at the moment'],
  ...['pls', 'plz', 'plse'].map((w) => [w, 'please'] as const),
  ...['sum1', 'some1'].map((w) => [w, 'someone'] as const),
  ...['ringin', 'callin', 'phonin', 'diallin'].map((w) => [w, `${w}g`] as const),
  ...['emergancy', 'emergeny', 'emergencey', 'emergecy'].map((w) => [w, 'emergency'] as const),
  ...['dnager', 'danjer', 'dangar', 'dager'].map((w) => [w, 'danger'] as const),
]);
const SHORTHAND_WORD = new RegExp(`\\b(${[...SHORTHAND.keys()].join('|')})\\b`, 'g');

/**
 * Lower case, apostrophes dropped ("she's" → "shes"), chat shorthand
 * expanded; a clause break (. , ; : ! ? dash, brackets) becomes " . " so a
 * negation in one clause does not silence the next ("I dont know what to do,
 * shes in danger"); other punctuation becomes a space.
 */
export function normaliseForRules(text: string): string {
  const clauses = text
    .slice(0, 2000)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`']/g, '')
    .replace(/(\s*[.,;:!?()\u2013\u2014]+\s*|\s+-+\s+)+/g, ' . ');
  const spelt = otherAsSpace(clauses)
    .replace(/(\. )+/g, '. ')
    .replace(/ \.\s*$/, ' ')
    .replace(SHORTHAND_WORD, (w) => SHORTHAND.get(w)!);
  return ` ${spacesAsOne(spelt).trim()} `;
}

/** Anything but a letter, digit or clause break, as a space; then every run of space as one. */
const otherAsSpace = spaceRuns('^\\p{L}\\p{N}.', 'u');
const spacesAsOne = spaceRuns('\\s');

const NOW = '(now|right now|immediately|asap|urgently|straight away|as we speak)';
const CALL = '(call|ring|phone|dial|get|send|need|needs|calling|ringing|phoning|dialling|dialing)';

/** "999 or 101", "when do I ring 999", "not a 999": talk about the number, not an alarm. */
const TALK_ABOUT_999 = new RegExp(
  [
    '\\b999( \\.)? (or|vs|versus|v|rather than|than|and when|and 101)\\b',
    '\\b(or|vs|versus|than|instead of|between|and) (calling |ringing |phoning |dialling |using )?999\\b',
    '\\b101\\b',
    '\\bnot (a |an )?999\\b',
    '\\bno need (for|to \\w+) 999\\b',
    '\\b(if|whether|would|when|always|ever|usually|never|every time|threshold|rule of thumb|guidance|policy|overkill|over the top|appropriate|require|requires|historic\\w*|clarify|difference|decide|last (week|month|term|year)|yesterday|yday|(weeks|months|years) ago|should (a|an|the|schools?|teachers?|staff|nurses?|carers?|parents?))\\b',
  ].join('|'),
);

/** "nobody is in danger", "not an emergency", "he is not at risk right now". */
const NEGATED =
  /\b(no|not|nobody|nobodys|no one|no ones|noone|noones|isnt|arent|wasnt|werent|dont|doesnt|nothing|never|without)\b/;
/** "what counts as immediate danger", "if a child is in danger". */
const HYPOTHETICAL =
  /\b(if|whether|what counts|what does|what is|mean|means|meaning|definition|define|how do (i|you|we) (know|tell|decide)|about (immediate |serious )?(danger|risk))\b/;

/** Up to five words of the same clause before position i. */
function clauseBefore(t: string, index: number): string {
  const before = t.slice(0, index);
  const clause = before.slice(before.lastIndexOf(' . ') + 1);
  return clause.split(' ').slice(-6).join(' ');
}

interface Rule {
  name: string;
  kind: RuleKind;
  pattern: RegExp;
  /** The rule steps aside when this matches the whole message. */
  unless?: { test(t: string): boolean };
  /** The rule steps aside when a negation comes shortly before the match ("nobody is in danger"). */
  notAfterNegation?: boolean;
}

export const EXPLICIT_RULES: Rule[] = [
  {
    name: '999',
    kind: 'explicit',
    // "999" alone, "999 now", "call 999" said as an instruction, "I'm calling 999", "need 999".
    pattern: new RegExp(
      [
        '^ (999 )+(\\. )?((help|please|now|urgent|urgently|quick|asap) )*$',
        `\\b999 ${NOW}\\b`,
        '(^|\\. |please |someone |somebody |pls )(call|ring|phone|dial|get) (the )?999\\b',
        '\\b(im|i am|ive|i have|we are|were|weve|we have|have|has|just|already|now) (calling|ringing|phoning|dialling|dialing|called|rung|rang|phoned|dialled) 999\\b',
        '\\b(need|needs) (to )?(call |ring |phone |dial )?999\\b',
        // The whole message is "should I call 999?": someone in the middle of something.
        '^ (should|shall|do|can) (i|we) (call|ring|phone|dial) 999( now)? $',
      ].join('|'),
    ),
    unless: TALK_ABOUT_999,
  },
  {
    name: 'in danger',
    kind: 'explicit',
    pattern:
      /\b(in|into) (immediate |serious |real |grave |great |grave )?danger\b|\bimmediate (danger|risk)\b|\bdanger now\b|\bat (immediate |serious )?risk (right )?now\b/,
    unless: HYPOTHETICAL,
    notAfterNegation: true,
  },
  {
    name: 'in danger now',
    kind: 'explicit',
    // Said of now, it fires even as a question: "what do I do if a child is in danger right now" gets 999 first.
    pattern:
      /\b((in|into) (immediate |serious |real |grave |great )?danger|at (immediate |serious )?risk( of (serious )?harm)?) (right now|now|right this minute|this minute|as we speak)\b/,
    notAfterNegation: true,
  },
  {
    name: 'being harmed now',
    kind: 'explicit',
    // Harm said to be happening now fires even inside a question: "is it 999 or 101 for a child being assaulted now".
    pattern:
      /\bbeing (assaulted|attacked|raped|hurt|beaten|abused|stabbed|kicked|hit|punched|strangled|choked|taken|dragged|trafficked|groomed) (right now|now|as we speak|right this minute)\b/,
    notAfterNegation: true,
  },
  {
    name: 'police now',
    kind: 'explicit',
    pattern: new RegExp(
      `\\b${CALL}( the| an| some)? (police|ambulance|cops)( and (the |an )?(police|ambulance))?( here| out| to \\w+( \\w+)?)? ${NOW}\\b` +
        `|^ (police|ambulance) ${NOW}\\b|\\b(police|ambulance) (needed|required)\\b|\\bsomeone (please )?call (the )?(police|999|ambulance)\\b`,
    ),
    unless: /\b(if|would|whether|when (do|should|is|to))\b/,
    notAfterNegation: true,
  },
  {
    name: 'emergency',
    kind: 'explicit',
    pattern:
      /^ emergency( \.| at| in| here| now| please| help| $)|\b(this is|its|it is|we have|theres|there is|got) an emergency\b|\bemergency (at|in|here|now|please)\b/,
    notAfterNegation: true,
  },
  {
    name: 'help now',
    kind: 'explicit',
    pattern: new RegExp(
      `\\b(urgent|urgently|need|needs) help ${NOW}\\b|\\burgent help\\b|\\bhelp ${NOW}\\b|^ help( please)? (a|the|my|our) (kid|child|girl|boy|baby|young person|pupil|student|yp)\\b`,
    ),
    notAfterNegation: true,
  },
];

/**
 * Talk about harm rather than harm happening: a question about what to do
 * "if", the past, a topic, or a child already safe. Overrides step aside for
 * these; the classifier still reads the message.
 */
const QUIET_TALK = new RegExp(
  [
    '\\b(if|would|whether|what if|suppose|supposing|hypothetical\\w*|theoretically|scenario|say a)\\b',
    '\\b(yesterday|yday|last (week|month|term|year|summer)|(days|weeks|months|years) ago|used to|historic\\w*|previously|in the past|had been|was carrying|back in|a while (back|ago)|in (19|20)\\d\\d|calmed down|survived|when (he|she|they) (was|were) (younger|little|small|a child|\\d+))\\b',
    '\\b(training|course|awareness|prevention|policy|procedure|lesson|leaflet|case study|learning review|essay|definition|what is|what are|what does|mean|means|signs of|statistics|data|figures|admin|emoji|knife arch)\\b',
    '\\b(not in( any)? danger|no danger|(no ?one|nobody) (is )?in (any )?(immediate )?danger|nothing (is )?happening|nothins happenin|video of|picture of|photo of|pic of)\\b',
  ].join('|'),
);

/** A child already safe: "she is safe now", "been found", "in custody", "gone home". */
const ALREADY_SAFE =
  /\b((is|are|now|shes|hes|theyre) safe|safe (now|and well)|been found|found (her|him|them|safe)|home now|back now|in custody|has left|already (left|gone)|gone home)\b/;

/**
 * Quiet unless harm is still going on beside the safety: "the girl is safe now but her brother has a knife
 * and is threatening the staff" is an alarm, "she is safe now, he was arrested" is not.
 */
const QUIET = { test: (t: string): boolean => QUIET_TALK.test(t) || SAFE_SINCE.test(t) };

/** The child is safe now, and nothing besides is still going on. */
const SAFE_SINCE = {
  test: (t: string): boolean => {
    // "shes home and in bed now. safe": read across the sentence break, as the calm patterns are.
    const read = withoutSentenceBreaks(t);
    const safe = ALREADY_SAFE.exec(read);
    return safe !== null && !stillGoingOn(read, safe);
  },
};

const CHILD_WORD =
  '(child|children|kid|kids|baby|toddler|girl|boy|lad|pupil|student|teen|teenager|yp|young person|\\d+ ?(yo|y o|yr old|year old|years old))';

/** Harm so grave and so present that no score is needed. Each steps aside for QUIET talk. */
const OVERRIDES: Rule[] = [
  {
    name: 'weapon',
    kind: 'override',
    pattern:
      /\b(has|got|holding|carrying|waving|pulled|pulling|brandishing|with) (out )?(a |an |his |her |their )(\w+ )?(knife|machete|gun|blade|weapon|broken bottle|crowbar)\b|\b(knife|gun|blade|bottle|glass) (to|at|against) (her|his|their|my|the \w+s) (own )?(throat|neck|head|chest|wrist)|\b(stabbed|knifed|been shot|shot at)\b|^ (knife|gun|machete|blade)\b/,
    unless: QUIET,
  },
  {
    name: 'medical',
    kind: 'override',
    pattern:
      /\b(not breathing|barely breathing|stopped breathing|(is|hes|shes|theyre|been|gone|knocked|lying|left|now|found) unconscious|unresponsive|not responding|collapsed|overdosed|overdosing|having a fit|fitting|seizure|choking|drowning(?! (in|prevention))|turning blue|gone blue|cant wake (her|him|them)|wont wake up|doing cpr|bleeding (heavily|loads|badly|a lot)|lot of blood|(fell|fallen|gone) (in|into) the (sea|river|water|harbour|canal|lake)|taken (a load of|loads of|too many|a packet of|the whole packet|all (her|his|their)) (pills|tablets|paracetamol)?)\b/,
    unless: QUIET,
  },
  {
    name: 'self-harm',
    kind: 'override',
    pattern:
      /\b(going to|gonna|about to|will) (kill|hang) (herself|himself|themselves|myself)\b|\b(about to|going to|gonna|threatening to) jump\b|\bon (the|a) (bridge|ledge|roof|railway)\b.{0,40}\b(jump|step off)\b/,
    unless: QUIET,
  },
  {
    name: 'fire',
    kind: 'override',
    pattern: /\b(on fire|house fire|flat fire|fire in the|smoke everywhere|smoke pouring|flames)\b/,
    unless: QUIET,
  },
  {
    name: 'being taken',
    kind: 'override',
    pattern: new RegExp(
      `\\b(dragged|pulled|bundled|forced|pushed|grabbed|snatched|thrown) (\\w+ )?(\\w+ )?(into|in) (a|an|the|his|their|her) (\\w+ )?(car|van|taxi|vehicle|motor|boot)\\b` +
        `|\\b(grabbed|snatched|abducted|kidnapped|kidnapping|abducting) (a|the|our|my|one of our|this) ${CHILD_WORD}|\\bdrove off with (her|him|them|a|the)\\b`,
    ),
    unless: QUIET,
  },
  {
    name: 'being harmed',
    kind: 'override',
    pattern:
      /\b(being|getting) (beaten|beaten up|raped|stabbed|strangled|choked|battered|punched|kicked)\b|\b(can|could) hear (a |the |her |him |them |someone )?(\w+ )?(screaming|being hit|crying for help)\b/,
    unless: QUIET,
  },
  {
    name: 'missing now',
    kind: 'override',
    pattern:
      /\b(is|are|went|gone|has gone|been|still) missing (right now|now|as we speak)\b|\bmissing right now\b/,
    unless: QUIET,
  },
  {
    // "is it an emergency if a child went missing an hour ago and was last seen getting into a car": gone
    // within the hour or two, the child is missing now, however the question is put, unless found since.
    name: 'missing for hours',
    kind: 'override',
    pattern:
      /\b(went|gone|has gone|have gone|been|go|goes) missing (about |around |over |nearly |almost |less than |under |just |only )?(an hour|half an hour|a couple of hours|a few (hours|minutes)|\d{1,2} (hours?|hrs?|mins?|minutes)) ago\b/,
    unless: SAFE_SINCE,
  },
  {
    // "she's with the men who exploit her right now": with the abusers, now, needs no score.
    name: 'with abusers now',
    kind: 'override',
    pattern: new RegExp(
      `\\b(she|he|shes|hes|they|theyre|${CHILD_WORD})\\b.{0,30}\\bwith (the |an |some |those |two |three |older |adult )*` +
        `(men|man|adults|abusers?|exploiters?|groomers?|perpetrators?|traffickers?)\\b.{0,40}\\b(right now|now|as we speak|at the moment|currently)\\b`,
    ),
    unless: QUIET,
  },
  {
    // A young child alone by a road or water. A "little girl" is not always that young, so she needs both:
    // alone, and somewhere or some hour no small child should be ("on her own walking up the m275 slip road
    // at 2am"); "the little girl next door is always on her own" is not an alarm.
    name: 'alone at risk',
    kind: 'override',
    pattern:
      /\b(toddler|baby|infant|\d ?(yo|yr old|year old))\b.{0,60}\b(road|slip road|motorway|dual carriageway|window|water|harbour|alone|on (his|her) own|nobody else)\b|\bhanging out (of )?the window\b|\b(little|small) (girl|boy|kid|child|lad|one)\b(?=.{0,80}\b(alone|on (his|her) own|by (herself|himself))\b)(?=.{0,80}\b(slip road|motorway|dual carriageway|main road|busy road|railway|train tracks?|harbour|in the dark|at [1-5] ?am)\b)/,
    unless: QUIET,
  },
];

/**
 * The whole message is an answer to one of the bot's own questions: yes, no,
 * not sure, an age, "she is 15", "yes he has", "they are both 19". The
 * screening asks these many times a day, and a handful of words like "he is
 * 24" says nothing the classifier can judge, so the classifier is not asked
 * (the alarms and overrides still are).
 */
const ANSWER_TO_THE_BOT = new RegExp(
  '^ ((yes|yeah|yep|yup|yea|no|nope|nah|not sure|unsure|dont know|i dont know|dk|i think so|maybe|probably|correct) )?' +
    '((he|she|they|it|both|both of them|hes|shes|theyre|its)( is| are| has| have| was| were| isnt| arent| hasnt| havent| wasnt| werent| does| did| doesnt| didnt)?( not)?( both)? )?' +
    '((about|around|roughly|approx|maybe|over|under|nearly|almost) )?' +
    '((\\d{1,3}|older|younger|an adult|adults|twice|once|\\w+teen|(twenty|thirty|forty|fifty)( (one|two|three|four|five|six|seven|eight|nine))?)' +
    '(( and| or)? (\\d{1,3}|\\w+teen|twenty\\w*|thirty\\w*))* )?' +
    '((years old|yrs old|yr old|years|yrs|yo|i think|i believe) )?$',
);

/**
 * The whole message is chat: a greeting, thanks or a goodbye ("good afternoon, just saying hi"). It says
 * nothing about a child, and the classifier, which has learnt that "just" and "saying" often open a
 * disclosure, is not asked about it.
 */
const CHAT_ONLY = new RegExp(
  '^ ((hi|hiya|hey|heya|hello|hi there|hello there|morning|good morning|afternoon|good afternoon|evening|' +
    'good evening|just saying (hi|hello|hey)|saying (hi|hello|hey)|hope (you are|youre|all is) well|' +
    'how are (you|u)|thanks|thank you|thank u|many thanks|cheers|ta|bye|bye for now|goodbye|see you|ok|okay|' +
    'night night|good night|goodnight|end of (my )?shift|thats my shift done|' +
    'all|everyone|team|again|so|very|much|x|xx|xxx|lol) )+$',
);

/**
 * The whole message asks who is on call, or for a number, and nothing more: "whos on call tonite", "who
 * do i ring at the weekend", "duty team number please". The classifier learnt "on call" and "tonight"
 * from urgent messages that also said what was happening; asked alone, this is the contacts request the
 * contacts answer serves, and that answer ends with the 999 line. Anything more in the message, a child
 * or what is happening, and the classifier reads it as before.
 */
const ON_CALL_SERVICE =
  '(mash|duty team|safeguarding|social care|childrens social care|children s social care|childrens services|social services|out of hours|ooh|edt|portsmouth|the council)';
const ON_CALL_WHEN =
  '(tonight|tonite|2nite|today|tomorrow|this evening|this weekend|at the weekend|over the weekend|at night|' +
  'overnight|out of hours|on (a |the )?(saturday|sunday|bank holiday))';
const ASKS_WHO_IS_ON_CALL = new RegExp(
  '^ ((ok|so|hi|hello|sorry|quick one|quick q) (\\. )?)?' +
    '(who(s| is| are)? (on call|on duty|covering|the duty social worker|open|available|answering)' +
    '|who (do|should|can) (i|we|you) (call|ring|phone|contact)' +
    '|(what|whats|what is|which) (is )?(the )?(number|phone number|contact)( to (call|ring))?' +
    '|(the )?(ooh|out of hours|duty team|duty|mash|edt) (number|phone number|line|contact)( number)?)' +
    // The service and the time in either order: "who is on call tonight for childrens social care".
    `(( (for|at|in|on|with) (the )?${ON_CALL_SERVICE})|( ${ON_CALL_WHEN}))*` +
    // "who is open to take a safeguarding call? its 11.30pm" ("now" is left to the classifier)
    '( to (take|answer) (a |my )?(safeguarding )?(call|referral|concern))?' +
    '( (its|it s) \\d{1,2}( \\d{2}| ?[.:]\\d{2})? ?(am|pm)?)?( please)? $',
);

/**
 * The whole message asks for words in another language: "translate 'lights out in ten minutes' into
 * mandarin". The classifier scores the words to translate as if they were said of now; the rules still read
 * them, so a translation of an alarm is still an alarm.
 */
const ASKS_FOR_A_TRANSLATION =
  /^ ((can|could) (you|u) |please |pls )*(translate|how (do|would) (you|i|we) say) .{1,120} (in|into) (english|mandarin|cantonese|chinese|arabic|polish|romanian|ukrainian|russian|spanish|french|german|italian|portuguese|turkish|kurdish|farsi|persian|urdu|punjabi|bengali|hindi|tigrinya|amharic|somali|pashto|dari|vietnamese|albanian|japanese|korean|thai)( please| pls)? $/;

/**
 * The message names no one and nothing that harms: "printer in the house office wont connect", "traffic on the
 * m27 right now", "the bus 700 is going to chichester from southsea?". The classifier learnt "tonight", "now"
 * and place names from urgent messages and scored such lines above its threshold. Every urgent line of the
 * urgency corpus and of every fixture names someone other than the writer (a pronoun, a child, an age, a
 * school year, "you", "who") or a harm or an alarm; a message that names neither ("write me a message to my
 * boss saying im sick") is left to the rules, which read it as before. "who is on call now" asks who, and
 * "i need you here now" speaks to someone: the classifier still reads both.
 */
const SOMEONE_NAMED = new RegExp(
  '\\b(she|he|her|him|hers|his|they|them|their|theyre|shes|hes|you|your|u|who|someone|somebody|' +
    'anyone|anybody|no ?one|nobody|man|men|woman|women|guy|guys|bloke|blokes|lad|lads|girl|girls|boy|boys|kid|kids|' +
    'child|children|baby|toddler|teen|teens|teenager|yp|young|pupil|pupils|student|students|son|daughter|mum|dad|' +
    'parent|parents|family|people|person|adult|adults|victim|group|gang|friend|friends|patient|resident|customer|' +
    'guest|passenger|client|carer|staff|male|males|female|females|f|m|\\d+ ?(yo|y o|yr|yrs|year|years)|(y|yr|year) ?\\d+s?)\\b',
);
const HARM_OR_ALARM = new RegExp(
  '\\b(help|hurry|quick|quickly|urgent|urgently|emergency|danger|dangerous|hurt|hurting|injured|bleeding|blood|' +
    'attack\\w*|fight\\w*|weapon|knife|gun|police|ambulance|999|missing|taken|kidnap\\w*|abduct\\w*|rape\\w*|' +
    'assault\\w*|scream\\w*|trapped|stuck|lost|alone|drunk|drugs?|overdos\\w*|unconscious|threat\\w*|fire|smoke|' +
    'jump\\w*|dying|dead|die|kill\\w*|stab\\w*|shot|gone|run away|ran away|sos|asap|come|abuse\\w*|forced|forcing|' +
    'cutting|crying|livestream\\w*|webcam|locked|kept|choking|collapsed|breathing|blue|purple|shock|epipen|' +
    'anaphyla\\w*|seizure|fitting|happening|going on)\\b',
);

export function namesNoOneAndNoHarm(t: string): boolean {
  return !SOMEONE_NAMED.test(t) && !HARM_OR_ALARM.test(t);
}

/**
 * The message says the young person is safe now, or that nobody is in danger: "she is safe here with us
 * now. who do i call tonight?", "hes not in danger rn, hes at home", "she is safe in dept now. next
 * steps?". The classifier learnt the words of a disclosure from urgent messages and fired on calm ones;
 * the practitioner has told us what a score can only guess. Not when the safety is doubted or asked
 * about ("not safe", "is she safe", "if shes safe"), and not when anything in the message is still
 * going on (LIVE_THREAT): then the classifier reads it as before. The rules above always read it.
 */
const SAFE_NOW = new RegExp(
  '\\b(she|he|they|shes|hes|theyre|(the |our |my )?(child|girl|boy|lad|young person|yp|kid|pupil|student|patient|pt|teen))' +
    '( is| are| s)?( now| currently| definitely| totally| all)? safe( now| here| at home| and well| with (me|us|staff|\\w+ (mum|dad|carers?|nurse))| in (the |our )?(dept|department|school|class|office|clinic|ward|hospital|placement|unit|house|home|room|building|centre|center|ae|reception|foster care|care|surgery|nurses room|medical room))*\\b' +
    '|\\b(no ?one|nobody|noone)( is)? in (any )?(immediate )?danger( right now| this minute| at the moment| now)?\\b' +
    '|\\b(not|isnt|arent) in (any )?(immediate )?danger( right now| this minute| at the moment| now)?\\b' +
    '|\\bno (immediate )?danger( right now| this minute| at the moment| now)?\\b',
);
/**
 * Where the young person is, then "safe", in the words night staff use: "shes in bed safe now", "shes at
 * her nans now, safe", "she s stable and safe, parents here", "hes with a e staff now, safe". "Safe" must
 * be said: a place or a state alone is not ("girl with me in the medical room… saving up tablets", "at
 * home vomiting and very sleepy"). Read like SAFE_NOW: not when doubted, nor with anything still going on.
 */
const CALM_PLACE =
  '(calm|settled|stable|asleep|in bed|home|back home|at home|back (here|with us)|with (me|us|staff|a e staff|nurses?|((her|his|their) )?(mum|dad|mother|father|parents?|nan|nans|gran|grandma|grandad|carers?|foster carers?|aunt|auntie|family))|in (the |our |my )?(office|medical room|staff room|staffroom|reception|classroom|sick bay|nurses room)( with (me|us|staff))?|at (her|his|their) (nans?|grans?|mums?|dads?|aunties?|house|home|carers?))';
const SAFE_THERE = new RegExp(
  '\\b(she|he|they|shes|hes|theyre|(the |our |my |her |his )?(child|girl|boy|lad|young person|yp|kid|pupil|student|patient|pt|teen|daughter|son|resident))' +
    `( is| are| s)?( now| currently)?( ${CALM_PLACE}( now| here| tonight)?( and)?){1,2} safe\\b`,
);
/**
 * The practitioner says it is not urgent, in so many words: "not urgent", "no rush", "its not an
 * emergency", "not life or death", "nothing happening now, just want advice". Read like SAFE_NOW: not
 * when asked ("is it not urgent?" reads as doubted) and not with anything still going on.
 */
const NOT_URGENT = new RegExp(
  '(?<!\\b(is|isnt|was|surely|if|whether) (it|this|that|she|he) )\\b(not|nothing) (urgent|an emergency)\\b' +
    '|\\b(it|this|that)( is| s)? (isnt|not|aint) (urgent|an emergency)\\b' +
    '|\\b(not|isnt|nothing) (a )?(life or death|life and death)\\b' +
    '|\\bno (rush|hurry|urgency|emergency)\\b|\\bnothing (is )?(happening|going on)( right)? now\\b' +
    '|\\b(just|only) (want|wanted|looking for|after|need|needed) (some )?advice\\b',
);
/** Taken home by family, said in so many words: "her mum's collected her", "dad has picked him up". */
const COLLECTED =
  /\b(her|his|their|the) (mum|dad|mother|father|parents?|carers?|foster carers?|nan|gran|grandma|grandad|aunt|auntie)( has| have| s|s)? (collected|picked up|fetched|come and got) (her|him|them)\b(?! (passport|phone|things|stuff|money|bag|keys|id|papers|documents)\b)/;
/** Doubt or a question just before "safe": "not safe", "is she safe", "make sure shes safe". */
const SAFETY_DOUBTED =
  /\b(not|isnt|arent|never|dont|doesnt|feel|feels|is|are|if|whether|until|sure|make|keep|keeping|hope|hopefully)$/;
/** Something still going on, besides the calm words: then the classifier reads the message. */
const LIVE_THREAT =
  /\b(right now|as we speak|this minute|outside(?! (\w+ ){0,3}(earlier|yesterday|last (night|week)|this morning|most|every|some (days|nights|evenings)|often|usually|regularly|each)\b)|waiting|still (there|with|in|at|here)|on (his|her|their|the) way|coming (back|to|for|round|over)|threat\w*|following|followed|trying to|banging|at the door|turned up|keeps? (calling|ringing|texting)|in (his|their|a|the) car|with (him|them|the men|those men)|hurt|hurting|bleeding|knife|weapon)\b/;

/** Whether anything besides the calm words (`calm`, found in t) is still going on. */
function stillGoingOn(t: string, calm: RegExpExecArray): boolean {
  return LIVE_THREAT.test(t.slice(0, calm.index) + t.slice(calm.index + calm[0].length));
}

/** The calm and chat patterns read across sentences: "she is safe . at home now". */
function withoutSentenceBreaks(normalised: string): string {
  return normalised.replace(/ \. /g, ' ');
}

/** The message says the young person is safe now, or that it is not urgent, and nothing is still going on. */
export function saysCalmNow(text: string): boolean {
  return saysSafeNow(withoutSentenceBreaks(normaliseForRules(text)));
}

function saysSafeNow(t: string): boolean {
  return [SAFE_NOW, SAFE_THERE, NOT_URGENT, COLLECTED].some((calm) => {
    const m = calm.exec(t);
    if (!m || SAFETY_DOUBTED.test(t.slice(0, m.index).trimEnd())) return false;
    return !stillGoingOn(t, m);
  });
}

/**
 * Messages the classifier is not asked about: an answer to one of the bot's own questions, chat alone, a
 * request for who is on call and nothing more, or a message saying the young person is safe now. Only
 * the rules read them.
 */
export function notForTheModel(text: string): boolean {
  return notForTheModelNormalised(normaliseForRules(text));
}

/** notForTheModel for a message already normalised by normaliseForRules. */
export function notForTheModelNormalised(normalised: string): boolean {
  const t = withoutSentenceBreaks(normalised);
  return (
    t.trim() !== '' &&
    (ANSWER_TO_THE_BOT.test(t) ||
      CHAT_ONLY.test(t) ||
      ASKS_WHO_IS_ON_CALL.test(t) ||
      ASKS_FOR_A_TRANSLATION.test(t) ||
      namesNoOneAndNoHarm(t) ||
      saysSafeNow(t))
  );
}

/** Alarms first, then overrides: the order ruleFor tries them in. */
const RULES: readonly Rule[] = [...EXPLICIT_RULES, ...OVERRIDES];

/**
 * Every rule's pattern as one: a rule fires only where its pattern matches, and on most messages none
 * does, which one scan tells rather than one a rule.
 */
const ANY_RULE = anyOf(RULES.map((rule) => rule.pattern));

/** The first rule that fires on this message, or null: the classifier decides the rest. */
export function ruleFor(text: string): RuleHit | null {
  return ruleForNormalised(normaliseForRules(text));
}

/** ruleFor for a message already normalised by normaliseForRules. */
export function ruleForNormalised(t: string): RuleHit | null {
  if (!ANY_RULE.test(t)) return null;
  for (const rule of RULES) {
    const m = rule.pattern.exec(t);
    if (!m) continue;
    if (rule.unless?.test(t)) continue;
    if (rule.notAfterNegation && NEGATED.test(clauseBefore(t, m.index))) continue;
    return { kind: rule.kind, name: rule.name };
  }
  return null;
}
