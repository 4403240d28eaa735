import { describe, expect, it } from 'vitest';
import { buildDraft, MAILTO_LIMIT } from '../../src/infoSharing/draft';
import { testshire } from '../helpers/area';
import { allText, play, startChat, type Row } from '../helpers/chat';
import { FORM, FORM_CANCELLED, STALE_CONVERSATION } from '../helpers/patterns';

const {
  danger: DANGER,
  childConcern: CHILD,
  crime: CRIME,
  information: INFO,
  source: SOURCE,
  recontact: RECONTACT,
  recontactDetails: RECONTACT_HOW,
  howFound: HOW_FOUND,
  organisation: ORG,
  telephone: PHONE,
  email: EMAIL,
} = FORM;

const toForm: Row[] = [
  ['share information with police', [/not a referral/, DANGER]],
  ['no', CHILD],
  ['no', CRIME],
  ['no', INFO],
];

describe('information for the police: triage', () => {
  it.each([
    'share information with police',
    'community partnership information',
    'AD362',
    'intelligence',
    'report information',
  ])('starts on "%s"', async (text) => {
    expect(allText(await startChat().say(text))).toMatch(DANGER);
  });

  it('sends anyone in immediate danger to 999 and ends', async () => {
    const chat = startChat();
    const reply = await play(chat, [
      ['AD362', DANGER],
      ['yes', /call 999 now/],
    ]);
    expect(reply).toMatch(/not for emergencies/);
    expect(allText(await chat.say('no'))).not.toMatch(CHILD);
  });

  it('treats "not sure" about danger as danger', async () => {
    await play(startChat(), [
      ['AD362', DANGER],
      ['not sure', /call 999 now/],
    ]);
  });

  it('turns a concern about a specific child into a MASH referral, with the contacts and the screening offer', async () => {
    const chat = startChat({ now: new Date('2026-11-25T10:00:00Z') });
    const reply = await play(chat, [
      ['AD362', DANGER],
      ['no', CHILD],
      ['yes', /referral to the MASH, not this form/],
    ]);
    expect(reply).toContain(chat.area.phone('mash'));
    expect(reply).toMatch(/call 999/);
    expect(allText(await chat.click('Start a CSERQ4 screening'))).toMatch(/Question 1 of 4/);
  });

  it("sends a crime to the police as a crime: the area's non-emergency number, or 999 in an emergency", async () => {
    const chat = startChat();
    const reply = await play(chat, [
      ['AD362', DANGER],
      ['no', CHILD],
      ['no', CRIME],
      ['yes', /Report it to the police as a crime/],
    ]);
    expect(reply).toContain(`as a crime: ${chat.area.phones('police-non-emergency')}`);
    expect(reply).toMatch(/999 in an emergency/);
  });

  it('will not let a triage question be skipped', async () => {
    await play(startChat(), [
      ['AD362', DANGER],
      ['skip', [/cannot be skipped/, DANGER]],
    ]);
  });
});

