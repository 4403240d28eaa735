/**
 * The 999 safety net: does this message say a child may be in immediate
 * danger? Checked on every message, in every state, before anything else.
 *
 * Deliberately readable rules, not a score, built from three word lists:
 *   - explicit alarms ("999", "this is an emergency", "in danger", "help now");
 *   - harm (violence, weapons, being taken or held, medical emergencies,
 *     self-harm, fire, water, a young child alone) and, separately, harm so
 *     grave it needs no time word ("he has a knife", "not breathing");
 *   - immediacy ("tonight", "10 mins ago", "as I type", "hes locking the
 *     door": a present-tense action).
 * A message is urgent on an explicit alarm, on grave harm, or on harm with
 * immediacy, unless it reads as a definition, training, policy or the past
 * and says nothing about now. The names of the rules that fired are returned
 * for tests and curators (never logged with the text).
 *
 * It errs towards firing: a false alarm costs one line ("if a child is in
 * immediate danger, call 999"), a miss could cost a life. Measured on three
 * dev sets and a held-out set in tests/rules/urgency.test.ts.
 */

/** Lower case, apostrophes dropped ("she's" → "shes"), chat shorthand expanded, punctuation to spaces. */
export function normaliseForUrgency(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘`']/g, '')
    .replace(/(\d)[.:](\d)/g, '$1h$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\bu\b/g, 'you')
    .replace(/\bur\b/g, 'your')
    .replace(/\br\b/g, 'are')
    .replace(/\b(pls|plz|plse)\b/g, 'please')
    .replace(/\b(urgnt|urgant|urjent)\b/g, 'urgent')
    .replace(/\b(dnager|danjer|dangar|dager)\b/g, 'danger')
    .replace(/\b(emergancy|emergeny|emergencey|emergancey|emergecy)\b/g, 'emergency')
    .replace(/\b(kife|knif|nife)\b/g, 'knife')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

const words = (...alternatives: string[]) => new RegExp(`\\b(${alternatives.join('|')})\\b`);

const CHILD =
  '(child|children|kids?|baby|babies|toddler|girl|boy|lad|young person|pupil|student|teenager|teen|\\d+ ?(yo|yr old|year old))';
const PERSON = `(her|him|them|me|us|one of|someone|somebody|(the|a|my|our|this|that|his|their) ${CHILD})`;
const VEHICLE = '(car|van|taxi|vehicle|motor|lorry|boot)';

/** Alarms that fire alone. "emergency" only as a noun ("this is an emergency"), not "emergency first aid course". */
const EXPLICIT: Array<[string, RegExp]> = [
  ['999', /\b999\b/],
  [
    'emergency',
    new RegExp(
      `\\b(an|its|it s|this is|is this|is it|(a|real|genuine) real|medical) emergency\\b|\\bemergency( |$)(${CHILD}|please|help|now|${PERSON}|at|in|here|\\bi\\b)|^ emergency `,
    ),
  ],
  [
    'in danger',
    /\b(in|into|at) (immediate |serious |real |grave |great )?danger\b|\bimmediate (danger|risk)\b|\bdanger\b.{0,3}$/,
  ],
  [
    'help now',
    /\b(help|police|ambulance) (now|immediately|urgently|asap|quick|quickly)\b|\burgent(ly)? help\b|\bhelp urgent(ly)?\b|\bneed help (now|immediately|urgently)\b|\b(call|ring|get|phone|send) (the )?(police|ambulance|cops|someone) (now|immediately|asap|out)\b|\bplease (please )?(help|come)\b|\bcan you help (shes|hes|she is|he is|they are|theyre)\b|\bhelp (a|the) (kid|child|girl|boy|baby)\b|\bget someone (out|here|round)\b|\bcome quick\b/,
  ],
];

/** Harm grave enough that it is an emergency without a time word, unless it reads as the past or a topic. */
const GRAVE: Array<[string, RegExp]> = [
  [
    'weapon',
    words(
      'knife',
      'knives',
      'knifed',
      'machete',
      'gun',
      'guns',
      'shotgun',
      'blade',
      'weapon',
      'weapons',
      'stabbed',
      'stabbing',
      'shot',
      'broken bottle',
      'acid',
    ),
  ],
  [
    'being taken',
    new RegExp(
      `\\b(taken|took|grabbed|snatched|kidnapped|abducted|bundled|dragged|forced|forcing|pushed|pulled) (${PERSON} )?(in|into|away|off)\\b|\\b(taken|took|grabbed|snatched|kidnapped|abducted) ${PERSON}` +
        `|\\binto (a |an |the |his |their |her )?(\\w+ )?${VEHICLE}\\b|\\b(drove|driven|driving) (off|away)\\b|\\bkidnap|\\babduct|\\bsold\\b|\\bbeing (taken|trafficked|moved|sold)\\b`,
    ),
  ],
  [
    'medical',
    /\b(overdos(e|ed|ing)|(is|hes|shes|theyre|been|gone|knocked|found|lying|left|now) unconscious|not breathing|barely (conscious|breathing|moving)|(wont|cant|cannot|can not) (wake|breathe)|collapsed|passed out|going floppy|unresponsive|fitting|seizure|bleeding|lot of blood|anaphyla\w*|epipen|choking|swallowed|drowning|drowned|(hasnt|havent seen (him|her|them)|not) come back up|got into difficulty|went under|(fell|fallen|gone) in(to)? the (sea|river|water|harbour|canal|pool|lake)|into the (sea|river|water)|in the (sea|river|water)|having a fit|(going|turning|gone) blue|lips (are )?(going|turning) (blue|a funny colour)|not (responding|moving|breathing)|(hit|knocked down|run over) by a (car|van|bus|lorry)|cant (stand|stand up))\b|\btaken (a load of |loads of |some |too many |a packet of |a )?(pills|tablets|paracetamol|something)\b/,
  ],
  [
    'self-harm',
    /\bkill (herself|himself|themselves|myself|themself)\b|\b(going to|gonna|about to|wants? to) (jump|die)\b|\bsaying goodbye\b|\bgoodbye miss\b|\bgoodbye sir\b|\bim done\b|\bend (it|her life|his life|their life)\b|\b(round|around) (her|his|their|my) neck\b|\b(noose|hanging herself|hanging himself)\b|\bto (her|his|their|my) own throat\b|\bhang (herself|himself|themselves|myself)\b|\bcant (do this|go on|cope) any ?more\b|\bon (the|a) (bridge|ledge|edge|roof|cliff)\b|\b(by|near|at) the edge\b|\bclimbed (onto|on to|up) (the|a)\b/,
  ],
  [
    'danger to life',
    /\b(floppy|bone sticking out|rope (is )?ready|got the rope|by the throat|stuck in the (mud|water|sea)|tide (is )?coming in|hanging off|step off|jump off|texted help|messaged help)\b/,
  ],
  [
    'fire',
    /\b(on fire|set fire|fire in|(house|flat|building|car) fire|smoke (pouring|coming)|flames|burning|burn the house)\b/,
  ],
  [
    'alone and at risk',
    /^(?=.*\b(left alone|on (its|her|his|their) own|home alone|alone in|wandered off|wandering|cant find (her|him|them))\b)(?=.*\b(baby|toddler|infant|\d+ ?(yo|yrs? old|years? old)|road|water|sea|window|hours|days|flat|house)\b)|\bhanging out (of )?the window\b/,
  ],
  [
    'being taken',
    new RegExp(
      `\\b(waiting|trying|coming|here|about)\\b.{0,40}\\bto (take|grab|collect|snatch) ${PERSON}|\\boutside\\b.{0,60}\\bwaiting\\b|\\bwaiting\\b.{0,60}\\boutside\\b|\\bwaiting for (her|him|them) to come out\\b`,
    ),
  ],
  [
    'being harmed',
    /\bbeing (beaten|hurt|raped|attacked|assaulted|stabbed|kicked|hit|punched|strangled|choked)\b/,
  ],
  ['spiked', /\b(spiked|put in (her|his|their) drink|cant stand|barely stand)\b/],
  [
    'held',
    /\b(being held|held (at|in|against)|locked (in|up)|locking (the|her|him)|(cant|cannot|can not|isnt allowed to|not allowed to|wont let (me|her|him|them)) (leave|out|get out|go home|go|escape)|locked the door|trapped)\b/,
  ],
];

/** Harm that needs a time word to be an emergency ("hurt" tonight, "missing" since this morning). */
const HARM: Array<[string, RegExp]> = [
  [
    'violence',
    new RegExp(
      '\\b(rape|raped|raping|sexually assault\\w*|assault|assaulted|assaulting|beaten|beating|batter|battering|hurting|hurt|harm|harming|hitting|hit|kicked|kicking|punched|punching|beat|stab|attack|attacking|attacked|strangl\\w*|chok(ing|ed)|kill|killing|dead|die|finish (her|him|them)|do (someone|him|her|them) in)\\b' +
        `|\\bthreaten(ing|s|ed)?\\b|\\bor (we|they|ill|hell|theyll) (burn|send|hurt|kill|stab|get)\\b|\\bor its (me|you)\\b`,
    ),
  ],
  [
    'being taken',
    new RegExp(
      `\\b(waiting|trying|coming|going|here|about|outside)\\b.{0,40}\\bto (take|get|grab|collect|pick up|snatch) ${PERSON}|\\b(collecting|picking) ${PERSON}( up)?\\b` +
        `|\\b(are|is|be) taking ${PERSON}|\\bcoming (round |over |back )?(for|to get|to hurt|to collect|to take) ${PERSON}|\\bfollow(ed|ing)\\b|\\bwaiting (for|outside)\\b|\\boutside\\b.{0,60}\\bwaiting\\b|\\bsending a car\\b|\\btrying to get (in|into)\\b`,
    ),
  ],
  [
    'missing',
    new RegExp(
      `\\b(is|has gone|gone|went|been|reported|still|${CHILD}|shes|hes|theyre|she is|he is) missing\\b|\\bmissing (${CHILD}|since|for)\\b|\\b(run off with|ran off with|gone off with|disappeared|not back|not come home|not came home)\\b`,
    ),
  ],
  ['exploitation', /\b(men|man|males?|abusers?|perpetrators?|groomers?|gang|dealers?|offender|exploit\w*)\b/],
  ['self-harm', /\b(suicid\w*|self ?harm\w*|want(s)? to die|wanting to die|overdose)\b/],
  ['drugs', /\b(plug|drugs run|run drugs|county line)\b/],
  [
    'danger to life',
    /\b(step off|jump off|hanging off|hanging from|slipping|fall(ing)? off|fell off|stuck (in|on)|tide (is )?coming in|by the (sea|water|river|edge|tracks|railway)|railway|train tracks|scaffolding|floppy|breathing (funny|strangely|badly|fast|slowly)|grunting|shaking|being sick|vomiting|pale|bone sticking|by the throat|fight|fighting|screaming|heat|windows (up|shut)|left (her|him|them|the \w+) in the car|goodbye|gone by|rope|tablets|pills|take them all|saving up|meeting (him|her|a man|an older)|train ticket|coming back (at|for|to)|taking (her|him) to|heading (towards|to|for)|texted help|said help|messaged help|do my (mum|dad|brother|sister|family)|finish it|on (his|her|their) way (over|round)|nobody has seen|not (been )?seen (him|her|them|for)|hasnt come home|havent seen|cant find|lost (a|our|my|the) \w+|alone at|on (her|his|their) own)\b/,
  ],
  ['distress', /\b(please dont|stop daddy|stop it|leave me alone|let me go|get off me)\b/],
  ['scared', /\b(scared|terrified|frightened|screaming|yelling|crying for help)\b/],
];

/** Said of now, or of the next hours. */
const IMMEDIACY =
  /\b(within the hour|in a bit|in a minute|any second|by midnight|by tonight|at \d+( ?(am|pm|h\d+))?|when the next|not answering|getting dark|phone died|crying|for \d+ (mins?|minutes|hrs?|hours)|been \d+ (mins?|minutes)|can (hear|see)|i can hear|is coming|are coming|on (his|her|their) way|will (take|step|jump|do|kill|hurt|be gone)|once (her|his|their) (mum|dad|parents?|carer) (leaves|goes)|right now|now|tonight|today|immediately|as we speak|as i type|while im typing|at this moment|at the moment|this (minute|morning|afternoon|evening)|just|a minute ago|an hour ago|(\d+|a few|few|ten|five|two) (mins?|minutes|hrs?|hours) ago|in (\d+|a few|ten|five|two) (mins?|minutes|hrs?|hours)|in an hour|any minute|soon|as soon as|at midnight|at \d+|still|for hours|since|currently|happening|asap|urgent|urgently|quick|after school|when (she|he|they) gets? home|later)\b|\b(is|are|am|hes|shes|theyre|im|were|its) (\w+ing)\b/;

/** Strong enough to override a topic or the past: "I was asking about training, but as I type…" */
const STRONG_IMMEDIACY =
  /\b(right now|as we speak|as i type|while im typing|at this moment|this minute|just now|(has|have|hes|shes|theyve|ive|weve) just|(\d+|a few|ten|five|two) (mins?|minutes) ago|in (\d+|a few|ten|five|two) (mins?|minutes)|any minute)\b/;

const QUIET =
  /\b(last (year|month|week|term|summer|spring|autumn|winter)|years ago|months ago|weeks ago|used to|when (he|she|they) (was|were) younger|in the past|previously|history of|in (19|20)\d\d|knife crime|weapons? awareness|training|course|lesson|lessons|resources?|presentation|leaflet|case study|case review|learning review|serious case review|policy|procedure|what is|what are|what does|what counts|mean|meaning|definition|define|in law|how do|how to|how can|how should|signs of|warning signs|approach|framework|drill|first aid|mileage|claim|protection order|staff kitchen|blunt|cutlery|knife and fork|is killing me|its killing me|killing me|drowning in|overdose of coffee|role play|roleplay|pretend|made up number|great shot|photo|picture)\b/;

export interface UrgencyFinding {
  urgent: boolean;
  /** The names of the rules that fired. */
  rules: string[];
}

/** "Emergency" as an adjective of an office thing is not an alarm: removed before the checks. */
const ADMIN_EMERGENCY =
  /\b(non )?emergency (duty( service| team| social work(er)?)?|out of hours|ooh|contacts?|tax|protection orders?|first aid|fire drill|drills?|planning|plans?|procedures?|home visits?|services? number|number|line|team|social work(er)?)\b|\bnon emergency\b/g;

export function checkUrgency(text: string): UrgencyFinding {
  const t = normaliseForUrgency(text).replace(ADMIN_EMERGENCY, ' ');
  const strongNow = STRONG_IMMEDIACY.test(t);
  const quiet = QUIET.test(t) && !strongNow;
  const now = IMMEDIACY.test(t);
  const fired = (list: Array<[string, RegExp]>) => list.filter(([, re]) => re.test(t)).map(([name]) => name);

  const explicit = fired(EXPLICIT).filter((name) => !(quiet && name !== '999' && !now));
  const grave = quiet ? [] : fired(GRAVE);
  const harm =
    now && !quiet
      ? fired(HARM).filter((name) => name !== 'exploitation' || /\b(with|have|has|got)\b/.test(t))
      : [];
  const rules = [...new Set([...explicit, ...grave, ...harm.map((h) => `${h} now`)])];
  return { urgent: rules.length > 0, rules };
}

export function isUrgent(text: string): boolean {
  return checkUrgency(text).urgent;
}
