import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LanguageService, type Host } from '../../server/src/service/service';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const examplesDir = path.join(root, 'examples');
export const fixturesDir = path.join(root, 'test/render/fixtures');

export const fsHost: Host = {
  readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
  resolve: (base, relative) => new URL(relative, base).toString(),
};

export const service = new LanguageService(fsHost);

/** Every example document, top level only (flawed examples, if any, live in subfolders). */
export function exampleFiles(): string[] {
  return readdirSync(examplesDir)
    .filter((f) => /\.commspec\.ya?ml$/.test(f))
    .map((f) => path.join(examplesDir, f));
}

export function analyseFile(file: string) {
  return service.analyse(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
}

export function analyseText(text: string, name = 'doc.commspec.yaml') {
  return service.analyse(pathToFileURL(path.join(fixturesDir, name)).toString(), text);
}

/** The text of element content, as the renderer escapes it. */
export function escaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/`/g, '&#96;');
}

const allowedTags = new Set([
  '!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'nav', 'section', 'article', 'aside',
  'h1', 'h2', 'h3', 'h4', 'p', 'a', 'span', 'strong', 'em', 'code', 'br', 'div', 'dl', 'dt', 'dd', 'ul', 'ol', 'li',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'time', 'figure', 'figcaption', 'button', 'script',
  'svg', 'g', 'rect', 'text', 'tspan', 'line', 'polygon',
]);
const allowedAttributes = new Set([
  'class', 'id', 'href', 'lang', 'charset', 'http-equiv', 'content', 'name', 'nonce', 'scope', 'rowspan', 'colspan', 'role',
  'tabindex', 'type', 'datetime', 'data-line', 'data-ref-line', 'data-reveal-line', 'aria-label', 'aria-labelledby',
  'xmlns', 'viewbox', 'focusable', 'x', 'y', 'width', 'height', 'rx', 'ry', 'x1', 'y1', 'x2', 'y2', 'points', 'text-anchor',
]);

/**
 * Checks that a page holds only the markup the renderer writes: known tags, known attributes, no
 * event handlers, no script or style but the page's own, links only to fragments, mail or the web.
 * Returns the problems found (empty when the page is clean).
 */
export function markupProblems(html: string, expectedScripts = 0): string[] {
  const problems: string[] = [];
  const scripts = html.match(/<script\b/gi) ?? [];
  if (scripts.length !== expectedScripts) problems.push(`expected ${expectedScripts} script elements, found ${scripts.length}`);
  const styles = html.match(/<style\b/gi) ?? [];
  if (styles.length !== 1) problems.push(`expected one style element, found ${styles.length}`);
  // the page's own stylesheet and script are code, not markup: leave them out of the scan
  const markup = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style></style>').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script></script>');
  for (const m of markup.matchAll(/<\/?([!a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const tag = m[1].toLowerCase();
    if (!allowedTags.has(tag)) problems.push(`unexpected tag <${tag}>`);
    if (tag === '!doctype') continue;
    for (const a of m[2].matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)) {
      const name = a[1].toLowerCase();
      if (!allowedAttributes.has(name)) problems.push(`unexpected attribute ${name} on <${tag}>`);
      if (name === 'href' && !/^(#|mailto:|https?:\/\/)/.test(a[2] ?? '')) problems.push(`unexpected link ${a[2]}`);
    }
    // anything between attributes that is not an attribute (e.g. a stray quote) shows up here
    const rest = m[2].replace(/\s[^\s=/>]+(?:="[^"]*")?/g, '').trim();
    if (rest && rest !== '/') problems.push(`malformed tag <${tag}${m[2]}>`);
  }
  if (/<(?![!a-zA-Z/])/.test(markup.replace(/<\/?[!a-zA-Z][^>]*>/g, ''))) problems.push('a raw < in the text');
  return problems;
}

/** The heading levels in document order. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
}

/** The part of the page between an element with this id and the end of its article. */
export function articleById(html: string, id: string): string {
  const start = html.lastIndexOf('<article', html.indexOf(`id="${id}"`));
  const end = html.indexOf('</article>', start);
  return start >= 0 && end > start ? html.slice(start, end) : '';
}
