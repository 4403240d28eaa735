import { describe, expect, it } from 'vitest';
import { contactsIntent } from '../../src/contacts/intent';
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
    'who do i phone at night',
    'is there anyone i can ring at 6pm',
    'contact details for portsmouth childrens safeguarding',
    'phone number for the portsmouth multi agency safeguarding hub',
  ])('routes "%s" to the contacts', (text) => {
    expect(contactsIntent(text, contacts)).not.toBeNull();
  });

  it.each([
    ['police non emergency number', 'police-non-emergency'],
    ['childline number', 'childline'],
    ['nspcc phone number', 'nspcc'],
  ])('adds the named service for "%s"', (text, id) => {
    expect(contactsIntent(text, contacts)?.extra).toContain(id);
  });

  it.each([
    'what is the mash',
    'how do I make a referral to MASH',
    'what are the signs of grooming',
    'who do I contact about a vulnerable adult',
    'what is childline',
    'where do I send the AD362 form',
  ])('leaves "%s" to the knowledge base', (text) => {
    expect(contactsIntent(text, contacts)).toBeNull();
  });
});
