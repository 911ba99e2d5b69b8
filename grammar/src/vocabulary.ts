// The closed vocabulary: functions, units, keywords and the built-in names, with their documentation.
import type { SymbolInfo, Unit } from './ast';

export interface FunctionInfo {
  name: string;
  signature: string;
  result: string;
  doc: string;
  example: string;
  minArgs: number;
  maxArgs: number;
}

/** The closed list of functions (documented in grammar/README.md). */
export const FUNCTIONS: readonly FunctionInfo[] = [
  {
    name: 'count',
    signature: 'count(group [where condition])',
    result: 'count',
    doc: 'How many members of a group there are, optionally only those meeting a condition.',
    example: 'count(children where moves <= 2)',
    minArgs: 1,
    maxArgs: 1,
  },
  {
    name: 'sum',
    signature: 'sum(field [of group] [where condition])',
    result: "the field's unit",
    doc: 'The total of a field across a group.',
    example: 'sum(weekly_fee of placements where tier = high)',
    minArgs: 1,
    maxArgs: 1,
  },
  {
    name: 'mean',
    signature: 'mean(field [of group] [where condition])',
    result: "the field's unit",
    doc: 'The average (arithmetic mean) of a field across a group.',
    example: 'mean(days_to_placement of referrals)',
    minArgs: 1,
    maxArgs: 1,
  },
  {
    name: 'median',
    signature: 'median(field [of group] [where condition])',
    result: "the field's unit",
    doc: 'The middle value of a field across a group; less affected by a few extreme cases than the mean.',
    example: 'median(days_to_placement of referrals)',
    minArgs: 1,
    maxArgs: 1,
  },
  {
    name: 'min',
    signature: 'min(field [of group] [where condition]) or min(a, b, …)',
    result: 'the unit of its arguments',
    doc: 'The smallest value of a field across a group, or the smallest of several values.',
    example: 'min(£250,000, 7% of annual_fee)',
    minArgs: 1,
    maxArgs: 20,
  },
  {
    name: 'max',
    signature: 'max(field [of group] [where condition]) or max(a, b, …)',
    result: 'the unit of its arguments',
    doc: 'The largest value of a field across a group, or the largest of several values.',
    example: 'max(age of children)',
    minArgs: 1,
    maxArgs: 20,
  },
  {
    name: 'rate',
    signature: 'rate(group [where condition]) per N',
    result: 'rate',
    doc: 'How many members of a group meet a condition for every N members (write the base after per).',
    example: 'rate(children where exclusions > 0) per 10000',
    minArgs: 1,
    maxArgs: 1,
  },
  {
    name: 'percent_of',
    signature: 'percent_of(part, whole)',
    result: 'percent',
    doc: 'One value as a percentage of another of the same unit.',
    example: 'percent_of(count(children where moves <= 2), count(children))',
    minArgs: 2,
    maxArgs: 2,
  },
];
export const FUNCTION_MAP = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** Common words for functions we do not have, pointing at the one we do. */
export const FUNCTION_SYNONYMS: Record<string, string> = {
  avg: 'mean',
  average: 'mean',
  total: 'sum',
  number: 'count',
  number_of: 'count',
  num: 'count',
  percentage: 'percent_of',
  pct: 'percent_of',
  percent: 'percent_of',
  proportion: 'percent_of',
  minimum: 'min',
  maximum: 'max',
};

export interface UnitWordInfo {
  label: string;
  unit: Unit;
  doc: string;
}
export const UNIT_DOCS: readonly UnitWordInfo[] = [
  { label: '%', unit: 'percent', doc: 'A percentage, written after a number: `85%` (also `85 percent`, `85 per cent`).' },
  { label: 'percentage points', unit: 'percent', doc: 'An absolute change in a percentage: from 80% up 5 percentage points is 85%.' },
  { label: 'days', unit: 'duration', doc: 'A period in days: `10 days`.' },
  { label: 'weeks', unit: 'duration', doc: 'A period in weeks: `12 weeks`.' },
  { label: 'months', unit: 'duration', doc: 'A period in calendar months: `6 months`.' },
  { label: 'quarters', unit: 'duration', doc: 'A period in quarters (three months): `2 quarters`.' },
  { label: 'years', unit: 'duration', doc: 'A period in years: `2 years`.' },
  { label: 'GBP', unit: 'money', doc: 'Pounds sterling written after a number: `1500000 GBP` (the same as `£1,500,000`).' },
];

