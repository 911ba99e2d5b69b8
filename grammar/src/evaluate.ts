// Evaluating a target against a value, and comparing two targets for ambition.
import type { Expr, ParsedExpression, TargetExpr } from './ast';
import { DAYS_PER_UNIT } from './ast';
import { formatMoney } from './text';
import { constValue, dateDay, formatDay, isoDay, type ConstValue } from './values';

const EPS = 1e-9;

function targetOf(parsed: ParsedExpression): TargetExpr | string {
  if (parsed.kind !== 'target' || !parsed.ast || parsed.ast.type !== 'target') return 'this is not a target expression';
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return 'the target has errors: fix them first';
  return parsed.ast;
}

/** A target value in the unit it is written in (a duration stays in its own unit: months are months). */
function written(e: Expr): ConstValue | undefined {
  if (e.type === 'duration') return { unit: 'duration', value: e.value };
  if (e.type === 'paren') return written(e.inner);
  return constValue(e);
}

function show(e: Expr | undefined, text: string): string {
  return e ? text.slice(e.span.start, e.span.end) : '';
}

function fmt(v: number, unit: string): string {
  const r = Math.round(v * 1000) / 1000;
  if (unit === 'percent') return `${r}%`;
  if (unit === 'money') return formatMoney(r);
  return String(r);
}

/**
 * Is `value` meeting the target? Values are in the unit the target is written in: a percentage as
 * 0–100 (87 for 87%), money in pounds, a count as a number, a duration in the target's own unit.
 */
export function evaluateTarget(
  parsed: ParsedExpression,
  value: number,
  opts: { baseline?: number; date?: string } = {},
): { met: boolean | undefined; reason: string } {
  const t = targetOf(parsed);
  if (typeof t === 'string') return { met: undefined, reason: t };
  if (!Number.isFinite(value)) return { met: undefined, reason: 'the value is not a number' };
  const text = parsed.text;
  const form = t.form;
  let met: boolean;
  let reason: string;
  let unit = 'number';
  if (form.mode === 'compare') {
    const v = written(form.value);
    if (!v || v.unit === 'date') return { met: undefined, reason: `'${show(form.value, text)}' cannot be worked out without more information` };
    unit = v.unit;
    const x = v.value;
    switch (form.op) {
      case '>=': met = value >= x - EPS; break;
      case '>': met = value > x + EPS; break;
      case '<=': met = value <= x + EPS; break;
      case '<': met = value < x - EPS; break;
      case '=': met = Math.abs(value - x) <= EPS; break;
      case '!=': met = Math.abs(value - x) > EPS; break;
    }
    const gap = Math.abs(value - x);
    reason = met
      ? `${fmt(value, unit)} meets '${show(t, text)}'`
      : `${fmt(value, unit)} does not meet '${show(t, text)}'${form.op !== '=' && form.op !== '!=' ? ` (short by ${unit === 'percent' ? `${fmt(gap, 'number')} percentage points` : fmt(gap, unit)})` : ''}`;
  } else if (form.mode === 'between') {
    const lo = written(form.low);
    const hi = written(form.high);
    if (!lo || !hi || lo.unit === 'date') return { met: undefined, reason: 'the limits cannot be worked out without more information' };
    unit = lo.unit;
    met = value >= lo.value - EPS && value <= hi.value + EPS;
    reason = `${fmt(value, unit)} ${met ? 'is' : 'is not'} between ${fmt(lo.value, unit)} and ${fmt(hi.value, unit)}`;
  } else {
    const amt = written(form.amount);
    if (!amt) return { met: undefined, reason: `'${show(form.amount, text)}' cannot be worked out without more information` };
    if (opts.baseline === undefined || !Number.isFinite(opts.baseline))
      return { met: undefined, reason: `'${show(t, text)}' is measured from the baseline: a baseline value is needed` };
    const b = opts.baseline;
    const sign = form.direction === 'reduce' ? -1 : 1;
    let goal: number;
    if (amt.unit === 'percent' && !amt.points) goal = b * (1 + (sign * amt.value) / 100);
    else goal = b + sign * amt.value;
    unit = amt.unit === 'percent' && amt.points ? 'percent' : amt.unit === 'percent' ? 'number' : amt.unit;
    met = form.direction === 'reduce' ? value <= goal + EPS : value >= goal - EPS;
    reason = `${form.direction === 'reduce' ? 'reducing' : 'increasing'} the baseline ${fmt(b, 'number')} by ${show(form.amount, text)} gives ${fmt(goal, 'number')}; ${fmt(value, 'number')} ${met ? 'meets' : 'does not meet'} it`;
  }
  if (t.deadline?.type === 'date') {
    const due = dateDay(t.deadline, true);
    const on = isoDay(opts.date, false);
    if (due !== undefined && on !== undefined) {
      if (on > due) reason += ` (measured on ${formatDay(on)}, after the deadline ${formatDay(due)})`;
      else if (!met) reason += ` (not yet: the deadline is ${formatDay(due)})`;
    }
  }
  return { met, reason };
}

