// Ages: the population the specification is for, and age ranges said in prose ("aged 5 to 11",
// "11-17 year olds", "under-5s", "aged 16 and over").
import { get } from '../../model';
import { text } from '../helpers';
import { admitted, mentions, thresholdAst, wholeRange } from './bounds';
import { ageField, declaredFields } from './fields';

export interface AgeRange {
  lo: number;
  hi: number;
}

export interface ProseAge extends AgeRange {
  phrase: string;
  start: number;
  end: number;
}

const patterns: Array<[RegExp, (m: RegExpExecArray) => AgeRange | undefined]> = [
  [/\baged?\s+(?:between\s+)?(\d{1,2})\s*(?:to|-|–|and|until)\s*(\d{1,2})\b(?!\s*(?:months|weeks|days|hours|miles|%))/gi, (m) => ({ lo: +m[1], hi: +m[2] })],
  [/\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})[- ](?:year[- ]olds?|years? old)\b/gi, (m) => ({ lo: +m[1], hi: +m[2] })],
  [/\baged\s+(\d{1,2})\s*(?:\+|and over|and above|or over|or older|and older)/gi, (m) => ({ lo: +m[1], hi: Infinity })],
  [/\b(?:aged\s+(?:under|below)\s+|under[- ])(\d{1,2})s?\b(?!\s*(?:months|weeks|days|hours|miles|%|per|placements?))/gi, (m) => ({ lo: -Infinity, hi: +m[1] - 1 })],
  [/\baged\s+up\s+to\s+(\d{1,2})\b/gi, (m) => ({ lo: -Infinity, hi: +m[1] })],
];

/** Age ranges said in a text, with offsets. */
export function proseAges(s: string): ProseAge[] {
  const out: ProseAge[] = [];
  for (const [re, read] of patterns) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      const r = read(m);
      if (r && r.lo <= r.hi && (r.hi === Infinity || r.hi <= 30)) out.push({ ...r, phrase: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

export interface Population extends AgeRange {
  /** Where it was read from, for messages. */
  from: string;
  path: Array<string | number>;
}

/** The ages the service is for: `needs.age`, else what `needs.eligibility` admits, else the title. */
export function population(value: Record<string, unknown>): Population | undefined {
  const needs = get.obj(value.needs);
  const age = get.obj(needs?.age);
  const min = get.num(age?.min);
  const max = get.num(age?.max);
  if (min !== undefined && max !== undefined) return { lo: min, hi: max, from: 'needs.age', path: ['needs', 'age'] };
  const elig = text(needs?.eligibility);
  const field = ageField(declaredFields(value));
  if (elig && field) {
    const ast = thresholdAst(elig);
    if (ast && mentions(ast, field)) {
      const r = wholeRange(admitted(ast, field));
      if (Number.isFinite(r.lo) && Number.isFinite(r.hi)) return { ...r, from: 'the eligibility rule', path: ['needs', 'eligibility'] };
    }
  }
  const title = text(value.title);
  const t = title ? proseAges(title).find((a) => Number.isFinite(a.lo) && Number.isFinite(a.hi)) : undefined;
  return t ? { lo: t.lo, hi: t.hi, from: 'the title', path: ['title'] } : undefined;
}

export function sayAges(r: AgeRange): string {
  if (r.lo === -Infinity) return `under ${r.hi + 1}`;
  if (r.hi === Infinity) return `${r.lo} and over`;
  return `${r.lo} to ${r.hi}`;
}
