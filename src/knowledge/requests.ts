import { anyOf } from '../rules/anyOf';

/**
 * Preparing a referral: what the MASH will want from the practitioner ("what
 * details do MASH need from me", "what will the MASH ask me", "what should I
 * have ready before I ring"). The referral topic answers these, never the
 * MASH's own description or a "did you mean".
 */
export const REFERRAL_TOPIC = 'making-a-referral';
const WHO_RECEIVES =
  '(mash|the mash|social care|childrens services|children s services|front door|duty team|referral)';
const PREPARATION = [
  new RegExp(
    `\\b(what|which|wat|wot)( \\w+){0,2} (details|information|info|deets|questions|things)\\b.*\\b${WHO_RECEIVES}\\b.*\\b(need|needs|want|wants|ask|asks|require|requires|expect)\\b`,
  ),
  new RegExp(`\\b(what|wat|wot) (will|does|do|would|might) ${WHO_RECEIVES} (ask|need|want)\\b`),
  new RegExp(
    `\\bneed from me\\b|\\bhave ready\\b|\\bready (before|when) (i|we) (call|ring|phone|contact|refer)\\b`,
  ),
  new RegExp(`\\b(what|wat|wot) (should|do) (i|we) (tell|say to|give) ${WHO_RECEIVES}\\b`),
  // "whats the process for getting social services involved with a kid": how a referral is made.
  /\b(process|how|steps?) (for|to|of|do (i|we)|would (i|we)) (get|getting) (social services|social care|childrens services|children s services|the mash|mash) involved\b/,
  // "referal to mash - online or phone?", "referral to mash is it online form or phone?": how a referral is
  // made, which the referral steps say.
  /\b(referral|referal|refer|referring)\b.{0,30}\b(online( form)? or (by )?(phone|email)|(phone|email) or online( form)?|by phone or (by )?(email|in writing)|in writing or (by )?phone)\b/,
  // "I can refer by email or must I speak on phone?"
  /\b(referral|referal|refer|referring) (by|via|through|on) (email|e mail|phone|the phone|online|a form|letter)\b.{0,40}\b(or|must|have to|need to)\b/,
];

const ANY_PREPARATION = anyOf(PREPARATION);

export function asksReferralPreparation(text: string): boolean {
  const t = spokenText(text);
  return ANY_PREPARATION.test(t);
}

/**
 * How to talk with a young person or their family about a worry: "how do i talk to a kid im worried about
 * without scaring them off", "how I speak to her in good way?", "best way to raise it with his mum". The
 * OFNR topic (how to talk about a concern) answers these; "who can I talk to" and talking to the MASH or
 * the police do not ask it.
 */
export const TALKING_TOPIC = 'ofnr';
const SOMEONE_TALKED_WITH =
  '(her|him|them|(a |the |this |that |our |my )?(kid|child|girl|boy|lad|young person|teen|teenager|pupil|student|yp|youngster)|(the |his |her |their )(parents?|family|mum|dad|mother|father|carers?|foster carers?))';
const HOW_TO_TALK = new RegExp(
  `\\b(how|best way to|tips (on|for)|advice on)( (do|can|should|would|shall|could|to))?( (i|we))? (talk|talking|speak|speaking|chat|chatting|approach|approaching|bring (it|this) up|raise (it|this|my concerns?|a concern|a worry|the subject))( (to|with))? ${SOMEONE_TALKED_WITH}\\b` +
    // "so how do i get her to open up"
    `|\\bhow (do|can|should|would|could) (i|we) get ${SOMEONE_TALKED_WITH} to (open up|talk|tell (me|us))\\b`,
);

export function asksHowToTalk(text: string): boolean {
  return HOW_TO_TALK.test(spokenText(text));
}

/**
 * The practitioner's own wellbeing, in the first person: "the night shifts and what i see are getting to
 * me", "how am i meant to cope with this, its breaking my heart", "I can't sleep", "secondary trauma
 * signs". The topic on looking after ourselves answers these; the classifier, which reads the case
 * words in them, often places them with the case's topic or nowhere. A child's feelings are not these:
 * "she can't sleep" and "I feel worried about a girl" stay with the classifier.
 */
