/**
 * A conversation, not only questions: a short reply is read against what the
 * bot just offered or answered, for a few minutes, and only ids are kept.
 * Topics are Testshire's made-up ones (its knowledge folder).
 */
import { describe, expect, it } from 'vitest';
import { allText, startChat } from '../helpers/chat';
import { Q1 } from '../helpers/patterns';
import { shipped } from '../helpers/area';

describe('an offer of a screening', () => {
  it('is taken up by "yes"', async () => {
    const chat = startChat();
    expect(allText(await chat.say('I am worried about a girl in year 10'))).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes'))).toMatch(Q1);
  });

  it('is turned down by "no thanks", with no apology and no contacts block', async () => {
    const chat = startChat();
    await chat.say("I'm concerned about a 14 year old pupil");
    const reply = allText(await chat.say('no thanks'));
    expect(reply).toMatch(/^OK\./);
    expect(reply).not.toMatch(/sorry|MASH/i);
    expect(reply).not.toContain(chat.area.mash.name);
    expect(reply).not.toContain(chat.area.phone('mash'));
  });

  it('turned down after the signs leaves the signs as what "how do i report it then" is about', async () => {
    const chat = startChat({ area: shipped });
    await chat.say(
      'lad about 13 in the library every day in school hours, new trainers every week, always on his phone and goes out when it rings. bit worried tbh',
    );
    expect(allText(await chat.say('no thanks'))).toMatch(/^OK\./);
    expect(allText(await chat.say('how do i report it then'))).toMatch(/^\*\*Making a referral/);
  });

  it('comes with the answer when the worry also asks something, and "yes" still takes it up', async () => {
    // The shipped content: its classifier reads the question inside the worry.
    const chat = startChat({ area: shipped });
    const reply = allText(
      await chat.say("I'm worried about a 14 year old lad at my club, can a woman be a groomer?"),
    );
    expect(reply).toMatch(/Who can be a groomer/i);
    expect(reply).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes'))).toMatch(Q1);
  });

  it('is made to a grandparent worried about a granddaughter, and "yes please" takes it up', async () => {
    const chat = startChat({ area: shipped });
    const reply = allText(
      await chat.say("I'm worried about my granddaughter 15, she has changed so much this year"),
    );
    expect(reply).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes please'))).toMatch(Q1);
  });

  it('comes with the signs when the worry tells what happened, the young person named first', async () => {
    const chat = startChat({ area: shipped });
    const reply = allText(
      await chat.say(
        'girl of about 15 keeps being collected from the leisure centre by men in different cars, im worried about her',
      ),
    );
    expect(reply).toMatch(/Signs a child is being exploited/);
    expect(reply).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes'))).toMatch(Q1);
  });

  it('comes with the topic when the worry says what is going on, and "lets go through it" takes it up', async () => {
    const chat = startChat({ area: shipped });
    const reply = allText(
      await chat.say(
        'youth worker - worried about a 14 yo lad, i think hes selling drugs for some older boys',
      ),
    );
    expect(reply).toMatch(/county lines/i);
    expect(reply).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes please lets go through it'))).toMatch(Q1);
  });

  it('comes with the signs when the worry says what is happening but shows no one topic', async () => {
    const chat = startChat({ area: shipped });
    const reply = allText(
      await chat.say('I am worry for a girl 14 years, she come to the pharmacy with different men'),
    );
    expect(reply).toMatch(/^\*\*Signs a child is being exploited/);
    expect(reply).toMatch(/CSERQ4 screening/);
    expect(allText(await chat.say('yes'))).toMatch(Q1);
  });

  it('is offered alone when the worry asks to check the risk', async () => {
    const chat = startChat({ area: shipped });
    const reply = allText(await chat.say('worried about a lad in my form, can you help me check his risk'));
    expect(reply).not.toMatch(/Signs a child is being exploited/);
    expect(reply).toMatch(/CSERQ4 screening/);
  });

  it('is taken up in so many words: "yes please, lets do it"', async () => {
    const chat = startChat();
    await chat.say('I am worried about a girl in year 10');
    expect(allText(await chat.say('yes please, lets do it'))).toMatch(Q1);
  });

  it.each(['yes please go on', 'ok go ahead then', 'sure, yes please'])(
    'is taken up by a yes in a few words: "%s"',
    async (yes) => {
      const chat = startChat();
      await chat.say('I am worried about a girl in year 10');
      expect(allText(await chat.say(yes))).toMatch(Q1);
    },
  );

  it('is not taken up by "ok thanks", which closes the exchange', async () => {
    const chat = startChat();
    await chat.say('I am worried about a girl in year 10');
    expect(allText(await chat.say('ok thanks'))).not.toMatch(Q1);
  });

  it.each(['what do I do now?', 'What I do now?'])(
    '"%s" after the offer gets how to refer',
    async (followUp) => {
      const chat = startChat();
      await chat.say('I am worried about a girl in year 10');
      expect(allText(await chat.say(followUp))).toMatch(/Making a referral in Testshire/);
    },
  );

  it('is forgotten after ten minutes: a late "yes" starts nothing', async () => {
    let now = new Date('2026-11-25T10:00:00Z');
    const chat = startChat({ now: () => now });
    await chat.say('I am worried about a girl in year 10');
    now = new Date(now.getTime() + 11 * 60_000);
    expect(allText(await chat.say('yes'))).not.toMatch(Q1);
  });
});

