import { loadContentConfig } from '../config';
import { loadAreaContacts } from '../contacts/load';
import type { AreaContacts } from '../contacts/schema';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/base';

/** The area and knowledge base the CLIs use: the same variables and checks as the server's start-up. */
export function loadCliContent(env: NodeJS.ProcessEnv = process.env): {
  contacts: AreaContacts;
  knowledge: KnowledgeBase;
} {
  const { areaDir, knowledgeDir } = loadContentConfig(env);
  const contacts = loadAreaContacts(areaDir);
  return { contacts, knowledge: loadKnowledgeBase(contacts, knowledgeDir) };
}
