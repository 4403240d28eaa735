import type { AreaContacts } from '../contacts/schema';
import type { KnowledgeBase } from '../knowledge/base';

/** What the shell needs from outside: the area's contacts, the knowledge base, a clock and an id source, all injectable for tests. */
export interface BotDeps {
  contacts: AreaContacts;
  knowledge: KnowledgeBase;
  now: () => Date;
  newId: () => string;
}