describe('information for the police: the form and the draft', () => {
  it('collects the fields in order, with a skip and a back, and drafts the email as the form lays it out', async () => {
    const chat = startChat({ userName: 'Robin Teacher' });
    await play(chat, toForm);
    await play(chat, [
      [
        'A silver car has been seen picking up pupils outside Example Park on Tuesday 24 November at 3.30pm',
        SOURCE,
      ],
      ['seen by me and another member of staff', RECONTACT],
      ['yes', RECONTACT_HOW],
      ['back', [/Going back/, RECONTACT]],
      ['no', HOW_FOUND],
      ['saw it from the staff room window', ORG],
      ['Example Academy', PHONE],
      ['skip', EMAIL],
    ]);
    const replies = await chat.say('robin@example.org');
    const text = allText(replies);
    const { area } = chat;
    const to = area.email('police-information');
    const subject = area.procedure('policeInformationSubject');
    expect(text).toContain(`Send it to ${to} with the subject "${subject}"`);
    expect(text).toMatch(/This is not a referral/);
    expect(text).toMatch(
      /Name: Robin Teacher\nOrganisation: Example Academy\nTelephone: \nEmail: robin@example\.org/,
    );
    expect(text).toMatch(/INFORMATION \(including date and location\)\nA silver car has been seen/);
    // The form's source lines stay, empty: the bot never asks for anyone's name, date of birth or address.
    expect(text).toMatch(
      /Where did this information come from\? seen by me and another member of staff\nName: \nDate of Birth: \nAddress: \nCan they be re-contacted\? No/,
    );
    // "a concern about a child goes to the MASH": with who answers now (a Wednesday morning: the MASH).
    expect(text).toContain(
      `About a child, right now:** ${area.mash.name} is open now, until ${area.contacts.officeHours.closes} ` +
        `on Wednesday 25 November. Call ${area.phones('mash')}`,
    );
    expect(text).toMatch(/How did they find this information out\? saw it from the staff room window/);
    const button = (replies.find((r) => r.card)!.card!.actions as Array<{ type: string; url: string }>)[0]!;
    expect(button.type).toBe('Action.OpenUrl');
    // RFC 6068: the "/" in the address is percent-encoded; nothing else in the address is.
    expect(to).toContain('/');
    const address = `mailto:${to.replaceAll('/', '%2F')}`;
    expect(button.url.startsWith(`${address}?subject=${encodeURIComponent(subject)}&body=`)).toBe(true);
    expect(button.url.split('?')[0]).toBe(address);
    expect(decodeURIComponent(button.url)).toMatch(/A silver car has been seen/);
    expect(await chat.stored()).not.toMatch(/silver car|Example Academy|robin@example/);
  });

  it('keeps a long draft out of the link and asks for the full text to be pasted', () => {
    const long = 'The information is long. '.repeat(120);
    const draft = buildDraft({ information: long }, 'Sam', testshire.contacts);
    expect(draft.shortened).toBe(true);
    expect(draft.mailto.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(draft.body).toContain(long.trim());
    const short = buildDraft({ information: 'short' }, 'Sam', testshire.contacts);
    expect(short.shortened).toBe(false);
  });

  it.each([
    ['at the danger question', [] as string[]],
    ['at the information', ['no', 'no', 'no']],
    ['at the source', ['no', 'no', 'no', 'SECRET-INFO car seen']],
    ['at your email', ['no', 'no', 'no', 'SECRET-INFO', 'skip', 'skip', 'skip', 'SECRET-ORG', 'skip']],
  ])('cancels %s and keeps nothing', async (_where, answers) => {
    const chat = startChat();
    await chat.say('AD362');
    for (const a of answers) await chat.say(a);
    expect(allText(await chat.say('cancel'))).toMatch(FORM_CANCELLED);
    expect(await chat.stored()).not.toMatch(/SECRET|info-sharing|"flow"/);
  });

  it('explains a question on "help"', async () => {
    const chat = startChat();
    await play(chat, toForm);
    await play(chat, [['help', [/Please do not type a child's name, date of birth or address/, INFO]]]);
  });

  it('shows the 999 line when the information sounds urgent, and still keeps it as the answer', async () => {
    const chat = startChat();
    await play(chat, toForm);
    const reply = allText(await chat.say('a man with a knife was waiting outside the school gates at 3pm'));
    expect(reply).toMatch(/call 999 now/);
    expect(reply).toMatch(SOURCE);
  });

  it('carries on at the same question after the 999 safety net during triage', async () => {
    const chat = startChat();
    await play(chat, [
      ['AD362', DANGER],
      ['no', CHILD],
    ]);
    const reply = allText(await chat.say('emergency he has a knife'));
    expect(reply).toMatch(/call 999 now/);
    expect(reply).toMatch(CHILD);
  });

  it('treats a button from an ended form as stale', async () => {
    const chat = startChat();
    await chat.say('AD362');
    const card = chat.lastCard()!;
    await chat.say('cancel');
    const no = (card.actions as Array<{ title: string; data: unknown }>).find((b) => b.title === 'No')!;
    expect(allText(await chat.press(no.data))).toMatch(STALE_CONVERSATION);
  });
});

describe('information for the police: from the knowledge base', () => {
  it('offers the form from the answer about sharing information with the police', async () => {
    const chat = startChat();
    const reply = allText(await chat.say('how do i share non-urgent information with the police'));
    expect(reply).toMatch(/The Testshire Police information desk/);
    expect(reply).toContain(chat.area.email('police-information'));
    expect(allText(await chat.click('Draft the form with me'))).toMatch(DANGER);
  });
});