export const KEYWORD_DOCS: Record<string, string> = {
  and: 'Both conditions must hold. `and` binds tighter than `or`.',
  or: 'At least one of the conditions must hold.',
  not: 'Reverses a condition. `not` binds tighter than `and`; also `not in`.',
  in: 'In a condition: membership of a list `[high, specialist]` or a range `11..17`. In a target: the rolling period, `in 12 months`.',
  by: 'In a target: the date by which it must be met, `by 2027-03-31` (a month such as `2027-03` means the end of that month).',
  from: "`from baseline`: the change is measured against the indicator's baseline.",
  baseline: "The indicator's baseline value, declared with the indicator.",
  between: 'Inclusive limits: `between 40 and 60`.',
  at: '`at least`, `at most` in targets; `capped at` in payment rules.',
  least: '`at least 85%` is the same as `>= 85%`.',
  most: '`at most 3` is the same as `<= 3`.',
  reduce: '`reduce by 10% from baseline`: a relative reduction (10% of the baseline); `reduce by 5 percentage points`: an absolute one.',
  increase: '`increase by 10% from baseline`: a relative increase; `increase by 5 percentage points`: an absolute one.',
  up: '`up to 7% of annual_fee`: the most that can be paid.',
  to: '`up to …`',
  of: '`7% of annual_fee`: a percentage of an amount; `mean(age of children)`: a field of a group.',
  when: 'The condition under which a payment is made.',
  where: 'Filters a group inside a function: `count(children where moves <= 2)`.',
  per: '`£1,200 per child`, `£250,000 per year`, `rate(…) per 10000`.',
  capped: '`capped at £250,000 per year`: the most that a payment rule can pay in total.',
};

/** Names in scope in every expression (a document's own symbols take precedence). */
export const BUILTIN_SYMBOLS: ReadonlyMap<string, SymbolInfo & { collection?: boolean; refKind?: string }> = new Map(
  (
    [
      { name: 'children', kind: 'field', collection: true, title: 'Children', description: 'The children the service works with.' },
      { name: 'young_people', kind: 'field', collection: true, title: 'Young people', description: 'The young people the service works with.' },
      { name: 'young-people', kind: 'field', collection: true, title: 'Young people', description: 'The young people the service works with.' },
      { name: 'families', kind: 'field', collection: true, title: 'Families', description: 'The families the service works with.' },
      { name: 'placements', kind: 'field', collection: true, title: 'Placements', description: 'The placements made under the contract.' },
      { name: 'referrals', kind: 'field', collection: true, title: 'Referrals', description: 'The referrals received by the service.' },
      { name: 'care_leavers', kind: 'field', collection: true, title: 'Care leavers', description: 'Care leavers supported by the service.' },
      { name: 'carers', kind: 'field', collection: true, title: 'Carers', description: 'Carers supported by the service.' },
      { name: 'staff', kind: 'field', collection: true, title: 'Staff', description: "The provider's staff working on the contract." },
      { name: 'age', kind: 'field', unit: 'number', title: 'Age', description: 'Age in whole years.' },
      { name: 'tier', kind: 'field', refKind: 'tier', title: 'Level of need', description: "The child's level of need: one of the tiers declared in the document or its framework." },
      { name: 'lot', kind: 'field', refKind: 'lot', title: 'Lot', description: 'The lot a placement or child belongs to.' },
    ] as Array<SymbolInfo & { collection?: boolean; refKind?: string }>
  ).map((s) => [s.name, s]),
);

/** The YAML keys whose string values are expressions (used by the TextMate injection grammar). */
export const EXPRESSION_KEYS = ['target', 'threshold', 'eligibility', 'rule', 'measure', 'cap', 'entry', 'exit', 'trigger', 'when'] as const;

/** Which expression kind a YAML key holds. */
export const EXPRESSION_KEY_KINDS: Record<(typeof EXPRESSION_KEYS)[number], 'target' | 'threshold' | 'payment' | 'measure'> = {
  target: 'target',
  threshold: 'threshold',
  eligibility: 'threshold',
  rule: 'payment',
  measure: 'measure',
  cap: 'payment',
  entry: 'threshold',
  exit: 'threshold',
  trigger: 'threshold',
  when: 'threshold',
};
