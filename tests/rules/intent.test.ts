import { describe, expect, it } from 'vitest';
import {
  asksSomething,
  isGreetingOrHelp,
  soundsWorried,
  wantsInfoSharing,
  wantsScreening,
} from '../../src/rules/intent';

describe('starting a screening', () => {
  it.each([
    'screen',
    'screening',
    'start screening',
    'CSERQ4',
    'CSE screening',
    'Start a CSE screening',
    'can we do the cse questionnaire',
    'run the screening tool',
    'cserq 4',
    'begin screening for a young person',
  ])('starts on "%s"', (text) => expect(wantsScreening(text)).toBe(true));
  it.each([
    'what is the cserq4',
    'who is the cserq4 for',
    'screen share in teams',
    'how do I screen shot',
    'is screening compulsory?',
  ])('does not start on "%s"', (text) => expect(wantsScreening(text)).toBe(false));
});

describe('someone worried about a child', () => {
  it.each([
    "I'm worried about a child",
    'concerned about a 15 year old in year 10',
    'really worried about a girl in my class',
    'I have concerns about a pupil',
    'worried about a y10 lass, older lads keep picking her up from school',
    'concerned about a yp in our hostel',
  ])('offers the screening for "%s"', (text) => expect(soundsWorried(text)).toBe(true));
  it.each([
    'worried about my printer',
    'what are the signs of grooming',
    'my concern is about the mum, not the child - where does that go?',
  ])('does not for "%s"', (text) => expect(soundsWorried(text)).toBe(false));
  // The CSERQ4 asks nothing about online contact or images, so it is not offered as the answer to them.
  it.each([
    'worried a child is being groomed over xbox live',
    "I'm concerned about a 14 year old who is getting messages from an older man on snapchat",
    'worried about a year 10 girl whose nudes are going round',
    'concerned a pupil is being blackmailed with photos',
  ])('leaves a worry about online contact or images to the knowledge base: "%s"', (text) =>
    expect(soundsWorried(text)).toBe(false),
  );
});

describe('a worry that also asks something', () => {
  it.each([
    'im worried about an ex pupil whos 19 now, think shes being exploited. who handles adults',
    'worried about a girl, who do i tell',
    'concerned about a lad in year 9 - signs?',
    'worried about a pupil, what now',
  ])('"%s" asks', (text) => expect(asksSomething(text)).toBe(true));
  // "Who" after the young person it describes tells, and asks nothing; opening a sentence, it asks.
  it.each([
    "I'm worried about a lad in year 10 who comes to our boxing club, older men keep picking him up",
    'concerned about a girl who keeps going missing from the home',
    'im worried about a 13yo with autism who comes to my holiday club',
  ])('"%s" only tells', (text) => expect(asksSomething(text)).toBe(false));
});

describe('greetings and help', () => {
  it.each(['hi', 'Hello!', 'help', 'what can you do?'])('greets "%s"', (text) =>
    expect(isGreetingOrHelp(text)).toBe(true),
  );
  it.each(['help me make a referral'])('leaves "%s" to the knowledge base', (text) =>
    expect(isGreetingOrHelp(text)).toBe(false),
  );
});

describe('starting the information-sharing form', () => {
  it.each([
    'share information with police',
    'Community Partnership Information',
    'AD362',
    'ad 362',
    'intelligence',
    'report information',
    'I want to share some information with the police',
    'fill in the AD362 form',
    'can I submit intelligence',
  ])('starts on "%s"', (text) => expect(wantsInfoSharing(text)).toBe(true));
  it.each([
    'what is the AD362 form',
    'where do I send the AD362 form',
    'is the community partnership information form a referral',
    'what does intelligence led policing mean',
  ])('leaves the question "%s" to the knowledge base', (text) => expect(wantsInfoSharing(text)).toBe(false));
});
