// What values of one data field a threshold or eligibility expression admits, worked out from the
// expression itself (not from its text): `age in 11..17 and needs_score > 30` admits ages 11 to 17.
// The answer is the smallest interval that holds every admitted value; `or` takes the hull of its
// branches, `not` and anything unknown admit everything. Used to judge ages against the population
// and need tiers against each other.
import { constValue, parseExpression, type Expr } from '../../../../../grammar/src/index';

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export const everything: Interval = { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true };

const isName = (e: Expr, name: string): boolean => (e.type === 'identifier' && e.name === name) || (e.type === 'paren' && isName(e.inner, name));
const num = (e: Expr): number | undefined => constValue(e)?.value;

function intersect(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return {
    lo,
    hi,
    loOpen: lo === a.lo && lo === b.lo ? a.loOpen || b.loOpen : lo === a.lo ? a.loOpen : b.loOpen,
    hiOpen: hi === a.hi && hi === b.hi ? a.hiOpen || b.hiOpen : hi === a.hi ? a.hiOpen : b.hiOpen,
  };
}

function hull(a: Interval, b: Interval): Interval {
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.hi, b.hi);
  return {
    lo,
    hi,
    loOpen: lo === a.lo && lo === b.lo ? a.loOpen && b.loOpen : lo === a.lo ? a.loOpen : b.loOpen,
    hiOpen: hi === a.hi && hi === b.hi ? a.hiOpen && b.hiOpen : hi === a.hi ? a.hiOpen : b.hiOpen,
  };
}

/** True when the expression says anything about the field. */
export function mentions(e: Expr | undefined, name: string): boolean {
  if (!e) return false;
  switch (e.type) {
    case 'identifier':
      return e.name === name;
    case 'paren':
      return mentions(e.inner, name);
    case 'compare':
      return mentions(e.left, name) || mentions(e.right, name);
    case 'in':
    case 'between':
      return mentions(e.subject, name);
    case 'and':
    case 'or':
      return e.operands.some((o) => mentions(o, name));
    case 'not':
      return mentions(e.operand, name);
    default:
      return false;
  }
}

/** The values of `name` the expression can admit. */
export function admitted(e: Expr | undefined, name: string): Interval {
  if (!e) return everything;
  switch (e.type) {
    case 'paren':
      return admitted(e.inner, name);
    case 'and':
      return e.operands.reduce((acc, o) => intersect(acc, admitted(o, name)), everything);
    case 'or':
      return e.operands.slice(1).reduce((acc, o) => hull(acc, admitted(o, name)), admitted(e.operands[0], name));
    case 'in': {
      if (e.negated || !isName(e.subject, name)) return everything;
      if (e.set.type === 'range') {
        const lo = num(e.set.low);
        const hi = num(e.set.high);
        return lo === undefined || hi === undefined ? everything : { lo, hi, loOpen: false, hiOpen: false };
      }
      const vals = e.set.items.map(num);
      if (vals.some((v) => v === undefined) || vals.length === 0) return everything;
      return { lo: Math.min(...(vals as number[])), hi: Math.max(...(vals as number[])), loOpen: false, hiOpen: false };
    }
    case 'between': {
      if (!isName(e.subject, name)) return everything;
      const lo = num(e.low);
      const hi = num(e.high);
      return lo === undefined || hi === undefined ? everything : { lo, hi, loOpen: false, hiOpen: false };
    }
    case 'compare': {
      let op = e.op;
      let v: number | undefined;
      if (isName(e.left, name)) v = num(e.right);
      else if (isName(e.right, name)) {
        v = num(e.left);
        op = ({ '>=': '<=', '>': '<', '<=': '>=', '<': '>', '=': '=', '!=': '!=' } as const)[op];
      } else return everything;
      if (v === undefined) return everything;
      switch (op) {
        case '>=':
          return { lo: v, hi: Infinity, loOpen: false, hiOpen: true };
        case '>':
          return { lo: v, hi: Infinity, loOpen: true, hiOpen: true };
        case '<=':
          return { lo: -Infinity, hi: v, loOpen: true, hiOpen: false };
        case '<':
          return { lo: -Infinity, hi: v, loOpen: true, hiOpen: true };
        case '=':
          return { lo: v, hi: v, loOpen: false, hiOpen: false };
        default:
          return everything;
      }
    }
    default:
      return everything;
  }
}

/** The parsed threshold expression, or undefined when it does not parse. */
export function thresholdAst(text: string): Expr | undefined {
  const p = parseExpression(text, 'threshold');
  return p.diagnostics.some((d) => d.severity === 'error') ? undefined : p.ast;
}

/** Whole numbers admitted, for a scale of whole numbers (ages in years, scores, counts). */
export function wholeRange(i: Interval): { lo: number; hi: number } {
  const lo = i.lo === -Infinity ? -Infinity : Number.isInteger(i.lo) ? (i.loOpen ? i.lo + 1 : i.lo) : Math.ceil(i.lo);
  const hi = i.hi === Infinity ? Infinity : Number.isInteger(i.hi) ? (i.hiOpen ? i.hi - 1 : i.hi) : Math.floor(i.hi);
  return { lo, hi };
}

export function sayRange(r: { lo: number; hi: number }): string {
  if (r.lo === -Infinity && r.hi === Infinity) return 'any value';
  if (r.lo === -Infinity) return `up to ${r.hi}`;
  if (r.hi === Infinity) return `${r.lo} or more`;
  return r.lo === r.hi ? `${r.lo}` : `${r.lo} to ${r.hi}`;
}
