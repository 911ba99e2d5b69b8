import { test } from 'vitest';
import { at, fixture } from './helpers';
import { completion } from '../../server/src/service/features/completion';
import { hover } from '../../server/src/service/features/hover';
import { definition, references } from '../../server/src/service/features/navigation';
test('smoke', () => {
  const spec = fixture('spec.commspec.yaml');
  const cases: Array<[string, string]> = [
    ['spec.commspec.yaml', spec.replace('    tiers: [additional, complex]', '    tiers: [additional, |]')],
    ['spec.commspec.yaml', spec.replace('    beneficiary: children\n', '    beneficiary: children\n    |\n')],
    ['spec.commspec.yaml', spec.replace('unit: percent\n        polarity: higher', 'unit: |\n        polarity: higher')],
    ['spec.commspec.yaml', spec.replace('when goals-met >= 80%', 'when goa| >= 80%')],
    ['spec.commspec.yaml', spec.replace('csc-2023/families-stay-together]', 'csc-2023/families-stay-together, riv|]')],
    ['spec.commspec.yaml', spec + 'saf|\n'],
    ['bid.commspec.yaml', fixture('bid.commspec.yaml').replace('  - outcome: families-stronger', '  - outcome: |')],
  ];
  for (const [name, t] of cases) {
    const { a, offset, ws } = at(name, t);
    const c = completion(a, offset, ws);
    console.log(JSON.stringify(t.slice(t.indexOf('|') - 30, t.indexOf('|') + 5)), '=>', c.slice(0, 12).map((x) => x.label).join(' | '), c.length);
  }
  const { a, offset, ws } = at('bid.commspec.yaml', fixture('bid.commspec.yaml').replace('  - outcome: families-stronger', '  - outcome: families-st|ronger'));
  console.log(hover(a, offset, ws));
  console.log(JSON.stringify(definition(a, offset, ws)));
  console.log(references(a, offset, ws).map((r) => `${r.uri}:${r.range.start.line}`));
  console.log(a.findings.map((f) => f.ruleId + ' ' + f.message));
});