export const WELLBEING_TOPIC = 'looking-after-yourself';
const OWN_WELLBEING =
  /\b(getting to me|gets to me|(has |s )?(really )?got to me|breaking my heart|broke my heart|(i|im|i m|i am|i ve been|ive been) (still )?(cant|can t|cannot|not|aint|ain t) (stop thinking|switch off|sleep|sleeping|cope|coping)|how (do|am|can|should|will) i (meant to |supposed to )?(cope|switch off|deal with (it|this|the stress|how i feel))|i keep (replaying|thinking about|seeing (it|her face|his face|their faces))|(affected|upset|shaken|haunted|traumatised) me|i (feel|felt|m feeling|am feeling) (really |so |quite |very |a bit |a little |pretty )?(awful|terrible|sick|guilty|overwhelmed|angry|numb|drained|exhausted|shaken|shaken up|broken|rubbish|low|sad|helpless|useless)|normal to feel (guilty|awful|terrible|sick|upset|shaken|angry|numb|like this)|(secondary|vicarious) trauma|burn ?out|burnt out|compassion fatigue|my (own )?(wellbeing|mental health)|(support|supervision|debrief|counselling|help) for (me|us|staff|myself|colleagues|the team|practitioners|volunteers|carers|foster carers)|eating me up|false allegations?|(falsely )?accused of|(protect|protecting|keep|keeping) (myself|ourselves) (safe )?from|(it s|its|it has|it s really|its really) hit (me )?(home|hard)|(i ve|ive|i have) (been )?(crying|cried)|(im|i m|i am) (shaking|in bits|a wreck)( and (cant|can t|cannot) (focus|concentrate))?|\bi (just )?(cant|can t|cannot) (focus|concentrate)|(support|help) (is )?available (to|for) me|prepare myself|(im|i m|i am) (really |so |a bit |quite )?(scared|frightened|afraid) (of (him|her|them|the dad|the mum|the dads?|going back)|for my)|come after me|(worried|scared|afraid|frightened) (for|about) my (own )?(safety|family)|my (own )?(personal )?safety|(make|makes|made) me (feel )?(very |so |really |quite )?(sad|upset|anxious)|(cant|can t|cannot) (shake|shift) (it|it off|the feeling)|(this|my|what a) (week|day|shift|night|month)( has| s)? (honestly |really |just |been )*(been )?(awful|horrible|terrible|rough|hard|tough|grim|brutal|heavy|a nightmare)(?! for (her|him|them|the))|how (can |do |should |could )?(i|we|volunteers|staff|colleagues|carers)( can| should| could)? (take care of|look after) (myself|ourselves|themselves|themself|ourself))\b/;

/**
 * Whom to ring, in so many words. After a feeling ("I feel sick about what she told me, who do I call") it
 * is still about the child: the numbers, not the practitioner's wellbeing.
 */
export const ASKS_WHOM_TO_RING = /\bwho (do|should|can|shall) (i|we|u|you) (call|ring|phone)\b/;

/**
 * "who do I talk to after seeing something upsetting at a property", "had a rough night dealing with a kid
 * whod been assaulted, who do i talk to": someone to talk to about what was seen or done.
 */
const AFTER_SEEING =
  /\b(after|since) (seeing|hearing|finding|witnessing|walking in on) something (so |really |quite |very )?(upsetting|distressing|disturbing|horrible|awful|traumatic|bad)\b|\b(had|having|just had) (a |such a )?(really |very |proper )?(rough|hard|tough|bad|horrible|awful|grim|difficult|heavy|horrendous) (night|day|shift|week|call|time)\b/;
const SOMEONE_TO_TALK_TO = /\b(talk|speak|offload|chat) (to|with)\b|\bsupport\b/;

export function asksAboutOwnWellbeing(text: string): boolean {
  const t = spokenText(text);
  if (ASKS_WHOM_TO_RING.test(t)) return false;
  return OWN_WELLBEING.test(t) || (AFTER_SEEING.test(t) && SOMEONE_TO_TALK_TO.test(t));
}

/** 999 has been called, or the police are there: "ok called 999", "police on way", "police have got her now". */
const POLICE_CALLED =
  /\b(called|rang|rung|phoned|dialled|dialed) (the )?(999|police|cops)\b|\bpolice (are |r )?(here|there|on (the |their )?way|coming|arrived|have arrived|with (her|him|them|us|me|the (child|girl|boy|kid|young person)))\b|\bpolice (have |ve )?(got|found|picked up|taken) (her|him|them)\b/;
/** …and what comes after: "anything else we should do after", "who else do i tell", "what do we need to do after". */
const WHAT_AFTER =
  /\b(what (do|should|shall|must) (i|we) (need to |have to |still )?do|what (i|we) (should |must |need to |have to )?do|anything else|what else (should|shall|must|do) (i|we) do|who else|what next|what now|what after|what then|then what|next steps?|what happens (now|next)|after that|afterwards)\b/;

