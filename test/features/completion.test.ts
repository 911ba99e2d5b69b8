import { describe, expect, test } from 'vitest';
import { completion, type CompletionEntry } from '../../server/src/service/features/completion';
import { plainSnippet } from '../../server/src/lsp/convert';
import { applyEdits } from '../../server/src/service/features/actions';
import { readDocument } from '../../server/src/service/document';
import { buildModel } from '../../server/src/service/model';
import { at, fixture, yamlErrors } from './helpers';

const spec = fixture('spec.commspec.yaml');
const bid = fixture('bid.commspec.yaml');

function complete(name: string, marked: string): CompletionEntry[] {
  const { a, offset, ws } = at(name, marked);
  return completion(a, offset, ws);
}
const labels = (items: CompletionEntry[]) => items.map((i) => i.label);

/** Inserts a completion the way an editor does (snippet syntax resolved to its defaults). */
function accept(marked: string, label: string, name = 'spec.commspec.yaml'): string {
  const { a, offset, ws } = at(name, marked);
  const item = completion(a, offset, ws).find((i) => i.label === label);
  if (!item) throw new Error(`no completion '${label}'`);
  const text = a.doc.text;
  return applyEdits(text, [{ start: item.range.start, end: item.range.end, newText: item.snippet ? plainSnippet(item.insertText) : item.insertText }]);
}

describe('keys', () => {
  test('an outcome offers the keys it does not have yet, with the schema documentation', () => {
    const items = complete('spec.commspec.yaml', spec.replace('    beneficiary: children\n', '    beneficiary: children\n    |\n'));
    expect(labels(items)).toEqual(expect.arrayContaining(['indicators', 'tiers', 'frameworks', 'horizon', 'type', 'measurable_from', 'rationale']));
    expect(labels(items)).not.toContain('statement');
    expect(labels(items)).not.toContain('beneficiary');
    const indicators = items.find((i) => i.label === 'indicators')!;
    expect(indicators.detail).toBe('Indicators');
    expect(indicators.documentation).toContain('Every outcome needs at least one');
    expect(indicators.documentation).toContain('required');
    expect(indicators.insertText).toBe('indicators:\n      - $0');
  });

  test('a partly typed key narrows the list and replaces the word', () => {
    const marked = spec.replace('    beneficiary: children\n', '    beneficiary: children\n    hor|\n');
    const items = complete('spec.commspec.yaml', marked);
    expect(labels(items)).toEqual(['horizon']);
    expect(items[0].insertText).toBe('horizon: ${1|short,medium,long|}');
    expect(accept(marked, 'horizon')).toContain('    beneficiary: children\n    horizon: short\n');
  });

  test('the keys of a new list item: an indicator', () => {
    const marked = spec.replace('        target: "<= 12% by 2028-03-31"\n', '        target: "<= 12% by 2028-03-31"\n      - |\n');
    const items = complete('spec.commspec.yaml', marked);
    expect(labels(items)).toEqual(expect.arrayContaining(['id', 'definition', 'unit', 'polarity', 'baseline', 'target', 'data_source']));
    expect(items.find((i) => i.label === 'target')!.insertText).toBe('target: "$0"');
  });

  test('top-level keys of a specification', () => {
    const items = complete('spec.commspec.yaml', `${spec}|`);
    expect(labels(items)).toEqual(expect.arrayContaining(['safeguarding', 'needs', 'governance', 'evaluation', 'participation']));
    expect(labels(items)).not.toContain('outcomes');
    expect(items.find((i) => i.label === 'safeguarding')!.documentation).toMatch(/statutory function/);
  });

  test('a key under a section whose value is not written yet', () => {
    const items = complete('spec.commspec.yaml', `${spec}governance:\n  |`);
    expect(labels(items)).toEqual(expect.arrayContaining(['board', 'lead', 'deputy', 'contract_manager']));
  });
});

