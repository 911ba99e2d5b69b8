import { describe, expect, it } from 'vitest';
import { parseExpression, type Expr, type ExpressionKind } from '../../grammar/src/index';
import { checkGrammar } from '../../grammar/src/parser';

function ok(text: string, kind: ExpressionKind): Expr {
  const p = parseExpression(text, kind);
  expect(p.diagnostics, `${text}: ${JSON.stringify(p.diagnostics)}`).toEqual([]);
  expect(p.ast).toBeDefined();
  return p.ast!;
}
/** The single diagnostic, with the text it points at. */
function one(text: string, kind: ExpressionKind) {
  const p = parseExpression(text, kind);
  expect(p.diagnostics.length, JSON.stringify(p.diagnostics)).toBe(1);
  const d = p.diagnostics[0];
  return { ...d, at: text.slice(d.span.start, d.span.end), ast: p.ast };
}

describe('targets', () => {
  it('comparison with a deadline', () => {
    const a = ok('>= 85% by 2027-03-31', 'target');
    expect(a).toMatchObject({
      type: 'target',
      form: { mode: 'compare', op: '>=', value: { type: 'percent', value: 85, points: false, span: { start: 3, end: 6 } } },
      deadline: { type: 'date', year: 2027, month: 3, day: 31, span: { start: 10, end: 20 } },
      span: { start: 0, end: 20 },
    });
  });
  it('counts in a rolling period', () => {
    expect(ok('<= 2 moves in 12 months', 'target')).toMatchObject({
      form: { op: '<=', value: { type: 'count', value: 2, noun: 'moves', nounSpan: { start: 5, end: 10 } } },
      window: { type: 'duration', value: 12, unit: 'month' },
    });
  });
  it('relative and absolute changes from the baseline', () => {
    expect(ok('reduce by 10% from baseline by 2026-03', 'target')).toMatchObject({
      form: { mode: 'change', direction: 'reduce', amount: { type: 'percent', value: 10, points: false }, fromBaseline: { start: 14, end: 27 } },
      deadline: { type: 'date', year: 2026, month: 3, day: undefined },
    });
    expect(ok('increase by 5 percentage points from baseline by 2027-03', 'target')).toMatchObject({
      form: { mode: 'change', direction: 'increase', amount: { type: 'percent', value: 5, points: true } },
    });
  });
  it('between, at least, at most, equals', () => {
    expect(ok('between 40 and 60', 'target')).toMatchObject({ form: { mode: 'between', low: { value: 40 }, high: { value: 60 } } });
    expect(ok('at least 85%', 'target')).toMatchObject({ form: { mode: 'compare', op: '>=', phrase: 'at least' } });
    expect(ok('at most 3', 'target')).toMatchObject({ form: { mode: 'compare', op: '<=', phrase: 'at most', value: { type: 'number', value: 3 } } });
    expect(ok('= 0', 'target')).toMatchObject({ form: { op: '=' } });
    expect(ok('≥ 85%', 'target')).toMatchObject({ form: { op: '>=' } });
    expect(ok('AT LEAST 85 per cent', 'target')).toMatchObject({ form: { op: '>=', value: { type: 'percent', value: 85 } } });
  });
  it('clauses in either order', () => {
    expect(ok('<= 2 moves by 2027-03-31 in 12 months', 'target')).toMatchObject({ window: { type: 'duration' }, deadline: { type: 'date' } });
  });
});