/**
 * After the 999 call, what else ("police on way. anything else we should do after", "ok called 999,
 * who else do i tell after"): the referral topic, which says who to tell and what to record once the
 * child is safe.
 */
export function asksWhatAfter999(text: string): boolean {
  const t = spokenText(text);
  return (POLICE_CALLED.test(t) || DANGER_PASSED.test(t)) && WHAT_AFTER.test(t);
}

/** The moment has passed: "ok he's driven off, her mum's collected her. what now". */
const DANGER_PASSED =
  /\b(he|hes|they|theyve|the man|the men|the car|the van)( has| have| s| ve)? (driven off|drove off|gone|left|run off|ran off)\b.{0,40}\b(mum|mums|dad|dads|parents?|carers?|nan|nans|gran|staff|we|i)( has| have| s| ve)? (collected|picked up|fetched|got) (her|him|them)\b/;

/**
 * "Can we run the screening now", "wanna screen a yp pls", "cserq4 pls, got
 * a kid in mind": asking to start the CSERQ4 in the words practitioners type,
 * text-speak included. A question about the screening ("who should use the
 * CSERQ4?", "can you explain the cserq4") is not a request to start one.
 */
import { spokenText } from './text';

/** A rule that is one pattern, tested on the message's words spelt out (spokenText, read once a message). */
function readsSpoken(pattern: RegExp): (text: string) => boolean {
  return (text) => pattern.test(spokenText(text));
}

const SCREENING = '(screen|screening|screenin|cserq ?4|cserq|questionnaire)';
/** Words that may stand between the request and the screening: "take me through the CSE screening". */
const BETWEEN =
  '(the|a|an|me|us|through|my|this|that|cse|exploitation|risk|help|go|do|run|complete|start|take|walk|with|on|her|him|them|now|together|screening|tool|thing)';
const REQUEST = new RegExp(
  `\\b(want to|would like to|d like to|id like to|like to|need to|can we|can you|could you|can i|lets|let s|please|ok|okay|begin|start|run|do|complete|take me through|go through|walk me through)( ${BETWEEN}){0,4} ${SCREENING}\\b`,
);
/** "cserq4 please", "screening now": the name and a nudge. */
const NUDGE = new RegExp(
  `^(ok |okay )?(start |begin )?(the )?(cse )?${SCREENING}( tool| questions)?( please| pls| plz| now| right now| asap| go| go go| time)+\\b`,
);
/** "can you check if the girl in my class is at risk of cse, i can answer questions about her". */
const CHECK_THEIR_RISK =
  /\b(can you|could you|please|help me|i want you to|i d like you to|id like you to) (check|assess|work out|find out|see|tell me) (if|whether) (the |this |my |a |our )?(girl|boy|lad|child|kid|young person|yp|pupil|student|teen|teenager|she|he)\b.{0,40}\b(is|s) at risk( of (cse|exploitation|sexual exploitation|being exploited))?\b/;
const SCREEN_SOMEONE =
  /^screen (a|the|this|my) (young person|child|kid|pupil|student|patient|girl|boy|lad|teenager|teen)\b/;
const ABOUT =
  /\b(explain|tell me about|what is|whats|who should|who can|how does|how do|what happens|when should|why|consent|do i need|or (just|only)|is (it )?(possible|ok|okay|allowed|alright|appropriate)|through an? interpreter)\b/;
/**
 * The screening weighed against ringing or referring: "should i do a cserq4 first or ring mash", "go
 * straight to MASH or do a CSERQ4 first?". A question about what to do, not a request to start.
 */
const WEIGHED =
  /\b(or|instead of|rather than|before)\b.{0,40}\b(mash|ring|call|phone|refer|referral|report)\b|\b(mash|ring|call|phone|refer|referral|report)\b.{0,40}\b(or|instead of|rather than)\b/;

/** A screen or a screening of something else: "screen sharing in Teams", "a screenshot", "a film screening". */
const COMPUTER_SCREEN =
  /\b(films?|movies?|cinema|documentar(y|ies)|screen ?shar\w*|share (my |your |the |a )?screen|screen ?shots?|screen time|screensavers?|screen readers?|lock ?screen|full ?screen)\b/;

/** The CSERQ4's topic: what the screening is for, its rule, and the offer to run it. */
export const SCREENING_TOPIC = 'cserq4';

/** "can you help me check his risk", "go through the CSE risk questions": the screening is what is wanted. */
const WANTS_RISK_CHECKED =
  /\b(check|checking|assess|assessing|gauge|weigh up|work out)( (his|her|their|the|a|my))? risk\b|\brisk (questions|assessment|check|tool)\b/;

