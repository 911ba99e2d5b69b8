/**
 * HTML escaping for the renderer. Every piece of document text goes through `esc` (element content)
 * or `attr` (attribute values) before it reaches the page: a document is data, never markup.
 */

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// C0 controls other than tab, line feed and carriage return, DEL, C1 controls, lone surrogates and
// the non-characters U+FFFE/U+FFFF are not allowed in HTML text: replace them with U+FFFD. (The
// renderer also uses U+0000 internally as a marker, so document text must never carry one through.)
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(forbidden, '\uFFFD')
    .replace(/[&<>"'`]/g, (c) => entities[c]);
}

/** Escapes text for a double-quoted attribute value. */
export function attr(value: unknown): string {
  return esc(value).replace(/\r\n|\r|\n/g, '&#10;');
}

/** A string safe to use as an HTML id or fragment: lower-case letters, digits and hyphens. */
export function slug(value: string): string {
  const s = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'item';
}
