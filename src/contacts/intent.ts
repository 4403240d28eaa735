/**
 * "Who do I call?" in its many forms: a deterministic rule, never a
 * similarity score, because a practitioner at 10 pm must get the duty team.
 * Table-tested in tests/contacts/intent.test.ts.
 */
import { normaliseText } from '../rules/intent';
import type { AreaContacts } from './schema';

const WHO_TO_CALL =
  /\b(who (do|should|can|would|shall) (i|we) (call|ring|phone|contact|speak to|talk to|tell|report (it |this )?to|go to)|who('s| is| s)? on call|(anyone|someone|somebody) (i|we) can (ring|call|phone|contact|speak to|talk to)|(who|where) to (call|ring|phone|contact)|(number|line|phone|contact) to (call|ring|phone)|what number( do i| should i)? (call|ring))\b/;
const NUMBER_WORDS =
  /\b(number|numbers|phone|phone no|telephone|tel|contact details|contact|contacts|email|email address|e mail|line|helpline|hotline|ring|call)\b/;
const SERVICE_WORDS =
  /\b(mash|multi agency safeguarding hub|duty team|duty social worker|emergency duty( service| team)?|edt|eds|out of hours|ooh|after hours|childrens services|children s services|childrens social care|children s social care|social care|social services|social work|childrens safeguarding|children s safeguarding|safeguarding team|front door)\b/;
const OPENING =
  /\b(is (the )?mash open|mash (open|opening|hours|closed)|when (does|is) (the )?mash (open|close|shut)|what time does (the )?mash (open|close|shut)|(mash|office|opening) hours|is (the )?mash (closed|shut))\b/;
const OUT_OF_HOURS_REQUEST =
  /\b(out of hours|ooh|after hours|weekend|saturday|sunday|night|evening|overnight|bank holiday|christmas|boxing day|new year|easter)\b.*\b(number|contact|line|phone|call|ring|who)\b|\b(number|contact|line|phone|call|ring)\b.*\b(out of hours|after hours|weekend|at night|evening|bank holiday|christmas|boxing day|new year|easter)\b/;
/** A bare name in a hurry ("out of hours", "mash?", "duty team") means "how do I reach them". */
const BARE_SERVICE =
  /^(the )?(mash|duty team|emergency duty service|edt|out of hours|ooh|after hours|weekend|bank holiday|out of hours team|mash contacts?|contacts?)( please| pls| number| now)?$/;
const ADULT = /\b(adult|adults|over 18|elderly|older person)\b/;
const CHILD = /\b(child|children|childrens|young person|kid|pupil|student|teen|girl|boy|mash)\b/;

export interface ContactsIntent {
  /** Services asked for by name besides the MASH and the duty team, e.g. ["childline"]. */
  extra: string[];
}

/** Each service's keywords as patterns, built once per contacts file rather than on every message. */
const keywordPatterns = new WeakMap<AreaContacts, Array<{ id: string; patterns: RegExp[] }>>();

function servicePatterns(contacts: AreaContacts): Array<{ id: string; patterns: RegExp[] }> {
  let built = keywordPatterns.get(contacts);
  if (!built) {
    built = contacts.services.map((s) => ({
      id: s.id,
      patterns: s.keywords.map((k) => new RegExp(`\\b${normaliseText(k).replace(/'/g, ' ')}\\b`)),
    }));
    keywordPatterns.set(contacts, built);
  }
  return built;
}

export function contactsIntent(text: string, contacts: AreaContacts): ContactsIntent | null {
  const t = normaliseText(text).replace(/'/g, ' ');
  const extra = servicePatterns(contacts)
    .filter((s) => s.patterns.some((p) => p.test(t)))
    .map((s) => s.id);
  // A question about an adult belongs to the adult-safeguarding answer, unless it is also about a child.
  if (ADULT.test(t) && !CHILD.test(t)) return null;
  const asksForNumber = NUMBER_WORDS.test(t);
  if (
    WHO_TO_CALL.test(t) ||
    BARE_SERVICE.test(t) ||
    OPENING.test(t) ||
    OUT_OF_HOURS_REQUEST.test(t) ||
    (asksForNumber && SERVICE_WORDS.test(t)) ||
    (asksForNumber && extra.length > 0)
  ) {
    return { extra };
  }
  return null;
}