describe('thresholds', () => {
  it('membership, ranges and precedence', () => {
    const a = ok('age in 11..17 and tier in [high, specialist]', 'threshold');
    expect(a).toMatchObject({
      type: 'and',
      operands: [
        { type: 'in', subject: { name: 'age' }, set: { type: 'range', low: { value: 11 }, high: { value: 17 } } },
        { type: 'in', subject: { name: 'tier' }, set: { type: 'list', items: [{ name: 'high' }, { name: 'specialist' }] } },
      ],
    });
  });
  it('not > and > or; comparison binds tighter than and', () => {
    const a = ok('a > 1 or not b = 2 and c < 3', 'threshold');
    expect(a).toMatchObject({
      type: 'or',
      operands: [
        { type: 'compare', op: '>' },
        { type: 'and', operands: [{ type: 'not', times: 1, operand: { type: 'compare', op: '=' } }, { type: 'compare', op: '<' }] },
      ],
    });
  });
  it('parentheses override precedence', () => {
    expect(ok('(a > 1 or b > 1) and c > 1', 'threshold')).toMatchObject({ type: 'and', operands: [{ type: 'paren', inner: { type: 'or' } }, { type: 'compare' }] });
  });
  it('not in, between', () => {
    expect(ok('tier not in [low]', 'threshold')).toMatchObject({ type: 'in', negated: true });
    expect(ok('age between 11 and 17 and tier = high', 'threshold')).toMatchObject({ type: 'and', operands: [{ type: 'between' }, { type: 'compare' }] });
  });
});

describe('payments', () => {
  it('percentage of a field with a condition', () => {
    expect(ok('up to 7% of annual_fee when placement-stability >= 85%', 'payment')).toMatchObject({
      type: 'payment',
      upTo: true,
      amount: { type: 'of', part: { type: 'percent', value: 7 }, whole: { type: 'identifier', name: 'annual_fee' } },
      condition: { type: 'compare', left: { name: 'placement-stability' } },
    });
  });
  it('amount per child with caps', () => {
    expect(ok('£1,200 per child when tier = high, capped at £250,000 per year', 'payment')).toMatchObject({
      upTo: false,
      amount: { type: 'per', operand: { type: 'money', value: 1200 }, basis: { kind: 'noun', name: 'child' } },
      cap: { type: 'per', operand: { type: 'money', value: 250000 }, basis: { kind: 'period', unit: 'year' } },
    });
    expect(ok('up to 7% of annual_fee when x >= 85%, capped at 7% of annual_fee', 'payment')).toMatchObject({ cap: { type: 'of' } });
  });
});

describe('measures', () => {
  it('counts with where, division', () => {
    expect(ok('count(children where moves <= 2) / count(children)', 'measure')).toMatchObject({
      type: 'arith',
      ops: ['/'],
      operands: [
        { type: 'call', name: 'count', args: [{ type: 'where', collection: { name: 'children' }, condition: { type: 'compare', op: '<=' } }] },
        { type: 'call', name: 'count', args: [{ type: 'identifier', name: 'children' }] },
      ],
    });
  });
  it('rate per N', () => {
    expect(ok('rate(children where exclusions > 0) per 10000', 'measure')).toMatchObject({ type: 'per', operand: { type: 'call', name: 'rate' }, basis: { kind: 'number', value: 10000 } });
  });
  it('arithmetic precedence and flat chains', () => {
    expect(ok('1 + 2 * 3 - 4', 'measure')).toMatchObject({ type: 'arith', ops: ['+', '-'], operands: [{ value: 1 }, { type: 'arith', ops: ['*'] }, { value: 4 }] });
    expect(ok('- 5', 'measure')).toMatchObject({ type: 'negate', times: 1 });
  });
});

describe('literals', () => {
  it.each([
    ['£1.5m', 1_500_000],
    ['£300,000', 300_000],
    ['£250k', 250_000],
    ['1500000 GBP', 1_500_000],
    ['£1.2bn', 1_200_000_000],
    ['£ 99.50', 99.5],
  ])('money %s', (text, value) => {
    expect(ok(text, 'measure')).toMatchObject({ type: 'money', value });
  });
  it.each([
    ['6 months', 6, 'month'],
    ['2 years', 2, 'year'],
    ['12 weeks', 12, 'week'],
    ['10 days', 10, 'day'],
    ['1 quarter', 1, 'quarter'],
  ])('duration %s', (text, value, unit) => {
    expect(ok(text, 'measure')).toMatchObject({ type: 'duration', value, unit });
  });
  it('dates, counts, numbers, text', () => {
    expect(ok('2027-03', 'measure')).toMatchObject({ type: 'date', year: 2027, month: 3, day: undefined });
    expect(ok('35 placements', 'measure')).toMatchObject({ type: 'count', value: 35, noun: 'placements' });
    expect(ok('1,250.5', 'measure')).toMatchObject({ type: 'number', value: 1250.5 });
    expect(ok('"good"', 'measure')).toMatchObject({ type: 'text', value: 'good' });
  });
  it('identifiers: kebab-case and snake_case; minus needs spaces', () => {
    expect(ok('placement-stability', 'measure')).toMatchObject({ type: 'identifier', name: 'placement-stability' });
    expect(ok('annual_fee - bonus', 'measure')).toMatchObject({ type: 'arith', ops: ['-'], operands: [{ name: 'annual_fee' }, { name: 'bonus' }] });
    expect(ok('a-b', 'measure')).toMatchObject({ type: 'identifier', name: 'a-b' });
    expect(ok('income', 'measure')).toMatchObject({ type: 'identifier', name: 'income' }); // not the keyword 'in'
  });
});

