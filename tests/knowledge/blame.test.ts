import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { answer } from '../../src/knowledge/answer';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { blameTopic } from '../../src/knowledge/requests';

const contacts = loadAreaContacts();
const ctx = { contacts, knowledge: loadKnowledgeBase(contacts), now: new Date('2026-11-25T10:30:00Z') };

describe('blame quoted or asked about', () => {
  it.each([
    ['parents at the gate are saying she asked for it', 'victim-blaming'],
    ["a teacher said he's streetwise and knows what he's doing", 'victim-blaming'],
    ['the magistrate said she chose to go back to him, that felt wrong', 'victim-blaming'],
    ["is it right to say she's making lifestyle choices", 'victim-blaming'],
    ["my colleague wrote in the diary that he's choosing to hang around with dealers", 'respectful-language'],
    ['how do i write up that she puts herself at risk without blaming her', 'respectful-language'],
    ['can i write she was dressed provocatively in my report', 'respectful-language'],
    ['shes 15 and goes there willingly, isnt it up to her', 'victim-blaming'],
  ])('"%s" is %s, or the other of the two where the classifier is sure of it', (text, topic) => {
    expect(blameTopic(text)).toBe(topic);
    expect(['victim-blaming', 'respectful-language']).toContain(answer(text, ctx).topic);
  });

  it.each([
    "she told me she's not a victim and to mind my own business",
    'my foster girl 15 says she chose to go with them, so its not exploitation',
    'she chose to tell me about it at lunch',
    'what are the signs of grooming',
    // Her own view, however far into the sentence she says it.
    "She's 15 and keeps saying she isn't a victim, that she chose to be with these men",
  ])('"%s" is not blame', (text) => {
    expect(blameTopic(text)).toBeNull();
  });
});