// ---------------------------------------------------------------------------------------------

type Ambition = 'more' | 'equal' | 'less' | 'incomparable';

interface Requirement {
  kind: 'floor' | 'ceiling' | 'exact' | 'range' | 'change' | 'other';
  value?: ConstValue;
  strict?: boolean;
  lo?: ConstValue;
  hi?: ConstValue;
  direction?: 'reduce' | 'increase';
  changeKind?: 'relative' | 'points' | 'absolute';
  deadline?: number;
  windowDays?: number;
  text: string;
}

function requirementOf(t: TargetExpr, text: string): Requirement {
  const r: Requirement = { kind: 'other', text: text.slice(t.span.start, t.span.end) };
  if (t.deadline?.type === 'date') r.deadline = dateDay(t.deadline, true);
  if (t.window?.type === 'duration') r.windowDays = t.window.value * DAYS_PER_UNIT[t.window.unit];
  const f = t.form;
  if (f.mode === 'compare') {
    r.value = constValue(f.value);
    if (f.op === '>=' || f.op === '>') r.kind = 'floor';
    else if (f.op === '<=' || f.op === '<') r.kind = 'ceiling';
    else if (f.op === '=') r.kind = 'exact';
    r.strict = f.op === '>' || f.op === '<';
  } else if (f.mode === 'between') {
    r.kind = 'range';
    r.lo = constValue(f.low);
    r.hi = constValue(f.high);
  } else {
    r.kind = 'change';
    r.direction = f.direction;
    r.value = constValue(f.amount);
    r.changeKind = r.value?.unit === 'percent' ? (r.value.points ? 'points' : 'relative') : 'absolute';
  }
  return r;
}

function sameUnit(a: ConstValue, b: ConstValue): string | undefined {
  const numeric = (u: string) => u === 'count' || u === 'number';
  if (a.unit !== b.unit && !(numeric(a.unit) && numeric(b.unit))) return `the bid is in ${a.unit} but the specification in ${b.unit}`;
  if (a.noun && b.noun && a.noun.toLowerCase() !== b.noun.toLowerCase()) return `the bid counts ${a.noun} but the specification counts ${b.noun}`;
  return undefined;
}

function cmp(x: number, y: number): number {
  return Math.abs(x - y) <= EPS * Math.max(1, Math.abs(x), Math.abs(y)) ? 0 : x < y ? -1 : 1;
}

