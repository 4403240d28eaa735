/**
 * The Community Partnership Information form (AD362), asked one field at a
 * time: triage first (is this really for this form?), then the form's own
 * fields. The bot never asks for a child's name, date of birth or address.
 */
export const INFO_STEPS = [
  'danger',
  'childConcern',
  'crime',
  'information',
  'source',
  'recontact',
  'recontactDetails',
  'howFound',
  'organisation',
  'telephone',
  'email',
] as const;
export type InfoStep = (typeof INFO_STEPS)[number];

export interface InfoStepText {
  question: string;
  kind: 'yesno' | 'text';
  help: string;
  /** Triage questions cannot be skipped: each decides whether this form is the right route at all. */
  skippable: boolean;
}

export const INFO_STEP_TEXT: Record<InfoStep, InfoStepText> = {
  danger: {
    question: 'First, is anyone (a child or an adult) in immediate danger?',
    kind: 'yesno',
    skippable: false,
    help: 'If anyone may be in immediate danger, this form is not the route: call 999.',
  },
  childConcern: {
    question: 'Is this a safeguarding concern about a specific child?',
    kind: 'yesno',
    skippable: false,
    help: 'A concern that a particular child is being harmed or is at risk is a referral to the MASH, not information for this form.',
  },
  crime: {
    question: 'Is it a crime that you want to report?',
    kind: 'yesno',
    skippable: false,
    help: 'A crime is reported to the police as a crime: on their non-emergency number, or 999 in an emergency. This form is for information that is not a crime.',
  },
  information: {
    question: 'What is the information? Include the date and the location.',
    kind: 'text',
    skippable: true,
    help: "For example: a car seen picking up young people, a place young people are being taken, a MAPPA offender's contact. Please do not type a child's name, date of birth or address.",
  },
  source: {
    question: 'Where did this information come from?',
    kind: 'text',
    skippable: true,
    help: 'For example: seen by you, told to you by a colleague, by a parent or by a young person. No names needed here.',
  },
  recontact: {
    question: 'Can the source of the information be re-contacted?',
    kind: 'yesno',
    skippable: true,
    help: 'The police may want to follow the information up with whoever gave it.',
  },
  recontactDetails: {
    question: 'How can they be re-contacted (telephone or email)?',
    kind: 'text',
    skippable: true,
    help: 'A telephone number or an email address the police can use.',
  },
  howFound: {
    question: 'How did they find this information out?',
    kind: 'text',
    skippable: true,
    help: 'For example: saw it themselves, overheard it, were told by someone else, saw it online.',
  },
  organisation: {
    question: 'Your details for the form: which organisation are you from?',
    kind: 'text',
    skippable: true,
    help: 'Your own organisation, for example the school, practice or team you work for.',
  },
  telephone: {
    question: 'Your telephone number, for the police to contact you?',
    kind: 'text',
    skippable: true,
    help: 'Your work number. Type skip to leave it blank.',
  },
  email: {
    question: 'Your email address?',
    kind: 'text',
    skippable: true,
    help: 'Your work email. Type skip to leave it blank.',
  },
};
