// What monitoring needs from a specification: its indicators with baselines and targets, outcomes and the tiers
// they apply to, data fields, payment clauses and the contract term. Read from the specification's plain value.
import { parseExpression, type ParsedExpression } from '../../../../grammar/src/index';
import { isoDay } from '../../../../grammar/src/values';
import { get } from '../model';

export interface ContractIndicator {
  id: string;
  outcome: string;
  definition?: string;
  unit?: string;
  polarity?: 'higher' | 'lower';
  baseline?: { value?: number; date?: string };
  targetText?: string;
  target?: ParsedExpression;
  frequency?: string;
  minimumN?: number;
}

export interface ContractOutcome {
  id: string;
  statement?: string;
  tiers: string[];
  indicators: string[];
  measurableFrom?: string;
}

export interface ContractPayment {
  id: string;
  type?: string;
  ruleText?: string;
  rule?: ParsedExpression;
  capText?: string;
  cap?: ParsedExpression;
  outcomes: string[];
}

export interface Contract {
  id?: string;
  title?: string;
  version?: string;
  uri: string;
  term?: { start?: string; end?: string };
  indicators: Map<string, ContractIndicator>;
  outcomes: ContractOutcome[];
  tiers: Array<{ id: string; label?: string }>;
  fields: Map<string, { unit?: string; description?: string }>;
  payments: ContractPayment[];
}

function isoDate(v: unknown): string | undefined {
  if (typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v)) return v;
  return undefined;
}

/** The contract a specification describes, for monitoring. Works on partly valid specifications: what has the right shape is taken. */
export function readContract(uri: string, value: unknown): Contract {
  const v = get.obj(value) ?? {};
  const c: Contract = {
    id: get.str(v.id),
    title: get.str(v.title),
    version: v.version === undefined ? undefined : String(v.version),
    uri,
    indicators: new Map(),
    outcomes: [],
    tiers: [],
    fields: new Map(),
    payments: [],
  };
  const term = get.obj(v.term);
  if (term) c.term = { start: isoDate(term.start), end: isoDate(term.end) };
  for (const t of get.arr(v.tiers)) {
    const id = get.str(get.obj(t)?.id);
    if (id) c.tiers.push({ id, label: get.str(get.obj(t)?.label) });
  }
  for (const f of get.arr(v.fields)) {
    const o = get.obj(f);
    const name = get.str(o?.name);
    if (name) c.fields.set(name, { unit: get.str(o?.unit), description: get.str(o?.description) });
  }
  for (const o of get.arr(v.outcomes)) {
    const out = get.obj(o);
    const id = get.str(out?.id);
    if (!out || !id) continue;
    const oc: ContractOutcome = { id, statement: get.str(out.statement), tiers: get.arr(out.tiers).filter((x): x is string => typeof x === 'string'), indicators: [], measurableFrom: isoDate(out.measurable_from) };
    for (const i of get.arr(out.indicators)) {
      const ind = get.obj(i);
      const iid = get.str(ind?.id);
      if (!ind || !iid || c.indicators.has(iid)) continue;
      const b = get.obj(ind.baseline);
      const targetText = get.str(ind.target);
      const polarity = ind.polarity === 'higher' || ind.polarity === 'lower' ? ind.polarity : undefined;
      c.indicators.set(iid, {
        id: iid,
        outcome: id,
        definition: get.str(ind.definition),
        unit: get.str(ind.unit),
        polarity,
        baseline: b ? { value: get.num(b.value), date: isoDate(b.date) } : undefined,
        targetText,
        target: targetText ? parseExpression(targetText, 'target') : undefined,
        frequency: get.str(ind.frequency),
        minimumN: get.num(ind.minimum_n),
      });
      oc.indicators.push(iid);
    }
    c.outcomes.push(oc);
  }
  for (const p of get.arr(get.obj(v.value_for_money)?.outcome_payments)) {
    const o = get.obj(p);
    const id = get.str(o?.id);
    if (!o || !id) continue;
    const ruleText = get.str(o.rule);
    const capText = get.str(o.cap);
    c.payments.push({
      id,
      type: get.str(o.type),
      ruleText,
      rule: ruleText ? parseExpression(ruleText, 'payment') : undefined,
      capText,
      cap: capText ? parseExpression(capText, 'payment') : undefined,
      outcomes: get.arr(o.outcomes).filter((x): x is string => typeof x === 'string'),
    });
  }
  return c;
}

const unitRanges = new Map<string | undefined, { min?: number; max?: number; words: string } | undefined>();

/** The range a value in an indicator's unit can take (one object per unit, shared: do not change it). */
export function unitRange(unit: string | undefined): { min?: number; max?: number; words: string } | undefined {
  if (unitRanges.has(unit)) return unitRanges.get(unit);
  const r = rangeOfUnit(unit);
  if (unitRanges.size < 64) unitRanges.set(unit, r);
  return r;
}

function rangeOfUnit(unit: string | undefined): { min?: number; max?: number; words: string } | undefined {
  switch (unit) {
    case 'percent':
      return { min: 0, max: 100, words: 'a percentage from 0 to 100' };
    case 'count':
      return { min: 0, words: 'a count of 0 or more' };
    case 'money':
      return { min: 0, words: 'an amount of £0 or more' };
    case 'days':
    case 'weeks':
    case 'months':
      return { min: 0, words: `a number of ${unit} of 0 or more` };
    case 'rate':
      return { min: 0, words: 'a rate of 0 or more' };
    default:
      return undefined;
  }
}

/** Months a reporting frequency spans, for finding missing periods (at-exit has none). */
export function frequencyMonths(frequency: string | undefined): number | undefined {
  switch (frequency) {
    case 'monthly':
      return 1;
    case 'quarterly':
      return 3;
    case 'termly':
      return 4;
    case 'six-monthly':
      return 6;
    case 'annually':
      return 12;
    default:
      return undefined;
  }
}

/** Day numbers of the dates seen lately: returns give the same few period ends on thousands of rows. */
const dayCache = new Map<string, number | undefined>();

export function dayOf(iso: string | undefined, end = true): number | undefined {
  if (iso === undefined) return undefined;
  const key = end ? iso : `${iso}\u0000start`;
  const hit = dayCache.get(key);
  if (hit !== undefined || dayCache.has(key)) return hit;
  const day = isoDay(iso, end);
  if (dayCache.size >= 4096) dayCache.clear();
  dayCache.set(key, day);
  return day;
}