describe('a follow-up read against the topic just answered', () => {
  it('"what should I do about it" after the signs gets how to refer', async () => {
    const chat = startChat();
    expect(allText(await chat.say('what are the lantern signs'))).toMatch(/The Testshire lantern signs/);
    expect(allText(await chat.say('what should I do about it'))).toMatch(/Making a referral in Testshire/);
  });

  it.each([
    'I see many of these in a pupil of mine. What should I do about it?',
    'ok n wat should i do about it if i see them',
    'ok i think one of my y9s has most of them what do i do',
  ])('"%s", after the signs, gets how to refer', async (followUp) => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say(followUp))).toMatch(/Making a referral in Testshire/);
  });

  it.each(['what happens next', 'ok and after that?'])(
    '"%s" after how to refer gets the steps again, not only the numbers',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say('how do i make a referral');
      expect(allText(await chat.say(followUp))).toMatch(/^\*\*Making a referral/);
    },
  );

  it.each([
    // Sextortion's answer opens by saying where to report it.
    ['what is sextortion', 'how do i report that', /^\*\*Sextortion/],
    ['what is sextortion', 'how do I report him', /^\*\*Sextortion/],
    // Asked again more simply: the answer just given.
    [
      'what is child criminal exploitation',
      'Sorry, can you explain more simple? My English not so good',
      /^\*\*Child criminal exploitation/,
    ],
    [
      'how do we build a safeguarding culture in our club',
      'any policy docs for that',
      /^\*\*Safeguarding documents/,
    ],
    // After the local figures, "and X?" asks for the figures about X.
    ['how many children are exploited in portsmouth', 'and county lines specifically', /^\*\*Local MET data/],
    // Whether the sender is named, after the police's information form.
    [
      'what is the ad362 form for',
      'can i stay anonymous',
      /^\*\*Sharing non-urgent information with the police/,
    ],
    [
      'what is the nrm',
      'I can make the referral myself as employer?',
      /^\*\*The National Referral Mechanism/,
    ],
    // After the 999 call, what else to do: how to refer.
    [
      'a man is dragging a girl into a car right now',
      'ok ive rung 999, what else should i do after',
      /Making a referral/,
    ],
    // After the NRM, referring is referring into it.
    [
      "I'm a solicitor. What is the NRM?",
      'Am I able to refer a client myself?',
      /^\*\*The National Referral Mechanism/,
    ],
    [
      'what does NRM stand for',
      'how do i make one for a 16yo from Vietnam who was working in a nail bar',
      /^\*\*The National Referral Mechanism/,
    ],
    // The body a term names, then what it does.
    ['what does MASH stand for', 'what do they actually do', /^\*\*The Portsmouth MASH/],
    // Why the words in a record matter: what blaming does.
    [
      "colleague wrote 'she chose to go with them again' in the log. is that ok to write?",
      'why is that a problem tho',
      /^\*\*Victim blaming/,
    ],
    // Images and money: sextortion, whose answer says what to do.
    ['what is sextortion', 'the kid has already paid once, what now', /^\*\*Sextortion/],
    [
      'a 14yo sent a nude to a boy in her class',
      'the boy who got it is now threatening her for money',
      /^\*\*Sextortion/,
    ],
    // The same worry online, after a topic that is not about it.
    ['who can be a groomer', 'and online?', /^\*\*Online grooming/],
    // The same question about an adult.
    ['What is MASH?', 'They can help also for adult?', /^\*\*Adult safeguarding/],
    // Where the police's information form goes, with "where" mistyped.
    [
      'what is the ad362 form for',
      'wher do i send it',
      /^\*\*Sharing non-urgent information with the police/,
    ],
    // How to refer, asked again after the referral steps: the steps, not only the numbers.
    ['how do i make a referral', 'how do i refer him to childrens services then', /^\*\*Making a referral/],
    // An adult's case, then a care history: the care leavers' answer.
    [
      'client is 19 and being exploited by a group of men, who do i tell',
      'she was in care until last year',
      /^\*\*Care leavers/,
    ],
    // Whether it is trafficking, after a case read as criminal exploitation: the NRM.
    [
      'student says older lads make him carry packages to fratton for cash',
      'is he trafficked then?',
      /^\*\*The National Referral Mechanism/,
    ],
    // Who takes part, after the panels: the same topic.
    [
      'is there a multi agency panel for exploitation in portsmouth',
      'can councillors sit on it',
      /^\*\*The local response to exploitation/,
    ],
    // How to tell whether it is happening, after what CSE is: the signs.
    ['what is mean CSE', 'and how i know if girl have this', /^\*\*Signs a child is being exploited/],
    // What the city does, asked without "does", after the local figures.
    [
      'how many cases of exploitation there are in portsmouth?',
      'and what the city do about it?',
      /^\*\*The local response to exploitation/,
    ],
    // Where to get the police's information form, after what it is.
    ['whats the AD362', 'where do i get the form', /^\*\*Sharing non-urgent information with the police/],
  ])('"%s", then "%s", gets the answer that follow-up asks for', async (first, next, title) => {
    const chat = startChat({ area: shipped });
    await chat.say(first);
    expect(allText(await chat.say(next))).toMatch(title);
  });

  it.each(['and if its really serious', 'what if it gets urgent'])(
    '"%s" after the numbers gets the numbers again, 999 with them',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say('who do i ring if a kid on our trip tells me something');
      const reply = allText(await chat.say(followUp));
      expect(reply).toContain(shipped.phone('mash'));
      expect(reply).toMatch(/999/);
    },
  );

  it('"can i do one now" after what the CSERQ4 is starts it', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what is the cserq4');
    expect(allText(await chat.say('can i do one now'))).toMatch(Q1);
  });

  it('"he\'s driven off, her mum\'s collected her. what now" after the 999 reply gets how to refer', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('a man is trying to get a girl into his car outside');
    expect(allText(await chat.say("ok he's driven off, her mum's collected her. what now"))).toMatch(
      /^\*\*Making a referral/,
    );
  });

  it('"who do i tell" after the signs gets who to call now', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what are the signs of cse');
    const reply = allText(await chat.say('who do i tell'));
    expect(reply).toMatch(/^\*\*Who to call/);
    expect(reply).toContain(shipped.phone('mash'));
  });

  it('"what do I do now" after how to refer gets whom to ring now', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('how do i make a referral');
    const reply = allText(await chat.say('what do I do now'));
    expect(reply).not.toMatch(/^\*\*Making a referral/);
    expect(reply).toContain(shipped.phone('mash'));
  });

  it('"what do i actually do" after the signs gets how to refer, not when to call 999', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what are the warning signs of CSE');
    const reply = allText(
      await chat.say('ok and if i notice some of them in a boy at our club what do i actually do'),
    );
    expect(reply).toMatch(/^\*\*Making a referral/);
  });

  it('"what should I do about my car insurance" after the signs is not read against them', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say('what should I do about my car insurance'))).not.toMatch(
      /Making a referral in Testshire/,
    );
  });

  it('a short question pointing back ("who is allowed to make one?") is read against the topic', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('what is the national referral mechanism'))).toMatch(/National Referral/);
    expect(allText(await chat.say("who's allowed to make one?"))).toMatch(/National Referral/);
  });

  it.each(['what if she was 17 instead', 'what if she was 17 tho'])(
    'a changed age after the age-gap answer ("%s") stays on the age gap',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      expect(allText(await chat.say('15yo with a 20yo bf, do we flag it?'))).toMatch(/age gap/i);
      expect(allText(await chat.say(followUp))).toMatch(/older partner question/i);
    },
  );

  it.each([
    ['and if she was 26?', /^\*\*Adult safeguarding/],
    ['what if he was 30', /^\*\*Adult safeguarding/],
    ['what if she was 21 instead', /^\*\*Care leavers/],
  ])(
    'after a care leaver\'s case, an adult\'s age ("%s") is answered for that age',
    async (followUp, title) => {
      const chat = startChat({ area: shipped });
      await chat.say('our 19yo care leaver has older men hanging round her flat. childrens or adults?');
      expect(allText(await chat.say(followUp))).toMatch(title);
    },
  );

  it("an adult's age after the age-gap answer is the partner's, and stays on the age gap", async () => {
    const chat = startChat({ area: shipped });
    await chat.say('15yo with a 17yo bf, do we flag it?');
    expect(allText(await chat.say('what if he was 22'))).toMatch(/older partner question/i);
  });

  it('a reply about the child in words the content does not use stays on the topic just answered', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('15yo with a 20yo bf, do we flag it?'))).toMatch(/age gap/i);
    const reply = allText(
      await chat.say("she says its serious and they're in love, does that change anything?"),
    );
    expect(reply).toMatch(/older partner question/i);
  });

  it('a question about using it with "my foster teen" stays on the topic just answered', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('what is ofnr'))).toMatch(/OFNR/);
    expect(allText(await chat.say('how would i use that with my foster teen who shouts at me'))).toMatch(
      /^\*\*OFNR/,
    );
  });

  it('"should we tell his parents?" after sharing nudes stays on it, though "tell" is in another title', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('a nude of a year 9 boy is going round the group chat'))).toMatch(
      /^\*\*Sharing nudes/,
    );
    expect(allText(await chat.say('should we tell his parents?'))).toMatch(/^\*\*Sharing nudes/);
  });

  it('a longer question about the child, which the bot cannot place on its own, gets the topic just answered', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('what happens when a child keeps going missing from care'))).toMatch(
      /A child who is missing/,
    );
    const reply = allText(
      await chat.say("he's back now. does somebody talk to him afterwards about where he had been?"),
    );
    expect(reply).toMatch(/^\*\*A child who is missing/);
  });

  it('"so how do i talk to them then" after why children do not tell gets how to talk about it', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('why do young people keep it to themselves'))).toMatch(
      /^\*\*Why children don't tell/,
    );
    expect(allText(await chat.say('so how do i talk to them then'))).toMatch(/^\*\*OFNR/);
  });

  it('"is there a form for that" after sharing information with the police stays on it', async () => {
    const chat = startChat({ area: shipped });
    expect(
      allText(await chat.say('can i pass the police a car reg i keep seeing at the park, nothing urgent')),
    ).toMatch(/Sharing non-urgent information with the police/);
    expect(allText(await chat.say('is there a form for that'))).toMatch(
      /^\*\*Sharing non-urgent information with the police/,
    );
  });

  it.each(['wheres the form for that', 'and the form for it?'])(
    '"%s" after sharing information with the police is its form, not every safeguarding form',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say('how do i let the police know about a dodgy car outside school, its not urgent');
      expect(allText(await chat.say(followUp))).toMatch(
        /^\*\*Sharing non-urgent information with the police/,
      );
    },
  );

  it('"wheres the form" after the signs is still the list of safeguarding forms', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what are the signs of cse');
    expect(allText(await chat.say('wheres the form for that'))).not.toMatch(
      /^\*\*Sharing non-urgent information with the police/,
    );
  });

  it('"does it wait until monday?" after the numbers at night asks how the out-of-hours service works', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('who do i ring at 3am about a kid, nobody hurt just worried');
    expect(allText(await chat.say('and then what happens, does it wait until monday?'))).toMatch(
      /^\*\*Out of hours/,
    );
  });

  it.each([
    ['contextual safeguarding?', 'can u give example like a park or a shop', /^\*\*Contextual safeguarding/],
    ['what is OFNR', 'give me example for a shop please, my english not so good', /^\*\*OFNR/],
    ['what is OFNR', 'Can you give me example how to use it with a child?', /^\*\*OFNR/],
  ])('after "%s", "%s" asks for more of it', async (first, next, title) => {
    const chat = startChat({ area: shipped });
    await chat.say(first);
    expect(allText(await chat.say(next))).toMatch(title);
  });

  it.each([
    ['county lines - what is it exactly?', 'how do I refer a lad I think is caught up in it'],
    [
      'door staff asking - signs a girl is being groomed by older men outside the club?',
      'ok and if we spot it what do we actually do about it',
    ],
  ])('after "%s", "%s" asks how to refer', async (first, next) => {
    const chat = startChat({ area: shipped });
    await chat.say(first);
    expect(allText(await chat.say(next))).toMatch(/^\*\*Making a referral to Children's Services/);
  });

  it('"how do i refer him to the nrm" after the NRM stays on the NRM', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what is the national referral mechanism');
    expect(allText(await chat.say('how do i refer him to the nrm'))).toMatch(
      /^\*\*The National Referral Mechanism/,
    );
  });

  it.each(['who can submit it', "who's allowed to refer"])(
    '"%s" after the NRM asks about the NRM',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say('should i do an nrm for him');
      expect(allText(await chat.say(followUp))).toMatch(/^\*\*The National Referral Mechanism/);
    },
  );

  it.each([
    'and what does the city actually do about it',
    'who deals with it here then',
    'whats being done about it locally',
  ])('"%s" after the local figures asks what Portsmouth does', async (next) => {
    const chat = startChat({ area: shipped });
    await chat.say('is cse a big problem in portsmouth');
    expect(allText(await chat.say(next))).toMatch(/^\*\*The local response to exploitation/);
  });

  it('"so how should i talk to them then" after why children do not tell is how to talk with them', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('why kids dont tell anybody what is happening');
    expect(allText(await chat.say('so how should i talk to them then'))).toMatch(/^\*\*OFNR/);
  });

  it('"its happening to one of my boys" after sextortion gets the 999 reply, then sextortion', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what is sextortion');
    const reply = allText(
      await chat.say('its happening to one of my boys right now, they want money by 10pm'),
    );
    expect(reply).toMatch(/999/);
    expect(reply).toMatch(/\*\*Sextortion/);
  });

  it.each([
    'a girl in my tutor group says its happening to her, she is safe at home now, what do i say to her',
    'one of my lads has this now, they want £50 off him, what does he do',
  ])('"%s" after sextortion, with no one in danger now, stays on sextortion', async (followUp) => {
    const chat = startChat({ area: shipped });
    await chat.say('what is sextortion');
    expect(allText(await chat.say(followUp))).toMatch(/^\*\*Sextortion/);
  });

  it('a calm "should i tell the police?" is not asking when to call 999', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('fixing a phone for a customer and saw naked pics of a girl, looks about 14 15');
    const reply = allText(
      await chat.say('should i tell the police? no one in danger right now, customer picks it up tomorrow'),
    );
    expect(reply).toMatch(/^\*\*Sharing non-urgent information with the police/);
  });

  it('a short question the bot cannot place on its own is read against the topic just answered', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what does the NRM cover');
    expect(allText(await chat.say('is there a time limit'))).toMatch(/National Referral/);
  });

  it('a short question in words practitioners use of the topic ("who\'s allowed to refer") is read against it', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what is the national referral mechanism');
    expect(allText(await chat.say("who's allowed to refer"))).toMatch(/National Referral/);
  });

  it('a short question the bot only guesses at ("can teachers submit directly?") is read against the topic', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what is the national referral mechanism');
    expect(allText(await chat.say('can teachers submit directly?'))).toMatch(/National Referral/);
  });

  it('a short question naming another topic ("and the push ones?") gets that topic, not the last one', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what are pull factors');
    expect(allText(await chat.say('and the push ones?'))).toMatch(/^\*\*Push factors/);
  });

  it.each([
    ['what are push factors', 'and the other kind?', /^\*\*Pull factors/],
    ['what are pull factors', 'what about the other side, stuff at home?', /^\*\*Push factors/],
    ['can you explain push factors for me', 'what about the pull side?', /^\*\*Pull factors/],
  ])('after "%s", "%s" gets the other kind', async (first, followUp, title) => {
    const chat = startChat({ area: shipped });
    await chat.say(first);
    expect(allText(await chat.say(followUp))).toMatch(title);
  });

  it.each([
    'who can refer someone into it?',
    'Can a teacher refer directly?',
    'can I refer as a foster carer',
  ])(
    'after the National Referral Mechanism, "%s" (a word of its title) is read against it',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say('what is the national referral mechanism');
      expect(allText(await chat.say(followUp))).toMatch(/^\*\*The National Referral Mechanism/);
    },
  );

  it.each(['who can i talk to about it', 'is there anyone i can talk to?'])(
    'after looking after yourself, "%s" stays on support for the practitioner',
    async (followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say('had my first disclosure today as a TA, cant stop shaking');
      const reply = allText(await chat.say(followUp));
      expect(reply).toMatch(/^\*\*Keeping ourselves safe/);
      expect(reply).not.toMatch(/^\*\*Who to call/);
    },
  );

  it('after looking after yourself, "thank you, I\'ll speak to my line manager" does not repeat it', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('had my first disclosure today as a TA, cant stop shaking');
    expect(allText(await chat.say("thank you, I'll speak to my line manager"))).not.toMatch(
      /Keeping ourselves safe/,
    );
  });

  it('after looking after yourself, "who do i call about the girl" still gets who to call', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('had my first disclosure today as a TA, cant stop shaking');
    expect(allText(await chat.say('who do i call about the girl'))).toMatch(/Who to call/);
  });

  it('"who goes to it" after what MET stands for gets the local response, where the MET group is', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what does MET stand for');
    expect(allText(await chat.say('who goes to it'))).toMatch(/^\*\*The local response to exploitation/);
  });

  it('a question of pointers alone ("who can do one?") is read against the term just explained', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what does NRM stand for');
    expect(allText(await chat.say('who can do one?'))).toMatch(/^\*\*The National Referral Mechanism/);
  });

  it.each([
    ['what does NRM stand for', 'can I do one as a midwife or does it have to be police?'],
    ['how does an NRM referral work for a child', 'can a door supervisor make one or only police?'],
  ])(
    'after "%s", a longer question pointing back that the bot cannot place ("%s") is read against it',
    async (first, followUp) => {
      const chat = startChat({ area: shipped });
      await chat.say(first);
      expect(allText(await chat.say(followUp))).toMatch(/^\*\*The National Referral Mechanism/);
    },
  );

  it('a longer question pointing back that the bot places on its own keeps its own answer', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what does NRM stand for');
    expect(
      allText(await chat.say('what are the signs that a child is being groomed online, is it common?')),
    ).not.toMatch(/^\*\*The National Referral Mechanism/);
  });

  it('"and whats their email" after a topic gets who to call, with the email', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    const reply = allText(await chat.say('and whats their email'));
    expect(reply).toMatch(/Who to call/);
    expect(reply).toContain(chat.area.email(chat.area.mash.id));
  });

  it.each(['how do i get hold of them', 'OK and how I can call them?'])(
    '"%s" after a topic gets who to call now',
    async (followUp) => {
      const chat = startChat();
      await chat.say('what are the lantern signs');
      const reply = allText(await chat.say(followUp));
      expect(reply).toMatch(/Who to call/);
      expect(reply).toContain(chat.area.mash.name);
    },
  );

  it('"can i still report it" inside a longer reply after the signs gets how to refer', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say('i dont work for the school tho, can i still report it'))).toMatch(
      /Making a referral in Testshire/,
    );
  });

  it.each([
    'and then what',
    'then what?',
    'where do I send it',
    'how I report it',
    'ok so what do i actually do with that',
  ])('"%s" after the signs gets how to refer', async (followUp) => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say(followUp))).toMatch(/Making a referral in Testshire/);
  });

  it.each([
    'and if its sunday',
    'what about weekends?',
    'and if its 9pm on a friday?',
    'and at 7.30am',
    'and if its not urgent but its sunday?',
  ])('"%s" after a topic gets who to call then', async (followUp) => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    const reply = allText(await chat.say(followUp));
    expect(reply).toMatch(/Who to call/);
    expect(reply).toContain(chat.area.phone('out-of-hours'));
  });

  it('"and if its 15" after a topic is not read as a time', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say('and if its 15'))).not.toMatch(/Who to call/);
  });

  it.each([
    'ok she has most of them, what now',
    'what do i do, im not staff',
    'think ive got a lad doing it round the lantern, what now',
  ])('"%s" after the signs gets how to refer', async (followUp) => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say(followUp))).toMatch(/Making a referral in Testshire/);
  });

  it('"where do i report it" after online grooming and reporting to CEOP stays on that topic', async () => {
    const chat = startChat({ area: shipped });
    expect(allText(await chat.say('what are the signs of online grooming'))).toMatch(/CEOP/);
    expect(allText(await chat.say('where do i report it'))).toMatch(
      /^\*\*Online grooming and reporting to CEOP/,
    );
  });

  it('"ok but who" after a topic gets who to call now', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    const reply = allText(await chat.say('ok but who'));
    expect(reply).toMatch(/Who to call/);
    expect(reply).toContain(chat.area.mash.name);
  });

  it('a short question about something else ("does it snow in Portsmouth?") is not', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('what is the national referral mechanism');
    expect(allText(await chat.say('does it snow in portsmouth'))).not.toMatch(/National Referral/);
  });

  it.each(['thanks, that helps', 'Thank you, that is very clear.', 'ok thx for that'])(
    '"%s" after a topic is small talk, not the topic again',
    async (thanks) => {
      const chat = startChat({ area: shipped });
      await chat.say('what is the national referral mechanism');
      expect(allText(await chat.say(thanks))).not.toMatch(/National Referral/);
    },
  );

  it.each([
    'give me an example from a leisure centre',
    'can u give me an example with a teen who missed curfew',
    'how does it work?',
    'any examples?',
    'like what',
  ])('"%s" after a topic stays on it', async (followUp) => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say(followUp))).toMatch(/^\*\*The Testshire lantern signs/);
  });

  it('"tell me more" stays on the same topic', async () => {
    const chat = startChat();
    await chat.say('what is a lantern walk');
    expect(allText(await chat.say('tell me more'))).toMatch(/What is a lantern walk\?/);
  });

  it('"and at the weekend?" after who to call is a contacts request', async () => {
    const chat = startChat();
    await chat.say('who do I call');
    const reply = allText(await chat.say('and at the weekend?'));
    expect(reply).toMatch(/Who to call/);
    expect(reply).toContain(`${chat.area.outOfHours.name}: ${chat.area.phone('out-of-hours')}`);
  });

  it.each(['and sat?', 'sunday night?', 'and if its gone 6?', 'what about 7pm'])(
    '"%s" after who to call is a contacts request',
    async (followUp) => {
      const chat = startChat();
      await chat.say('who do I call');
      const reply = allText(await chat.say(followUp));
      expect(reply).toMatch(/Who to call/);
      expect(reply).toContain(`${chat.area.outOfHours.name}: ${chat.area.phone('out-of-hours')}`);
    },
  );

  it('"ok lets do it" after what the CSERQ4 is starts the screening', async () => {
    const chat = startChat({ area: shipped });
    // What the letters stand for or the questionnaire's own topic: either says what it is, and offers it.
    expect(allText(await chat.say('cserq4 whats that then'))).toMatch(
      /Child Sexual Exploitation Risk Questionnaire/,
    );
    expect(allText(await chat.say('ok lets do it'))).toMatch(Q1);
  });

  it.each([
    ['ooh numbr', 'do they come out or is it just phone advice'],
    ['who do i call on a bank holiday', 'is that the same team that does weekends?'],
  ])('"%s", then "%s", gets what the out-of-hours service is and does', async (first, next) => {
    const chat = startChat({ area: shipped });
    await chat.say(first);
    expect(allText(await chat.say(next))).toMatch(/^\*\*Out of hours/);
  });

  it('"what do they actually do out of hours" after who to call gets the out-of-hours topic', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('duty team number please');
    expect(allText(await chat.say('what do they actually do out of hours'))).toMatch(/^\*\*Out of hours/);
  });

  it('"is it open over half term" after who to call is a contacts request', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('who do I call');
    expect(allText(await chat.say('is it open over half term'))).toMatch(/Who to call/);
  });

  it('"is that the same on bank hols" after who to call is a contacts request', async () => {
    const chat = startChat({ area: shipped });
    await chat.say('who do I call');
    expect(allText(await chat.say('is that the same on bank hols'))).toMatch(/Who to call/);
  });

  it('one of the offered titles, typed, opens that topic', async () => {
    const chat = startChat();
    await chat.say('what are the lantern signs');
    expect(allText(await chat.say('Making a referral in Testshire'))).toMatch(/made-up referral steps/);
  });

  it('keeps only ids in storage', async () => {
    const chat = startChat();
    await chat.say('what lantern signs should I look out for in a 14 year old');
    const stored = await chat.stored();
    expect(stored).toMatch(/recent/);
    expect(stored).toMatch(/lantern-signs/);
    expect(stored).not.toMatch(/14 year old|look out/);
  });
});
