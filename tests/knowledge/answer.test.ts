import { describe, expect, it } from 'vitest';
import { answer, type AnswerContext } from '../../src/knowledge/answer';
import { routeText } from '../../src/router/routeText';
import { buildKnowledgeBase } from '../../src/knowledge/base';
import type { Prediction } from '../../src/knowledge/classifier';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledgeContent } from '../../src/knowledge/load';
import { shipped } from '../helpers/area';

// The shipped knowledge base, with the shipped area's contacts (which its answers quote).
const { contacts } = shipped;
const content = loadKnowledgeContent(DEFAULT_KNOWLEDGE_DIR, contacts);
const knowledge = buildKnowledgeBase(content);
/** A Wednesday morning, when the MASH is open. */
const ctx: AnswerContext = { contacts, knowledge, now: new Date('2026-11-25T10:30:00Z') };
const ask = (q: string, c: AnswerContext = ctx) => answer(q, c);
const textOf = (q: string, c: AnswerContext = ctx) =>
  ask(q, c)
    .replies.map((r) => r.text)
    .join('\n');

describe('a typed message is routed in the safety order', () => {
  const ask = (q: string) => routeText(q, ctx);
  it.each([
    ['a child is in danger right now, what does CSE stand for', 'emergency'],
    ['who do I call about grooming', 'contacts'],
    ['start a screening', 'screening'],
    ['what does CEOP stand for', 'glossary'],
    ['what are the warning signs of exploitation', 'topic'],
    ['how do I fix the printer', 'not-found'],
    ['who do i ring then, its gone 8pm', 'contacts'],
    ['half term - who do i speak to', 'contacts'],
    ['Sorry my English. Where I call on Sunday if I worry for child?', 'contacts'],
    ['is there a form for passing intel to police thats not 999 or 101', 'topic'],
  ])('"%s" goes to %s', (question, route) => {
    expect(ask(question).route).toBe(route);
  });

  it('puts 999 first even when the message also names a topic and an acronym', () => {
    const result = ask('she is being taken right now, is this grooming? what does MASH stand for');
    expect(result.route).toBe('emergency');
    expect(result.replies[0]!.text).toMatch(/call 999/);
  });
});

describe('knowledge-base answers', () => {
  it('answers with the topic, the answer text, its sources and the related topics', () => {
    const result = ask('what are the signs a child is being exploited');
    expect(result).toMatchObject({ route: 'topic', topic: 'warning-signs' });
    expect(result.confidence).toBeGreaterThanOrEqual(knowledge.settings.answerAt);
    expect(result.confidence).toBeLessThanOrEqual(1);
    const reply = result.replies[0]!;
    expect(reply.text).toMatch(/going missing from home or school/);
    expect(reply.text).toMatch(/Sources: PSCP training deck .*Rigg and Phippen, 2016/);
    expect(reply.text).toMatch(/Related: The CSERQ4 screening questionnaire/);
    expect(result.suggestions).toEqual(knowledge.topics.get('warning-signs')!.related);
    const buttons = (reply.card!.actions ?? []).map((a) => ('data' in a ? a.data : null));
    expect(buttons).toContainEqual(expect.objectContaining({ kind: 'topic', id: 'cserq4' }));
  });

  it.each([
    ['groomin', 'grooming'],
    ['contexual safeguarding', 'contextual-safeguarding'],
    ['wat are the push factrs', 'push-factors'],
    ['victim blamming', 'victim-blaming'],
  ])('tolerates the typo in "%s"', (question, topic) => {
    expect(ask(question)).toMatchObject({ route: 'topic', topic });
  });

  it.each([
    ['what is child criminal exploitation', 'cce-and-county-lines'],
    ['CCE definition', 'cce-and-county-lines'],
    ['is there a number for after hours', 'out-of-hours'],
    ['what is the multi agency safeguarding hub', 'mash-contacts'],
    ['what do the NPT do', 'specialist-services'],
  ])('expands acronyms and synonyms in "%s"', (question, topic) => {
    const result = ask(question);
    // "after hours" may be taken by the contacts route first, which is also right.
    if (result.route === 'contacts') return;
    expect(result).toMatchObject({ route: 'topic', topic });
  });

  it.each([
    'how do I groom my dog',
    'what is the capital of France',
    'my laptop will not switch on',
    'can you book me a meeting room',
    'mash potatoes',
    'what should I wear to the Met Gala',
    'any tips for grooming my dog',
    'how do I change the printer toner',
    'tell me a joke',
  ])('never answers the unrelated "%s" with a safeguarding topic', (question) => {
    expect(['not-found', 'did-you-mean']).toContain(ask(question).route);
  });

  it.each([
    'mash potatoes',
    'what should I wear to the Met Gala',
    'any tips for grooming my dog',
    'tell me a joke',
    'cervical screening interval for 25-49 yr olds?',
    'pt missing their repeat prescription, pharmacy says not sent. what do I do',
    'out of hours number for an adult with chest pain who doesnt want an ambulance',
    'in retail what are the pull factors that bring customers into a store?',
    'signs an avocado is ripe',
  ])('declines "%s" with what it can do, not a "did you mean" of weak matches', (question) => {
    expect(ask(question).route).toBe('not-found');
  });

  it('declines a domain phrase among words the domain never uses: "pull factors in tourism economics"', () => {
    expect(['not-found', 'did-you-mean']).toContain(ask('pull factors in tourism economics').route);
  });

  it('says honestly what it can do, with the MASH numbers, when nothing is close', () => {
    const result = ask('what is the capital of France');
    expect(result).toMatchObject({ route: 'not-found', topic: null });
    const text = result.replies[0]!.text;
    expect(text).toMatch(
      /I can only help with child exploitation guidance, screening and safeguarding contacts/,
    );
    expect(text).toContain(shipped.phone('mash'));
    expect(text).toMatch(/CSERQ4 screening/);
  });
});

