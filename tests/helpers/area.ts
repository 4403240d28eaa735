/**
 * The areas tests run against, and what a test reads from them instead of
 * writing a number down: a test that types "who do I call" checks for the
 * loaded area's numbers, so a change to an area's contacts breaks only the
 * tests about that change.
 *
 * - `testshire`: a made-up area (tests/fixtures/areas/testshire) with its own
 *   small knowledge base. Dialog and transcript tests run here by default.
 * - `shipped`: the area the bot ships with (Portsmouth) and its knowledge
 *   base, as the server loads them with no configuration. Only tests of the
 *   shipped content itself run here (tests/smoke, the knowledge tests).
 */
import { DEFAULT_AREA_DIR } from '../../src/paths';
import { loadAreaContacts, service } from '../../src/contacts/load';
import type { AreaContacts, Service } from '../../src/contacts/schema';

export const TESTSHIRE_DIR = 'tests/fixtures/areas/testshire';

export interface TestArea {
  /** The folder, or undefined for the shipped defaults (the server's own AREA_DIR and KNOWLEDGE_DIR). */
  dir: string | undefined;
  contacts: AreaContacts;
  /** The office-hours service (the MASH in Portsmouth). */
  mash: Service;
  outOfHours: Service;
  adult: Service;
  service(id: string): Service;
  /** A service's phone numbers, as the contacts block writes them: "a or b". */
  phones(id: string): string;
  /** A service's first phone number. */
  phone(id: string): string;
  /** A service's email address. */
  email(id: string): string;
  /** A procedure line's text, e.g. "referralFollowUp". */
  procedure(name: keyof AreaContacts['procedures']): string;
}

export function loadTestArea(dir?: string): TestArea {
  const contacts = loadAreaContacts(dir);
  const get = (id: string) => service(contacts, id);
  const phones = (id: string) => {
    const list = get(id).phones;
    if (!list?.length) throw new Error(`${contacts.area}'s "${id}" has no phone number`);
    return list;
  };
  return {
    dir,
    contacts,
    mash: get(contacts.officeHours.service),
    outOfHours: get('out-of-hours'),
    adult: get('adult-safeguarding'),
    service: get,
    phones: (id) => phones(id).join(' or '),
    phone: (id) => phones(id)[0]!,
    email(id) {
      const email = get(id).email;
      if (!email) throw new Error(`${contacts.area}'s "${id}" has no email`);
      return email;
    },
    procedure(name) {
      const line = contacts.procedures[name];
      if (!line) throw new Error(`${contacts.area}'s contacts name no "${name}" procedure`);
      return line.text;
    },
  };
}

export const testshire = loadTestArea(TESTSHIRE_DIR);
export const shipped = loadTestArea();
/** The folder the shipped area is read from, for tests that name it (the smoke test). */
export const SHIPPED_AREA_DIR = DEFAULT_AREA_DIR;

/** A RegExp that matches this text exactly, for building patterns from content and source constants. */
export function literal(text: string, flags?: string): RegExp {
  return new RegExp(escapeRegExp(text), flags);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
