/**
 * White-space clean-up for the exports, in time linear in the text.
 *
 * Patterns such as `[ \t]*\n\s*` (with the g flag) or `\s+$` look harmless but the regular-expression engine retries them from
 * every character of a long run of spaces that is not followed by what they need: on a 160 KB field of spaces the
 * Markdown and Word exports took 46 s (about half an hour at 1 MB). These helpers give the same results with one
 * pass: a split whose every match starts at a line break (so no retrying inside a run) and the built-in trims.
 */

/** A line break and the white space after it (more line breaks included). Each match starts at a break. */
const breakAndFollowing = /(?:\r\n|\r|\n)\s*/;

function trimEndSpacesAndTabs(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Like replacing `[ \t]*(\r\n|\r|\n)\s*` (every match) with `sep`: spaces and tabs before a break, the break and all white space after it become `sep`. */
export function collapseBreaks(s: string, sep = '\n'): string {
  if (!/[\r\n]/.test(s)) return s;
  return s.split(breakAndFollowing).map((piece, i, all) => (i < all.length - 1 ? trimEndSpacesAndTabs(piece) : piece)).join(sep);
}

/** Like replacing `\s*(\r\n|\r|\n)\s*` (every match) with `sep`: a break and all white space around it become `sep`. */
export function collapseBreaksAndSpace(s: string, sep = '\n'): string {
  if (!/[\r\n]/.test(s)) return s;
  return s.split(breakAndFollowing).map((piece, i, all) => (i < all.length - 1 ? piece.trimEnd() : piece)).join(sep);
}

/** Like `s.trim().replace(/^(<br>\s*)+|(\s*<br>)+$/g, '').trim()`: a table cell without line breaks at its ends. */
export function trimBreakTags(s: string): string {
  const isSpace = (i: number) => /\s/.test(s[i]);
  let start = 0;
  let end = s.length;
  for (;;) {
    while (start < end && isSpace(start)) start++;
    if (end - start >= 4 && s.startsWith('<br>', start)) start += 4;
    else break;
  }
  for (;;) {
    while (end > start && isSpace(end - 1)) end--;
    if (end - start >= 4 && s.startsWith('<br>', end - 4)) end -= 4;
    else break;
  }
  return s.slice(start, end);
}

/** The length of the longest run of `ch` in `s` (no regular expression, no spread of the matches). */
export function longestRun(s: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ch) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return longest;
}
