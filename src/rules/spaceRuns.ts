/**
 * A normaliser's step "every run of these characters becomes one space", without rebuilding a message it
 * would leave as it is. In most messages the only such runs are their single spaces, which the replace
 * puts back one for one: a new string, and a match for every word, for the same text. A test for
 * anything the replace would change (a character of the class that is not a space, or two of them
 * together) comes first, and the replace runs only when it finds one; otherwise every run is a single
 * space already, and the text is what the replace would give.
 *
 * `cls` is a character class's contents, as written between the brackets of `[…]`.
 */
export function spaceRuns(cls: string, flags = ''): (text: string) => string {
  const run = new RegExp(`[${cls}]+`, `g${flags}`);
  const changes = new RegExp(`(?! )[${cls}]|[${cls}]{2}`, flags);
  return (text) => (changes.test(text) ? text.replace(run, ' ') : text);
}
