import { describe, expect, it } from 'vitest';
import { checkExpression, parseExpression, benchmarkPairs, benchmarkSymbols, type CheckContext, type ExpressionKind } from '../../grammar/src/index';

const symbols = benchmarkSymbols();
symbols.set('being-healthy', { name: 'being-healthy', kind: 'outcome', title: 'Being healthy' });
const stability = { id: 'placement-stability', unit: 'percent' as const, polarity: 'higher' as const, baseline: 78 };

function check(text: string, kind: ExpressionKind, extra: Partial<CheckContext> = {}) {
  const p = parseExpression(text, kind);
  expect(p.diagnostics, JSON.stringify(p.diagnostics)).toEqual([]);
  return checkExpression(p, { kind, symbols, ...extra }).map((d) => ({ ...d, at: text.slice(d.span.start, d.span.end) }));
}
function codes(text: string, kind: ExpressionKind, extra: Partial<CheckContext> = {}) {
  return check(text, kind, extra).map((d) => d.code);
}

describe('a realistic mix is clean', () => {
  it.each(benchmarkPairs().map((p) => [p.kind, p.text] as const))('%s: %s', (kind, text) => {
    expect(check(text, kind)).toEqual([]);
  });
});

describe('units and types', () => {
  it('no comparing a percentage with money', () => {
    expect(check('placement-stability >= £5', 'threshold')).toEqual([
      expect.objectContaining({ code: 'expr/unit-mismatch', at: 'placement-stability >= £5', message: 'cannot compare a percentage with an amount of money', severity: 'error' }),
    ]);
  });
  it('no date in a count', () => {
    expect(check('count(2027-03-31)', 'measure')).toEqual([expect.objectContaining({ code: 'expr/not-a-group', at: '2027-03-31' })]);
    expect(check('2 moves + 2027-03', 'measure')).toEqual([expect.objectContaining({ code: 'expr/unit-mismatch', message: 'cannot add a date to a count' })]);
  });
  it('percent above 100', () => {
    expect(check('>= 105%', 'target', { indicator: stability })).toEqual([expect.objectContaining({ code: 'expr/percent-over-100', at: '105%', severity: 'error' })]);
    expect(check('age > 120%', 'threshold')).toEqual([
      expect.objectContaining({ code: 'expr/unit-mismatch' }),
      expect.objectContaining({ code: 'expr/percent-over-100', severity: 'warning', at: '120%' }),
    ]);
    expect(codes('increase by 150% from baseline', 'target', { indicator: { ...stability, unit: 'count' } })).toEqual([]);
    expect(check('reduce by 120% from baseline', 'target', { indicator: { id: 'moves', unit: 'count', polarity: 'lower', baseline: 3 } })).toEqual([
      expect.objectContaining({ code: 'expr/percent-over-100', at: '120%' }),
    ]);
  });
  it('arithmetic rules', () => {
    expect(codes('annual_fee + 7%', 'measure')).toEqual(['expr/unit-mismatch']);
    expect(codes('7% of annual_fee + £500', 'measure')).toEqual([]);
    expect(codes('count(children) * £1,200', 'measure')).toEqual([]);
    expect(codes('2027-03-31 - 2026-03-31', 'measure')).toEqual([]);
    expect(codes('annual_fee / 0', 'measure')).toEqual(['expr/division-by-zero']);
    expect(check('£5 of annual_fee', 'measure')[0]).toMatchObject({ code: 'expr/unit-mismatch', at: '£5', message: expect.stringContaining("'of' needs a percentage") });
  });
  it('conditions and values are kept apart', () => {
    expect(check('age + 1', 'threshold')).toEqual([expect.objectContaining({ code: 'expr/not-a-condition', at: 'age + 1' })]);
    expect(check('age > 1 and 5', 'threshold')).toEqual([expect.objectContaining({ code: 'expr/not-a-condition', at: '5' })]);
    expect(codes('age > 1', 'measure')).toEqual(['expr/not-a-measure']);
    expect(check('children > 5', 'threshold')[0]).toMatchObject({ code: 'expr/not-a-value', message: expect.stringContaining('count(children)') });
    expect(check('being-healthy > 5', 'threshold')[0]).toMatchObject({ code: 'expr/wrong-kind', at: 'being-healthy' });
  });
  it('lists and ranges', () => {
    expect(check('tier in [high, placement-stability]', 'threshold')).toEqual([
      expect.objectContaining({ code: 'expr/wrong-kind', at: 'placement-stability', message: "'placement-stability' is an indicator, not a tier" }),
    ]);
    expect(check('age in 17..11', 'threshold')).toEqual([expect.objectContaining({ code: 'expr/empty-range', at: '17..11' })]);
    expect(codes('tier in [high, high]', 'threshold')).toEqual(['expr/duplicate-item']);
    expect(codes('tier in []', 'threshold')).toEqual(['expr/empty-list']);
    expect(codes('tier > high', 'threshold')).toEqual(['expr/unit-mismatch']);
  });
  it('functions', () => {
    expect(check('avg(moves)', 'measure')).toEqual([expect.objectContaining({ code: 'expr/unknown-function', at: 'avg', message: "unknown function 'avg': did you mean 'mean'?" })]);
    expect(check('cuont(children)', 'measure')[0]).toMatchObject({ code: 'expr/unknown-function', message: "unknown function 'cuont': did you mean 'count'?" });
    expect(codes('count(children, placements)', 'measure')).toEqual(['expr/arity']);
    expect(codes('rate(children where exclusions > 0)', 'measure')).toEqual(['expr/rate-without-base']);
    expect(codes('mean(children)', 'measure')).toEqual(['expr/not-a-value']);
    expect(codes('percent_of(annual_fee, count(children))', 'measure')).toEqual(['expr/unit-mismatch']);
  });
  it('payments', () => {
    expect(check('up to 7% when moves <= 2', 'payment')).toEqual([expect.objectContaining({ code: 'expr/payment-basis', at: '7%', severity: 'warning' })]);
    expect(check('3 moves when moves <= 2', 'payment')[0]).toMatchObject({ code: 'expr/unit-mismatch', at: '3 moves' });
    expect(check('£1,200 when moves', 'payment')[0]).toMatchObject({ code: 'expr/not-a-condition', at: 'moves' });
    expect(check('£300k capped at £250k', 'payment')[0]).toMatchObject({ code: 'expr/cap-below-amount', at: '£250k' });
  });
});

