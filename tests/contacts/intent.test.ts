import { describe, expect, it } from 'vitest';
import { contactsIntent, readForContacts } from '../../src/knowledge/contactsIntent';
import { loadAreaContacts } from '../../src/contacts/load';

const contacts = loadAreaContacts();

describe('asking who to call', () => {
  it.each([
    'who do I call',
    'MASH number',
    'out of hours',
    'out of hours number',
    'is MASH open?',
    'weekend number',
    'bank holiday number',
    'mash email',
    'what time does mash close',
    'duty team number evenings',
    'emergency duty service number',
    'christmas day who do i ring about a child',
    "I don't know the names. Who I tell?",
    'How do I reach someone urgently about a child outside 9 to 5?',
    'what number do escorts ring if something comes up on the school run',
    'who do i phone at night',
    'is there anyone i can ring at 6pm',
    'contact details for portsmouth childrens safeguarding',
    'phone number for the portsmouth multi agency safeguarding hub',
    'Please what is number for safeguarding children in Portsmouth, I am new worker from Poland',
    'who else should I tell',
    "where do i ring if i'm worried about a child and its christmas eve night",
    'its 10pm on a weds, safeguarding lead gone home, worried about a teen pt. who now?',
    'A teacher emailed our general inbox saying a pupil is being exploited. Where am I supposed to send this?',
    'bank holiday monday, the school is shut, I need to report a concern, what number',
    'a man who is 30 keeps picking up girls from school, who do i ring',
    'my shift finish 6am. If I worry for child at 4 in morning, who is open for call?',
    'what are their hours',
    'I feel worried about a girl in my class, whats the mash number',
    'ring who at 2am?',
    'what time does the hub shut on a friday',
    'cld u giv me the DT numbr 4 sunday',
    'The mother ask me which number she call in the night if she worry for her son. What I tell her?',
    'Caller wants the number to report a concern about a child, what do I give them?',
    'whos the out of hours emergency duty team for children',
    "who's the ooh duty service?",
    // "what is it" after a service's number asks for the number, not what the letters mean.
    'phone for childrens social care when office is closed, what is it',
    'is 101 right for this or is there someone else for kids',
  ])('routes "%s" to the contacts', (text) => {
    expect(contactsIntent(text, contacts)).not.toBeNull();
  });

  it.each([
    ['police non emergency number', 'police-non-emergency'],
    ['childline number', 'childline'],
    ['nspcc phone number', 'nspcc'],
    ['is there a number for the girl to call herself, she dont want police', 'childline'],
  ])('adds the named service for "%s"', (text, id) => {
    expect(contactsIntent(text, contacts)?.extra).toContain(id);
  });

  it.each([
    'what is the mash',
    'partnership intelligence form - where do I send it',
    'the number of children on the MET list this year',
    'how do I make a referral to MASH',
    'what are the signs of grooming',
    'who do I contact about a vulnerable adult',
    'what is childline',
    'where do I send the AD362 form',
    'a 13 year old sent a pic to a boy in her year. the school asked me to look at her phone. should I?',
    'AP student, 15, missing overnight again. Mum does not always call the police. What should happen?',
    'new mum on my caseload is 16 and just left care, her partner is 23. who do i tell?',
    'A man staying at our hostel is 19 with learning disabilities. Who do I report this to?',
    'one of our cleaners is 19 and has learning difficulties, her partner takes all her wages. who do i speak to?',
    'the girl turned out to be 19 - who do I tell about an adult at risk?',
    'what if the person is 19, who do I report to then',
    'care experienced lad 22, flat cuckooed, his PA isnt answering. who do i go to',
    "what's the number to report a streetlight out on our road",
    'woman in her 20s with learning difficulties, different men in and out of her flat, who do i tell',
    'drunk woman, early 20s, left with men she met in the bar, who do i tell',
    'Customer at job centre, woman 22, she say her partner take all her money and send her with other men. Who I contact?',
    "he is 19 and we think he's being trafficked, who do we contact",
  ])('leaves "%s" to the knowledge base', (text) => {
    expect(contactsIntent(text, contacts)).toBeNull();
  });

  it.each([
    'who do i cal at the weekend',
    'who do i cal at the wkend for a safeguarding concern',
    'mash numbr pls',
    'wots the ooh no. for portsmouth',
    'numbr for the out of hours duty team tonite?',
    'who 2 cal on sunday bout a gal',
    'ooh team numbr 4 tonite?',
    'need the mash no. asap, have a yp with me',
    'who do u call out of hrs',
    'what number do I ring tmrw morning',
    'whats the nmuber for the duty team',
    'contcat details for the mash',
    'emergancy duty service tel',
    'how do i get hold of social servces at nite',
    '12yo left at the station, parents not picking up - who from childrens servs do i ring',
  ])('reads the text-speak or typo in "%s" as asking who to call', (text) => {
    expect(contactsIntent(text, contacts)).not.toBeNull();
  });

  it.each([
    'how do i get hold of the MASH right now',
    'Which number should I ring on a Sunday?',
    'Is the MASH still open at 4.45 on a Friday?',
    "who's the best person to ring about a CSE worry at 9pm on a friday",
    'police MET team phone number',
    'Please what is telephone for children safeguarding in the night time?',
    'is there a out of hour number for social service? I am a foster carer',
    'bank hol monday - who covers childrens social care?',
    "who's covering the mash on boxing day",
    'a 15 year old and her 19yo boyfriend - who do I tell?',
    'ok and the number please',
    'whats their number',
    'whats there number',
    'is there a phone number instead',
    'and whats their email',
    'bank hols, does the hub still run?',
    "I work nights - what's the safeguarding line after 5pm?",
    'taxi driver here, is there a hotline to report this sort of thing',
    'do you have a number i can ring',
    "step-mum won't have the 14yo back tonight, nowhere safe for her. need social care now, who?",
    'who at the MASH should I speak to',
    "15yo dropped at A&E drunk, she's safe with us now. ward asking who we need to notify",
    'easter sunday, concern about a 14yo, who actually picks up the phone today',
    'new years day, worried about a 15yo, whos answering the phones at the council',
    'r they open at 8am tmrw',
    'is it open at night?',
    'who to ring about a 17yo we think is under 18 but placed in adult hotel, its the weekend',
    'he is 19 and she is 15, who do i tell',
  ])('routes the request "%s" to the contacts', (text) => {
    expect(contactsIntent(text, contacts)).not.toBeNull();
  });

  it.each([
    'what info do I need before I ring MASH - name dob address?',
    'i phoned mash, do i need to follow it up in writing',
    'girl 14, I referred her to the MASH last week - will they contact the family?',
    'a student I tutored was exploited and I feel awful. who can I talk to?',
    'Y9 girl, 14, new older bf, going missing overnight, v secretive with her phone. is this CSE?',
    'ex student, 19 now, think she is being exploited by her bf. who do I tell?',
    "ex pupil turned 18 last month, an older man has moved in and takes her benefits. she's an adult now so who do I contact?",
    'who do i tell about an 18 year old with learning difficulties being sexually exploited',
    'what is the duty team? I keep hearing about it on the phone',
    'who covers this topic in the induction training',
    'number of children on the exploitation list',
    'our DT teacher says the pupil is struggling, is that a sign',
    "15yo girl asked to borrow my phone to ring her 'man', said he goes mad if she doesnt call. small thing but it bothered me",
    'is there a policy on staff ringing parents out of hours',
    'is it open to parents as well',
    'who is picking up her kids from school',
    "night staff here. 15 yo girl on her phone all night whispering, deletes msgs, has a contact saved as 'Aunty' who def isnt family. anything specific i should look out for",
    'no',
    'no thanks',
    'She is 14 and talks every night on video call with man she met on internet, he say he will marry her when she is 16.',
  ])('leaves "%s", which is not asking whom to call, to the knowledge base', (text) => {
    expect(contactsIntent(text, contacts)).toBeNull();
  });

  it('does not bend short words into the words it looks for', () => {
    expect(readForContacts('who do i cal')).toBe('who do i call');
    expect(readForContacts('she sat by the cat')).toBe('she sat by the cat');
    expect(readForContacts('what does the helpline offer')).toBe('what does the helpline offer');
    // An inflection stays as typed; a typo the stemmer forgives is still mended.
    expect(readForContacts('i phoned them')).toBe('i phoned them');
    expect(readForContacts('emergancy duty service')).toBe('emergency duty service');
    // Real words one slip from a rule's word stay as typed.
    expect(readForContacts('small thing, the policy says were to ring')).toBe(
      'small thing the policy says were to ring',
    );
    expect(readForContacts('an easier contract')).toBe('an easier contract');
  });
});

describe('services whose number a knowledge topic gives', () => {
  it('names the topic for a question about a national helpline alone', () => {
    expect(contactsIntent('childline number', contacts)?.answeredBy).toBe('national-resources');
  });

  it('names no topic when a local service is asked for as well', () => {
    expect(contactsIntent('mash and childline numbers', contacts)?.answeredBy).toBeUndefined();
  });
});
