/**
 * The bot's Markdown as plain text, for places that show text as it is: an
 * activity's `summary` (the preview Teams shows in notifications and the chat
 * list), where "**Welcome**" would be read with its asterisks.
 */

/** Removes the Markdown the bot writes (bold, italics, links, escapes, hard breaks); lists stay as typed. */
export function plainText(markdown: string): string {
  return (
    markdown
      // [label](url) → label; a tel: or mailto: link's label is the number or address itself.
      .replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, '$1')
      // **bold** and __bold__
      .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '$1')
      .replace(/__(?=\S)([^_\n]*?\S)__/g, '$1')
      // _italics_ and *italics*, only where they open and close a word (snake_case and a*b stay)
      .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1')
      // A Markdown hard break (two spaces or a backslash before the newline) is just a newline here.
      .replace(/(?: {2,}|\\)\n/g, '\n')
      // Backslash escapes of Markdown's own characters.
      .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
      .trim()
  );
}