describe('values', () => {
  test('enum values with the property documentation', () => {
    const items = complete('spec.commspec.yaml', spec.replace('unit: percent\n        polarity: higher', 'unit: |\n        polarity: higher'));
    expect(labels(items)).toEqual(['percent', 'count', 'money', 'days', 'weeks', 'months', 'rate', 'score']);
    expect(items[0].documentation).toContain('rate');
  });

  test('tiers come from the framework named by tier_model', () => {
    const items = complete('spec.commspec.yaml', spec.replace('tiers: [additional, complex]', 'tiers: [additional, |]'));
    expect(labels(items)).toEqual(['additional', 'complex']);
    expect(items[1].documentation).toContain('Several needs that need a coordinated multi-agency plan');
    expect(items[1].documentation).toContain('framework.commspec.yaml');
  });

  test('outcomes rewarded by a payment are the outcomes of the document', () => {
    const items = complete('spec.commspec.yaml', spec.replace('outcomes: [families-stronger]', 'outcomes: [families-stronger, h|]'));
    expect(labels(items)).toEqual(['healthy-start']);
  });

  test('lots declared under market', () => {
    const withLots = spec.replace('value_for_money:', 'market:\n  lots:\n    - { id: north, title: North locality }\n    - { id: south, title: South locality }\nvalue_for_money:');
    const items = complete('spec.commspec.yaml', withLots.replace('    beneficiary: children\n', '    beneficiary: children\n    lots: [|]\n'));
    expect(labels(items)).toEqual(['north', 'south']);
  });

  test('framework tags: the referenced framework first, then built-in taxonomies', () => {
    const items = complete('spec.commspec.yaml', spec.replace('csc-2023/families-stay-together]', 'csc-2023/families-stay-together, |]'));
    const ls = labels(items);
    expect(ls).toEqual(expect.arrayContaining(['riverside-cyp/safe-at-home', 'riverside-cyp/healthy-start', 'ecm/stay-safe', 'csc-2023/stable-loving-homes', 'supporting-families/domestic-abuse']));
    const sorted = [...items].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));
    expect(sorted[0].label.startsWith('riverside-cyp/')).toBe(true);
    expect(items.find((i) => i.label === 'ecm/stay-safe')!.documentation).toContain('Every Child Matters');
  });

  test('tier_model offers declared frameworks and the built-in need model', () => {
    const items = complete('spec.commspec.yaml', spec.replace('tier_model: riverside-cyp', 'tier_model: |'));
    expect(labels(items)).toEqual(expect.arrayContaining(['riverside-cyp', 'continuum-of-need']));
  });

  test('a bid answers the outcomes of its specification, unanswered ones first', () => {
    const items = complete('bid.commspec.yaml', `${bid}  - outcome: |\n`);
    const sorted = [...items].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));
    expect(labels(sorted)).toEqual(['healthy-start', 'families-stronger']);
  });

  test("a bid's commitment offers the indicators of the outcome it answers", () => {
    const items = complete('bid.commspec.yaml', bid.replace('      - indicator: goals-met', '      - indicator: |'));
    expect(labels(items)).toEqual(['goals-met', 're-referrals']);
    expect(items[0].documentation).toContain('Baseline: **62**');
  });

  test('a bid can name a specification found in the workspace, and its path', () => {
    expect(labels(complete('bid.commspec.yaml', bid.replace('  id: riverside-family-support', '  id: |')))).toEqual(['riverside-family-support']);
    expect(labels(complete('bid.commspec.yaml', bid.replace('  path: ./spec.commspec.yaml', '  path: |')))).toEqual(['./spec.commspec.yaml']);
  });
});

describe('expressions', () => {
  test('names inside a payment rule', () => {
    const marked = spec.replace('when goals-met >= 80%', 'when goa| >= 80%');
    const items = complete('spec.commspec.yaml', marked);
    expect(labels(items)).toEqual(['goals-met']);
    expect(accept(marked, 'goals-met')).toContain('rule: up to 3% of annual_fee when goals-met >= 80%');
  });

  test('keywords after a target value, inside quotes', () => {
    const items = complete('spec.commspec.yaml', spec.replace('target: ">= 75% by 2028-03-31"', 'target: ">= 75% |"'));
    expect(labels(items)).toContain('by');
  });

  test('fields and functions in a measure', () => {
    const items = complete('spec.commspec.yaml', spec.replace('        unit: percent\n        polarity: higher', '        measure: count(fam|)\n        unit: percent\n        polarity: higher'));
    expect(labels(items)).toContain('families');
  });

  test('an empty expression field starts an expression in quotes', () => {
    const items = complete('spec.commspec.yaml', spec.replace('target: "<= 12% by 2028-03-31"', 'target: |'));
    const ge = items.find((i) => i.label === '>=');
    expect(ge?.insertText).toBe('">=$0"');
  });
});

describe('section snippets', () => {
  function reparsed(text: string) {
    expect(yamlErrors(text)).toEqual([]);
    const doc = readDocument('file:///ws/spec.commspec.yaml', text);
    return buildModel(doc);
  }

  test('an outcome with an indicator, as a new list item', () => {
    const marked = spec.replace('    beneficiary: children\n', '    beneficiary: children\n  - |\n');
    const text = accept(marked, 'outcome with an indicator');
    const model = reparsed(text);
    expect(model.declarations.filter((d) => d.kind === 'outcome').map((d) => d.id)).toEqual(['families-stronger', 'healthy-start', 'outcome-id']);
    expect(model.declarations.find((d) => d.kind === 'indicator' && d.id === 'indicator-id')?.path).toEqual(['outcomes', 2, 'indicators', 0]);
    expect(model.expressions.find((e) => e.indicator === 'indicator-id')?.text).toBe('>= 85% by 2027-03-31');
  });

  test('a safeguarding section at the top level', () => {
    const text = accept(`${spec}saf|`, 'safeguarding section');
    const model = reparsed(text);
    const sg = model.value.safeguarding as Record<string, any>;
    expect(sg.escalation.lado).toBe(true);
    expect(sg.statutory_basis).toEqual(['children-act-1989', 'children-act-2004-s11', 'working-together-2023']);
    expect(sg.checks).toContain('enhanced-dbs-with-barred-list');
  });

  test('a payment-by-results clause that type-checks against the document', () => {
    const marked = spec.replace('      outcomes: [families-stronger]\n', '      outcomes: [families-stronger]\n    - |\n');
    const text = accept(marked, 'payment-by-results clause');
    const model = reparsed(text);
    const payments = (model.value.value_for_money as any).outcome_payments;
    expect(payments[1]).toMatchObject({ type: 'payment-by-results', rule: 'up to 5% of annual_fee when goals-met >= 85%', cap: '5% of annual_fee', outcomes: ['families-stronger'] });
  });

  test('no completions inside a comment', () => {
    expect(complete('spec.commspec.yaml', spec.replace('# The main outcome', '# The main| outcome'))).toEqual([]);
  });
});
