/**
 * The end of the information-sharing conversation: the email draft laid out
 * as the AD362 form, or the route the triage chose instead (999, the MASH,
 * a crime report). Addresses and numbers come from the area's contacts.
 */
import { card, mailtoAddress, submit, text, type CardButton } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock, nowLine, urgentReply } from '../contacts/block';
import { service } from '../contacts/load';
import type { AreaContacts } from '../contacts/schema';
import type { InfoAnswers, InfoEnd } from './flow';

/** The subject when the area's content names none. */
const DEFAULT_SUBJECT = 'Information for the police';
/** Mail clients and Teams truncate or refuse longer mailto links. */
export const MAILTO_LIMIT = 1800;

export const NOT_A_REFERRAL =
  'This is not a referral and does not replace any referral route: a concern about a child goes to the MASH, and anyone in immediate danger means 999.';

const value = (v: string | undefined) => (v && v.trim() !== '' ? v : '');

export function draftBody(answers: InfoAnswers, userName: string | undefined): string {
  return [
    'Community Partnership Information (AD362)',
    '',
    'YOUR DETAILS',
    `Name: ${value(userName)}`,
    `Organisation: ${value(answers.organisation)}`,
    `Telephone: ${value(answers.telephone)}`,
    `Email: ${value(answers.email)}`,
    '',
    'INFORMATION (including date and location)',
    value(answers.information),
    '',
    'INFORMATION SOURCE',
    `Where did this information come from? ${value(answers.source)}`,
    // The form's own lines about the source, left empty for the practitioner to fill in their email if
    // they must: the bot never asks for anyone's name, date of birth or address.
    'Name: ',
    'Date of Birth: ',
    'Address: ',
    `Can they be re-contacted? ${answers.recontact === 'yes' ? 'Yes' : answers.recontact === 'no' ? 'No' : value(answers.recontact)}`,
    `If yes, provide details: ${value(answers.recontactDetails)}`,
    `How did they find this information out? ${value(answers.howFound)}`,
  ].join('\n');
}

export interface Draft {
  to: string;
  subject: string;
  body: string;
  mailto: string;
  /** The body did not fit in the link: the practitioner pastes it. */
  shortened: boolean;
}

export function buildDraft(
  answers: InfoAnswers,
  userName: string | undefined,
  contacts: AreaContacts,
): Draft {
  const to = service(contacts, 'police-information').email;
  if (!to) throw new Error(`The "police-information" service in ${contacts.area}'s contacts has no email`);
  const body = draftBody(answers, userName);
  const subject = contacts.procedures.policeInformationSubject?.text ?? DEFAULT_SUBJECT;
  const link = (b: string) =>
    `${mailtoAddress(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(b)}`;
  const full = link(body);
  if (full.length <= MAILTO_LIMIT) return { to, subject, body, mailto: full, shortened: false };
  return {
    to,
    subject,
    body,
    mailto: link('(Paste the full text of the form from the chat here.)'),
    shortened: true,
  };
}

function draftReplies(draft: Draft, ctx: InfoEndContext): Reply[] {
  // NOT_A_REFERRAL sends concerns about a child to the MASH: say who answers right now.
  const now = nowLine(ctx.contacts, ctx.now);
  const lead = [
    `**Your draft is ready.** Send it to ${draft.to} with the subject "${draft.subject}".`,
    draft.shortened
      ? 'It is too long to fill in the email for you: the button opens an email with the address and subject, then paste the full text below into it.'
      : 'The button opens an email with everything filled in; check it before you send it.',
    NOT_A_REFERRAL,
  ].join('\n\n');
  const buttons: CardButton[] = [{ type: 'Action.OpenUrl', title: 'Open the email', url: draft.mailto }];
  return [
    {
      text: `${lead}\n\n${now.text}`,
      card: card(
        [
          text('Community Partnership Information draft', { weight: 'Bolder', size: 'Medium' }),
          text(lead),
          text(now.markdown),
        ],
        buttons,
      ),
    },
    { text: `Full text to copy:\n\n${draft.body}` },
    { text: 'Nothing you typed has been kept by the bot.' },
  ];
}

export interface InfoEndContext {
  contacts: AreaContacts;
  now: Date;
  userName?: string;
}

export function infoEndReplies(end: InfoEnd, ctx: InfoEndContext): Reply[] {
  switch (end.kind) {
    case 'emergency':
      return [
        urgentReply(ctx.contacts, ctx.now),
        { text: 'This form is not for emergencies. Nothing you typed has been kept.' },
      ];
    case 'referral': {
      const lead = end.unsure
        ? 'If you think a specific child may be at risk, talk to your safeguarding lead, and contact the MASH: that is a referral, not this form.'
        : 'A safeguarding concern about a specific child is a referral to the MASH, not this form.';
      const block = contactsBlock(ctx.contacts, ctx.now);
      const body = [lead, block.headline, block.lines.join('\n')].join('\n\n');
      return [
        {
          text: `${body}\n\nThe CSERQ4 screening can help you decide: type "screen".`,
          card: card(
            [text(lead, { weight: 'Bolder' }), text(block.headline), ...block.elements],
            [submit('Start a CSERQ4 screening', { kind: 'command', command: 'start-screening' })],
          ),
        },
      ];
    }
    case 'crime':
      return [{ text: `${reportAsCrime(ctx.contacts)} This form is for information that is not a crime.` }];
    case 'drafted': {
      const replies = draftReplies(buildDraft(end.answers, ctx.userName, ctx.contacts), ctx);
      // "Not sure" at the crime question was promised the number with the draft.
      return end.answers.crime === 'unknown'
        ? [...replies, { text: `If it turns out to be a crime: ${reportAsCrime(ctx.contacts)}` }]
        : replies;
    }
    case 'cancelled':
      return [];
  }
}

/** How to report a crime, with the area's non-emergency number where its contacts have one. */
function reportAsCrime(contacts: AreaContacts): string {
  const police = contacts.services.find((s) => s.id === 'police-non-emergency');
  const how = police?.phones ? `${police.phones.join(' or ')} (${police.name.toLowerCase()})` : 'the police';
  return `Report it to the police as a crime: ${how}, or 999 in an emergency.`;
}
