/**
 * Checks a card the way Teams will meet it: parsed and validated by the
 * Adaptive Cards library at version 1.5, small enough for a Teams card, and
 * made only of elements and actions that Teams renders. Every card the bot
 * sends in a chat test passes through here (see chat.ts), and
 * tests/cards/teamsCards.test.ts runs it over every card builder.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { MAX_BUTTON_TITLE } from '../../src/cards/actions';

// The package's main entry expects a browser; its bundled build loads in Node.
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Teams' limit for an Adaptive Card in a bot message. */
export const MAX_CARD_BYTES = 28 * 1024;

const TEAMS_ELEMENTS = new Set([
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Image',
  'ImageSet',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ActionSet',
  'Table',
  'TableRow',
  'TableCell',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);

/** Action.Execute needs Universal Actions set up in the app; this bot posts back with Action.Submit. */
const TEAMS_ACTIONS = new Set([
  'Action.Submit',
  'Action.OpenUrl',
  'Action.ShowCard',
  'Action.ToggleVisibility',
]);

const URL_SCHEMES = /^(https:|tel:|mailto:)/;

function walk(node: unknown, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}[${i}]`, problems));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const type = obj.type;
  if (typeof type === 'string' && path !== '') {
    if (type.startsWith('Action.')) {
      if (!TEAMS_ACTIONS.has(type)) problems.push(`${path}: ${type} is not used by this bot in Teams`);
      const title = typeof obj.title === 'string' ? obj.title : '';
      if (title.length > MAX_BUTTON_TITLE)
        problems.push(`${path}: title "${title}" is over ${MAX_BUTTON_TITLE} characters; Teams cuts it off`);
      if (type === 'Action.Submit') {
        const data = obj.data;
        if (data === null || typeof data !== 'object' || Array.isArray(data))
          problems.push(`${path}: Action.Submit data must be an object, so the submission can be checked`);
        else if (Object.keys(data).some((key) => key.toLowerCase() === 'msteams'))
          problems.push(
            `${path}: Action.Submit data has an msteams key, which the Agents Playground cannot send`,
          );
      }
      if (type === 'Action.OpenUrl' && !URL_SCHEMES.test(String(obj.url)))
        problems.push(`${path}: Action.OpenUrl url must be https, tel or mailto`);
    } else if (!TEAMS_ELEMENTS.has(type)) {
      problems.push(`${path}: ${type} is not an element Teams renders`);
    }
  }
  for (const [key, value] of Object.entries(obj)) {
    // A button's data is ours to define; it is not card structure.
    if (key === 'data') continue;
    walk(value, path === '' ? key : `${path}.${key}`, problems);
  }
}

/** Every problem with the card, or [] when Teams can show it. */
export function teamsCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  const size = Buffer.byteLength(json, 'utf8');
  if (size >= MAX_CARD_BYTES) problems.push(`card is ${size} bytes; Teams takes under ${MAX_CARD_BYTES}`);
  const root = card as Record<string, unknown>;
  if (root?.type !== 'AdaptiveCard') problems.push('type must be "AdaptiveCard"');
  if (root?.version !== '1.5') problems.push(`version must be "1.5", got ${JSON.stringify(root?.version)}`);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);

  walk(card, '', problems);
  return problems;
}

export function expectTeamsCard(card: unknown, where = 'card'): void {
  const problems = teamsCardProblems(card);
  if (problems.length > 0) throw new Error(`${where} would not show in Teams:\n- ${problems.join('\n- ')}`);
}

/** The words a card shows (text, facts, button titles): what a Teams user reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'TextBlock' || obj.type === 'TextRun') out.push(String(obj.text));
    if (obj.type === 'FactSet')
      for (const f of obj.facts as Array<{ title: string; value: string }>)
        out.push(`${f.title}: ${f.value}`);
    if (typeof obj.type === 'string' && obj.type.startsWith('Action.')) out.push(`[${String(obj.title)}]`);
    for (const [key, value] of Object.entries(obj)) if (key !== 'data') visit(value);
  };
  visit(card);
  return out.join('\n');
}

/** The titles of a card's buttons, in order. */
export function buttonTitles(card: Record<string, unknown> | undefined): string[] {
  return ((card?.actions ?? []) as Array<{ title: string }>).map((a) => a.title);
}
