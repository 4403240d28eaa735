/**
 * The bench's synthetic knowledge base must be the same on every run (or the
 * figures are not comparable) and must be content the real loader accepts
 * (or the bench measures something the bot would refuse to start with).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { growContent, syntheticTopics, writeContent } from '../../bench/synthetic';
import { loadAreaContacts } from '../../src/contacts/load';
import { checkKnowledge, loadKnowledgeContent } from '../../src/knowledge/load';
import { topicSchema } from '../../src/knowledge/schema';

const contacts = loadAreaContacts();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the synthetic knowledge base', () => {
  it('is the same for the same seed and different for another', () => {
    expect(syntheticTopics(40, 7)).toEqual(syntheticTopics(40, 7));
    expect(syntheticTopics(40, 8)).not.toEqual(syntheticTopics(40, 7));
  });

  it('gives every topic the shape the content schema asks for, at the sizes the bench uses', () => {
    for (const topic of syntheticTopics(5000)) {
      const parsed = topicSchema.safeParse(topic);
      expect(parsed.error?.issues ?? [], topic.id).toEqual([]);
    }
  });

  it('adds synthetic topics to the shipped ones, and the loader accepts the result as written', () => {
    const shipped = loadKnowledgeContent('content/knowledge', contacts);
    const grown = growContent(shipped, shipped.topics.length + 60);
    expect(grown.topics.slice(0, shipped.topics.length)).toEqual(shipped.topics);
    expect(grown.topics).toHaveLength(shipped.topics.length + 60);

    const dir = mkdtempSync(path.join(tmpdir(), 'bench-synthetic-'));
    dirs.push(dir);
    writeContent(dir, grown);
    const { problems, content } = checkKnowledge(dir, contacts);
    expect(problems).toEqual([]);
    expect(content?.topics.map((t) => t.id)).toEqual(grown.topics.map((t) => t.id).sort());
  });
});
