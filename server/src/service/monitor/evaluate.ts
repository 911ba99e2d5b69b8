// Checks returns against the contract (diagnostics) and evaluates each indicator's target at each period.
import { DAYS_PER_UNIT, type DurationUnitName, type Expr, type TargetExpr } from '../../../../grammar/src/ast';
import { constValue, dateDay, formatDay } from '../../../../grammar/src/values';
import type { Finding, Severity } from '../findings';
import { didYouMean } from '../text';
import { dayOf, frequencyMonths, unitRange, type Contract, type ContractIndicator } from './contract';
import type { ReturnFile, ReturnRow } from './returns';

export type Status = 'on-track' | 'at-risk' | 'off-track' | 'no-data';
export const statusWords: Record<Status, string> = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-data': 'No data' };
/** Worse first. */
export const statusRank: Record<Status, number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2, 'no-data': 3 };

/** A finding about a return, in the file it belongs to. */
export interface ReturnFinding extends Finding {
  uri: string;
  /** For CSV: the 1-based row and the column. */
  row?: number;
  column?: string;
}

/** An indicator's value for a period, resolved from a row. */
export interface ResolvedValue {
  indicator: string;
  period: string;
  label?: string;
  value: number;
  numerator?: number;
  denominator?: number;
  n?: number;
  notes?: string;
  row: ReturnRow;
}

export interface ResolvedReturns {
  values: Map<string, Map<string, ResolvedValue>>; // indicator -> period -> value
  fields: Map<string, Map<string, number | string | boolean>>; // period -> field -> value
  claims: Map<string, Map<string, number>>; // period -> clause -> count
  periods: string[]; // every period end, sorted
  labels: Map<string, string>;
  findings: ReturnFinding[];
}

function located(file: ReturnFile | undefined, row: ReturnRow, ruleId: string, severity: Severity, message: string, start = row.at.start, end = row.at.end): ReturnFinding {
  const lines = file?.lines;
  const range = lines ? lines.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: row.at.uri, ruleId, severity, message, range, offsets: { start, end }, row: row.at.row, column: row.at.column };
}

function show(v: number, unit: string | undefined): string {
  const r = Math.round(v * 100) / 100;
  if (unit === 'percent') return `${r}%`;
  if (unit === 'money') return `£${r.toLocaleString('en-GB')}`;
  return r.toLocaleString('en-GB');
}

