import type { AdaptiveCard } from './adaptive';

/**
 * The one shape that leaves the core: plain text that every client can show
 * (and that the CLIs print), plus an optional Adaptive Card for clients that
 * render cards. The text always carries the whole message, numbers included.
 */
export interface Reply {
  text: string;
  card?: AdaptiveCard;
}

export function plain(text: string): Reply {
  return { text };
}
