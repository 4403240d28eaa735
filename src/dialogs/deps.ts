import type { AreaContacts } from '../contacts/schema';

/** What the shell needs from outside: the area's contacts, a clock and an id source, all injectable for tests. */
export interface BotDeps {
  contacts: AreaContacts;
  now: () => Date;
  newId: () => string;
}
