/**
 * Reading a case out of a question: "school nurse here. 14 y/o back for her
 * 3rd STI test and mentions a boyfriend who drives. signs of CSE?". Only
 * what the rules need is read (ages, whether an older partner or person is
 * involved, whether it describes a young person at all), never a name.
 * Numbers count as ages only where the words around them say so: "3rd",
 * "Y9", "4.45" and "3 girls" are not ages.
 */
import { LastReading } from '../rules/turnMemo';
import { spaceRuns } from '../rules/spaceRuns';
import { expandTextSpeak } from './spelling';

export interface CaseFacts {
  /** Every age the message gives, in the order given. */
  ages: number[];
  /** The youngest age under 18: the young person the question is about. */
  childAge: number | null;
  /** Ages older than the child's, read as the partner's or the people they have sex with. */
  partnerAges: number[];
  /** A partner, boyfriend, or older man or men is mentioned, with or without an age. */
  partnerMentioned: boolean;
  /** A young person is described: an age under 18, a school year, or words such as "girl" or "pupil". */
  describesYoungPerson: boolean;
  /** The message tells what happened (a case), rather than only asking about a topic. */
  isCase: boolean;
}

const MIN_AGE = 8;
const MAX_AGE = 70;

/** Words before a number that make it an age: "girl 14", "aged 15", "she's 16", "boyfriend is 21", "a girl who looks about 16". */
const PERSON_BEFORE =
  /\b(y[5-9]|y1[0-3]|girl|boy|lad|schoolgirl|schoolboy|young person|yp|patient|pt|pupil|student|child|kid|son|daughter|teen|teenager|female|male|she|he|shes|hes|she s|he s|they|theyre|partner|boyfriend|girlfriend|man|woman|guy|bloke|who|aged|age|is|was|turned|only|just)( is| was| s| are)?(?: of)?(?: about| maybe| around| roughly| approx| approximately| probably| possibly| prob| looks| looks about| looks like)? (\d{1,2})\b(?! (am|pm|minutes|hours|mins|percent|per cent|girls|boys|times|weeks|days|months|years(?! old)|kids|pupils|students|cases|of))/g;
/** A number followed by "year old": "15 year old", "14 yo" (after text-speak), "(14)". */
const AGE_AFTER = /\b(\d{1,2}) (year old|years old|yrs old|year olds)\b/g;
/** A decade of ages: "in his twenties", "20-somethings": an adult whose exact age is not known. */
const ADULT_DECADE =
  /\b(twenties|thirties|forties|20s|30s|40s|20 somethings?|twenty somethings?|grown (man|men|woman|adult))\b/;
const PARTNER =
  /\b(boyfriend|boyfriends|girlfriend|partner|partners|older (man|men|male|males|guy|guys|lad|lads|boy|boys|girl|girls|woman|women|bloke|blokes|person|people|friend|friends|teen|teens|kid|kids|student|students)|(did|doing|does|do) stuff with|(a|an|the|some) (man|men|guy|guys|bloke|blokes)|grown (man|men)|adult (man|men|male|males)|twenties|20s|20 somethings?|twenty somethings?|dating|seeing (a|an|someone)|sleeping with|having sex|sex with|sexual)\b/;
/** A school year, "Y9", "year 10": a child of school age. */
export const SCHOOL_YEAR = /\b(y|yr|year) ?([5-9]|1[0-3])\b/;
const YOUNG_PERSON =
  /\b(girls?|boys?|lads?|young person|young people|yps?|patient|pt|pupils?|students?|child|children|kids?|schoolgirls?|schoolboys?|schoolkids?|school kids?|school children|son|daughter|grandsons?|granddaughters?|grandchild|grandchildren|stepson|stepdaughter|niece|nephew|teens?|teenagers?|foster child|looked after)\b/;
/**
 * Words that tell what happened to someone: a case, not a question about a
 * topic ("she keeps going missing", "he was given cash").
 */
const HAPPENED =
  /\b(keeps|kept|has been|have been|had|has|was|were|gets|getting|says|said|told|tells|disclosed|mentions|mentioned|seen|found|caught|came|comes|goes|went|turned up|going missing|went missing|picked up|dropped off|given|gave|buys|bought|texts|messages|sends|sent|looks|looked|meets|met|travels|travelled|stays|stayed|asked|asks|spotted|noticed|hangs around|hanging around|hanging round|booked)\b/;

function readable(text: string, digits: boolean): string[] {
  const lower = text.toLowerCase().replace(/[’‘`']/g, '');
  // Each of these needs a digit: most questions have none, and are not scanned for them.
  const spaced = digits
    ? lower
        // "(14)" is an age in a case note, even before "of": "the big brother (16) of one of our toddlers".
        .replace(/\((\d{1,2})\)/g, ' $1 years old ')
        // So is a number set off by commas after a person's description: "boy at our boxing gym, 14, keeps…".
        .replace(/([a-z])\s*,\s*(\d{1,2})\s*,\s*(?=[a-z])/g, '$1 $2 years old ')
        .replace(/(\d)\s*-\s*(year|yr)/g, '$1 $2')
        .replace(/\b(\d{1,2})\s*y\s*\/\s*o\b/g, '$1 year old')
    : lower;
  return expandTextSpeak(otherAsSpace(spaced).split(' ').filter(Boolean));
}

/** Every run of anything but a-z and digits, as one space. */
const otherAsSpace = spaceRuns('^a-z0-9');

const lastCase = new LastReading(readCaseNow);

/** The case a message describes, read from its words (the last one kept: a turn reads it more than once). */
export function readCase(text: string): CaseFacts {
  return lastCase.of(text);
}

function readCaseNow(text: string): CaseFacts {
  // Ages and school years are numbers: a message without a digit (most questions) has neither, and the
  // patterns that read them are not run on it.
  const digits = /\d/.test(text);
  const t = readable(text, digits).join(' ');
  const found: Array<{ at: number; age: number }> = [];
  if (digits) {
    for (const m of t.matchAll(AGE_AFTER)) found.push({ at: m.index, age: Number(m[1]) });
    for (const m of t.matchAll(PERSON_BEFORE)) {
      found.push({ at: m.index + m[0].length - m[3]!.length, age: Number(m[3]) });
    }
  }
  // The same number read by both patterns ("girl 14 year old") counts once.
  const ages = [...new Map(found.map((f) => [f.at, f.age])).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, age]) => age)
    .filter((a) => a >= MIN_AGE && a <= MAX_AGE);
  const under18 = ages.filter((a) => a < 18);
  const childAge = under18.length > 0 ? Math.min(...under18) : null;
  const partnerAges = childAge === null ? [] : ages.filter((a) => a > childAge);
  const partnerMentioned = PARTNER.test(t) || ADULT_DECADE.test(t) || partnerAges.length > 0;
  const schoolYear = digits && SCHOOL_YEAR.test(t);
  const describesYoungPerson = childAge !== null || schoolYear || YOUNG_PERSON.test(t);
  const isCase = describesYoungPerson && (ages.length > 0 || schoolYear) && HAPPENED.test(t);
  return { ages, childAge, partnerAges, partnerMentioned, describesYoungPerson, isCase };
}
