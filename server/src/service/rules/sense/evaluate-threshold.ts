// Evaluates threshold expressions (conditions over data fields) for one child, given the values of
// its fields: `age in 11..17 and (needs_score in 11..20 or breakdowns_12m in 2..3)`. Three-valued: an
// expression that needs something this evaluator cannot know (a function, text, a field with no value)
// is undefined, and callers then make no judgement.
import { constValue, type Expr } from '../../../../../grammar/src/index';

export type Assignment = ReadonlyMap<string, number | boolean>;

function value(e: Expr, a: Assignment): number | boolean | undefined {
  switch (e.type) {
    case 'identifier':
      return a.get(e.name);
    case 'paren':
      return value(e.inner, a);
    default: {
      const c = constValue(e);
      return c?.value;
    }
  }
}

function num(e: Expr, a: Assignment): number | undefined {
  const v = value(e, a);
  return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : undefined;
}

/** True, false, or undefined when it cannot be told. */
export function holds(e: Expr | undefined, a: Assignment): boolean | undefined {
  if (!e) return undefined;
  switch (e.type) {
    case 'paren':
      return holds(e.inner, a);
    case 'identifier': {
      const v = a.get(e.name);
      return typeof v === 'boolean' ? v : undefined;
    }
    case 'not': {
      const v = holds(e.operand, a);
      return v === undefined ? undefined : e.times % 2 === 1 ? !v : v;
    }
    case 'and': {
      let unknown = false;
      for (const o of e.operands) {
        const v = holds(o, a);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'or': {
      let unknown = false;
      for (const o of e.operands) {
        const v = holds(o, a);
        if (v === true) return true;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'compare': {
      const l = num(e.left, a);
      const r = num(e.right, a);
      if (l === undefined || r === undefined) return undefined;
      switch (e.op) {
        case '>=': return l >= r;
        case '>': return l > r;
        case '<=': return l <= r;
        case '<': return l < r;
        case '=': return l === r;
        case '!=': return l !== r;
      }
      return undefined;
    }
    case 'in': {
      const s = num(e.subject, a);
      if (s === undefined) return undefined;
      let inside: boolean | undefined;
      if (e.set.type === 'range') {
        const lo = num(e.set.low, a);
        const hi = num(e.set.high, a);
        inside = lo === undefined || hi === undefined ? undefined : s >= lo && s <= hi;
      } else {
        const vals = e.set.items.map((i) => num(i, a));
        inside = vals.some((v) => v === undefined) ? undefined : vals.includes(s);
      }
      return inside === undefined ? undefined : e.negated ? !inside : inside;
    }
    case 'between': {
      const s = num(e.subject, a);
      const lo = num(e.low, a);
      const hi = num(e.high, a);
      return s === undefined || lo === undefined || hi === undefined ? undefined : s >= lo && s <= hi;
    }
    default:
      return undefined;
  }
}

/** The identifiers an expression uses, and the numbers it compares each with. */
export function fieldsAndBounds(e: Expr | undefined, out = new Map<string, Set<number>>()): Map<string, Set<number>> {
  if (!e) return out;
  const add = (subject: Expr, ...vals: Array<Expr | undefined>) => {
    const s = subject.type === 'paren' ? subject.inner : subject;
    if (s.type !== 'identifier') return;
    const set = out.get(s.name) ?? new Set<number>();
    out.set(s.name, set);
    for (const v of vals) {
      const c = v ? constValue(v) : undefined;
      if (c && Number.isFinite(c.value)) set.add(c.value);
    }
  };
  switch (e.type) {
    case 'identifier':
      if (!out.has(e.name)) out.set(e.name, new Set());
      break;
    case 'paren':
      fieldsAndBounds(e.inner, out);
      break;
    case 'not':
      fieldsAndBounds(e.operand, out);
      break;
    case 'and':
    case 'or':
      for (const o of e.operands) fieldsAndBounds(o, out);
      break;
    case 'compare':
      add(e.left, e.right);
      add(e.right, e.left);
      break;
    case 'in':
      if (e.set.type === 'range') add(e.subject, e.set.low, e.set.high);
      else add(e.subject, ...e.set.items);
      break;
    case 'between':
      add(e.subject, e.low, e.high);
      break;
  }
  return out;
}
