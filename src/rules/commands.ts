/**
 * Words that steer a guided conversation (the screening, the information
 * form) rather than answer its question. Matched on the whole message, so
 * "no, stop him" is an answer, not a command.
 */
const COMMAND_WORDS = {
  cancel: [
    'cancel',
    'stop',
    'quit',
    'exit',
    'end',
    'abort',
    'cancel screening',
    'stop screening',
    'stop the screening',
    'cancel the screening',
    'cancel form',
    'cancel the form',
    'stop the form',
  ],
  restart: [
    'start again',
    'restart',
    'start over',
    'begin again',
    'restart screening',
    'start the screening again',
  ],
  help: [
    'help',
    'what does this mean',
    'explain',
    'what do you mean',
    'help me',
    'i need help with this question',
  ],
  back: ['back', 'go back', 'previous', 'previous question', 'undo', 'change my answer', 'change answer'],
  skip: ['skip', 'skip this', 'skip it', 'pass', 'leave blank', 'leave it blank', 'next', 'n a', 'none'],
} as const;

export type ConversationCommand = keyof typeof COMMAND_WORDS;

/** A short typed reply as a step compares it with its words: lower case, no punctuation, no "please". */
export function commandForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(please|pls) /, '')
    .replace(/ (please|pls)$/, '');
}

export function conversationCommand(text: string): ConversationCommand | null {
  const t = commandForm(text);
  for (const [command, words] of Object.entries(COMMAND_WORDS) as Array<
    [ConversationCommand, readonly string[]]
  >) {
    if (words.includes(t)) return command;
  }
  return null;
}