/** Merges the rows of every return file, checks them against the contract and resolves indicator values. */
export function resolveReturns(contract: Contract, files: readonly ReturnFile[]): ResolvedReturns {
  const out: ResolvedReturns = { values: new Map(), fields: new Map(), claims: new Map(), periods: [], labels: new Map(), findings: [] };
  const byUri = new Map(files.map((f) => [f.uri, f]));
  // section → key → period → the first row: nested, so that no key string is built per row
  const seen = new Map<string, Map<string, Map<string, ReturnRow>>>();
  const periods = new Set<string>();
  const paymentIds = new Set(contract.payments.map((p) => p.id));
  const known = [...contract.indicators.keys(), ...contract.fields.keys(), ...paymentIds];
  const termStart = dayOf(contract.term?.start, false);
  const termEnd = dayOf(contract.term?.end, true);
  const outsideTerm = new Set<string>();
  for (const file of files) {
    // made once per file, for the row being checked (findings are few: their words are put together only when needed)
    let row!: ReturnRow;
    const f = (ruleId: string, severity: Severity, message: string) => out.findings.push(located(file, row, ruleId, severity, message));
    const where = () => (row.at.row ? `Row ${row.at.row}: ` : '');
    for (row of file.rows) {
      const indicator = contract.indicators.get(row.key);
      const isField = contract.fields.has(row.key);
      const isClaim = paymentIds.has(row.key);
      const section = row.section ?? (indicator ? 'values' : isField ? 'fields' : isClaim ? 'claims' : undefined);
      if (!section || (section === 'values' && !indicator) || (section === 'fields' && !isField) || (section === 'claims' && !isClaim)) {
        const pool = section === 'fields' ? [...contract.fields.keys()] : section === 'claims' ? [...paymentIds] : section === 'values' ? [...contract.indicators.keys()] : known;
        const s = didYouMean(row.key, pool);
        const what = section === 'fields' ? 'data field' : section === 'claims' ? 'payment clause' : 'indicator';
        f('returns/unknown-indicator', 'error', `${where()}'${row.key}' is not ${what === 'indicator' ? 'an' : 'a'} ${what} of the specification ${contract.id ?? ''}${s ? `: did you mean '${s}'?` : ''}`.replace(/ :/, ':') + (s ? '' : pool.length === 0 ? ` (it defines no ${what}s)` : ` (its ${what}s are ${pool.slice(0, 8).join(', ')}${pool.length > 8 ? ', …' : ''})`));
        continue;
      }
      let bySection = seen.get(section);
      if (!bySection) seen.set(section, (bySection = new Map()));
      let byPeriod = bySection.get(row.key);
      if (!byPeriod) bySection.set(row.key, (byPeriod = new Map()));
      const first = byPeriod.get(row.period);
      if (first) {
        const firstWhere = first.at.row ? `row ${first.at.row}` : `line ${(byUri.get(first.at.uri)?.lines.positionAt(first.at.start).line ?? 0) + 1}`;
        const d = located(file, row, 'returns/duplicate-period', 'error', `${where()}${row.key} already has a value for the period ending ${row.period} (${first.at.uri === row.at.uri ? '' : `${first.at.uri}, `}${firstWhere}): give each period once; the first is used`);
        d.related = [{ uri: first.at.uri, range: byUri.get(first.at.uri)?.lines.range(first.at.start, first.at.end) ?? d.range, message: 'The first value for this period' }];
        out.findings.push(d);
        continue;
      }
      byPeriod.set(row.period, row);
      const day = dayOf(row.period, true);
      if (day !== undefined && ((termStart !== undefined && day < termStart) || (termEnd !== undefined && day > termEnd)) && !outsideTerm.has(`${row.at.uri}\u0000${row.period}`)) {
        outsideTerm.add(`${row.at.uri}\u0000${row.period}`);
        f('returns/outside-term', 'warning', `${where()}The period ending ${row.period} is outside the contract term (${contract.term?.start ?? '…'} to ${contract.term?.end ?? '…'}): check the date`);
      }
      periods.add(row.period);
      if (row.label && !out.labels.has(row.period)) out.labels.set(row.period, row.label);
      if (section === 'fields') {
        const value = row.value ?? row.text;
        if (value === undefined) {
          f('returns/value', 'error', `${where()}Give the value of ${row.key} for the period ending ${row.period} as a number${contract.fields.get(row.key)?.unit === 'boolean' ? ' or yes/no' : ''}`);
          continue;
        }
        let m = out.fields.get(row.period);
        if (!m) out.fields.set(row.period, (m = new Map()));
        m.set(row.key, value);
        continue;
      }
      if (section === 'claims') {
        if (row.value === undefined || !Number.isInteger(row.value) || row.value < 0) {
          f('returns/value', 'error', `${where()}A claim under ${row.key} is the number of children or families whose outcome was verified in the period: a whole number of 0 or more`);
          continue;
        }
        let m = out.claims.get(row.period);
        if (!m) out.claims.set(row.period, (m = new Map()));
        m.set(row.key, row.value);
        continue;
      }
      const resolved = resolveValue(indicator!, row, f, where);
      if (!resolved) continue;
      let m = out.values.get(row.key);
      if (!m) out.values.set(row.key, (m = new Map()));
      m.set(row.period, resolved);
    }
  }
  out.periods = [...periods].sort();
  missingPeriods(contract, out);
  for (const f of out.findings) {
    const lines = byUri.get(f.uri)?.lines;
    if (lines && f.ruleId === 'returns/missing-period') f.range = lines.range(f.offsets.start, f.offsets.end);
  }
  return out;
}

