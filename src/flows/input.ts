import { parseCardAction, type CardAction } from '../cards/actions';
import type { TurnSource } from './flow';

/**
 * Text, or a button of this flow's kind; null for a card payload that belongs
 * to nothing running (a stale or foreign button), which must never be read as text.
 */
export function readFlowInput<K extends CardAction['kind']>(
  source: TurnSource,
  kind: K,
): { text: string } | { action: Extract<CardAction, { kind: K }> } | null {
  const { text, value } = source;
  if (value !== undefined && value !== null) {
    const action = parseCardAction(value);
    if (action?.kind === kind) return { action: action as Extract<CardAction, { kind: K }> };
    if (text.trim() === '') return null;
  }
  return { text };
}
