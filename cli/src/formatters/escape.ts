/**
 * Text from a document (keys, values, file names) reaches the terminal, a CI log or a pull-request comment through
 * the human-readable formats. A hostile key such as `"\u001b]0;owned\u0007"` or a file name with `\u001b[2J` would
 * otherwise retitle or clear the terminal, hide findings, or forge lines of output. Every control character
 * (C0 including line breaks and tabs, DEL, C1 including the 8-bit CSI U+009B) and every bidirectional override
 * (which reorders what is shown, as in "Trojan Source") is shown as a visible escape instead: `\x1b`, `\u202e`.
 */

// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text that is safe to print on one line of a terminal: control characters become visible escapes. */
export function printable(text: string): string {
  return text.replace(unsafe, visible);
}

/**
 * Text for standard error, which may run over several lines (a configuration error lists its problems): each line is
 * made printable, and the line breaks between them are kept.
 */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** The largest of `values` (0 for none), without spreading them into call arguments, which overflows on long lists. */
export function maxOf(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