function resolveValue(ind: ContractIndicator, row: ReturnRow, f: (ruleId: string, severity: Severity, message: string) => void, where: () => string): ResolvedValue | undefined {
  const scale = ind.unit === 'percent' ? 100 : ind.unit === 'rate' ? 10000 : 1;
  let value = row.value;
  if (row.text !== undefined) {
    f('returns/value', 'error', `${where()}${ind.id} is measured in ${ind.unit ?? 'numbers'}: give a number, not '${String(row.text)}'`);
    return undefined;
  }
  if (row.percentWritten && ind.unit !== 'percent') {
    f('returns/value', 'error', `${where()}${ind.id} is measured in ${ind.unit ?? 'numbers'}, not a percentage: give the value without %`);
    return undefined;
  }
  if (row.numerator !== undefined && row.denominator !== undefined) {
    if (row.denominator === 0) {
      f('returns/numerator', 'error', `${where()}The denominator for ${ind.id} in the period ending ${row.period} is 0: a value cannot be worked out from it (leave the row out, or give the value)`);
      return undefined;
    }
    if ((ind.unit === 'percent' || ind.unit === 'rate') && row.numerator > row.denominator) {
      f('returns/numerator', 'error', `${where()}The numerator for ${ind.id} in the period ending ${row.period} (${row.numerator}) is larger than the denominator (${row.denominator}): the children counted must be among those in the denominator`);
      return undefined;
    }
    const worked = (row.numerator / row.denominator) * scale;
    if (value === undefined) value = worked;
    else if (Math.abs(worked - value) > 0.5 * (scale === 1 ? Math.max(1, Math.abs(value)) / 100 : 1))
      f('returns/value', 'warning', `${where()}The value for ${ind.id} (${show(value, ind.unit)}) does not match its numerator and denominator (${row.numerator} / ${row.denominator} = ${show(worked, ind.unit)}): the value is used; check both`);
  }
  if (value === undefined) {
    f('returns/value', 'error', `${where()}No value for ${ind.id} in the period ending ${row.period}: give a value, or a numerator and denominator`);
    return undefined;
  }
  const range = unitRange(ind.unit);
  if (range && ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max))) {
    f('returns/range', 'error', `${where()}${show(value, ind.unit)} is not possible for ${ind.id}, which is ${range.words}${ind.unit === 'percent' && value > 0 && value <= 1 ? '' : ''}`);
    return undefined;
  }
  if (ind.unit === 'percent' && value > 0 && value <= 1 && !row.percentWritten && row.numerator === undefined)
    f('returns/range', 'warning', `${where()}${value} for ${ind.id} reads as ${value}%: if you meant ${Math.round(value * 1000) / 10}%, write ${Math.round(value * 1000) / 10}`);
  const n = row.n ?? row.denominator;
  const minimum = ind.minimumN ?? (ind.unit === 'percent' ? 10 : undefined);
  if (n !== undefined && minimum !== undefined && (ind.unit === 'percent' || ind.unit === 'rate') && n < minimum)
    f('returns/small-base', 'warning', `${where()}${ind.id} for the period ending ${row.period} is based on ${n} ${n === 1 ? 'child' : 'children or families'}, fewer than the ${minimum} ${ind.minimumN !== undefined ? "the specification's minimum_n asks for" : `below which a ${ind.unit === 'rate' ? 'rate' : 'percentage'} swings widely`}: treat the ${ind.unit === 'rate' ? 'rate' : 'percentage'} with caution`);
  return { indicator: ind.id, period: row.period, label: row.label, value, numerator: row.numerator, denominator: row.denominator, n, notes: row.notes, row };
}

/** A period end (YYYY-MM-DD) as a month count (year × 12 + month) and its day, read once per distinct date. */
const monthCache = new Map<string, { month: number; day: number }>();
function monthOf(iso: string): { month: number; day: number } {
  let m = monthCache.get(iso);
  if (!m) {
    const [y, mo, d] = iso.split('-').map(Number);
    m = { month: y * 12 + mo, day: d };
    if (monthCache.size >= 4096) monthCache.clear();
    monthCache.set(iso, m);
  }
  return m;
}

