import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benchmarkPairs,
  benchmarkSymbols,
  checkExpression,
  completionsAt,
  evaluateTarget,
  compareAmbition,
  hoverAt,
  identifiersIn,
  parseExpression,
  semanticTokens,
  type ExpressionDiagnostic,
  type ExpressionKind,
} from '../../grammar/src/index';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const KINDS: ExpressionKind[] = ['target', 'threshold', 'payment', 'measure'];
const symbols = benchmarkSymbols();
const seeds = benchmarkPairs().map((p) => p.text);

const WORDS = [
  '>=', '<=', '>', '<', '=', '!=', '(', ')', '[', ']', ',', '..', '+', '-', '*', '/', '%', 'and', 'or', 'not', 'in', 'by', 'from', 'baseline',
  'between', 'at', 'least', 'most', 'reduce', 'increase', 'up', 'to', 'of', 'when', 'where', 'per', 'capped', 'percentage', 'points', 'months',
  'days', 'GBP', '85', '1,200', '2027-03-31', '2027-02-30', '2027-03', '£1.5m', '£', 'count', 'rate', 'mean', 'age', 'tier', 'high', 'children',
  'placement-stability', 'annual_fee', 'moves', 'monthz', '"x', "'y'", '#', '&', '≥', '10000', '-5', '150%',
];

function assertSane(text: string, ds: ExpressionDiagnostic[]): void {
  for (const d of ds) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/\u0000|Expecting|EOF|-->/);
    expect(d.code).toMatch(/^expr\/[a-z0-9-]+$/);
    expect(['error', 'warning', 'info']).toContain(d.severity);
  }
}

function exercise(text: string, kind: ExpressionKind): void {
  const parsed = parseExpression(text, kind);
  assertSane(text, parsed.diagnostics);
  const ctx = { kind, symbols, indicator: { id: 'placement-stability', unit: 'percent' as const, polarity: 'higher' as const }, term: { start: '2025-04-01', end: '2030-03-31' } };
  assertSane(text, checkExpression(parsed, ctx));
  for (const t of semanticTokens(parsed, ctx)) {
    expect(t.span.start).toBeGreaterThanOrEqual(0);
    expect(t.span.end).toBeLessThanOrEqual(text.length);
  }
  for (const id of identifiersIn(parsed)) expect(text.slice(id.span.start, id.span.end)).toBe(id.name);
  const mid = Math.floor(text.length / 2);
  hoverAt(parsed, mid, ctx);
  completionsAt(text, mid, ctx);
  evaluateTarget(parsed, 50, { baseline: 40 });
  compareAmbition(parsed, parseExpression('>= 85%', 'target'));
}

const tokenSoup = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((ws) => ws.join(' '));
const mutated = fc
  .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...WORDS, ' ', '', 'x', ')', '(')), { maxLength: 4 }))
  .map(([seed, edits]) => {
    let s = seed;
    for (const [pos, del, ins] of edits) {
      const at = s.length ? pos % (s.length + 1) : 0;
      s = s.slice(0, at) + ins + s.slice(at + del);
    }
    return s;
  });

describe('property tests (FUZZ_RUNS controls the number of runs)', () => {
  it('random strings never throw and spans stay inside the input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...KINDS), (text, kind) => exercise(text, kind)), { numRuns: RUNS });
  });
  it('random token sequences', () => {
    fc.assert(fc.property(tokenSoup, fc.constantFrom(...KINDS), (text, kind) => exercise(text, kind)), { numRuns: RUNS });
  });
  it('mutated realistic expressions', () => {
    fc.assert(fc.property(mutated, fc.constantFrom(...KINDS), (text, kind) => exercise(text, kind)), { numRuns: RUNS });
  });
  it('well-formed comparisons round-trip their numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom('>=', '<=', '>', '<'), (n, op) => {
        const p = parseExpression(`${op} ${n}% by 2027-03-31`, 'target');
        expect(p.diagnostics).toEqual([]);
        expect(p.ast).toMatchObject({ type: 'target', form: { op, value: { type: 'percent', value: n } } });
      }),
      { numRuns: RUNS },
    );
  });
});