describe('the confidence threshold and "did you mean", with the search alone', () => {
  // Content without a trained classifier (another area's, a curator's draft) is answered by the search alone.
  const searchOnly = { ...content, classifier: undefined };
  const withSettings = (answerAt: number, suggestAt: number): AnswerContext => ({
    ...ctx,
    knowledge: buildKnowledgeBase({ ...searchOnly, settings: { ...content.settings, answerAt, suggestAt } }),
  });
  const ask = (
    q: string,
    c: AnswerContext = withSettings(content.settings.answerAt, content.settings.suggestAt),
  ) => answer(q, c);
  const question = 'what are the signs of grooming';

  it('answers above answerAt, asks below it, and declines below suggestAt', () => {
    const confidence = ask(question).confidence;
    expect(ask(question, withSettings(confidence, 0)).route).toBe('topic');
    expect(ask(question, withSettings(Math.min(1, confidence + 0.01), 0)).route).toBe('did-you-mean');
    expect(ask(question, withSettings(1, Math.min(1, confidence + 0.01))).route).toBe('not-found');
  });

  it('offers at most three topics and "None of these", best first, and answers nothing', () => {
    const result = ask(question, withSettings(1, 0));
    expect(result).toMatchObject({ route: 'did-you-mean', topic: null });
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions).toContain('warning-signs');
    const reply = result.replies[0]!;
    expect(reply.text).toMatch(/^I'm not sure I have that\. Did you mean:/);
    const titles = (reply.card!.actions ?? []).map((a) => a.title);
    expect(titles.at(-1)).toBe('None of these');
    expect(titles).toHaveLength(result.suggestions.length + 1);
  });

  it('is shipped with thresholds in order', () => {
    expect(content.settings.suggestAt).toBeLessThan(content.settings.answerAt);
  });
});