/** Asking to have a young person's risk checked, in a message already normalised (normaliseText). */
export function wantsRiskChecked(normalised: string): boolean {
  return WANTS_RISK_CHECKED.test(normalised);
}
const NAMES_SCREENING = new RegExp(`\\b${SCREENING}\\b`);

/** "should i do a cserq4 first or ring mash": the screening weighed against ringing or referring. */
export function weighsScreening(text: string): boolean {
  const t = spokenText(text);
  return NAMES_SCREENING.test(t) && WEIGHED.test(t) && !COMPUTER_SCREEN.test(t);
}

export function asksToScreen(text: string): boolean {
  const t = spokenText(text);
  if (CHECK_THEIR_RISK.test(t)) return true;
  if (ABOUT.test(t) || COMPUTER_SCREEN.test(t) || WEIGHED.test(t)) return false;
  return REQUEST.test(t) || NUDGE.test(t) || SCREEN_SOMEONE.test(t);
}

/**
 * Asking when 999 is the right call, rather than making one: "when should I
 * ring 999 instead of the MASH", "police or mash if a yp is being hurt",
 * "how do I know if it's a 999 situation", "the police non-emergency
 * number". The emergency topic answers these (999 first, then 101, the MASH
 * and the Duty Team); the list of numbers alone does not say when each is
 * right. A message that raises an alarm never gets here: the 999 net reads
 * every message first.
 */
export const EMERGENCY_TOPIC = 'emergency';
const NOT_999 =
  '(mash|the mash|social care|childrens services|social services|duty team|referral|refer|101|dsl|safeguarding lead)';
const WHEN_999 = [
  new RegExp(
    `\\b999\\b.{0,40}\\b(rather than|instead of|or|vs|versus|over|and not)\\b.{0,20}\\b${NOT_999}\\b`,
  ),
  new RegExp(`\\b${NOT_999}\\b.{0,40}\\b(rather than|instead of|or|vs|versus|over)\\b.{0,20}\\b999\\b`),
  new RegExp(`\\b(call|ring|phone|dial) (the )?police (or|rather than|instead of) (the )?${NOT_999}\\b`),
  // "how do i tell" is telling apart, not telling someone: "how do i tell police without ringing 999" is not.
  /\b(when|(which|what) (\w+ )?(situations?|cases?)|how do (i|we|you) (know|decide|tell)|how to (know|decide|tell)|decide|threshold|counts? as)\b(?! (the )?(police|cops|them|someone|somebody|anyone|her|him|mash|social|school|parents?))\b.{0,40}\b(999|an emergency|(a )?police emergency)\b/,
  /\b999 situation\b|\bin an emergency\b/,
  // "what number do I use if a child is at immediate risk of harm": the number for a child in danger is 999.
  /\b(number|who|what|which)\b.{0,40}\bif (\w+ ){1,3}(is |s |are )?(in immediate danger|at immediate risk|(in danger|at risk)( of (serious )?harm)? (right )?now)\b/,
  // "if a child is at immediate risk, who do I contact first": the same question, the danger named first.
  /\bif (\w+ ){1,3}(is |s |are )?(in immediate danger|at immediate risk|(in danger|at risk)( of (serious )?harm)? (right )?now)\b.{0,20}\b(who|what number|which number)\b/,
  // "is it ok for a teacher to ring 999 without going through the DSL": whether 999 may come first.
  new RegExp(`\\b(call|ring|phone|dial)(ing)? 999\\b.{0,30}\\b(without|before|first)\\b`),
];

const ANY_WHEN_999 = anyOf(WHEN_999);

export function asksWhen999(text: string): boolean {
  const t = spokenText(text).replace(/\bemergancy\b|\bemergeny\b|\bemergancey\b/g, 'emergency');
  return ANY_WHEN_999.test(t) && !NOT_999_ITSELF.test(t);
}

/**
 * 999 ruled out in so many words: "a form for passing intel to police thats not 999 or 101", "is there a form
 * for sharing intelligence with the police when it's not an emergency?".
 */
const NOT_999_ITSELF =
  /\b(not|isnt|isn t|without|other than|apart from|except) (ringing |calling |phoning |using |going through )?999\b|\b(when|if) (it s|its|it is|thats|that s) (not (an? )?emergency|non ?emergency)\b|\b(when|if) it isn ?t (an? )?emergency\b/;

