/**
 * Asking the knowledge base in a chat: answers, sources, related-topic
 * buttons, "did you mean", the glossary. Run on Testshire's small made-up
 * knowledge base, so a change to the shipped topics does not break them
 * (tests/smoke checks the shipped content).
 */
import { describe, expect, it } from 'vitest';
import { buttonTitles } from '../helpers/cards';
import { allText, startChat } from '../helpers/chat';
import { AGE, Q1 } from '../helpers/patterns';

describe('asking the knowledge base in a chat', () => {
  it('answers with the text, a sources line and the related topics as buttons', async () => {
    const chat = startChat();
    const reply = allText(await chat.say('what are the lantern signs?'));
    expect(reply).toMatch(/The Testshire lantern signs/);
    expect(reply).toMatch(/a \*\*green lantern\*\*: a sudden new friend/);
    expect(reply).toMatch(/Sources: Testshire test fixture/);
    expect(buttonTitles(chat.lastCard())).toEqual([
      'Making a referral in Testshire',
      'What is a lantern walk?',
      'Who can lead a lantern walk?',
    ]);
  });

  it('follows a related-topic button to that topic, and offers its own follow-ups', async () => {
    const chat = startChat();
    await chat.say('what is a lantern walk');
    const reply = allText(await chat.click('Who can lead a lantern walk?'));
    expect(reply).toMatch(/Anyone can lead a lantern walk/);
    expect(reply).toMatch(/a parent, a lollipop warden or the bandstand caretaker/);
    expect(buttonTitles(chat.lastCard())).toContain('What is a lantern walk?');
  });

  it('takes a typed follow-up as well as a button', async () => {
    const chat = startChat();
    await chat.say('what is a lantern walk');
    expect(allText(await chat.say('who can lead a lantern walk'))).toMatch(/Anyone can lead a lantern walk/);
  });

  it('asks "did you mean" when unsure, and a choice answers that topic', async () => {
    // Testshire's own topics: a question about a young person passes the off-topic gate (case notes are
    // full of everyday words), and the search is unsure which of the walk topics it means.
    const chat = startChat();
    const unsure = allText(await chat.say('could a 15 year old lead a walk'));
    expect(unsure).toMatch(/^I'm not sure I have that\. Did you mean:/);
    const titles = buttonTitles(chat.lastCard());
    expect(titles).toContain('Who can lead a lantern walk?');
    expect(titles.at(-1)).toBe('None of these');
    expect(allText(await chat.click('Who can lead a lantern walk?'))).toMatch(
      /Anyone can lead a lantern walk/,
    );
  });

  it('says what it can do, with the MASH numbers, after "None of these"', async () => {
    const chat = startChat();
    const reply = allText(await chat.press({ kind: 'command', command: 'none-of-these' }));
    expect(reply).toMatch(
      /I can only help with child exploitation guidance, screening and safeguarding contacts/,
    );
    expect(reply).toContain(chat.area.phone('mash'));
  });

  it('answers a topic button pressed during a screening, then puts the screening question back', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say('screen'))).toMatch(Q1);
    const reply = allText(await chat.press({ kind: 'topic', id: 'lantern-walks' }));
    expect(reply).toMatch(/A lantern walk is Testshire's made-up evening stroll/);
    expect(reply).toMatch(Q1);
    // The screening carries on from where it was.
    expect(allText(await chat.say('no'))).toMatch(AGE);
  });

  it('says so when a topic button names a topic the content no longer has', async () => {
    const chat = startChat();
    expect(allText(await chat.press({ kind: 'topic', id: 'retired-topic' }))).toMatch(
      /That topic is no longer in the knowledge base/,
    );
  });

  it('explains an acronym and offers its topic', async () => {
    const chat = startChat();
    expect(allText(await chat.say('what does TLS stand for?'))).toMatch(
      /\*\*TLS\*\* stands for \*\*Testshire Lantern Signs\*\*/,
    );
    expect(buttonTitles(chat.lastCard())).toEqual(['The Testshire lantern signs']);
  });
});
