// Counting a search term's matches in the terminal's text. xterm's own match highlights (search decorations)
// paint cells through `style` attributes, which the page's CSP refuses, so the terminal finds matches by
// selecting them and the page counts them itself.

/** How many times `term` occurs in `text`, ignoring case; overlapping matches count once each start. */
export function countMatches(text: string, term: string): number {
  if (term === '') return 0;
  const haystack = text.toLowerCase();
  const needle = term.toLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

/** What the counter beside the search box says. */
export function matchesText(count: number | null): string {
  if (count === null) return '';
  if (count === 0) return 'No matches';
  return count === 1 ? '1 match' : `${count} matches`;
}