/**
 * What happens to a concern when the MASH is closed ("what's the weekend procedure?", "who handles it
 * ooh", "who handles it when the MASH is shut"): the out-of-hours topic, which gives the Duty Team and
 * how a concern is picked up, even when the message also describes the case.
 */
export const OUT_OF_HOURS_TOPIC = 'out-of-hours';
const CLOSED_TIMES =
  '(weekend|weekends|out of hours|ooh|evening|evenings|night|nights|overnight|bank holiday|bank holidays|christmas|xmas|easter)';
/** The out-of-hours service by any of its names. */
const OOH_SERVICE =
  '(ooh|out of hours|emergency duty|duty|edt|eds|after hours)( social work)?( team| service| line| number| people)';
const OUT_OF_HOURS_PROCESS = [
  new RegExp(`\\b${CLOSED_TIMES} (process|procedure|arrangements?|cover)\\b`),
  new RegExp(
    `\\b(process|procedure|arrangements?)( in general)? (for|at|on|over|during|in) (the )?${CLOSED_TIMES}\\b`,
  ),
  new RegExp(
    `\\b(who|what) (handles|covers|deals with|picks up|happens)( to| with)?( it| this| that| them| concerns?| safeguarding( concerns?)?| referrals?)?( over| at| on| during| in| out of)? (the )?${CLOSED_TIMES}\\b`,
  ),
  /\bwho (handles|covers|deals with|picks up) (it|this|that|them|concerns?) when (the )?mash (is )?(shut|closed)\b/,
  // Whether a concern found at night is passed on now or waits for the MASH: "pass on tonight or wait til
  // tues?". Waiting alone is another question: "staff say wait till morning" about a missing child.
  /\b(tonight|tonite|now|straight away|right away|at this time|this late)\b.{0,20}\bor (\w+ ){0,2}wait (til|till|until|to|for) (the )?(morning|tomorrow|tmrw|monday|mon|tuesday|tues|weds|wednesday|weekday|mash opens|office hours|after the (weekend|bank holiday))\b/,
  /\b(do|should|can|could|shall) (i|we) (just )?wait (til|till|until|for) (the )?(morning|tomorrow|tmrw|monday|mon|tuesday|tues|after the (weekend|bank holiday)|mash opens|office hours)\b/,
  // "and then what happens, does it wait until monday?": what becomes of a concern passed on at night.
  /\b(does|will|would) (it|this|that|the referral|my referral|the concern|my concern) (just )?(wait|have to wait|sit there) (til|till|until|for) (the )?(morning|tomorrow|tmrw|monday|mon|tuesday|tues|after the (weekend|bank holiday)|mash opens|office hours)\b/,
  // How the out-of-hours service works and what it takes: "what does the ooh team actually cover", "is the
  // out of hours service just for emergencies", "who covers it at weekends and how does it work".
  new RegExp(
    `\\b(what|which things|what sort of things) (does|do|will) (the )?${OOH_SERVICE}( actually| really)? (cover|do|deal with|handle|take)\\b`,
  ),
  new RegExp(`\\b${OOH_SERVICE}\\b.{0,40}\\b(just|only) (for )?(emergencies|emergency|urgent)\\b`),
  // "Out of hours service is for emergency only or I can call for advice?", "how does the out of hours
  // service work, is it a social worker or a call centre".
  new RegExp(`\\b${OOH_SERVICE}\\b.{0,40}\\b(emergencies|emergency|urgent)( cases| things| calls)? only\\b`),
  new RegExp(`\\bhow does (the )?${OOH_SERVICE} work\\b`),
  // "If I ring out of hours, do they pass it on to the MASH in the morning?", "if i ring ooh on a friday
  // night will someone pick it up on monday?": what becomes of a call made out of hours.
  new RegExp(
    `\\b(if|when) (i|we|you) (ring|call|phone|contact) (the )?${CLOSED_TIMES.slice(0, -1)}|duty team|edt)\\b.{0,40}\\b(pass(ed)? (it |this |that )?on|pick(ed)? (it |this |that )?up|(will|would|do|does) (someone|somebody|they|it)\\b)`,
  ),
  // "do the ooh team pass things on to the mash in the morning", "the ooh team tell the day team what i said
  // or i must call again?": what becomes of a call made out of hours, asked of the team.
  new RegExp(
    `\\b${OOH_SERVICE}\\b.{0,30}\\b(pass|passes|tell|tells|hand|hands|send|sends|forward|forwards) (\\w+ ){0,4}(to )?(the )?(mash|day team|daytime team|day time team|day staff|day shift)\\b`,
  ),
  // "does the out of hours team do home visits or is it just phone": what the service does.
  new RegExp(
    `\\b${OOH_SERVICE}\\b.{0,20}\\b(do|does|make|makes|will|can) (home )?visits\\b|\\b${OOH_SERVICE}\\b.{0,20}\\bcome out\\b`,
  ),
  new RegExp(`\\b${OOH_SERVICE}\\b.{0,30}\\b(deal with|take|handle) (everything|anything|all)\\b`),
  // "if i ring out of hours at 2am will someone actually go out", "if I call ooh at 2 in the night, somebody
  // come really or only on phone?": whether the service visits, which its topic says.
  new RegExp(
    `\\b(${CLOSED_TIMES}|\\d{1,2} ?am|\\d{1,2} in the (night|morning))\\b.{0,50}\\b(someone|somebody|anyone|anybody|they|a social worker|a worker) (will |would |does |do )?(actually |really )?(go|come|turn|visit|send (someone|somebody|anyone|a social worker|a worker))( out| round| up)?\\b`,
  ),
  new RegExp(
    `\\b${CLOSED_TIMES}\\b.{0,40}\\b(how does (it|that|this) work|what do they (deal with|do|cover|handle))\\b`,
  ),
  new RegExp(
    `\\bwhat (do|does|will) (they|the team|that team|it) (actually |really )?(do|cover|deal with|handle)( (at|on|over|in|during) (the )?| )${CLOSED_TIMES}\\b`,
  ),
  new RegExp(
    `\\bhow does (safeguarding|social care|it|the system) work (outside (office|working) hours|out of hours|${CLOSED_TIMES.slice(1, -1)}|(at|on|over|in the|during the) ${CLOSED_TIMES})\\b`,
  ),
];

