// Constant folding shared by the checker and the evaluator.
import type { DateLiteral, Expr, Unit } from './ast';
import { DAYS_PER_UNIT } from './ast';
import { daysInMonth } from './text';

export interface ConstValue {
  unit: Unit;
  /** percent as written (85 = 85%), money in pounds, duration in days, date as a day number. */
  value: number;
  /** The counted noun for counts (`2 moves`). */
  noun?: string;
  /** `5 percentage points` */
  points?: boolean;
}

/** Days since 1970-01-01 (UTC) for a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

export function isRealDate(year: number, month: number, day?: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** A date literal as a day number: a month date (2027-03) means its last day when `end`, else its first. */
export function dateDay(d: Pick<DateLiteral, 'year' | 'month' | 'day'>, end = true): number | undefined {
  if (!isRealDate(d.year, d.month, d.day)) return undefined;
  if (d.day !== undefined) return dayNumber(d.year, d.month, d.day);
  return dayNumber(d.year, d.month, end ? daysInMonth(d.year, d.month) : 1);
}

/** Parses an ISO date (YYYY-MM-DD or YYYY-MM) to a day number. */
export function isoDay(iso: string | undefined, end: boolean): number | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?/.exec(iso.trim());
  if (!m) return undefined;
  return dateDay({ year: Number(m[1]), month: Number(m[2]), day: m[3] === undefined ? undefined : Number(m[3]) }, end);
}

export function formatDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** The value of an expression made only of literals and arithmetic, else undefined. */
export function constValue(e: Expr | undefined): ConstValue | undefined {
  if (!e) return undefined;
  switch (e.type) {
    case 'number':
      return { unit: 'number', value: e.value };
    case 'percent':
      return { unit: 'percent', value: e.value, points: e.points };
    case 'money':
      return { unit: 'money', value: e.value };
    case 'duration':
      return { unit: 'duration', value: e.value * DAYS_PER_UNIT[e.unit] };
    case 'count':
      return { unit: 'count', value: e.value, noun: e.noun };
    case 'date': {
      const d = dateDay(e);
      return d === undefined ? undefined : { unit: 'date', value: d };
    }
    case 'paren':
      return constValue(e.inner);
    case 'negate': {
      const v = constValue(e.operand);
      return v && { ...v, value: e.times % 2 === 1 ? -v.value : v.value };
    }
    case 'per': {
      const v = constValue(e.operand);
      if (!v) return undefined;
      if (e.basis.kind === 'number') return e.basis.value === 0 ? undefined : { unit: 'rate', value: v.value };
      return v;
    }
    case 'of': {
      const p = constValue(e.part);
      const w = constValue(e.whole);
      if (!p || !w || p.unit !== 'percent') return undefined;
      return { ...w, value: (p.value / 100) * w.value };
    }
    case 'arith': {
      let acc = constValue(e.operands[0]);
      for (let i = 0; i < e.ops.length && acc; i++) {
        const r = constValue(e.operands[i + 1]);
        if (!r) return undefined;
        acc = combineConst(acc, e.ops[i], r);
      }
      return acc;
    }
    default:
      return undefined;
  }
}

function combineConst(a: ConstValue, op: string, b: ConstValue): ConstValue | undefined {
  const plain = (u: Unit) => u === 'number';
  switch (op) {
    case '+':
      if (a.unit === 'date' && b.unit === 'duration') return { unit: 'date', value: Math.round(a.value + b.value) };
      if (a.unit === b.unit || plain(b.unit)) return { ...a, value: a.value + b.value };
      if (plain(a.unit)) return { ...b, value: a.value + b.value };
      return undefined;
    case '-':
      if (a.unit === 'date' && b.unit === 'date') return { unit: 'duration', value: a.value - b.value };
      if (a.unit === 'date' && b.unit === 'duration') return { unit: 'date', value: Math.round(a.value - b.value) };
      if (a.unit === b.unit || plain(b.unit)) return { ...a, value: a.value - b.value };
      if (plain(a.unit)) return { ...b, value: a.value - b.value };
      return undefined;
    case '*':
      if (plain(a.unit)) return { ...b, value: a.value * b.value };
      if (plain(b.unit)) return { ...a, value: a.value * b.value };
      if (a.unit === 'percent') return { ...b, value: (a.value / 100) * b.value };
      if (b.unit === 'percent') return { ...a, value: (b.value / 100) * a.value };
      return undefined;
    case '/':
      if (b.value === 0) return undefined;
      if (plain(b.unit)) return { ...a, value: a.value / b.value };
      if (a.unit === b.unit) return { unit: 'number', value: a.value / b.value };
      return undefined;
    default:
      return undefined;
  }
}