describe('names', () => {
  it('unknown names with did you mean', () => {
    expect(check('placment-stability >= 85%', 'threshold')).toEqual([
      expect.objectContaining({ code: 'expr/unknown-identifier', at: 'placment-stability', message: "unknown name 'placment-stability': did you mean 'placement-stability'?" }),
    ]);
    expect(check('placement_stability >= 85%', 'threshold')[0].message).toContain("did you mean 'placement-stability'?");
    expect(check('wibble > 1', 'threshold')[0].message).toBe("unknown name 'wibble': it is not declared in this document or its framework");
  });
  it('minus without spaces', () => {
    expect(check('annual_fee-5 > £0', 'threshold')[0].message).toContain("put spaces around the minus sign, 'annual_fee - 5'");
  });
  it('symbols supplied by the caller take precedence over built-ins', () => {
    const own = new Map(symbols);
    own.set('age', { name: 'age', kind: 'field', unit: 'duration' });
    expect(checkExpression(parseExpression('age >= 11', 'threshold'), { kind: 'threshold', symbols: own }).map((d) => d.code)).toEqual(['expr/unit-mismatch']);
  });
});

describe('targets against their indicator', () => {
  it('unit agreement', () => {
    expect(check('>= £5', 'target', { indicator: stability })[0]).toMatchObject({ code: 'expr/unit-mismatch', at: '£5' });
    expect(check('>= 85', 'target', { indicator: stability })[0]).toMatchObject({ code: 'expr/missing-unit', severity: 'warning', message: expect.stringContaining("did you mean '85%'") });
    expect(codes('increase by 5 percentage points', 'target', { indicator: { id: 'fee', unit: 'money' } })).toEqual(['expr/unit-mismatch']);
  });
  it('polarity', () => {
    expect(check('<= 85%', 'target', { indicator: stability })).toEqual([
      expect.objectContaining({ code: 'expr/polarity-mismatch', at: '<=', severity: 'warning', message: expect.stringContaining("did you mean '>='") }),
    ]);
    expect(check('at most 85%', 'target', { indicator: stability })[0].message).toContain("did you mean 'at least'");
    expect(check('reduce by 5% from baseline', 'target', { indicator: stability })[0]).toMatchObject({ code: 'expr/polarity-mismatch', at: 'reduce' });
    expect(codes('>= 2 moves', 'target', { indicator: { id: 'moves', unit: 'count', polarity: 'lower' } })).toEqual(['expr/polarity-mismatch']);
    expect(codes('>= 85%', 'target', { indicator: stability })).toEqual([]);
  });
  it('baseline needed', () => {
    expect(check('increase by 5% from baseline', 'target', { indicator: { ...stability, baseline: undefined } })).toEqual([
      expect.objectContaining({ code: 'expr/no-baseline', at: 'from baseline' }),
    ]);
  });
});

describe('dates', () => {
  it('real dates only', () => {
    expect(check('>= 85% by 2027-02-30', 'target')).toEqual([expect.objectContaining({ code: 'expr/invalid-date', at: '2027-02-30', message: '2027-02-30 is not a real date: there is no day 30 in 2027-02' })]);
    expect(codes('>= 85% by 2028-02-29', 'target')).toEqual([]);
    expect(codes('>= 85% by 2027-13', 'target')).toEqual(['expr/invalid-date']);
    expect(codes('>= 85% by 2027-3-31', 'target')).toEqual(['expr/date-format']);
  });
  it('inside the contract term', () => {
    const term = { start: '2025-04-01', end: '2030-03-31' };
    expect(check('>= 85% by 2031-01-01', 'target', { term })).toEqual([
      expect.objectContaining({ code: 'expr/date-outside-term', severity: 'error', message: 'the deadline 2031-01-01 is after the contract ends (2030-03-31)' }),
    ]);
    expect(codes('>= 85% by 2025-03', 'target', { term })).toEqual(['expr/date-outside-term']);
    expect(codes('>= 85% by 2030-03', 'target', { term })).toEqual([]);
    expect(codes('>= 85% by 2025-04', 'target', { term })).toEqual([]);
    expect(check('start_date >= 2020-01-01', 'threshold', { term, symbols: new Map([['start_date', { name: 'start_date', kind: 'field', unit: 'date' }]]) })[0]).toMatchObject({
      code: 'expr/date-outside-term',
      severity: 'warning',
    });
  });
});

describe('robustness', () => {
  it('checks what survives a syntax error', () => {
    const p = parseExpression('wibble > 1 and (age > ', 'threshold');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['expr/unclosed', 'expr/missing-value']);
    expect(checkExpression(p, { kind: 'threshold', symbols }).map((d) => d.code)).toContain('expr/unknown-identifier');
  });
});