const ANY_OUT_OF_HOURS_PROCESS = anyOf(OUT_OF_HOURS_PROCESS);

export function asksOutOfHoursProcess(text: string): boolean {
  const t = spokenText(text);
  return ANY_OUT_OF_HOURS_PROCESS.test(t);
}

/**
 * Passing a car's registration or a number plate on ("how do i give police the reg number, its not an
 * emergency", "who do i give the car regs to"): what the police's information form is for.
 */
export const POLICE_INFO_TOPIC = 'sharing-information-with-police';
const VEHICLE_DETAILS =
  '(((car|cars|vehicle|vehicles|van|vans|taxi|taxis) )?(reg|regs|reg number|reg numbers|reg no|reg plates?|registration numbers?|number plates?)|(car|cars|vehicle|vehicles|van|vans|taxi|taxis) registrations?)';
const PASSING_ON_DETAILS = new RegExp(
  `\\b(give|giving|pass|passing|send|sending|report|reporting|share|sharing|hand|handing|tell) (\\w+ ){0,4}${VEHICLE_DETAILS}\\b|\\b${VEHICLE_DETAILS}\\b.{0,40}\\b(who|where|police)\\b`,
);

export const asksToPassOnDetails = readsSpoken(PASSING_ON_DETAILS);

/**
 * Whether to wait a day before reporting ("do we have to wait 24h to report", "so no need to wait 24h?"):
 * the missing-children topic says there is no need.
 */
export const MISSING_TOPIC = 'missing-children';
const WAIT_A_DAY = /\bwait(ing)? (for )?(24 ?(h|hrs?|hours)|twenty four hours|a (full )?day)\b/;

export const asksWhetherToWaitADay = readsSpoken(WAIT_A_DAY);

/**
 * A child who goes missing again and again ("missing from the hotel again, 3rd time this month", "keeps
 * going missing from her placement at weekends"): the missing-children topic. Missing now is the 999 net's.
 */
const MISSING_AGAIN =
  /\b(keeps?|kept|always|often|regularly) (going|goes|gone|running|runs|run) (missing|away|off)\b|\bmissing (again|from (the |her |his |their |our )?(hotel|home|placement|care|school|unit|hostel|house|foster home|children s home|childrens home)( again| a lot| often)?)\b|\b(goes|went|gone|going|been) missing (again|a lot|often|regularly|every|most|several|a few|many|\d+ times)\b/;

export const saysMissingAgain = readsSpoken(MISSING_AGAIN);

/**
 * Whether the family will learn who told ("will they tell the parents it was me", "will the family find out it
 * was me who reported them"): the referral steps, which say when the parents are told.
 */
