// Small text helpers: edit distance, "did you mean", plain-English descriptions.
import type { Unit } from './ast';

/** Damerau-Levenshtein (optimal string alignment) distance, bounded: returns max+1 when above max. */
export function editDistance(a: string, b: string, max = 8): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2: number[] = new Array(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  let cur: number[] = new Array(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** The closest candidate within a length-dependent distance, or undefined. Case-insensitive. */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const w = word.toLowerCase();
  const limit = maxDistance ?? (w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3);
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= limit ? best : undefined;
}

const UNIT_CANONICAL: Record<string, string> = {
  d: 'days', dy: 'days', dys: 'days',
  w: 'weeks', wk: 'weeks', wks: 'weeks', wk_s: 'weeks',
  m: 'months', mo: 'months', mos: 'months', mth: 'months', mths: 'months', mon: 'months', mnth: 'months', mnths: 'months',
  q: 'quarters', qtr: 'quarters', qtrs: 'quarters',
  y: 'years', yr: 'years', yrs: 'years', yy: 'years',
  pc: 'percent', pct: 'percent', per_cent: 'percent',
  pp: 'percentage points', ppt: 'percentage points', ppts: 'percentage points',
  gbp: 'GBP', pounds: 'GBP', pound: 'GBP', quid: 'GBP',
  hour: '', hours: '', hrs: '', minutes: '', mins: '',
};
const UNIT_TARGETS = ['days', 'weeks', 'months', 'quarters', 'years', 'percent', 'GBP'];

/**
 * When a word written after a number looks like a misspelt or abbreviated unit, the unit it most
 * likely means ('' for a unit the language does not support, such as hours). Otherwise undefined:
 * the word is a count noun (`2 moves`).
 */
export function suspectUnit(word: string): string | undefined {
  const w = word.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(UNIT_CANONICAL, w)) return UNIT_CANONICAL[w];
  if (w.length < 4) return undefined;
  for (const u of UNIT_TARGETS) {
    const target = u.toLowerCase();
    if (w[0] !== target[0]) continue;
    const singular = target.replace(/s$/, '');
    const limit = w.length <= 5 ? 1 : 2;
    if (editDistance(w, target, limit) <= limit || editDistance(w, singular, limit) <= limit) return u;
  }
  return undefined;
}

export function unitPhrase(u: Unit | 'any' | string): string {
  switch (u) {
    case 'percent':
      return 'a percentage';
    case 'money':
      return 'an amount of money';
    case 'count':
      return 'a count';
    case 'duration':
      return 'a period of time';
    case 'date':
      return 'a date';
    case 'number':
      return 'a number';
    case 'rate':
      return 'a rate';
    case 'boolean':
      return 'a condition';
    case 'text':
      return 'quoted text';
    default:
      return 'a value';
  }
}

export function quote(s: string): string {
  const short = s.length > 40 ? s.slice(0, 37) + '…' : s;
  return `'${short}'`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function monthName(m: number): string {
  return MONTHS[m - 1] ?? String(m);
}

export function formatMoney(v: number): string {
  const neg = v < 0;
  const a = Math.abs(v);
  // thousands separators without Intl, whose first use costs ~45 ms of start-up
  const [whole, fraction] = a.toFixed(Number.isInteger(a) ? 0 : 2).split('.');
  const s = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  return (neg ? '-£' : '£') + s;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
