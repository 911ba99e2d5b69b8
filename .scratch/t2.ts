import { parseExpression, checkExpression, benchmarkPairs, benchmarkSymbols, evaluateTarget, compareAmbition, completionsAt, hoverAt, semanticTokens } from '../grammar/src/index';
import { benchmarkPairs as bp } from '../grammar/src/samples';
const symbols = benchmarkSymbols();
for (const { kind, text } of bp()) {
  const p = parseExpression(text, kind);
  const ds = [...p.diagnostics, ...checkExpression(p, { kind, symbols })];
  if (ds.length) console.log(kind, JSON.stringify(text), JSON.stringify(ds.map(d => [d.code, d.message, text.slice(d.span.start, d.span.end)])));
}
const extra: Array<[any, string, any?]> = [
  ['threshold', 'placement-stability >= £5 and age in 17..11'],
  ['target', '<= 85% by 2027-02-30', { id: 'placement-stability', unit: 'percent', polarity: 'higher' }],
  ['target', '>= 105%', { id: 'placement-stability', unit: 'percent', polarity: 'higher' }],
  ['target', '>= 85 by 2031-01-01', { id: 'placement-stability', unit: 'percent', polarity: 'higher' }],
  ['target', 'reduce by 10% from baseline', { id: 'placement-stability', unit: 'percent', polarity: 'higher' }],
  ['measure', 'count(2027-03-31) + placment-stability + avg(moves)'],
  ['threshold', 'tier in [high, placement-stability] and annual_fee-5 > 0'],
  ['payment', 'up to 7% when moves'],
  ['measure', 'rate(children where exclusions > 0)'],
];
for (const [kind, text, ind] of extra) {
  const p = parseExpression(text, kind);
  const ds = [...p.diagnostics, ...checkExpression(p, { kind, symbols, indicator: ind, term: { start: '2025-04-01', end: '2030-03-31' } })];
  console.log(kind, JSON.stringify(text), JSON.stringify(ds.map(d => [d.code, d.severity, d.message, text.slice(d.span.start, d.span.end)])));
}
const t = (s: string) => parseExpression(s, 'target');
console.log(evaluateTarget(t('>= 85% by 2027-03-31'), 87), evaluateTarget(t('>= 85%'), 82), evaluateTarget(t('reduce by 10% from baseline'), 17, { baseline: 20 }), evaluateTarget(t('reduce by 10% from baseline'), 17));
console.log(compareAmbition(t('>= 88%'), t('>= 85%')), compareAmbition(t('>= 88% by 2028-03'), t('>= 85% by 2027-03')), compareAmbition(t('<= 2 moves in 12 months'), t('<= 3 moves in 12 months')), compareAmbition(t('>= 85% by 2026-03'), t('>= 85% by 2027-03')));
const ctx = { kind: 'threshold' as const, symbols };
console.log(completionsAt('tier in [hi', 11, ctx).map(c => c.label), completionsAt('age ', 4, ctx).map(c => c.label), completionsAt('', 0, { kind: 'target', symbols }).map(c => c.label), completionsAt('>= 85', 5, { kind: 'target', symbols }).map(c => c.label), completionsAt('>= 85% ', 7, { kind: 'target', symbols }).map(c => c.label));
const pp = parseExpression('count(children where moves <= 2) / count(children)', 'measure');
console.log(hoverAt(pp, 1, ctx), hoverAt(pp, 22, ctx), hoverAt(parseExpression('>= £1.5m by 2027-03', 'target'), 4, ctx), hoverAt(parseExpression('>= £1.5m by 2027-03', 'target'), 14, ctx));
console.log(JSON.stringify(semanticTokens(parseExpression('<= 2 moves in 12 months', 'target'), ctx)));
