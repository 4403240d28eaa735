import type { AreaContacts } from '../contacts/schema';
import { glossaryKey } from './glossary';
import { TopicClassifier } from './classifier';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledgeContent, type KnowledgeContent } from './load';
import type { GlossaryTerm, SearchSettings, Topic } from './schema';
import { KnowledgeIndex } from './search';
import { Smalltalk } from './smalltalk';

/** The loaded content and its search index: built once at start-up, then only read. */
export interface KnowledgeBase {
  topics: ReadonlyMap<string, Topic>;
  glossary: ReadonlyMap<string, GlossaryTerm>;
  settings: SearchSettings;
  index: KnowledgeIndex;
  /** The learned topic classifier beside the search, when the content has one. */
  classifier: TopicClassifier | null;
  smalltalk: Smalltalk | null;
}

export function buildKnowledgeBase(content: KnowledgeContent): KnowledgeBase {
  const glossary = new Map<string, GlossaryTerm>();
  for (const term of content.glossary) {
    for (const key of [term.term, ...(term.aliases ?? [])]) glossary.set(glossaryKey(key), term);
  }
  const index = new KnowledgeIndex(content.topics, content.glossary, content.synonyms, content.settings);
  return {
    topics: new Map(content.topics.map((t) => [t.id, t])),
    glossary,
    settings: content.settings,
    index,
    classifier: content.classifier ? new TopicClassifier(content.classifier, index) : null,
    smalltalk: content.smalltalk ? new Smalltalk(content.smalltalk) : null,
  };
}

export function loadKnowledgeBase(
  contacts: AreaContacts,
  dir: string = DEFAULT_KNOWLEDGE_DIR,
): KnowledgeBase {
  return buildKnowledgeBase(loadKnowledgeContent(dir, contacts));
}