describe('syntax errors: one precise message each', () => {
  it('a date expected after by', () => {
    const d = one('>= 85% by soon', 'target');
    expect(d).toMatchObject({ code: 'expr/expected-date', at: 'soon', severity: 'error' });
    expect(d.message).toBe("expected a date after 'by', for example 2027-03-31; found 'soon'");
    expect(one('>= 85% by', 'target')).toMatchObject({ code: 'expr/missing-value', at: 'by', message: "expected a date after 'by', for example 2027-03-31" });
    expect(one('>= 85% by 2027', 'target')).toMatchObject({ code: 'expr/expected-date', at: '2027' });
  });
  it('unknown unit with a suggestion; the rest is still analysed', () => {
    const d = one('<= 2 moves in 12 monthz', 'target');
    expect(d).toMatchObject({ code: 'expr/unknown-unit', at: 'monthz', message: "unknown unit 'monthz': did you mean 'months'?" });
    expect(d.ast).toMatchObject({ type: 'target', window: { type: 'duration', value: 12, unit: 'month' } });
    expect(one('6 yrs', 'measure')).toMatchObject({ code: 'expr/unknown-unit', at: 'yrs', message: "unknown unit 'yrs': did you mean 'years'?" });
    expect(one('4 hours', 'measure')).toMatchObject({ code: 'expr/unknown-unit', at: 'hours' });
  });
  it('unclosed parenthesis', () => {
    const d = one('age > 1 and (a > 1', 'threshold');
    expect(d).toMatchObject({ code: 'expr/unclosed', at: '(', span: { start: 12, end: 13 }, message: "this '(' is never closed: add a matching ')'" });
    expect(d.ast).toMatchObject({ type: 'and', operands: [{ type: 'compare' }, { type: 'paren', inner: { type: 'compare' } }] });
    expect(one('count(children where moves <= 2', 'measure')).toMatchObject({ code: 'expr/unclosed', at: '(' });
    expect(one('tier in [high, low', 'threshold')).toMatchObject({ code: 'expr/unclosed', at: '[', message: expect.stringContaining("']'") });
  });
  it('stray closing parenthesis', () => {
    expect(one('a > 1)', 'threshold')).toMatchObject({ code: 'expr/syntax', at: ')', message: "unexpected ')': there is no matching '('" });
  });
  it('missing values', () => {
    expect(one('a > > 1 and b = 2', 'threshold')).toMatchObject({ code: 'expr/syntax', at: '>' });
    expect(one('>= by 2027-03-31', 'target')).toMatchObject({ code: 'expr/missing-value', at: '>=' });
    expect(one('between 3 and', 'target')).toMatchObject({ code: 'expr/missing-value', at: 'and' });
    expect(one('£5 when', 'payment')).toMatchObject({ code: 'expr/missing-value', at: 'when' });
    expect(one('up to 7% of annual_fee capped at', 'payment')).toMatchObject({ code: 'expr/missing-value', at: 'at' });
    expect(one('reduce by from baseline', 'target')).toMatchObject({ code: 'expr/missing-value', message: expect.stringContaining('size of the change') });
  });
  it('a target needs a comparison', () => {
    expect(one('85%', 'target')).toMatchObject({ code: 'expr/syntax', at: '85', message: expect.stringContaining('a target starts with a comparison') });
  });
  it('chained comparisons', () => {
    expect(one('a < b < c', 'threshold')).toMatchObject({ at: '<', message: expect.stringContaining('cannot be chained') });
  });
  it('characters outside the language', () => {
    expect(one('a && b', 'threshold')).toMatchObject({ code: 'expr/unexpected-character', at: '&&', message: "'&&' cannot be used in an expression (write 'and')" });
    expect(one('a # b', 'threshold')).toMatchObject({ code: 'expr/unexpected-character', at: '#' });
  });
  it('unterminated text and a bare pound sign', () => {
    expect(one('status = "open', 'threshold')).toMatchObject({ code: 'expr/unterminated-text', at: '"open' });
    expect(one('£', 'measure')).toMatchObject({ code: 'expr/syntax', at: '£', message: expect.stringContaining("after '£'") });
  });
  it('empty expressions', () => {
    expect(one('', 'target')).toMatchObject({ code: 'expr/empty' });
    expect(one('   ', 'measure')).toMatchObject({ code: 'expr/empty', span: { start: 3, end: 3 } });
  });
  it('duplicate clauses', () => {
    expect(one('>= 85% by 2027-03-31 by 2028-03-31', 'target')).toMatchObject({ code: 'expr/duplicate-clause', at: 'by 2028-03-31' });
  });
  it('never leaks chevrotain messages', () => {
    for (const t of ['((', ')', 'a b c', '>= >= >=', 'count(', 'up to', 'between', '[', 'a in', 'a in [b', 'x per', '£5 capped', 'rate() per']) {
      for (const k of ['target', 'threshold', 'payment', 'measure'] as const) {
        for (const d of parseExpression(t, k).diagnostics) {
          expect(d.message).not.toMatch(/EOF|Expecting|token of type|-->|<--|Redundant input|\u0000/);
        }
      }
    }
  });
});

