import { describe, expect, it } from 'vitest';
import { allText, startChat } from '../helpers/chat';

const Q1 = /Question 1 of 4 \(going missing\)/;
const buttonTitles = (card: Record<string, unknown> | undefined) =>
  ((card?.actions ?? []) as Array<{ title: string }>).map((a) => a.title);

describe('asking the knowledge base in a chat', () => {
  it('answers with the text, a sources line and the related topics as buttons', async () => {
    const chat = startChat();
    const reply = allText(await chat.say('what are the warning signs of cse?'));
    expect(reply).toMatch(/Signs a child is being exploited/);
    expect(reply).toMatch(/having a much older "boyfriend" or "girlfriend"/);
    expect(reply).toMatch(/Sources: PSCP training deck/);
    expect(buttonTitles(chat.lastCard())).toEqual([
      'The CSERQ4 screening questionnaire',
      "Why children don't tell",
      'What is grooming?',
      'The older partner question (age gap)',
    ]);
  });

  it('follows a related-topic button to that topic, and offers its own follow-ups', async () => {
    const chat = startChat();
    await chat.say('what is grooming');
    const reply = allText(await chat.click('Who can be a groomer?'));
    expect(reply).toMatch(/Anyone can be a groomer/);
    expect(reply).toMatch(/a teacher, a faith group leader or a sports coach/);
    expect(buttonTitles(chat.lastCard())).toContain('What is grooming?');
  });

  it('takes a typed follow-up as well as a button', async () => {
    const chat = startChat();
    await chat.say('what is grooming');
    expect(allText(await chat.say('who can be a groomer'))).toMatch(/Anyone can be a groomer/);
  });

  it('asks "did you mean" when unsure, and a choice answers that topic', async () => {
    const chat = startChat();
    const unsure = allText(await chat.say('who are the abusers'));
    expect(unsure).toMatch(/^I'm not sure I have that\. Did you mean:/);
    const titles = buttonTitles(chat.lastCard());
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.at(-1)).toBe('None of these');
    expect(allText(await chat.click(titles[0]!))).toContain(`**${titles[0]}**`);
  });

  it('says what it can do, with the MASH numbers, after "None of these"', async () => {
    const chat = startChat();
    const reply = allText(await chat.press({ kind: 'command', command: 'none-of-these' }));
    expect(reply).toMatch(
      /I can only help with child exploitation guidance, screening and safeguarding contacts/,
    );
    expect(reply).toMatch(/023 92 688793/);
  });

  it('answers a topic button pressed during a screening, then puts the screening question back', async () => {
    const chat = startChat();
    await chat.say('what is the cserq4');
    expect(allText(await chat.say('screen'))).toMatch(Q1);
    const reply = allText(await chat.press({ kind: 'topic', id: 'older-partner' }));
    expect(reply).toMatch(/If it is \*\*4 years or more\*\*/);
    expect(reply).toMatch(Q1);
    // The screening carries on from where it was.
    expect(allText(await chat.say('no'))).toMatch(/How old are you\?/);
  });

  it('says so when a topic button names a topic the content no longer has', async () => {
    const chat = startChat();
    expect(allText(await chat.press({ kind: 'topic', id: 'retired-topic' }))).toMatch(
      /That topic is no longer in the knowledge base/,
    );
  });

  it('explains an acronym and offers its topic', async () => {
    const chat = startChat();
    expect(allText(await chat.say('what does PARCS stand for?'))).toMatch(
      /\*\*PARCS\*\* stands for \*\*Portsmouth Abuse and Rape Counselling Service\*\*/,
    );
    expect(buttonTitles(chat.lastCard())).toEqual(['Specialist support services']);
  });
});