const WHO_TOLD =
  /\b(tell|told|inform|informed) (the |her |his |their )?(parents|family|mum|dad)\b.{0,20}\b(it was me|it s me|its me)\b|\b(the |her |his |their )?(family|parents|mum|dad) (will |would |might |could )?(find out|know|be told)\b.{0,30}\b(it was me|it s me|its me|who (reported|told|referred|rang|called))\b/;

export const asksWhetherFamilyLearnWhoTold = readsSpoken(WHO_TOLD);

/**
 * A written thing asked for in so many words ("Is there leaflet or small card for keep in my van?", "I need a
 * child protection policy for my tutoring business, where do I get one"): the documents topic, when the
 * bot cannot place the message otherwise.
 */
export const DOCUMENTS_TOPIC = 'documents';
const ASKS_FOR_A_DOCUMENT =
  /\b(is there|are there|any|where (do|can|would|could) (i|we) (get|find)|need|have you got|do you have|got)\b.{0,40}\b(leaflets?|posters?|cards?|polic(y|ies))\b|\b(leaflets?|posters?|polic(y|ies))\b.{0,40}\bwhere (do|can) (i|we) (get|find)\b/;

export const asksForADocument = readsSpoken(ASKS_FOR_A_DOCUMENT);

/**
 * A child who has not come home for a night or days ("mum tell me she not come home since tuesday"): missing
 * now, which the missing-children topic says to tell the police about at once.
 */
const NOT_HOME_SINCE =
  /\b(not|hasnt|hasn t|has not|didnt|didn t|did not|never|havent|haven t) (come|came|been|gone|returned|got) (back )?home (since|for (\d+|two|three|four|five|a few|several) (days|nights)|last night|all night)\b/;

export const saysNotHomeSince = readsSpoken(NOT_HOME_SINCE);

/** Local figures asked for: "local figures on missing episodes linked to exploitation". */
export const LOCAL_DATA_TOPIC = 'local-data';
const LOCAL_FIGURES =
  /\b(local|portsmouth|pompey|city|citys|city s|area|our area) (figures|statistics|stats|data|numbers)\b|\b(figures|statistics|stats|data) (for|in|on|about) (portsmouth|pompey|the city|our area|this area)\b/;

export const asksForLocalFigures = readsSpoken(LOCAL_FIGURES);

/** What kind of thing the MASH is: "Is the MASH a place or a team? I am confused". Its topic says. */
export const MASH_TOPIC = 'mash-contacts';
const WHAT_KIND_THE_MASH_IS =
  /\b(is|are) (the )?(mash|multi agency safeguarding hub) (a|an|one) (real )?(place|team|building|office|service|person|people|department|organisation|organization|thing|phone line)\b|\bwhat (kind|sort|type) of (place|team|office|service|thing|organisation) is (the )?(mash|multi agency safeguarding hub)\b/;

export const asksWhatKindTheMashIs = readsSpoken(WHAT_KIND_THE_MASH_IS);

/**
 * Images held over a young person: "now he's asking for more or he'll share them", "threatening to post
 * her pics unless she pays". Blackmail with images is sextortion, whether money or more images are asked.
 */
export const SEXTORTION_TOPIC = 'sextortion';
const SHARE_VERB =
  '(share|sharing|post|posting|send|sending|leak|leaking|show|showing|spread|spreading|publish|put)';
const THREATENS_TO_SHARE = new RegExp(
  `\\bthreat\\w* to ${SHARE_VERB}\\b|\\bthreatening (that )?(her|his|their|the) (pics|pictures|photos|images|nudes|videos?)\\b|\\b${SHARE_VERB}\\b.{0,60}\\bunless\\b|\\bor (else )?(he|she|they|he ll|she ll|they ll|hell|theyll)( will| is going to| are going to| s going to| ll)? ${SHARE_VERB}\\b|\\bblackmail\\w*( (her|him|them|me))? (with|over|about|using) (the |her |his |their |some |a )?(pics|pictures|photos|images|nudes|videos?|pic|photo|video)\\b`,
);

export const threatensToShareImages = readsSpoken(THREATENS_TO_SHARE);

/** The signs to look out for: what a worry that tells what is happening, but shows no one topic, is about. */
export const SIGNS_TOPIC = 'warning-signs';
/** "as night receptionist what i should look for when under 18 come to hotel", "any red flags for staff". */
const WHAT_TO_LOOK_FOR =
  /\bwhat\b.{0,25}\b(look|looking|watch|watching) (out )?for\b|\b(red flags|things to (look|watch) (out )?for)\b/;

export const asksWhatToLookFor = readsSpoken(WHAT_TO_LOOK_FOR);

