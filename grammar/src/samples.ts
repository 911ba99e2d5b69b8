// A realistic mix of expressions for benchmarks (and a symbol table they resolve against).
import type { ExpressionKind, SymbolInfo } from './ast';

const MIX: Array<[ExpressionKind, string]> = [
  ['target', '>= 85% by 2027-03-31'],
  ['target', '<= 2 moves in 12 months'],
  ['target', 'reduce by 10% from baseline by 2026-03'],
  ['target', 'between 40 and 60'],
  ['target', 'increase by 5 percentage points from baseline by 2027-03'],
  ['target', 'at least 85%'],
  ['target', 'at most 3'],
  ['target', '= 0'],
  ['target', '>= 83% by 2026-09-30'],
  ['target', '<= 20 days'],
  ['target', 'at least 55% by 2028-03-31'],
  ['target', '<= 10% by 2027-03'],
  ['target', 'reduce by 15% from baseline'],
  ['target', '>= 95% in 12 months by 2027-03-31'],
  ['target', '<= £3,800 per week'],
  ['target', 'at most 1 move in 6 months'],
  ['target', '> 4 placements'],
  ['target', 'between 11 and 17'],
  ['target', '>= 100 children by 2026-03-31'],
  ['target', '< 5% by 2027-03-31'],
  ['threshold', 'age in 11..17 and tier in [high, specialist]'],
  ['threshold', 'tier = specialist or (tier = high and age >= 14)'],
  ['threshold', 'not tier in [low] and age between 11 and 17'],
  ['threshold', 'placement-stability >= 85% and school-attendance >= 90%'],
  ['threshold', 'age >= 16 and age <= 21'],
  ['threshold', 'moves > 2 or exclusions > 0'],
  ['threshold', 'tier not in [low, medium]'],
  ['threshold', 'distance_from_home > 20 and not tier = specialist'],
  ['threshold', 'age in 0..19'],
  ['threshold', 'weeks_in_placement >= 26 and tier in [medium, high]'],
  ['payment', 'up to 7% of annual_fee when placement-stability >= 85%'],
  ['payment', '£1,200 per child when tier = high'],
  ['payment', 'up to 7% of annual_fee when placement-stability >= 85%, capped at 7% of annual_fee'],
  ['payment', '£250k per year capped at £1.5m'],
  ['payment', '£1,200 per child when school-attendance >= 90%, capped at £250,000 per year'],
  ['payment', '2% of annual_fee when stepped-down-within-9-months >= 50%'],
  ['payment', '1500000 GBP per year'],
  ['payment', 'up to £300,000 when young-people-voice >= 75% and placement-stability >= 85%'],
  ['payment', '£500 per child when moves <= 2'],
  ['payment', 'up to 3% of annual_fee when not exclusions > 0'],
  ['measure', 'count(children where moves <= 2) / count(children)'],
  ['measure', 'rate(children where exclusions > 0) per 10000'],
  ['measure', 'mean(days_to_placement of placements)'],
  ['measure', 'median(days_to_placement of referrals where tier = high)'],
  ['measure', 'sum(weekly_fee of placements) * 52'],
  ['measure', 'percent_of(count(children where moves <= 2), count(children))'],
  ['measure', 'count(placements where distance_from_home > 20)'],
  ['measure', 'min(£250,000, 7% of annual_fee)'],
  ['measure', 'max(age of children) - min(age of children)'],
  ['measure', 'count(children where tier in [high, specialist] and age in 11..17)'],
];

/** About fifty realistic expressions, as "kind: text" pairs: split on the first ': '. */
export function benchmarkMix(): string[] {
  return MIX.map(([k, t]) => `${k}: ${t}`);
}

/** The mix as structured pairs. */
export function benchmarkPairs(): Array<{ kind: ExpressionKind; text: string }> {
  return MIX.map(([kind, text]) => ({ kind, text }));
}

/** Symbols that every expression of the mix resolves against. */
export function benchmarkSymbols(): Map<string, SymbolInfo> {
  const s: SymbolInfo[] = [
    { name: 'placement-stability', kind: 'indicator', unit: 'percent', polarity: 'higher', title: 'Placement stability' },
    { name: 'school-attendance', kind: 'indicator', unit: 'percent', polarity: 'higher', title: 'School attendance' },
    { name: 'young-people-voice', kind: 'indicator', unit: 'percent', polarity: 'higher' },
    { name: 'stepped-down-within-9-months', kind: 'indicator', unit: 'percent', polarity: 'higher' },
    { name: 'low', kind: 'tier', title: 'Low' },
    { name: 'medium', kind: 'tier', title: 'Medium' },
    { name: 'high', kind: 'tier', title: 'High' },
    { name: 'specialist', kind: 'tier', title: 'Specialist' },
    { name: 'annual_fee', kind: 'field', unit: 'money', title: 'Annual fee' },
    { name: 'weekly_fee', kind: 'field', unit: 'money' },
    { name: 'moves', kind: 'field', unit: 'count' },
    { name: 'exclusions', kind: 'field', unit: 'count' },
    { name: 'days_to_placement', kind: 'field', unit: 'duration' },
    { name: 'distance_from_home', kind: 'field', unit: 'number', description: 'Miles from the home address.' },
    { name: 'weeks_in_placement', kind: 'field', unit: 'number' },
  ];
  return new Map(s.map((x) => [x.name, x]));
}
