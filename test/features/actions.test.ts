import { describe, expect, test } from 'vitest';
import { applyEdits, codeActions, type CodeAction } from '../../server/src/service/features/actions';
import { readDocument } from '../../server/src/service/document';
import { buildModel, get } from '../../server/src/service/model';
import { at, fixture, yamlErrors } from './helpers';

const spec = fixture('spec.commspec.yaml');
const bid = fixture('bid.commspec.yaml');

function actionsAt(name: string, marked: string, files: Record<string, string> = {}) {
  const r = at(name, marked, files);
  return { ...r, actions: codeActions(r.a, { start: r.offset, end: r.offset }, r.ws) };
}

function applied(a: { uri: string; doc: { text: string } }, action: CodeAction): string {
  const edits = action.edits.get(a.uri)!;
  const text = applyEdits(a.doc.text, edits);
  expect(yamlErrors(text)).toEqual([]);
  return text;
}

function find(actions: CodeAction[], title: RegExp): CodeAction {
  const hit = actions.find((x) => title.test(x.title));
  if (!hit) throw new Error(`no action matching ${title}; have ${JSON.stringify(actions.map((x) => x.title))}`);
  return hit;
}

describe('fixes for findings', () => {
  test('the fix of a finding under the cursor is offered and applies', () => {
    const { a, actions } = actionsAt('spec.commspec.yaml', spec.replace('tiers: [additional, complex]', 'tiers: [additional, compl|x]'));
    const fix = find(actions, /Change to 'complex'/);
    expect(fix.kind).toBe('quickfix');
    expect(fix.findings?.[0].ruleId).toBe('references/resolve');
    const text = applied(a, fix);
    expect(text).toContain('tiers: [additional, complex]');
  });
});

describe('authoring actions', () => {
  test('add a missing indicator to an outcome, indented like its keys, comments kept', () => {
    const marked = spec.replace('  - id: healthy-start', '  - id: healthy|-start').replace('    beneficiary: children\n', '    beneficiary: children # who gains\n');
    const { a, actions } = actionsAt('spec.commspec.yaml', marked);
    const text = applied(a, find(actions, /Add an indicator to outcome 'healthy-start'/));
    expect(text).toContain('    beneficiary: children # who gains\n    indicators:\n      - id: healthy-start-measure\n        definition: ""\n');
    const model = buildModel(readDocument(a.uri, text));
    expect(model.declarations.find((d) => d.kind === 'indicator' && d.id === 'healthy-start-measure')?.path).toEqual(['outcomes', 1, 'indicators', 0]);
    // the rest of the document is untouched
    const block = ['    indicators:', '      - id: healthy-start-measure', '        definition: ""', '        unit:', '        polarity:', '        baseline:', '          value:', '          date:', '          source:', '        target: ""'].join('\n');
    expect(text).toBe(a.doc.text.replace('    beneficiary: children # who gains\n', `    beneficiary: children # who gains\n${block}\n`));
  });

  test('an outcome that has indicators is not offered another skeleton', () => {
    const { actions } = actionsAt('spec.commspec.yaml', spec.replace('  - id: families-stronger', '  - id: families|-stronger'));
    expect(actions.some((x) => /Add an indicator/.test(x.title))).toBe(false);
  });

  test('add a baseline skeleton to an indicator without one', () => {
    const { a, actions } = actionsAt('spec.commspec.yaml', spec.replace('      - id: re-referrals', '      - id: re-ref|errals'));
    const text = applied(a, find(actions, /Add a baseline to indicator 're-referrals'/));
    expect(text).toContain('        target: "<= 12% by 2028-03-31"\n        baseline:\n          value:\n          date:\n          source:\n          n:\n');
    const model = buildModel(readDocument(a.uri, text));
    const ind = get.obj(get.arr(get.obj(get.arr(model.value.outcomes)[0])?.indicators)[1]);
    expect(Object.keys(get.obj(ind?.baseline)!)).toEqual(['value', 'date', 'source', 'n']);
  });

  test('an outcome worded like a framework outcome can be converted to a framework reference', () => {
    const { a, actions } = actionsAt('spec.commspec.yaml', spec.replace('  - id: healthy-start', '  - id: healthy|-start'));
    const action = find(actions, /framework reference.*riverside-cyp\/healthy-start/);
    expect(action.kind).toBe('refactor.rewrite');
    const text = applied(a, action);
    expect(text).toContain('    statement: Children have a healthy start in life and grow up physically and emotionally well.\n    frameworks: [riverside-cyp/healthy-start]\n');
    // an existing tag list gets the tag appended
    const tagged = spec.replace('  - id: healthy-start\n    statement', '  - id: healthy|-start\n    frameworks: [ecm/be-healthy]\n    statement');
    const r2 = actionsAt('spec.commspec.yaml', tagged);
    expect(applied(r2.a, find(r2.actions, /riverside-cyp\/healthy-start/))).toContain('frameworks: [ecm/be-healthy, riverside-cyp/healthy-start]');
  });

  test('an unrelated statement gets no framework suggestion', () => {
    const { actions } = actionsAt('spec.commspec.yaml', spec.replace('  - id: families-stronger', '  - id: families|-stronger').replace('Families are stronger and children stay safely at home.', 'Invoices are paid within thirty days.'));
    expect(actions.some((x) => /framework reference/.test(x.title))).toBe(false);
  });

  test('a bid gets responses scaffolded for every unanswered outcome', () => {
    const { a, actions } = actionsAt('bid.commspec.yaml', `|${bid}`);
    const action = find(actions, /Add a response to outcome 'healthy-start'/);
    const text = applied(a, action);
    expect(text.startsWith(bid)).toBe(true);
    expect(text.slice(bid.length - 1)).toBe('\n  - outcome: healthy-start\n    approach: "Describe how you will achieve this outcome: Children have a healthy start in life and grow up physically and emotionally well."\n');
    const model = buildModel(readDocument(a.uri, text));
    expect(get.arr(model.value.responses).map((r) => get.obj(r)?.outcome)).toEqual(['families-stronger', 'healthy-start']);
  });

  test('scaffolded responses carry a commitment for each indicator, starting from the specification target', () => {
    const noResponses = bid.slice(0, bid.indexOf('responses:'));
    const { a, actions } = actionsAt('bid.commspec.yaml', `|${noResponses}`);
    const text = applied(a, find(actions, /Add responses to the 2 unanswered outcomes/));
    const model = buildModel(readDocument(a.uri, text));
    const responses = get.arr(model.value.responses).map((r) => get.obj(r)!);
    expect(responses.map((r) => r.outcome)).toEqual(['families-stronger', 'healthy-start']);
    expect(responses[0].commitments).toEqual([
      { indicator: 'goals-met', target: '>= 75% by 2028-03-31' },
      { indicator: 're-referrals', target: '<= 12% by 2028-03-31' },
    ]);
  });
});