function levelAmbition(bid: Requirement, spec: Requirement, polarity?: 'higher' | 'lower'): { result: Ambition; reason: string } {
  const inc = (reason: string) => ({ result: 'incomparable' as const, reason });
  // An exact commitment acts as a floor or a ceiling, following the other side or the polarity.
  let bk = bid.kind;
  let sk = spec.kind;
  if (bk === 'exact') bk = sk === 'floor' || sk === 'ceiling' ? sk : polarity === 'higher' ? 'floor' : polarity === 'lower' ? 'ceiling' : 'exact';
  if (sk === 'exact') sk = bk === 'floor' || bk === 'ceiling' ? bk : polarity === 'higher' ? 'floor' : polarity === 'lower' ? 'ceiling' : 'exact';
  if (bk === 'other' || sk === 'other') return inc("a 'not equal' target cannot be compared");
  if (bk === 'change' || sk === 'change') {
    if (bk !== sk) return inc('one target is a change from the baseline and the other a fixed level: compare them against the baseline value');
    if (!bid.value || !spec.value) return inc('the size of the change cannot be worked out');
    if (bid.direction !== spec.direction) return inc(`the bid would ${bid.direction} but the specification asks to ${spec.direction}`);
    if (bid.changeKind !== spec.changeKind) return inc(`the bid gives a ${bid.changeKind} change and the specification a ${spec.changeKind} change: they can only be compared against the baseline value`);
    const u = sameUnit(bid.value, spec.value);
    if (u) return inc(u);
    const c = cmp(bid.value.value, spec.value.value);
    return c === 0
      ? { result: 'equal', reason: `both ${bid.direction} by the same amount` }
      : c > 0
        ? { result: 'more', reason: `the bid commits to a larger ${bid.direction === 'reduce' ? 'reduction' : 'increase'}` }
        : { result: 'less', reason: `the bid commits to a smaller ${bid.direction === 'reduce' ? 'reduction' : 'increase'}` };
  }
  if (bk === 'range' || sk === 'range') {
    if (bk !== sk) return inc('one target is a range and the other a single limit');
    if (!bid.lo || !bid.hi || !spec.lo || !spec.hi) return inc('the limits cannot be worked out');
    const u = sameUnit(bid.lo, spec.lo);
    if (u) return inc(u);
    const loC = cmp(bid.lo.value, spec.lo.value);
    const hiC = cmp(bid.hi.value, spec.hi.value);
    if (loC === 0 && hiC === 0) return { result: 'equal', reason: 'both give the same range' };
    if (loC >= 0 && hiC <= 0) return { result: 'more', reason: "the bid's range lies inside the specification's" };
    if (loC <= 0 && hiC >= 0) return { result: 'less', reason: "the bid's range is wider than the specification's" };
    return inc("the bid's range overlaps the specification's without lying inside it");
  }
  if (!bid.value || !spec.value) return inc('the target level cannot be worked out without more information');
  const u = sameUnit(bid.value, spec.value);
  if (u) return inc(u);
  if (bk !== sk) return inc(bk === 'floor' ? 'the bid sets a minimum but the specification a maximum' : bk === 'ceiling' ? 'the bid sets a maximum but the specification a minimum' : 'the targets point in different directions');
  if (polarity === 'higher' && bk === 'ceiling') return inc('the indicator is better when higher, but these targets set maximums');
  if (polarity === 'lower' && bk === 'floor') return inc('the indicator is better when lower, but these targets set minimums');
  let bv = bid.value.value;
  let sv = spec.value.value;
  if (bid.windowDays !== spec.windowDays) {
    if (bid.windowDays === undefined || spec.windowDays === undefined) return inc('only one of the targets gives a period (for example in 12 months)');
    bv = bv / bid.windowDays;
    sv = sv / spec.windowDays;
  }
  if (bk === 'exact') {
    const c = cmp(bv, sv);
    return c === 0 ? { result: 'equal', reason: 'both give the same value' } : inc('without a polarity, two different exact values cannot be ranked');
  }
  let c = cmp(bv, sv);
  if (bk === 'ceiling') c = -c;
  if (c === 0) {
    if (!!bid.strict === !!spec.strict) return { result: 'equal', reason: 'both set the same level' };
    return bid.strict ? { result: 'more', reason: 'the bid excludes the limit itself' } : { result: 'less', reason: 'the specification excludes the limit itself' };
  }
  const word = bk === 'floor' ? (c > 0 ? 'higher minimum' : 'lower minimum') : c > 0 ? 'lower maximum' : 'higher maximum';
  return { result: c > 0 ? 'more' : 'less', reason: `the bid sets a ${word} (${bid.text} against ${spec.text})` };
}

function deadlineAmbition(bid: Requirement, spec: Requirement): { result: Ambition; reason: string } {
  if (bid.deadline === undefined && spec.deadline === undefined) return { result: 'equal', reason: 'neither gives a deadline' };
  if (bid.deadline === undefined) return { result: 'less', reason: `the bid gives no deadline but the specification requires ${formatDay(spec.deadline!)}` };
  if (spec.deadline === undefined) return { result: 'more', reason: `the bid commits to a deadline (${formatDay(bid.deadline)})` };
  if (bid.deadline === spec.deadline) return { result: 'equal', reason: 'the same deadline' };
  return bid.deadline < spec.deadline
    ? { result: 'more', reason: `an earlier deadline (${formatDay(bid.deadline)} against ${formatDay(spec.deadline)})` }
    : { result: 'less', reason: `a later deadline (${formatDay(bid.deadline)} against ${formatDay(spec.deadline)})` };
}

/** Is the bid's target at least as ambitious as the specification's? */
export function compareAmbition(
  bid: ParsedExpression,
  spec: ParsedExpression,
  polarity?: 'higher' | 'lower',
): { result: Ambition; reason: string } {
  const b = targetOf(bid);
  if (typeof b === 'string') return { result: 'incomparable', reason: `bid: ${b}` };
  const s = targetOf(spec);
  if (typeof s === 'string') return { result: 'incomparable', reason: `specification: ${s}` };
  const br = requirementOf(b, bid.text);
  const sr = requirementOf(s, spec.text);
  const level = levelAmbition(br, sr, polarity);
  if (level.result === 'incomparable') return level;
  const when = deadlineAmbition(br, sr);
  const lv = level.result;
  const dv = when.result;
  if (lv === 'equal' && dv === 'equal') return { result: 'equal', reason: `${level.reason}, ${when.reason}` };
  if ((lv === 'more' || lv === 'equal') && (dv === 'more' || dv === 'equal'))
    return { result: 'more', reason: [lv === 'more' ? level.reason : '', dv === 'more' ? when.reason : ''].filter(Boolean).join('; ') };
  if ((lv === 'less' || lv === 'equal') && (dv === 'less' || dv === 'equal'))
    return { result: 'less', reason: [lv === 'less' ? level.reason : '', dv === 'less' ? when.reason : ''].filter(Boolean).join('; ') };
  return { result: 'incomparable', reason: `${level.reason}, but ${when.reason}` };
}
