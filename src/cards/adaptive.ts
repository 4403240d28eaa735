/**
 * Adaptive Card v1.5 building blocks, limited to what Teams renders
 * (TextBlock, FactSet, Container, ActionSet, Action.Submit, Action.OpenUrl).
 * Plain objects: the shell attaches them; nothing here imports botbuilder.
 */
import type { CardAction } from './actions';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardButton[];
}

export type CardElement = Record<string, unknown> & { type: string };

export interface SubmitButton {
  type: 'Action.Submit';
  title: string;
  /** Plain data, no msteams wrapper (docs/teams.md says why); `label` is the title, for the echo in the reply. */
  data: CardAction & { label: string };
  style?: 'positive' | 'destructive';
}
export interface OpenUrlButton {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export type CardButton = SubmitButton | OpenUrlButton;

export function card(body: CardElement[], actions: CardButton[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function text(
  value: string,
  options: {
    weight?: 'Bolder';
    size?: 'Medium' | 'Large' | 'Small';
    isSubtle?: boolean;
    color?: 'Attention' | 'Good' | 'Warning';
  } = {},
): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function facts(pairs: Array<[string, string]>): CardElement {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/**
 * A button that posts structured data back. The data is plain (no msteams
 * messageBack): the Agents Playground cannot send a button whose data has an
 * msteams key, so no client shows the press as the user's message, and the
 * bot's reply starts with the title instead (see docs/teams.md).
 */
export function submit(title: string, data: CardAction, style?: 'positive' | 'destructive'): SubmitButton {
  return {
    type: 'Action.Submit',
    title,
    // Copied by Object.assign, not spread: buttons carry data of many shapes, and spreading one of many
    // shapes took V8's slow path (half a microsecond a button). The same own keys, in the same order.
    data: Object.assign({}, data, { label: title }),
    ...(style ? { style } : {}),
  };
}

export function telLink(phone: string): string {
  return `[${phone}](tel:${phone.replace(/\s+/g, '')})`;
}

/**
 * An address as a mailto: URI. RFC 6068 has "/" (and other delimiters) percent-encoded in the address,
 * so "24/7-Intel@…" becomes "24%2F7-Intel@…"; the "@" between the two parts stays as it is.
 */
export function mailtoAddress(email: string): string {
  const at = email.lastIndexOf('@');
  return `mailto:${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
}

export function mailtoLink(email: string): string {
  return `[${email}](${mailtoAddress(email)})`;
}
