/**
 * A topic reply's title, sources, action lines and buttons are made once per topic and shared by every
 * reply of that topic; only the answer and its time-aware line are made per turn. A reply must still be
 * its own: whatever one turn does to its reply cannot reach the next turn's.
 */
import { describe, expect, it } from 'vitest';
import { submit } from '../../src/cards/adaptive';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { topicReply } from '../../src/knowledge/replies';
import { shipped } from '../helpers/area';

const { contacts } = shipped;
const knowledge = loadKnowledgeBase(contacts);
const topic = [...knowledge.topics.values()].find((t) => t.related.length > 0 && t.actions.length > 0)!;
const ctx = { contacts, now: new Date('2026-11-24T10:00:00Z') };

describe("a topic reply's shared parts", () => {
  it('are the same in every reply of the topic', () => {
    const first = topicReply(knowledge, topic, ctx);
    expect(JSON.stringify(topicReply(knowledge, topic, ctx))).toBe(JSON.stringify(first));
    expect(first.text.startsWith(`**${topic.title}**\n\n`)).toBe(true);
    expect(first.card!.actions!.length).toBe(topic.actions.length + topic.related.length);
  });

  it("leave the next reply's buttons alone when one reply's are added to", () => {
    const first = topicReply(knowledge, topic, ctx);
    const buttons = first.card!.actions!.length;
    first.card!.actions!.push(submit('Extra', { kind: 'command', command: 'none-of-these' }));
    expect(topicReply(knowledge, topic, ctx).card!.actions!.length).toBe(buttons);
  });

  it('cannot be changed in place', () => {
    const { card } = topicReply(knowledge, topic, ctx);
    const title = card!.body[0]!;
    const button = card!.actions![0]!;
    expect(() => {
      title.text = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      button.title = 'changed';
    }).toThrow(TypeError);
    expect(topicReply(knowledge, topic, ctx).card!.body[0]!.text).toBe(topic.title);
  });
});