describe('glossary look-ups', () => {
  it.each([
    ['what does MASH stand for', 'MASH', /Multi-Agency Safeguarding Hub/],
    ['CEOP full form', 'CEOP', /Child Exploitation and Online Protection/],
    ['mappa abbreviation meaning', 'MAPPA', /Multi-Agency Public Protection Arrangements/],
    ['whats cserq 4 short for', 'CSERQ4', /Child Sexual Exploitation Risk Questionnaire/],
    ['ICTG?', 'ICTG', /Independent Child Trafficking Guardian/],
    ['DSL stands for?', 'DSL', /Designated Safeguarding Lead/],
    ['What does OOH mean? I see it in the handover notes', 'OOH', /Out of hours/],
  ])('"%s" expands %s', (question, term, expansion) => {
    const result = ask(question);
    expect(result.route).toBe('glossary');
    expect(result.replies[0]!.text).toMatch(new RegExp(`\\*\\*${term}\\*\\* stands for`));
    expect(result.replies[0]!.text).toMatch(expansion);
    expect(result.replies[0]!.text).toMatch(/Source: /);
  });

  it('offers the topic behind the term as a button', () => {
    const result = ask('what does OFNR stand for');
    expect(result.suggestions).toEqual(['ofnr']);
    expect(result.replies[0]!.card!.actions?.[0]).toMatchObject({ data: { kind: 'topic', id: 'ofnr' } });
  });

  it('admits an acronym it does not have rather than guessing', () => {
    const result = ask('what does NHS stand for');
    expect(result.route).toBe('not-found');
    expect(result.replies[0]!.text).toMatch(/I don't know what NHS stands for: it is not in my glossary/);
  });

  it('leaves "what does grooming mean" to the topic that explains it', () => {
    expect(ask('what does grooming mean')).toMatchObject({ route: 'topic', topic: 'grooming' });
  });

  it('leaves "what is the meaning of grooming in UK safeguarding" to grooming: it does not ask what UK stands for', () => {
    expect(ask('What is the meaning of grooming in UK safeguarding?')).toMatchObject({
      route: 'topic',
      topic: 'grooming',
    });
  });

  it('answers "pull factors meaning in CSE context" with pull factors: the term only sets the scene', () => {
    expect(ask('pull factors meaning in CSE context')).toMatchObject({
      route: 'topic',
      topic: 'pull-factors',
    });
  });

  it.each([
    'sorry whats MAPPA',
    'what is the NPT',
    'Please, what is PARCS',
    'ICTG - what does that stand for, saw it in an email',
    'sorry what is a DSL',
  ])('"%s" expands a term that is no topic\'s subject', (question) => {
    expect(ask(question).route).toBe('glossary');
  });

  it.each([
    ['what is the NRM', 'national-referral-mechanism'],
    ['what is OFNR', 'ofnr'],
  ])('"%s" gets the topic about the term', (question, topic) => {
    expect(ask(question)).toMatchObject({ route: 'topic', topic });
  });

  it('still expands a term asked about with an introduction: "Hello, I am midwife, what is meaning of MASH?"', () => {
    expect(ask('Hello, I am midwife, what is meaning of MASH?').route).toBe('glossary');
  });
});

describe('a worry that asks for something for others', () => {
  it('"national helpline for parents worried their child is being exploited" gets the national helplines', () => {
    expect(ask('national helpline for parents worried their child is being exploited')).toMatchObject({
      route: 'topic',
      topic: 'national-resources',
    });
  });

  it.each([
    'i worry for a boy in my unit, please give me the number i must ring',
    'number pls, worried about a kid but it can wait till today',
  ])('"%s" asks for the number: the contacts, not the signs', (question) => {
    expect(ask(question).route).toBe('contacts');
  });

  it('a worry alone still gets the screening offer', () => {
    expect(ask('I am worried about a girl in year 10').route).toBe('screening-offer');
  });
});

describe('answers quote only the area contacts file', () => {
  it('gives the MASH and out-of-hours numbers from contacts.yaml in the MASH topic', () => {
    const text = textOf('what are the MASH opening hours');
    expect(text).toContain(shipped.phone('mash'));
    expect(text).toContain(shipped.phone('out-of-hours'));
  });
});

describe('glossary look-ups typed fast', () => {
  it.each([
    ['NRM means what?', 'NRM'],
    ['mappa mean wat', 'MAPPA'],
    ['ictg = ? the letters i mean', 'ICTG'],
    // "MASH?" alone asks for the numbers; "MASH = ?" asks what the letters are.
    ['MASH = ?', 'MASH'],
    ['sorry whats an NRM, letters wise', 'NRM'],
    ['NPT, what do the letters mean?', 'NPT'],
    ['OFNR?? never heard of it', 'OFNR'],
    // The rule does not know "full name"; the classifier reads it as a glossary question naming one term.
    ['PSCP full name pls', 'PSCP'],
    ['what does the acronym MASH mean', 'MASH'],
    ['What signify CEOP?', 'CEOP'],
    ['what mean MET in the safeguarding emails?', 'MET'],
    ['CEOP?? what is that', 'CEOP'],
    ["DASS? what's that one", 'DASS'],
    ['What is mean MASH?', 'MASH'],
    ["What is the meaning of 'CEOP'? I saw it on a poster in the school", 'CEOP'],
    // The question first, then why it is asked.
    ['what is a DSL? the school keeps mentioning it', 'DSL'],
    ['CSE - what is the full words', 'CSE'],
    // "OOH" alone asks for the number; asked what it means, it is the glossary's.
    ['What mean OOH? I see it in email from agency', 'OOH'],
    // In a chat, after another term: the term alone, with "and" before it.
    ['and DSL?', 'DSL'],
    ['what about the DSL then', 'DSL'],
    // "that" points at the word in quotes.
    ["social worker's email says 'ooh'. what does that mean", 'OOH'],
  ])('"%s" expands %s', (question, term) => {
    const result = ask(question);
    expect(result.route).toBe('glossary');
    expect(result.replies[0]!.text).toMatch(new RegExp(`\\*\\*${term}\\*\\* stands for`));
  });

  it.each([
    'A 14-year-old patient answered yes to only one CSERQ4 question. What does that outcome mean?',
    'what does a met office amber warning for wind mean',
    'what does the CSERQ4 result mean if two answers are yes',
    "she said 'im fine', what does that mean",
    "our Y10 girl (15) has been 'discussed at MET'. what does that mean for her and for us as a school?",
    'what means multi agency in the MASH, which agencies are in?',
    // A topic's subject asked about in a chat is its topic's.
    'and the NRM?',
  ])('does not read "%s" as asking what letters stand for', (question) => {
    expect(ask(question).route).not.toBe('glossary');
  });
});

describe('asking when 999 is right gets the emergency topic, not the list of numbers', () => {
  it.each([
    'when should I ring 999 instead of the MASH',
    'when shd i call 999 rather than mash',
    'In which situations should I phone 999 instead of the MASH?',
    'how do i know if its a 999 situation or not',
    'do i ring police or mash if a yp is bein hurt',
    'what do i do in an emergancy with a child',
    'is it ok for a teacher to ring 999 without going through the DSL',
    'what number do I use if a child is at immediate risk of harm',
    'If a child is at immediate risk, who do I contact first?',
    'Which CSE situations are a 999 call please, I want to explain it to my night staff',
    'When it is police emergency and when it is MASH? I am new in UK and not sure',
  ])('"%s" gets the emergency topic, 999 first', (q) => {
    const a = ask(q);
    expect([a.route, a.topic]).toEqual(['topic', 'emergency']);
    expect(textOf(q)).toMatch(
      /^\*\*A child in immediate danger \(999\)\*\*\s+\*\*If a child is in immediate danger[^\n]*999/,
    );
  });

  it.each([
    'is the MASH part of the council or the police?',
    'what is the police non emergency number',
    'which number if a kid is at risk tonight but not in immediate danger',
    'a man keeps hanging round the bus stop, how do i tell the police without ringing 999',
    'is there a police form for intel, for when its not an emergency',
  ])('"%s" is not read as asking when to call 999', (q) => {
    expect(ask(q).topic).not.toBe('emergency');
  });

  it.each([
    'is there a police form for intel, for when its not an emergency',
    'the community partnership intel form - where do we send it?',
  ])('"%s" is about the police information form', (q) => {
    expect(ask(q)).toMatchObject({ route: 'topic', topic: 'sharing-information-with-police' });
  });
});

describe('after the 999 call, "what else" gets how to refer', () => {
  it.each([
    'ok called 999, who else do i tell after',
    'police on way. anything else we should do after',
    'police are on their way. what do we need to do after',
    'police are here now. what do we do after, who else needs to know?',
    'rang the police about the girl, what happens next?',
    'police on way now. what after',
    "ok police are with her and she's safe, what do I do now",
    'police are coming now, what I do after?',
    'police have got her now. what do i do after this',
  ])('"%s" gets the referral topic', (q) => {
    const a = ask(q);
    expect([a.route, a.topic]).toEqual(['topic', 'making-a-referral']);
  });

  it.each([
    'the police are here for a talk on knife crime, what time does it start',
    'called the police about a stolen bike, what next',
  ])('"%s" is not read as after a 999 call about a child', (q) => {
    expect(ask(q).topic).not.toBe('making-a-referral');
  });
});

describe('questions naming a national helpline get the topic that gives its number', () => {
  it.each(['What is the Childline number?', 'nspcc helpline for professionals'])('"%s"', (q) => {
    const a = ask(q);
    expect([a.route, a.topic]).toEqual(['topic', 'national-resources']);
    const line = contacts.services.find((s) => s.id === (/childline/i.test(q) ? 'childline' : 'nspcc'))!;
    expect(textOf(q)).toContain(line.phones![0]);
  });

  it('"is there a number a child can ring themselves in confidence" gets them, with Childline', () => {
    const q = 'is there a number a child can ring themselves in confidence';
    expect([ask(q).route, ask(q).topic]).toEqual(['topic', 'national-resources']);
    expect(textOf(q)).toContain(contacts.services.find((s) => s.id === 'childline')!.phones![0]);
  });

  it('still gives the MASH when the MASH is asked for too', () => {
    expect(ask('mash and childline numbers please').route).toBe('contacts');
  });
});

describe('who to tell about a care leaver or an adult is answered by their own topic', () => {
  it.each([
    ['who do I tell about a concern for a 17 yr old care leaver', 'care-leavers'],
    [
      '19 yo woman at our hostel bein pimped out by her bf, she has learning disabilities, who do i go to',
      'adult-safeguarding',
    ],
  ])('"%s" → %s', (q, topic) => {
    expect(ask(q).topic).toBe(topic);
  });

  it("an old woman whose family takes her money is not the children's contacts: adult safeguarding first", () => {
    const a = ask('old woman in our community, family take her money, who I tell?');
    expect(a.route).not.toBe('contacts');
    // Answered outright, never as a referral to children's services.
    expect(a.topic ?? a.suggestions[0]).toBe('adult-safeguarding');
  });

  it.each([
    'our care leaver is 20, who do i tell, mash or adults?',
    'coach in our club keeps messaging our under 14s, who do i tell',
  ])('"%s" is not taken for a question about an adult alone', (q) => {
    expect(ask(q).topic).not.toBe('adult-safeguarding');
  });

  it.each([
    'woman in her 20s with learning difficulties, different men in and out of her flat, who do i tell',
    'Customer at job centre, woman 22, she say her partner take all her money and send her with other men. Who I contact?',
    'drunk woman, early 20s, left with men she met in the bar, who do i tell',
  ])('"%s" (an adult by her age) is adult safeguarding', (q) => {
    expect(ask(q).topic).toBe('adult-safeguarding');
  });

  it('a child with an adult partner is still the contacts', () => {
    expect(ask('15 year old with a 19 year old boyfriend, who do I call?').route).toBe('contacts');
  });
});

describe('another subject is declined even when it shares a phrase with a topic', () => {
  it.each([
    'What pull factors attract migrants to big cities? For my geography group',
    'any tips for grooming a cockapoo',
    'can you explain push and pull forces for my Y3 science lesson?',
    'tell me a joke for my training session',
    "our cat's been missing since tuesday, who do you report that to",
    'what nude lipstick shade suits older skin lol',
    'who played hawkeye in the mash tv series',
    'how do i renew a blue badge for my mum',
    'is the dotted county line on an os map the border',
    'payslip is wrong who do i speak to in HR',
    'the council tax band for my flat seems wrong, who do I ask',
    'difference between refugee status and humanitarian protection',
    'how much is asylum support for one week now?',
    'the parking lines in the visitor car park need repainting who do i ask',
    'need a staff grooming standard for reception - nails, hair, uniform. got a template?',
    'holiday request form',
    'fire alarm keeps going off in the hotel at night who do i call',
    'where do i put my timesheet for the night shifts',
  ])('"%s"', (q) => {
    expect(ask(q).route).toBe('not-found');
  });

  it('is not read as a request for the safeguarding contacts: "the printer keeps jamming, who do I tell"', () => {
    expect(ask('the printer on floor 2 keeps jamming, who do I tell?').route).toBe('not-found');
  });

  it.each([
    'the photocopier in the staffroom has jammed again, who do i ring',
    'our minibus broke down on the way to the away match, who do we call?',
  ])('nor is "who do I call" about something the domain has no words for: "%s"', (q) => {
    expect(ask(q).route).toBe('not-found');
    // The decline still says who to call about a child.
    expect(textOf(q)).toMatch(/MASH/);
  });

  it.each([
    'who do i call',
    'something is not right with one of ours, who do I tell',
    'who do I ring about the duty team rota',
    'who do i call, a boy in my class says a man gives him money',
    'we finish youth club at 9pm, if something comes up after that who do i phone',
    "who do i phone if the dsl is off and it's not life or death",
    'boxing day and i am worried about a lad from our mosque, who I ring?',
    'our driver has concerns about a schoolboy, who do we phone monday morning',
    "we're a school from kent staying at a centre in portsmouth, who do we phone if we're worried about one of ours while we're here",
  ])('but "%s" still gets the contacts', (q) => {
    expect(ask(q).route).toBe('contacts');
  });

  it('but not a case that mentions the same word', () => {
    expect(
      ask('a 14 year old girl who works at the dog groomers says the owner buys her vodka, is this CSE?')
        .route,
    ).not.toBe('not-found');
  });
});

describe('an acronym of the domain typed as one keeps a question among everyday words', () => {
  it('"pls explain CSE in easy way, i must tell a mother in my language" is what CSE is', () => {
    expect(ask('pls explain CSE in easy way, i must tell a mother in my language')).toMatchObject({
      route: 'topic',
      topic: 'what-is-cse',
    });
  });
});

describe("a message whose sentence that asks is in the domain's words is not declined for the rest", () => {
  it('"My neighbour\'s mother is exploited by her partner. Who handles that?" is adult safeguarding', () => {
    expect(ask("My neighbour's mother is exploited by her partner. Who handles that?")).toMatchObject({
      route: 'topic',
      topic: 'adult-safeguarding',
    });
  });

  it.each(['mash potato? best recipe for sunday lunch', 'grooming? my poodle needs a trim at the weekend'])(
    '"%s" is still declined',
    (q) => {
      expect(ask(q).route).toBe('not-found');
    },
  );
});

describe("a question the classifier splits between two topics is the domain's all the same", () => {
  it.each([
    ['what sort of stuff in our web filter alerts might point to cse', ['what-is-cse', 'warning-signs']],
    ['is it a crime if they are both 15?', ['under-13', 'older-partner']],
  ])('"%s" is answered, not declined', (q, topics) => {
    const a = ask(q);
    expect(a.route).toBe('topic');
    expect(topics).toContain(a.topic);
  });
});

describe('a question asked to prepare a training session is still the question', () => {
  it.each([
    ['pls can you list warning signs for a 10 min INSET slot', 'warning-signs'],
    ['explain pull factors so I can do a tutor time session on it', 'pull-factors'],
    ['what is grooming in simple terms, for a receptionist training pack', 'grooming'],
    ['explain CCE to me like im a new foster carer', 'cce-and-county-lines'],
  ])('"%s"', (q, topic) => {
    expect(ask(q)).toMatchObject({ route: 'topic', topic });
  });

  it('"where can I get posters about exploitation for our mosque" asks for resources', () => {
    expect(ask('where can I get posters about exploitation for our mosque')).toMatchObject({
      route: 'topic',
      topic: 'national-resources',
    });
  });

  it('"can you help with safeguarding questions for my rugby club?" asks what the bot can do', () => {
    expect(ask('can you help with safeguarding questions for my rugby club?').route).toBe('help');
  });
});

describe('between the age-gap rule and the law on age, the ages given decide', () => {
  it.each([
    ['is it illegal if shes 16 and her boyfriend is 21', 'older-partner'],
    ['my patient is 12 and her boyfriend is 14, is that allowed?', 'under-13'],
  ])('"%s" → %s', (q, topic) => {
    expect(ask(q).topic).toBe(topic);
  });
});

describe('what happens to a concern when the MASH is closed', () => {
  it.each([
    'saturday clinic, 14 yo with a 21 year old partner, not in danger now. whats the weekend procedure?',
    'yp 13 told me on xmas eve about an older man messaging her, who handles it ooh',
    'who handles it when the MASH is shut?',
    'What is the general arrangement for evenings and bank holidays?',
    "what's the arrangement in general for evenings, weekends and bank holidays",
    'bank hol night shift. 16 y/o says her bf is 23 and gives her lifts. shes in bed safe now. pass on tonight or wait til tues?',
    'does the emergency duty team only take emergencies, or worries too?',
    'what sort of things does the out of hours team deal with',
    'who covers it overnight, and how does that work?',
    'nothing urgent, should we wait until monday?',
  ])('"%s" gets the out-of-hours topic, even with a case in it', (q) => {
    expect(ask(q).topic).toBe('out-of-hours');
  });

  it.each(['whats the ooh number', 'who do i call at the weekend'])('"%s" still gets the numbers', (q) => {
    expect(ask(q).route).toBe('contacts');
  });

  it('the topic gives the number that answers now', () => {
    const duty = contacts.services.find((s) => s.id === 'out-of-hours')?.phones?.[0];
    expect(duty).toBeDefined();
    expect(textOf('what sort of things does the out of hours team deal with')).toContain(duty);
  });

  it('a child missing over the weekend and found is not an out-of-hours question', () => {
    expect(ask('she was missing over the weekend and found on monday, what happens now').topic).not.toBe(
      'out-of-hours',
    );
  });
});

describe("the practitioner's own wellbeing gets the topic on looking after ourselves", () => {
  it.each([
    'honestly the night shifts and what i see are getting to me',
    'how am i meant to cope with this, its breaking my heart',
    'secondary trauma signs',
    "I dealt with a girl who'd been raped at the pharmacy yesterday and I can't sleep",
    'is there any support for staff after a disclosure',
    "feeling guilty i didn't spot it sooner with a 15yo pt. she's ok now but it's eating me up",
    "Year 9 boy disclosed to me on Friday and I've cried all weekend. He's safe. Is there someone I can talk to?",
    "she's safe with family now, but I'm shaking and can't focus. What support is available to me?",
    'our boy 15 is in county lines and I am exhausted and angry all the time. Is there help for carers?',
    'i feel quite shaken up after that call, who can i talk to',
    'is it normal to feel guilty after reporting a family you know well',
    'This week has honestly been awful, three disclosures in two days',
  ])('"%s"', (q) => {
    expect(ask(q)).toMatchObject({ route: 'topic', topic: 'looking-after-yourself' });
  });

  it.each([
    'she cant sleep and keeps crying in class, what are the signs of cse',
    'I feel worried about a girl in year 9',
    'girl 14 cant focus in class and has an older bf, signs?',
    'how do i pass on info to police that isnt urgent, like a number plate i keep seeing?',
  ])('"%s" is about the child, not the practitioner', (q) => {
    expect(ask(q).topic).not.toBe('looking-after-yourself');
  });

  it('"I feel sick about what she told me, who do I call" still gets who to call', () => {
    expect(ask('I feel sick about what she told me, who do I call').route).toBe('contacts');
  });
});

describe('a case that asks whom to tell', () => {
  it.each([
    "TA here - y6 lad said his big cousin gives him £20 to drop 'parcels' at a flat near fratton. who do i tell",
    '16yo pt keeps turning up to appts with different older men she calls uncles. who do I tell?',
  ])('"%s" gets how to refer, with the numbers that answer now', (q) => {
    expect(ask(q)).toMatchObject({ route: 'topic', topic: 'making-a-referral' });
    expect(textOf(q)).toContain(shipped.phone('mash'));
  });

  it.each([
    '15yo told me about a man at her school gates, she is home safe now, just need the MASH number to ring in the morning',
    'girl 15 at our club told me about an older man giving her lifts, shes safe at home, just need the number to ring',
    '16yo at college mentioned worrying stuff about her bf, not urgent. who do i call at the weekend?',
  ])('"%s" names a number, a service or a time: the contacts', (q) => {
    expect(ask(q).route).toBe('contacts');
  });
});

/**
 * The shipped knowledge base with a classifier that reads every question as `first` says, then the
 * other labels as it reads an empty message.
 */
function readingFirst(first: Prediction[]): AnswerContext {
  const real = ctx.knowledge.classifier!;
  const classifier = Object.create(real) as typeof real;
  const named = new Set(first.map((p) => p.label));
  classifier.classify = () => [...first, ...real.classify('').filter((p) => !named.has(p.label))];
  return { ...ctx, knowledge: { ...ctx.knowledge, classifier } };
}

describe('a case the classifier reads as "who do I call", though it asks for no one', () => {
  const q =
    "Family support worker. Mum told me her 14 yr old has a new 'friend' who buys her vapes and takes her to Gunwharf on school days. mum's worried, i'm not sure its anything. thoughts?";
  /** Every question read as a request for the contacts, the signs next. */
  const readAsContacts = () =>
    readingFirst([
      { label: '~contacts', probability: 0.65 },
      { label: 'warning-signs', probability: 0.14 },
    ]);

  it('gets its likeliest topic, with the numbers that answer now', () => {
    const c = readAsContacts();
    expect(ask(q, c)).toMatchObject({ route: 'topic', topic: 'warning-signs' });
    expect(textOf(q, c)).toContain(shipped.phone('mash'));
  });

  it('but a message that describes no young person still gets the contacts', () => {
    expect(ask('the usual people please, the ones i rang last time', readAsContacts()).route).toBe(
      'contacts',
    );
  });
});

describe('a pair of topics read alike', () => {
  /** Every question read as `label`. */
  const sureOf = (label: string) => readingFirst([{ label, probability: 0.9 }]);

  it.each([
    ['what pushes young people towards exploiters in the first place', 'pull-factors', 'push-factors'],
    ['what pulls young people in to exploiters', 'push-factors', 'pull-factors'],
  ])('"%s", read as %s, names only the other of the pair and gets %s', (q, read, topic) => {
    expect(ask(q, sureOf(read))).toMatchObject({ route: 'topic', topic });
  });

  it('"push and pull factors" names both, and keeps the reading', () => {
    expect(ask('push and pull factors', sureOf('pull-factors'))).toMatchObject({ topic: 'pull-factors' });
  });
});

describe('an acronym in a case', () => {
  it('"what\'s this?" after a case asks what is happening, not what the acronym stands for', () => {
    const q =
      "careers adviser - 17yo NEET lad says he's making decent money doing 'deliveries' to Basingstoke, has 2 phones, gets nervous when one rings. what's this?";
    expect(ask(q).route).toBe('topic');
    expect(textOf(q)).not.toMatch(/I don't know what NEET stands for/);
  });
});

describe('asking what the MASH is, though the message names a call to it', () => {
  it.each(['my manager says call the mash but i dont know what it is', 'what is the mash exactly'])(
    '"%s" gets what the MASH is',
    (q) => {
      expect(ask(q).topic).toBe('mash-contacts');
    },
  );

  it('"what is the mash number" still gets the numbers', () => {
    expect(ask('what is the mash number').route).toBe('contacts');
  });
});

describe('how to talk with the young person or their family about a worry', () => {
  it.each([
    'how can I talk to a lad im worried about without him clamming up',
    'whats the best way to bring it up with her dad',
    'how i speak with the girl in a kind way?',
    'any tips on talking to her parents about what i have seen',
  ])('"%s" gets how to talk about a concern (OFNR)', (q) => {
    expect(ask(q).topic).toBe('ofnr');
  });

  it('a question with a plain topic of its own keeps it', () => {
    expect(
      ask(
        'my foster daughter (14) says everyone at school sends nudes. how do I talk to her about the nudes?',
      ).topic,
    ).toBe('sharing-nudes');
  });

  it('"who can I talk to" is not how to talk to a child', () => {
    expect(ask('who can i talk to about this').topic).not.toBe('ofnr');
  });
});

describe('what someone is called is not a call to make', () => {
  it('"she call him by his first name" in a case at the weekend does not ask for the out-of-hours number', () => {
    const a = ask(
      'girl 14 goes to the coast every weekend with a man of 40, says he is her uncle but she call him by his first name. is this exploitation?',
    );
    expect(a.route).toBe('topic');
  });
});

describe('what a message asks, in words of its own', () => {
  it.each([
    // A vehicle's details go to the police on their information form, not in a phone call.
    [
      'same car picks up boys from the hotel every night, how do i give police the reg number',
      'sharing-information-with-police',
    ],
    ['who do i give the car regs to', 'sharing-information-with-police'],
    // Whether the out-of-hours service visits is its own topic's.
    ['if i ring out of hours at 2am will someone actually go out', 'out-of-hours'],
    ['if I call ooh at 2 in the night, somebody come really or only on phone?', 'out-of-hours'],
    ['how does the out of hours service work, is it a social worker or a call centre', 'out-of-hours'],
    ['If I ring out of hours, do they pass it on to the MASH in the morning?', 'out-of-hours'],
    ['do the ooh team pass things on to the mash in the morning', 'out-of-hours'],
    ['the ooh team tell the day team what i said to them or i must call again in morning?', 'out-of-hours'],
    ['Out of hours service is for emergency only or I can call for advice?', 'out-of-hours'],
    ['is possible to do cserq4 with child through interpreter?', 'cserq4'],
    ['can non social workers use the cserq4 or is it just for professionals', 'cserq4'],
    ['if I call the ooh team in the night they will send someone to the hotel?', 'out-of-hours'],
    ['My English is not good, I can refer by email or must I speak on phone?', 'making-a-referral'],
    [
      "how do i protect myself from false allegations as a lone tutor teaching in kids' homes",
      'looking-after-yourself',
    ],
    // A child who goes missing again and again, when nothing else places the message.
    ['missing from the hotel again, 3rd time this month', 'missing-children'],
    ["the child I'm IV for keeps going missing from her placement at weekends", 'missing-children'],
    // When the family is told who told, which the referral steps say.
    ['will they tell the parents it was me', 'making-a-referral'],
    [
      'will the family find out it was me who reported them, im in and out of that house for repairs',
      'making-a-referral',
    ],
    // A leaflet or a policy, when nothing else places the message.
    ['Is there leaflet or small card for keep in my van?', 'documents'],
    ['I need a child protection policy for my tutoring business, where do I get one', 'documents'],
    // What signs, asked in so many words after a case that reads as another topic.
    [
      'last weekend a girl got attacked near the bus station, police dealt with it, but what signs should we have spotted earlier',
      'warning-signs',
    ],
    // What to look for, people in trusted roles and how children are drawn in, when nothing else places them.
    ['as night receptionist what i should look for when under 18 come to hotel', 'warning-signs'],
    ['what about people in trusted roles like coaches, tutors, houseparents', 'who-can-groom'],
    ['gifts, lifts, vapes, takeaways - is that how they reel them in?', 'pull-factors'],
    // Not home for days: missing now, which the police hear about at once.
    [
      '15 years old girl on our visit list, mum tell me she not come home since tuesday. what happen now?',
      'missing-children',
    ],
    ['local figures on missing episodes linked to exploitation', 'local-data'],
    ['mash - what does it actually do once i ring it', 'mash-contacts'],
    // There is no need to wait a day, which the missing-children topic says first.
    ['do we have to wait 24h to report', 'missing-children'],
    ['lad 14 being blackmailed over pics, hes not in danger rn hes at home. what do we do', 'sextortion'],
    // How a referral is made is the referral steps', not the list of numbers.
    ['referal to mash - online or phone?', 'making-a-referral'],
    // A "contact centre" is where the asker works, not a number asked for.
    [
      "Contact centre: caller says her neighbour's 13 year old daughter goes off with men in cars at night. How do I refer that on?",
      'making-a-referral',
    ],
    // Images held over a young person, for money or for more images.
    [
      "14 yo girl sent nudes to someone online she thought was a boy her age, now he's asking for more or he'll share them",
      'sextortion',
    ],
    // Someone to talk to about what the practitioner saw.
    ['who do I talk to after seeing something upsetting at a property', 'looking-after-yourself'],
    ['had a rough night dealing with a kid whod been assaulted, who do i talk to', 'looking-after-yourself'],
    [
      "had a really grim call with a dad today about what happened to his son, can't shake it",
      'looking-after-yourself',
    ],
    // The NSPCC's helpline, by what it is for.
    ['Is there national phone line for adult who worry about child?', 'national-resources'],
    [
      'what is the multi agency safeguarding hub in portsmouth and what they do with my call',
      'mash-contacts',
    ],
  ])('"%s" → %s', (q, topic) => {
    expect([ask(q).route, ask(q).topic]).toEqual(['topic', topic]);
  });

  it.each([
    'what is the telephone of the team for children at risk, is for my colleague in the sudanese community association',
    'where do I report a concern about a child in portsmouth, phone or online?',
    'i dont have one im self employed, who do i ask then',
    'best number for a concern abt a yp 2moro morning',
  ])('"%s" gets who to call', (q) => {
    expect(ask(q).route).toBe('contacts');
  });

  it.each(['I am not social worker, I am gas engineer, I can use this?', 'which topics you know?'])(
    '"%s" gets what the bot can do',
    (q) => {
      expect(ask(q).route).toBe('help');
    },
  );

  it('"Is the MASH a place or a team? I am confused" is what the MASH is', () => {
    expect(ask('Is the MASH a place or a team? I am confused').topic).toBe('mash-contacts');
  });

  it('a calm disclosure that reads most like "when to call 999" gets the next likeliest topic, not a "did you mean"', () => {
    // The classifier: the emergency topic 0.74, how to refer 0.25. "shes safe now" rules 999 out.
    const q =
      'a girl told me last week that an older lad raped her at a party a few months ago, shes safe now, what do i do with that';
    expect([ask(q).route, ask(q).topic]).toEqual(['topic', 'making-a-referral']);
  });

  it('"no emergency just want to know what cuckooing means" is not when to call 999', () => {
    expect(ask('no emergency just want to know what cuckooing means').topic).not.toBe('emergency');
  });

  it('"what the partnership does on CSE" asked of a councillor is the local response', () => {
    expect(
      ask(
        "I've been asked a question at full council about what the partnership does on CSE. what should I say",
      ).topic,
    ).toBe('local-response');
  });

  it('"what is the cserq4 and when should i use it" is the CSERQ4, not what the bot can do', () => {
    expect(ask('what is the cserq4 and when should i use it').topic).toBe('cserq4');
  });

  it('"how to renew my nursing registration" is not a vehicle registration for the police', () => {
    expect(ask('please can you tell me how to renew my nursing registration').topic).not.toBe(
      'sharing-information-with-police',
    );
  });
});
