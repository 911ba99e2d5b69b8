import { describe, expect, it } from 'vitest';
import { benchmarkSymbols, completionsAt, hoverAt, identifiersIn, parseExpression, semanticTokens, SEMANTIC_TOKEN_TYPES, type CheckContext } from '../../grammar/src/index';

const symbols = benchmarkSymbols();
const ctx = (kind: CheckContext['kind'], extra: Partial<CheckContext> = {}): CheckContext => ({ kind, symbols, ...extra });
const labels = (text: string, kind: CheckContext['kind'], offset = text.length, extra: Partial<CheckContext> = {}) => completionsAt(text, offset, ctx(kind, extra)).map((c) => c.label);

describe('semantic tokens', () => {
  it('classifies every token', () => {
    const text = 'up to 7% of annual_fee when placement-stability >= 85% and tier in [high], capped at £250k per year';
    const toks = semanticTokens(parseExpression(text, 'payment'), ctx('payment'));
    const byText = Object.fromEntries(toks.map((t) => [text.slice(t.span.start, t.span.end), [t.type, ...(t.modifiers ?? [])].join('.')]));
    expect(byText).toMatchObject({
      up: 'keyword', '7': 'percent', '%': 'percent', of: 'keyword', annual_fee: 'field', 'placement-stability': 'indicator', '>=': 'operator',
      tier: 'field.defaultLibrary', high: 'tier', '£250k': 'money', per: 'keyword', year: 'unit',
    });
    for (const t of toks) expect(SEMANTIC_TOKEN_TYPES).toContain(t.type);
  });
  it('functions, dates, counts, unresolved names', () => {
    const text = 'count(children where moves <= 2 moves) + wibble + 2027-03-31';
    const toks = semanticTokens(parseExpression(text, 'measure'), ctx('measure'));
    const byText = Object.fromEntries(toks.map((t) => [text.slice(t.span.start, t.span.end), [t.type, ...(t.modifiers ?? [])].join('.')]));
    expect(byText).toMatchObject({ count: 'function', '2027-03-31': 'date', wibble: 'variable.unresolved', '2': 'number' });
    expect(toks.filter((t) => t.type === 'unit' && t.modifiers?.includes('count'))).toHaveLength(1);
  });
});

describe('completions', () => {
  it('at the start of a target: comparisons and target phrases', () => {
    expect(labels('', 'target')).toEqual(expect.arrayContaining(['>=', '<=', 'at least', 'at most', 'between', 'reduce by', 'increase by']));
    expect(labels('', 'target')).not.toContain('placement-stability');
  });
  it('after a number: units', () => {
    expect(labels('>= 85', 'target')).toEqual(expect.arrayContaining(['%', 'percentage points', 'months', 'GBP']));
  });
  it('after a complete value: clauses', () => {
    const l = labels('>= 85% ', 'target');
    expect(l).toEqual(expect.arrayContaining(['by', 'in']));
    expect(l).not.toContain('annual_fee');
  });
  it('names in scope with their kind, and functions', () => {
    const items = completionsAt('placement-stability >= 85% and ', 31, ctx('threshold'));
    expect(items.find((i) => i.label === 'annual_fee')).toMatchObject({ kind: 'identifier', detail: 'field (money (pounds))' });
    expect(items.find((i) => i.label === 'count')).toMatchObject({ kind: 'function', insertText: 'count(' });
    expect(items.find((i) => i.label === 'not')).toMatchObject({ kind: 'keyword' });
  });
  it('filters by the word being typed', () => {
    expect(labels('plac', 'threshold')).toEqual(['placement-stability', 'placements']);
    expect(labels('tier in [hi', 'threshold')).toEqual(['high']);
  });
  it('only tiers inside tier in [...]', () => {
    expect(labels('tier in [', 'threshold').sort()).toEqual(['high', 'low', 'medium', 'specialist']);
  });
  it('the contract end after by', () => {
    expect(labels('>= 85% by ', 'target', undefined, { term: { start: '2025-04-01', end: '2030-03-31' } })).toEqual(['2030-03-31']);
  });
  it('payment clauses', () => {
    expect(labels('£1,200 per child ', 'payment')).toEqual(expect.arrayContaining(['when', 'capped at']));
  });
});

describe('hover', () => {
  const h = (text: string, at: string, kind: CheckContext['kind'] = 'threshold') => hoverAt(parseExpression(text, kind), text.indexOf(at) + 1, ctx(kind));
  it('identifiers from the symbol info', () => {
    expect(h('placement-stability >= 85%', 'placement')).toEqual({
      span: { start: 0, end: 19 },
      markdown: '**Placement stability** (indicator)\n\n`placement-stability`\n\nmeasured as a percentage; higher is better',
    });
    expect(h('wibble > 1', 'wibble')?.markdown).toContain('is not declared');
  });
  it('functions, units, literals, keywords', () => {
    expect(h('count(children) > 1', 'count')?.markdown).toContain('count(group [where condition])');
    expect(h('x > £1.5m', '£')?.markdown).toBe('**£1,500,000** (money)');
    expect(h('>= 85% by 2027-03-31', '2027', 'target')?.markdown).toBe('**31 March 2027** (date)');
    expect(h('<= 2 moves in 6 months', 'months', 'target')?.markdown).toContain('6 months');
    expect(h('a > 1 and b > 1', 'and')?.markdown).toContain('Both conditions');
    expect(h('<= 2 moves', 'moves', 'target')?.markdown).toBe('**count** of moves: 2 moves');
  });
});

describe('identifiersIn', () => {
  it('lists names, not functions or counted nouns', () => {
    const p = parseExpression('count(children where moves <= 2 moves) / count(children) + annual_fee', 'measure');
    expect(identifiersIn(p)).toEqual([
      { name: 'children', span: { start: 6, end: 14 } },
      { name: 'moves', span: { start: 21, end: 26 } },
      { name: 'children', span: { start: 47, end: 55 } },
      { name: 'annual_fee', span: { start: 59, end: 69 } },
    ]);
  });
});
