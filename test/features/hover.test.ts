import { expect, test } from 'vitest';
import { hover } from '../../server/src/service/features/hover';
import { at, fixture } from './helpers';

const spec = fixture('spec.commspec.yaml');

function hoverAt(name: string, marked: string) {
  const { a, offset, ws } = at(name, marked);
  const h = hover(a, offset, ws);
  return { h, text: a.doc.text };
}

test('a key shows its title and description from the schema', () => {
  const { h, text } = hoverAt('spec.commspec.yaml', spec.replace('    beneficiary: families', '    benef|iciary: families'));
  expect(h!.markdown).toContain('**Who benefits** (`beneficiary`)');
  expect(h!.markdown).toContain("Whose lives the outcome changes.");
  expect(h!.markdown).toContain('`parents-and-carers`');
  expect(text.slice(h!.start, h!.end)).toBe('beneficiary');
});

test('a tier id shows the tier from the framework file', () => {
  const { h, text } = hoverAt('spec.commspec.yaml', spec.replace('tiers: [additional, complex]', 'tiers: [additional, comp|lex]'));
  expect(h!.markdown).toContain('**Need tier** `complex`');
  expect(h!.markdown).toContain('Access threshold: `age in 0..18 and agencies_involved >= 3`');
  expect(h!.markdown).toContain('Declared in `framework.commspec.yaml`');
  expect(text.slice(h!.start, h!.end)).toBe('complex');
});

test('a built-in framework tag shows the national outcome', () => {
  const { h } = hoverAt('spec.commspec.yaml', spec.replace('csc-2023/families-stay-together', 'csc-2023/families-stay-tog|ether'));
  expect(h!.markdown).toContain("Children's Social Care National Framework");
  expect(h!.markdown).toMatch(/families-stay-together/);
});

test('a name in an expression shows the indicator it refers to', () => {
  const { h, text } = hoverAt('spec.commspec.yaml', spec.replace('when goals-met >= 80%', 'when goals-m|et >= 80%'));
  expect(h!.markdown).toContain('goals-met');
  expect(h!.markdown).toContain('higher is better');
  expect(text.slice(h!.start, h!.end)).toBe('goals-met');
});

test('a finding under the cursor adds why the rule matters', () => {
  const { h } = hoverAt('spec.commspec.yaml', spec.replace('tiers: [additional, complex]', 'tiers: [additional, compl|x]'));
  expect(h!.markdown).toContain('Why `references/resolve` matters');
  expect(h!.markdown).toContain('look fine in a Word document');
  expect(h!.markdown).toContain('references/resolve.md');
});

test('blank space has no hover', () => {
  const { h } = hoverAt('spec.commspec.yaml', spec.replace('version: "1.0"\n', 'version: "1.0"\n|\n'));
  expect(h).toBeUndefined();
});
