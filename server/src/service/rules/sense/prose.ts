// Reading what a section says, in its structured fields and its prose alike.
import type { PathSegment, SourceDocument } from '../../document';
import { textScalars, type TextScalar } from '../helpers';

/** Every string value under the given top-level sections (keys), in document order. */
export function textsUnder(doc: SourceDocument, ...sections: string[]): TextScalar[] {
  const want = new Set(sections);
  return textScalars(doc).filter((s) => typeof s.path[0] === 'string' && want.has(s.path[0]));
}

/** The first string value under the sections that matches, with the match. */
export function firstMatch(doc: SourceDocument, re: RegExp, ...sections: string[]): { scalar: TextScalar; match: RegExpExecArray } | undefined {
  for (const s of textsUnder(doc, ...sections)) {
    re.lastIndex = 0;
    const m = re.exec(s.value);
    if (m) return { scalar: s, match: m };
  }
  return undefined;
}

/** True when the path starts with the prefix. */
export function under(path: PathSegment[], prefix: PathSegment[]): boolean {
  return prefix.every((seg, i) => path[i] === seg);
}

/** The sentence of `s` around offset `at` (split on . ; and line breaks). */
export function sentenceAt(s: string, at: number): { text: string; start: number } {
  let start = at;
  while (start > 0 && !/[.;\n]/.test(s[start - 1])) start--;
  let end = at;
  while (end < s.length && !/[.;\n]/.test(s[end])) end++;
  return { text: s.slice(start, end), start };
}
