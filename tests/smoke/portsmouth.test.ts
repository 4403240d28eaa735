/**
 * The one test of the content the bot ships with, end to end: the real HTTP
 * app with no configuration (so the shipped area and knowledge base), asked
 * what a Portsmouth practitioner asks. Every number and email it looks for is
 * read from content/areas/portsmouth/contacts.yaml, so this test breaks when
 * the shipped content and the bot disagree, not when a number changes.
 * Every other chat test runs in the made-up Testshire (tests/helpers/area.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { shipped } from '../helpers/area';
import { Q1 } from '../helpers/patterns';
import { startTestServer, type TestServer } from '../helpers/server';

const PORTSMOUTH_DIR = 'content/areas/portsmouth';
const portsmouth = loadAreaContacts(PORTSMOUTH_DIR);
const { mash, outOfHours } = shipped;
const { opens, closes } = portsmouth.officeHours;

const TUESDAY_10 = new Date('2026-11-24T10:00:00Z'); // GMT in November: 10:00 in Portsmouth
const SATURDAY_22 = new Date('2026-11-28T22:00:00Z');

let now = TUESDAY_10;
let server: TestServer;
let conversation = 0;
beforeAll(async () => {
  server = await startTestServer({}, () => now);
});
afterAll(async () => {
  await server?.close();
});

/** A new conversation at the given time; `say` returns everything the bot sent back, as one text. */
function chatAt(at: Date) {
  const id = `smoke-${++conversation}`;
  return async (text: string) => {
    now = at;
    const { status, texts } = await server.send(id, { text });
    expect(status).toBe(200);
    return texts.join('\n---\n');
  };
}

const indexOf = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  expect(i, `"${needle}" in the reply`).toBeGreaterThanOrEqual(0);
  return i;
};

describe('the shipped content', () => {
  it('is Portsmouth: the server with no configuration runs content/areas/portsmouth', () => {
    expect(shipped.contacts).toEqual(portsmouth);
    expect(portsmouth.area).toBe('Portsmouth');
  });
});

describe('Portsmouth, end to end', () => {
  it('who do I call at 10:00 on a Tuesday: the MASH, open now, with all its numbers, then out of hours and 999', async () => {
    const reply = await chatAt(TUESDAY_10)('who do I call');
    expect(reply).toContain(`${mash.name} is open now, until ${closes} on Tuesday 24 November`);
    expect(reply).toContain(shipped.phones('mash'));
    expect(reply).toContain(shipped.email('mash'));
    expect(indexOf(reply, shipped.phone('mash'))).toBeLessThan(indexOf(reply, shipped.phone('out-of-hours')));
    expect(reply).toContain('If a child is in immediate danger, call 999.');
  });

  it('who do I call at 22:00 on a Saturday: the out-of-hours team first, and when the MASH opens again', async () => {
    const reply = await chatAt(SATURDAY_22)('who do I call');
    expect(reply).toContain(
      `${mash.name} is closed now (weekend: out of office hours). It opens again at ${opens} on Monday 30 November`,
    );
    expect(reply).toContain(`${outOfHours.name}, now: ${shipped.phones('out-of-hours')}`);
    expect(indexOf(reply, shipped.phone('out-of-hours'))).toBeLessThan(indexOf(reply, shipped.phone('mash')));
    expect(reply).toContain(`email ${shipped.email('mash')} for non-urgent follow-up`);
    expect(reply).toContain('If a child is in immediate danger, call 999.');
  });

  it('a screening that indicates a referral hands over the MASH, its follow-up procedure and 999', async () => {
    const say = chatAt(TUESDAY_10);
    expect(await say('screen')).toMatch(Q1);
    for (const answer of ['no', '15', 'yes', '21', 'no']) await say(answer);
    const outcome = await say('no');
    expect(outcome).toMatch(/Referral indicated/);
    expect(outcome).toMatch(/Make a referral to Children's Services through the MASH/);
    expect(outcome).toContain(shipped.phones('mash'));
    expect(outcome).toContain(shipped.email('mash'));
    expect(outcome).toContain(shipped.phone('out-of-hours'));
    expect(outcome).toContain(shipped.procedure('referralFollowUp'));
    expect(outcome).toContain('If a child is in immediate danger, call 999.');
    expect(outcome).toMatch(/Summary for your record/);
  });

  it('a knowledge answer about making a referral quotes the numbers and email from contacts.yaml', async () => {
    const knowledge = loadKnowledgeBase(portsmouth);
    const topic = knowledge.topics.get('making-a-referral')!;
    expect(topic, 'the shipped knowledge base has a making-a-referral topic').toBeDefined();
    const reply = await chatAt(TUESDAY_10)('how do I make a referral');
    expect(reply).toContain(topic.title);
    expect(reply).toMatch(/Sources: /);
    expect(reply).toContain(`Call ${shipped.phones('mash')}`);
    for (const phone of [...mash.phones!, ...outOfHours.phones!]) expect(reply).toContain(phone);
    expect(reply).toContain(shipped.email('mash'));
  });

  it('a knowledge answer about sharing information with the police gives the police address from contacts.yaml', async () => {
    const reply = await chatAt(TUESDAY_10)('how do i share non-urgent information with the police');
    expect(reply).toContain(shipped.email('police-information'));
  });
});