function monthsBetween(a: string, b: string): number {
  const x = monthOf(a);
  const y = monthOf(b);
  return y.month - x.month + (y.day - x.day) / 30;
}

export function addMonthsEnd(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Gaps in an indicator's returns longer than its reporting frequency allows, and indicators never reported. */
function missingPeriods(contract: Contract, out: ResolvedReturns): void {
  if (out.periods.length === 0) return;
  const last = out.periods[out.periods.length - 1];
  for (const ind of contract.indicators.values()) {
    const step = frequencyMonths(ind.frequency);
    const got = [...(out.values.get(ind.id)?.keys() ?? [])].sort();
    const outcome = contract.outcomes.find((o) => o.id === ind.outcome);
    if (got.length === 0) {
      const from = outcome?.measurableFrom;
      if (step !== undefined && (!from || from <= last) && monthsBetween(from && from > out.periods[0] ? from : out.periods[0], last) >= step - 0.5)
        out.findings.push(contractFinding(contract, 'returns/missing-period', 'warning', `No return gives a value for ${ind.id} (reported ${ind.frequency}${from ? `, measurable from ${from}` : ''}) in the periods ${out.periods[0]} to ${last}`));
      continue;
    }
    if (step === undefined) continue;
    for (let i = 1; i < got.length; i++) {
      const gap = monthsBetween(got[i - 1], got[i]);
      if (gap > step * 1.5 + (ind.frequency === 'termly' ? 1 : 0.25)) {
        const missing: string[] = [];
        for (let k = 1; k * step < gap - step * 0.5 && missing.length < 12; k++) missing.push(addMonthsEnd(got[i - 1], k * step));
        const row = out.values.get(ind.id)!.get(got[i])!.row;
        out.findings.push({
          ...contractFinding(contract, 'returns/missing-period', 'warning', `${row.at.row ? `Row ${row.at.row}: ` : ''}${ind.id} is reported ${ind.frequency}, but there is no value between ${got[i - 1]} and ${got[i]}${missing.length ? ` (expected about ${missing.join(', ')})` : ''}`),
          uri: row.at.uri,
          row: row.at.row,
          offsets: { start: row.at.start, end: row.at.end },
        });
      }
    }
  }
}

function contractFinding(contract: Contract, ruleId: string, severity: Severity, message: string): ReturnFinding {
  return { uri: contract.uri, ruleId, severity, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: { start: 0, end: 0 } };
}

// ---------------------------------------------------------------------------------------------
// targets

/** What an indicator's target asks, in the indicator's own unit. */
export interface Goal {
  direction: 'higher' | 'lower' | 'range' | 'exact';
  /** The level to reach (for a range: unused). */
  level: number;
  strict?: boolean;
  low?: number;
  high?: number;
  /** The deadline as an ISO date, when the target has one. */
  deadline?: string;
  /** Where the expected value starts from (the baseline), when a trajectory applies. */
  trajectory?: { from: number; fromDate: string; to: number; toDate: string };
}

function durationIn(e: Expr, unit: string | undefined): number | undefined {
  const inner = e.type === 'paren' ? e.inner : e;
  if (inner.type !== 'duration') return undefined;
  const days = inner.value * DAYS_PER_UNIT[inner.unit];
  const target: DurationUnitName | undefined = unit === 'days' ? 'day' : unit === 'weeks' ? 'week' : unit === 'months' ? 'month' : undefined;
  return target ? days / DAYS_PER_UNIT[target] : inner.value;
}

function level(e: Expr, unit: string | undefined): number | undefined {
  const d = durationIn(e, unit);
  if (d !== undefined) return d;
  const v = constValue(e);
  if (!v || v.unit === 'date' || v.unit === 'boolean' || v.unit === 'text') return undefined;
  return v.value;
}

/** The goal an indicator's target sets, or why it cannot be worked out. */
export function goalOf(ind: ContractIndicator): Goal | { reason: string } {
  const parsed = ind.target;
  if (!parsed) return { reason: 'the specification gives no target' };
  if (parsed.diagnostics.some((d) => d.severity === 'error') || !parsed.ast || parsed.ast.type !== 'target') return { reason: `the target '${ind.targetText}' has errors: fix them in the specification` };
  const t = parsed.ast as TargetExpr;
  const f = t.form;
  const deadline = t.deadline?.type === 'date' ? dateDay(t.deadline, true) : undefined;
  const base = ind.baseline?.value;
  let goal: Goal;
  if (f.mode === 'compare') {
    const x = level(f.value, ind.unit);
    if (x === undefined) return { reason: `'${ind.targetText}' compares with something that is not a fixed value, so it cannot be checked against a return` };
    if (f.op === '!=') return { reason: `a 'not equal' target cannot be tracked` };
    const direction = f.op === '>=' || f.op === '>' ? 'higher' : f.op === '<=' || f.op === '<' ? 'lower' : 'exact';
    goal = { direction, level: x, strict: f.op === '>' || f.op === '<' };
  } else if (f.mode === 'between') {
    const lo = level(f.low, ind.unit);
    const hi = level(f.high, ind.unit);
    if (lo === undefined || hi === undefined) return { reason: 'the limits of the range cannot be worked out' };
    goal = { direction: 'range', level: (lo + hi) / 2, low: Math.min(lo, hi), high: Math.max(lo, hi) };
  } else {
    const amt = constValue(f.amount);
    if (!amt) return { reason: `'${ind.targetText}' changes the baseline by an amount that cannot be worked out` };
    if (base === undefined) return { reason: `'${ind.targetText}' is measured from the baseline, and the specification gives no baseline value` };
    const sign = f.direction === 'reduce' ? -1 : 1;
    const x = amt.unit === 'percent' && !amt.points ? base * (1 + (sign * amt.value) / 100) : base + sign * amt.value;
    goal = { direction: f.direction === 'reduce' ? 'lower' : 'higher', level: x };
  }
  if (deadline !== undefined) goal.deadline = formatDay(deadline);
  const bDate = ind.baseline?.date;
  if (goal.deadline && base !== undefined && bDate && (goal.direction === 'higher' || goal.direction === 'lower')) {
    const from = dayOf(bDate, true)!;
    const needsProgress = goal.direction === 'higher' ? base < goal.level : base > goal.level;
    if (from < deadline! && needsProgress) goal.trajectory = { from: base, fromDate: bDate, to: goal.level, toDate: goal.deadline };
  }
  return goal;
}

/** The value expected at a period: on the straight line from the baseline to the target by its deadline, then the target. */
export function expectedAt(goal: Goal, period: string): number {
  const tr = goal.trajectory;
  if (!tr) return goal.level;
  const p = dayOf(period, true)!;
  const a = dayOf(tr.fromDate, true)!;
  const b = dayOf(tr.toDate, true)!;
  const frac = Math.min(1, Math.max(0, (p - a) / (b - a)));
  return tr.from + (tr.to - tr.from) * frac;
}

export interface IndicatorResult {
  indicator: string;
  outcome: string;
  period: string;
  label?: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  n?: number;
  /** The value expected at this period (on the trajectory), in the indicator's unit. */
  expected?: number;
  /** The target's final level. */
  goal?: number;
  target?: string;
  status: Status;
  reason: string;
  notes?: string;
}

const EPS = 1e-9;

/** The status of a value against a goal at a period, with the tolerance (per cent of the expected value) for at-risk. */
export function statusOf(goal: Goal, value: number, period: string, tolerance: number, unit: string | undefined): { status: Status; expected: number; reason: string } {
  const expected = expectedAt(goal, period);
  const s = (v: number) => show(v, unit);
  const band = (tolerance / 100) * Math.abs(expected);
  if (goal.direction === 'range') {
    const lo = goal.low!;
    const hi = goal.high!;
    if (value >= lo - EPS && value <= hi + EPS) return { status: 'on-track', expected, reason: `${s(value)} is within ${s(lo)} to ${s(hi)}` };
    const edge = value < lo ? lo : hi;
    const gap = Math.abs(value - edge);
    const within = gap <= (tolerance / 100) * Math.abs(edge) + EPS;
    return { status: within ? 'at-risk' : 'off-track', expected, reason: `${s(value)} is ${value < lo ? 'below' : 'above'} the range ${s(lo)} to ${s(hi)} by ${s(gap)}${within ? ', within the tolerance' : ''}` };
  }
  if (goal.direction === 'exact') {
    const gap = Math.abs(value - goal.level);
    if (gap <= EPS) return { status: 'on-track', expected, reason: `${s(value)} equals the target` };
    return { status: gap <= band + EPS ? 'at-risk' : 'off-track', expected, reason: `${s(value)} is ${s(gap)} away from the target ${s(goal.level)}` };
  }
  const higher = goal.direction === 'higher';
  const better = (a: number, b: number) => (higher ? a >= b - EPS : a <= b + EPS);
  const strictOk = goal.strict ? (higher ? value > goal.level + EPS : value < goal.level - EPS) : better(value, goal.level);
  if (strictOk) return { status: 'on-track', expected, reason: `${s(value)} meets the target ${higher ? '≥' : '≤'} ${s(goal.level)}` };
  const onLine = goal.trajectory && expected !== goal.level;
  if (better(value, expected)) return { status: 'on-track', expected, reason: `${s(value)} is on the trajectory to ${s(goal.level)} by ${goal.deadline} (expected ${s(expected)} by now)` };
  const gap = Math.abs(value - expected);
  const within = gap <= band + EPS;
  const against = onLine ? `the ${s(expected)} expected by now on the way to ${s(goal.level)} by ${goal.deadline}` : `the target ${s(goal.level)}${goal.deadline ? ` (due ${goal.deadline})` : ''}`;
  const points = unit === 'percent' ? `${Math.round(gap * 100) / 100} percentage points` : s(gap);
  return {
    status: within ? 'at-risk' : 'off-track',
    expected,
    reason: `${s(value)} is ${points} ${higher ? 'below' : 'above'} ${against}${within ? `, within the ${tolerance}% tolerance` : `, beyond the ${tolerance}% tolerance`}`,
  };
}

/** Every indicator's status at every period it reported (and no-data where a period is missing). */
export function evaluateIndicators(contract: Contract, resolved: ResolvedReturns, tolerance: number): IndicatorResult[] {
  const results: IndicatorResult[] = [];
  for (const ind of contract.indicators.values()) {
    const goal = goalOf(ind);
    const values = resolved.values.get(ind.id);
    const step = frequencyMonths(ind.frequency);
    const reported = [...(values?.keys() ?? [])].sort();
    // periods to show: those reported, and those of the return set a reporting indicator of this frequency should have had
    const shown = new Set(reported);
    if (reported.length && step) {
      let prev: string | undefined;
      for (const p of resolved.periods) {
        if (p < reported[0]) continue;
        if (shown.has(p)) {
          prev = p;
          continue;
        }
        if (prev && monthsBetween(prev, p) >= step - 0.5) {
          shown.add(p);
          prev = p;
        }
      }
    }
    const periods = [...shown].sort();
    if (periods.length === 0) {
      const last = resolved.periods[resolved.periods.length - 1];
      if (last) results.push({ indicator: ind.id, outcome: ind.outcome, period: last, label: resolved.labels.get(last), target: ind.targetText, goal: 'reason' in goal ? undefined : goal.level, status: 'no-data', reason: 'no return gives a value for this indicator' });
      continue;
    }
    // one object per result, built in one go (no spreading of a partial result)
    const cannot = 'reason' in goal ? `cannot be worked out: ${goal.reason}` : undefined;
    for (const period of periods) {
      const v = values?.get(period);
      const label = resolved.labels.get(period);
      if ('reason' in goal) {
        results.push({ indicator: ind.id, outcome: ind.outcome, period, label, target: ind.targetText, value: v?.value, status: 'no-data', reason: cannot! });
        continue;
      }
      if (!v) {
        results.push({ indicator: ind.id, outcome: ind.outcome, period, label, target: ind.targetText, status: 'no-data', reason: `no value for the period ending ${period} (reported ${ind.frequency})`, goal: goal.level, expected: expectedAt(goal, period) });
        continue;
      }
      const st = statusOf(goal, v.value, period, tolerance, ind.unit);
      results.push({ indicator: ind.id, outcome: ind.outcome, period, label, target: ind.targetText, status: st.status, reason: st.reason, goal: goal.level, expected: st.expected, value: v.value, numerator: v.numerator, denominator: v.denominator, n: v.n, notes: v.notes });
    }
  }
  return results;
}

export interface RollUp {
  id: string;
  period: string;
  status: Status;
  counts: Record<Status, number>;
  /** The indicators (for an outcome) or outcomes (for a tier) behind the status. */
  members: Array<{ id: string; status: Status }>;
}

function worst(statuses: Status[]): Status {
  const known = statuses.filter((s) => s !== 'no-data');
  if (known.length === 0) return 'no-data';
  return known.reduce((a, b) => (statusRank[b] < statusRank[a] ? b : a));
}

function countOf(statuses: Status[]): Record<Status, number> {
  const c: Record<Status, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'no-data': 0 };
  for (const s of statuses) c[s]++;
  return c;
}