/**
 * "what signs should we have spotted earlier", asked after a case that reads as another topic: the signs,
 * unless the signs asked for are of another kind of harm ("what signs should we look for with county lines").
 */
const WHAT_SIGNS =
  /\bwhat (signs|warning signs|red flags|indicators) (should|could|would|did|do|might|must|can) (we|i|staff|you|they|people)\b/;
const SIGNS_OF_ANOTHER_HARM =
  /\b(cce|county lines?|criminal|drugs?|online|internet|gaming|apps?|trafficking|trafficked|modern slavery|radicali[sz]\w*|extremis\w*|self harm|neglect|domestic abuse|fgm|forced marriage)\b/;

export function asksWhatSigns(text: string): boolean {
  const t = spokenText(text);
  return WHAT_SIGNS.test(t) && !SIGNS_OF_ANOTHER_HARM.test(t);
}

/** "what about people in trusted roles like coaches, tutors, houseparents": who can groom names them. */
export const WHO_CAN_GROOM_TOPIC = 'who-can-groom';
const TRUSTED_ROLES =
  /\b(trusted (roles?|adults?|people|professionals?|positions?)|positions? of (trust|authority)|people in (authority|positions of trust))\b/;

export const asksAboutTrustedRoles = readsSpoken(TRUSTED_ROLES);

/** "gifts, lifts, vapes, takeaways - is that how they reel them in?": what draws a child in. */
export const PULL_TOPIC = 'pull-factors';
const DRAWN_IN =
  /\b(reel|reels|reeled|reeling|lure|lures|lured|luring|draw|draws|drew|drawing|suck|sucks|sucked|sucking) (them|kids|children|young people|her|him|girls|boys|teens|yps?) in\b/;

export const saysHowTheyAreDrawnIn = readsSpoken(DRAWN_IN);
/** What Portsmouth does about exploitation: "whats being done about it locally". */
export const LOCAL_RESPONSE_TOPIC = 'local-response';
/** "what the partnership does on CSE", "what is the council doing about exploitation": the local response. */
const WHAT_THE_CITY_DOES =
  /\bwhat (does |do |is |are )?(the |our )?(safeguarding )?(partnership|pscp|city council|council|city|local authority)( actually| really)? (does|do|doing) (on|about|to (tackle|stop|prevent)) (cse|cce|exploitation|child (sexual |criminal )?exploitation|county lines|it|this)\b/;

export const asksWhatTheCityDoes = readsSpoken(WHAT_THE_CITY_DOES);

export const BLAMING_TOPIC = 'victim-blaming';
export const LANGUAGE_TOPIC = 'respectful-language';
/** Words that put the blame on the child, as practitioners quote them. */
const BLAMING_WORDS =
  /\b(asked for it|(brought|brings|bring|bringing) it on (herself|himself|themselves|themself)|(chose|chooses|choosing|choose) to (go|be|stay|hang|see|get|keep)|(lifestyle|life style) choices?|making (her|his|their) own choices|knows? (exactly )?what (she|he|they) (is|s|are|re) doing|streetwise|street wise|(puts|put|putting) (herself|himself|themselves|themself) at risk|promiscuous|sleeping around|(shes|hes|she s|he s|theyre|they re|these girls are|these kids are|these lads are) (just )?(trouble|troublemakers|a bad influence)|attention seek\w*|not (really )?(a )?victims?|(dressed|dressing|dresses) (so )?provocative\w*|provocatively|willingly)\b/;
/** The young person saying it of themselves. */
const OWN_VIEW =
  /\b(she|he|they|shes|hes|theyre|lad|girl|boy|kid|child|young person|yp)( \w+){0,4} (says|said|saying|told me|tells me|tells us|told us|insists|insisted|thinks|claims|reckons)\b/;
/** Where the words are written down: the respectful words for a record are the answer. */
const IN_A_RECORD =
  /\b(wrote|write|writes|written|writing|notes?|records?|recording|log|logged|diary|case file|report)\b/;

/**
 * Blame quoted or asked about ("parents at the gate are saying she 'asked for it'", "is it right to say
 * she's making lifestyle choices"): victim blaming, or respectful language where it is being written down.
 */
export function blameTopic(text: string): string | null {
  const t = spokenText(text);
  // The young person's own view ("she says she's not a victim") is why children don't tell, or what CSE is.
  if (!BLAMING_WORDS.test(t) || OWN_VIEW.test(t)) return null;
  return IN_A_RECORD.test(t) ? LANGUAGE_TOPIC : BLAMING_TOPIC;
}
