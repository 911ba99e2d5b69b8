import { expect, test } from 'vitest';
import { documentSymbols, foldingRanges, selectionRange } from '../../server/src/service/features/structure';
import { documentLinks, semanticTokens } from '../../server/src/service/features/tokens';
import { resolveUri } from '../../server/src/service/workspace';
import { at, fixture } from './helpers';

const spec = fixture('spec.commspec.yaml');

test('the outline lists outcomes with their indicators, and payments', () => {
  const { a } = at('spec.commspec.yaml', `|${spec}`);
  const symbols = documentSymbols(a);
  const outcomes = symbols.find((s) => s.name === 'outcomes')!;
  expect(outcomes.kind).toBe('section');
  expect(outcomes.children.map((c) => [c.name, c.kind])).toEqual([
    ['families-stronger', 'outcome'],
    ['healthy-start', 'outcome'],
  ]);
  const first = outcomes.children[0];
  expect(first.detail).toBe('Families are stronger and children stay safely at home.');
  const indicators = first.children.find((c) => c.name === 'indicators')!;
  expect(indicators.children.map((c) => [c.name, c.kind])).toEqual([
    ['goals-met', 'indicator'],
    ['re-referrals', 'indicator'],
  ]);
  const vfm = symbols.find((s) => s.name === 'value_for_money')!;
  expect(vfm.children[0].children.map((c) => [c.name, c.kind])).toEqual([['pbr-goals', 'payment']]);
  expect(symbols.find((s) => s.name === 'title')).toMatchObject({ kind: 'property', detail: 'Riverside family support service' });
  // selection ranges sit inside their ranges
  const check = (s: (typeof symbols)[number]) => {
    expect(s.selectionRange.start.line).toBeGreaterThanOrEqual(s.range.start.line);
    expect(s.selectionRange.end.line).toBeLessThanOrEqual(s.range.end.line);
    s.children.forEach(check);
  };
  symbols.forEach(check);
});

test('the outline of a framework lists its tiers', () => {
  const { a } = at('framework.commspec.yaml', `|${fixture('framework.commspec.yaml')}`);
  const tiers = documentSymbols(a).find((s) => s.name === 'tiers')!;
  expect(tiers.children.map((c) => [c.name, c.kind, c.detail])).toEqual([
    ['additional', 'tier', 'Level 2: Additional needs'],
    ['complex', 'tier', 'Level 3: Complex needs'],
  ]);
});

test('folding ranges for sections, items and comments', () => {
  const { a } = at('spec.commspec.yaml', `# A comment\n# over two lines\n|${spec}`);
  const folds = foldingRanges(a);
  const lines = a.doc.text.split('\n');
  const startOf = (needle: string) => lines.findIndex((l) => l.startsWith(needle));
  expect(folds).toContainEqual({ startLine: 0, endLine: 1, kind: 'comment' });
  expect(folds).toContainEqual({ startLine: startOf('term:'), endLine: startOf('term:') + 2 });
  const outcomes = folds.find((f) => f.startLine === startOf('outcomes:'))!;
  expect(outcomes.endLine).toBe(startOf('value_for_money:') - 1);
  const goals = folds.find((f) => f.startLine === startOf('      - id: goals-met'))!;
  expect(goals.endLine).toBe(startOf('      - id: re-referrals') - 1);
  for (const f of folds) expect(f.endLine).toBeGreaterThan(f.startLine);
});

test('selection grows from an expression token to the whole document', () => {
  const { a, offset } = at('spec.commspec.yaml', spec.replace('when goals-met >= 80%', 'when goals-m|et >= 80%'));
  const texts: string[] = [];
  for (let s = selectionRange(a, offset); s; s = s.parent) texts.push(a.doc.text.slice(s.start, s.end));
  expect(texts[0]).toBe('goals-met');
  expect(texts[1]).toBe('up to 3% of annual_fee when goals-met >= 80%');
  expect(texts[2]).toBe('rule: up to 3% of annual_fee when goals-met >= 80%');
  expect(texts[texts.length - 1]).toBe(a.doc.text);
  for (let i = 1; i < texts.length; i++) expect(texts[i].length).toBeGreaterThan(texts[i - 1].length);
});

test('semantic tokens cover the expressions, in document order, at the right characters', () => {
  const { a } = at('spec.commspec.yaml', `|${spec}`);
  const tokens = semanticTokens(a);
  const lines = a.doc.text.split('\n');
  const text = (t: (typeof tokens)[number]) => lines[t.line].slice(t.character, t.character + t.length);
  const rule = tokens.filter((t) => lines[t.line].includes('rule:'));
  expect(rule.map((t) => [text(t), t.type])).toEqual([
    ['up', 'keyword'],
    ['to', 'keyword'],
    ['3', 'percent'],
    ['%', 'percent'],
    ['of', 'keyword'],
    ['annual_fee', 'field'],
    ['when', 'keyword'],
    ['goals-met', 'indicator'],
    ['>=', 'operator'],
    ['80', 'percent'],
    ['%', 'percent'],
  ]);
  const target = tokens.find((t) => text(t) === '>=' && lines[t.line].includes('target: ">= 75%'));
  expect(target).toBeDefined();
  for (let i = 1; i < tokens.length; i++) expect(tokens[i].line * 1e6 + tokens[i].character).toBeGreaterThan(tokens[i - 1].line * 1e6 + tokens[i - 1].character);
});

test('document links for the framework path and a bid\'s specification path', () => {
  const s = at('spec.commspec.yaml', `|${spec}`);
  const links = documentLinks(s.a, { resolve: resolveUri });
  expect(links.map((l) => [s.a.doc.text.slice(l.start, l.end), l.target])).toEqual([['./framework.commspec.yaml', s.uri('framework.commspec.yaml')]]);
  const b = at('bid.commspec.yaml', `|${fixture('bid.commspec.yaml')}`);
  expect(documentLinks(b.a, { resolve: resolveUri }).map((l) => l.target)).toEqual([b.uri('spec.commspec.yaml')]);
});
