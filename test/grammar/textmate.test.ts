import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_KEYS } from '../../grammar/src/index';

const grammar = JSON.parse(readFileSync(new URL('../../grammar/syntaxes/commspec-expression.injection.tmLanguage.json', import.meta.url), 'utf8'));
/** Oniguruma to JS for the features the grammar uses: (?i:...) groups become plain groups (inputs below are lower case). */
const js = (re: string, flags = '') => new RegExp(re.replace(/\(\?i:/g, '(?:'), flags);
const repo = grammar.repository;

function scopesOf(text: string): Array<[string, string]> {
  // A small stand-in for the TextMate engine, for quick checks of single patterns: try the expression
  // patterns in order at each position. textmate-engine.test.ts runs the grammars in vscode-textmate itself.
  const order: string[] = repo.expression.patterns.map((p: { include: string }) => p.include.slice(1));
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let matched = false;
    for (const name of order) {
      const rule = repo[name];
      const m = js(rule.match, 'y');
      m.lastIndex = i;
      const r = m.exec(text);
      if (r && r[0].length > 0) {
        out.push([r[0], rule.name ?? Object.values(rule.captures as Record<string, { name: string }>).map((c) => c.name).join(' ')]);
        i += r[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return out;
}

describe('TextMate injection grammar', () => {
  it('injects into YAML and commspec string values', () => {
    expect(grammar.injectionSelector).toContain('source.yaml');
    expect(grammar.injectionSelector).toContain('source.commspec');
    expect(grammar.scopeName).toBe('commspec.expression.injection');
  });
  it('uses exactly the documented key list', () => {
    expect(grammar.expressionKeys).toEqual([...EXPRESSION_KEYS]);
    for (const name of ['block-value', 'double-quoted-value', 'single-quoted-value', 'plain-value']) {
      expect(repo[name].begin).toContain(`(${EXPRESSION_KEYS.join('|')})`);
    }
  });
  it('every regex compiles', () => {
    const walk = (o: unknown): void => {
      if (!o || typeof o !== 'object') return;
      for (const [k, v] of Object.entries(o)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') expect(() => js(v)).not.toThrow();
        else walk(v);
      }
    };
    walk(grammar);
  });
  it('starts on the expression keys, in each scalar style, and not on other keys', () => {
    expect(js(repo['plain-value'].begin).test('  target: at least 85% by 2027-03-31')).toBe(true);
    expect(js(repo['plain-value'].begin).test('  - rule: up to 7% of annual_fee')).toBe(true);
    expect(js(repo['plain-value'].begin).test('  title: at least 85%')).toBe(false);
    expect(js(repo['plain-value'].begin).test('  target: ">= 85%"')).toBe(false);
    expect(js(repo['double-quoted-value'].begin).test('  target: ">= 85%"')).toBe(true);
    expect(js(repo['single-quoted-value'].begin).test("threshold: 'age in 11..17'")).toBe(true);
    expect(js(repo['block-value'].begin).test('    measure: >-')).toBe(true);
    expect(js(repo['block-value'].begin).test('    measure: |2+ # comment')).toBe(true);
  });
  it('gives expression parts their scopes', () => {
    const s = Object.fromEntries(scopesOf('up to 7% of annual_fee when placement-stability >= 85% by 2027-03-31, capped at £250,000 per year in 12 months and count(children)'));
    expect(s).toMatchObject({
      up: 'keyword.operator.word.commspec',
      '7%': 'constant.numeric.percent.commspec',
      annual_fee: 'variable.other.commspec',
      'placement-stability': 'variable.other.commspec',
      '>=': 'keyword.operator.commspec',
      '2027-03-31': 'constant.other.date.commspec',
      '£250,000': 'constant.numeric.money.commspec',
      year: 'keyword.other.unit.commspec',
      '12 months': 'constant.numeric.duration.commspec keyword.other.unit.commspec',
      count: 'support.function.commspec',
    });
  });
});