describe('limits', () => {
  it('nesting is capped at 64 levels', () => {
    const ok64 = parseExpression('('.repeat(64) + 'a' + ')'.repeat(64), 'measure');
    expect(ok64.diagnostics).toEqual([]);
    for (const n of [65, 1000, 100_000]) {
      const p = parseExpression('('.repeat(n) + 'a' + ')'.repeat(n), 'measure');
      expect(p.diagnostics).toEqual([
        { code: 'expr/too-deep', severity: 'error', span: { start: 64, end: 65 }, message: expect.stringContaining('nested too deeply') },
      ]);
      expect(p.ast).toBeUndefined();
    }
  });
  it('deep brackets and function calls count too', () => {
    const p = parseExpression('count('.repeat(70) + 'x' + ')'.repeat(70), 'measure');
    expect(p.diagnostics[0].code).toBe('expr/too-deep');
  });
  it('10,000 tokens parse in bounded time', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' + ');
    const t0 = performance.now();
    const p = parseExpression(text, 'measure');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(p.diagnostics).toEqual([]);
    expect(p.ast).toMatchObject({ type: 'arith' });
  });
  it('repeated prefix operators do not recurse', () => {
    const p = parseExpression('not '.repeat(5000) + 'a > 1', 'threshold');
    expect(p.ast).toMatchObject({ type: 'not', times: 5000 });
    expect(p.diagnostics.map((d) => d.code)).toEqual(['expr/repeated-not']);
  });
  it('more than 20,000 tokens is reported as too long', () => {
    const p = parseExpression('1 + '.repeat(10_001) + '1', 'measure');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['expr/too-long']);
  });
});

describe('tokens', () => {
  it('records what the parser made of each token', () => {
    const p = parseExpression('count(children where moves <= 2) >= 85% by 2027-03', 'threshold');
    const roles = Object.fromEntries(p.tokens.map((t) => [t.image, t.role]));
    expect(roles).toMatchObject({ count: 'function', children: 'identifier', where: 'keyword', '<=': 'operator', '85': 'percent', '%': 'percent' });
  });
});

describe('the grammar itself', () => {
  it("passes chevrotain's checks (no ambiguity, no left recursion), which are skipped at run time to start faster", () => {
    expect(() => checkGrammar()).not.toThrow();
  });
});