/** The latest status of an indicator at or before a period (indicators report at different frequencies). */
export function latestStatus(results: readonly IndicatorResult[], indicator: string, period: string): Status {
  let best: IndicatorResult | undefined;
  for (const r of results) if (r.indicator === indicator && r.period <= period && (!best || r.period > best.period)) best = r;
  return best?.status ?? 'no-data';
}

/** Outcome roll-ups (worst of each indicator's latest status) and tier roll-ups (worst of the outcomes that apply to the tier). */
export function rollUps(contract: Contract, results: readonly IndicatorResult[], periods: readonly string[]): { outcomes: RollUp[]; tiers: RollUp[] } {
  const outcomes: RollUp[] = [];
  const tiers: RollUp[] = [];
  const byIndicator = new Map<string, IndicatorResult[]>();
  for (const r of results) {
    let list = byIndicator.get(r.indicator);
    if (!list) byIndicator.set(r.indicator, (list = []));
    list.push(r);
  }
  // each indicator's latest status at each period, in one sweep over its results in period order
  const statusAt = new Map<string, Map<string, Status>>();
  for (const [id, list] of byIndicator) {
    const sorted = [...list].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const m = new Map<string, Status>();
    let k = 0;
    let current: Status = 'no-data';
    for (const period of periods) {
      while (k < sorted.length && sorted[k].period <= period) current = sorted[k++].status;
      m.set(period, current);
    }
    statusAt.set(id, m);
  }
  for (const period of periods) {
    const byOutcome = new Map<string, Status>();
    for (const o of contract.outcomes) {
      const members = o.indicators.map((id) => ({ id, status: statusAt.get(id)?.get(period) ?? 'no-data' }));
      const status = worst(members.map((m) => m.status));
      byOutcome.set(o.id, status);
      outcomes.push({ id: o.id, period, status, counts: countOf(members.map((m) => m.status)), members });
    }
    for (const t of contract.tiers) {
      const members = contract.outcomes.filter((o) => o.tiers.length === 0 || o.tiers.includes(t.id)).map((o) => ({ id: o.id, status: byOutcome.get(o.id)! }));
      tiers.push({ id: t.id, period, status: worst(members.map((m) => m.status)), counts: countOf(members.map((m) => m.status)), members });
    }
  }
  return { outcomes, tiers };
}
