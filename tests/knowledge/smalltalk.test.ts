import { routeText } from '../../src/router/routeText';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { answer, type AnswerContext } from '../../src/knowledge/answer';
import { buildKnowledgeBase } from '../../src/knowledge/base';
import { loadKnowledgeContent } from '../../src/knowledge/load';
import { shipped } from '../helpers/area';

const contacts = loadAreaContacts();
const knowledge = buildKnowledgeBase(loadKnowledgeContent('content/knowledge', contacts));
const ctx: AnswerContext = { contacts, knowledge, now: new Date('2026-11-28T22:00:00Z') };
const smalltalk = knowledge.smalltalk!;

describe('small talk', () => {
  it.each([
    ['hi', 'greeting'],
    ['hello is anyone there', 'greeting'],
    ['morning! u there?', 'greeting'],
    ['thanks', 'thanks'],
    ['thank you so much x', 'thanks'],
    ['cheers thats really helpful', 'thanks'],
    ['ta v much', 'thanks'],
    ['merci beaucoup', 'thanks'],
    ['ok', 'ok'],
    ['ok got it', 'ok'],
    ['Ok, thank you.', 'thanks'],
    ['bye', 'goodbye'],
    ['bye for now', 'goodbye'],
    ["That's all for now, thank you.", 'goodbye'],
    ['who are you', 'who-are-you'],
    ['who r u', 'who-are-you'],
    ['are you a real person', 'real-person'],
    ['u a bot or a human lol', 'real-person'],
    ['Hello, who are you? You are computer?', 'real-person'],
    ['who made you', 'who-are-you'],
    ['ok thats clear now, thanks', 'thanks'],
    ['sorry to bother you', 'sorry'],
    ['sorry, pressed the wrong button', 'sorry'],
    ['is this a real human answering?', 'real-person'],
    ['are you an actual person or a bot?', 'real-person'],
    ['am i talking to a robot?', 'real-person'],
    ['thank you so much for help', 'thanks'],
    ['jazakallah khair', 'thanks'],
    ['who made this', 'who-are-you'],
    ["thank you, I'll speak to my line manager", 'thanks'],
    ['thanks, ill ring them now', 'thanks'],
    ['hello, sorry my english is not very good', 'sorry'],
    ['Thank you very much, you help me a lot', 'thanks'],
    ['Thank you, it help me.', 'thanks'],
    ['Assalamu alaikum brother', 'greeting'],
    ['salaam alaikum', 'greeting'],
    ['u a bot?', 'real-person'],
    ['Thank you very much, you are very kind', 'thanks'],
    ['who am i actually talking to here', 'who-are-you'],
    ['night night, end of my shift', 'goodbye'],
    ['goodnight', 'goodbye'],
    ['nice to meet you', 'greeting'],
    ['gd night x', 'goodbye'],
  ])('reads "%s" as %s', (message, kind) => {
    expect(smalltalk.match(message)?.kind).toBe(kind);
  });

  it.each([
    'sorry, who do I call at the weekend',
    'thanks, who do I call at the weekend',
    'hi, what are the signs of grooming',
    'ok so what is the older partner rule',
    "thanks, I'll call the mash but what if they dont answer?",
    'yes',
    'no',
  ])('leaves "%s" to the rest of the bot: a question that opens with small talk is still a question', (m) => {
    expect(smalltalk.match(m)).toBeNull();
  });

  it.each(['thanks', 'ok', 'bye', 'who are you', 'are you a real person', 'hello'])(
    'answers "%s" with a short warm reply: no apology and no contacts block',
    (message) => {
      const result = answer(message, ctx);
      expect(result.route).toBe('smalltalk');
      const text = result.replies.map((r) => r.text).join('\n');
      expect(text).not.toMatch(/sorry|I don't have an answer/i);
      expect(text).not.toContain(shipped.phone('out-of-hours'));
      expect(text).not.toContain(shipped.phone('mash'));
      expect(text.length).toBeLessThan(400);
    },
  );

  it('answers "Hello. Who you are? You are computer or person?" as small talk', () => {
    expect(routeText('Hello. Who you are? You are computer or person?', ctx).route).toBe('smalltalk');
  });

  it('still puts 999 first when a greeting comes with an emergency', () => {
    expect(routeText('hi, a child is in danger right now', ctx).route).toBe('emergency');
  });

  it.each([
    ['thank you very much for your help, I have to dash to a meeting', 'thanks'],
    ['great thanks, got to run to period 4', 'goodbye'],
  ])('finds the small talk in "%s" ("for your help" is thanks, not a call for help)', (m, kind) => {
    expect(smalltalk.within(m)?.kind).toBe(kind);
  });

  it.each([
    ['Is this chat with real person or computer?', 'real-person'],
    ['Good afternoon, I hope you are well.', 'greeting'],
    ['gd afternoon hope ur well', 'greeting'],
  ])('finds the small talk in "%s" (a greeting opens the message)', (m, kind) => {
    expect(smalltalk.within(m)?.kind).toBe(kind);
  });

  it('finds no greeting in "night staff say wait til morning?": a greeting opens a message', () => {
    expect(smalltalk.within('night staff say wait til morning?')).toBeNull();
  });

  it('finds none in "thanks, i\'ll do that. who else should i tell": it asks something besides', () => {
    expect(smalltalk.within("thanks, i'll do that. who else should i tell")).toBeNull();
  });

  it('keeps "help" as the help reply', () => {
    expect(answer('help', ctx).route).toBe('help');
  });
});

describe('asking what the bot can do', () => {
  it.each([
    'what are you for',
    'what r u for',
    'list your features',
    'instructions pls, first time usin this',
    'help me, new here',
    'how do I get the best answers out of you',
    'is there a menu or list of options?',
    'commands?',
    'I am new, how this chat is working?',
    'whats this for, is it just for social workers?',
  ])('"%s" gets the help reply', (message) => {
    expect(answer(message, ctx).route).toBe('help');
  });
});

describe('asking to start the screening, typed fast', () => {
  it.each([
    'I would like to screen a 15-year-old I have just seen in clinic.',
    'can u take me thru the cserq4 for a lad on my caseload, like now',
    'wanna screen a yp pls',
    'cserq4 pls, got a kid in mind',
    'run the screenin tool w me',
    'cserq4 go',
    'can you check if the girl in my class is at risk of cse, i can answer questions about her',
  ])('"%s" starts the screening', (message) => {
    expect(routeText(message, ctx).route).toBe('screening');
  });

  it.each([
    'do i need consent to do a cserq4 on a kid',
    'can you explain the cserq4',
    'who should use the CSERQ4',
    'is possible to do cserq4 with child through interpreter?',
  ])('"%s" asks about the screening and does not start one', (message) => {
    expect(routeText(message, ctx).route).not.toBe('screening');
  });

  it.each([
    'should i do a cserq4 first or ring mash',
    'Concern about a 15yo, missing 3 times this month, older male associates. Go straight to MASH or do a CSERQ4 first?',
    'do i need to do the screening before i refer',
  ])('"%s" weighs the screening against a referral: the CSERQ4 topic, not the flow', (message) => {
    expect(routeText(message, ctx)).toMatchObject({ route: 'topic', topic: 'cserq4' });
  });

  it.each([
    'how do I do screen sharing in a Teams call',
    'can you take a screenshot',
    'share my screen please',
    'we want to do a screening of a film in the school hall for parents, do we need a licence?',
  ])('"%s" is about another screen or screening, not the CSERQ4', (message) => {
    expect(routeText(message, ctx).route).not.toBe('screening');
  });
});
