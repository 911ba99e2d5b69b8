import { describe, expect, it } from 'vitest';
import { effectiveRules } from '../../server/src/service/config';
import { allRules } from '../../server/src/service/rules/index';
import { LanguageService } from '../../server/src/service/service';
import { findDirectives } from '../../server/src/service/suppressions';
import { LineIndex } from '../../server/src/service/text';

const uri = '/work/suppressions.commspec.yaml';
const settings = effectiveRules(allRules.map((r) => r.meta), [{ dir: '/', value: { extends: 'all' } }], uri);

/** A valid specification; `summary` and `extra` carry the lines under test. */
function doc(summaryLines: string[], extra: string[] = []): string {
  return [
    'commspec: 1',
    'kind: specification',
    'id: suppressions',
    'title: Residential placements',
    'status: draft',
    ...summaryLines,
    'commissioner:',
    '  lead: London Borough of Havering',
    'outcomes:',
    '  - id: stable-homes',
    '    statement: Children in care live in stable homes.',
    '    indicators:',
    '      - id: placement-stability',
    '        definition: Children in care for 12 months or more with no more than two moves.',
    '        unit: percent',
    '        polarity: higher',
    '        baseline: { value: 68, date: 2025-03-31, source: SSDA903 return, n: 120 }',
    '        target: ">= 75% by 2027-03-31"',
    ...extra,
    '',
  ].join('\n');
}

function run(text: string) {
  const findings = new LanguageService().analyse(uri, text, settings).findings;
  const of = (id: string) => [...new Set(findings.filter((f) => f.ruleId === id).map((f) => f.range.start.line + 1))];
  return { findings, of };
}

const beds = 'summary: Up to 35 beds in the sub-region.';

describe('inline suppression', () => {
  it('baseline: the document reports terminology/beds on the summary line', () => {
    expect(run(doc([beds])).of('terminology/beds')).toEqual([6]);
  });

  it('# commspec-disable-next-line suppresses the next line only, and a reason keeps it quiet', () => {
    const r = run(doc(['# commspec-disable-next-line terminology/beds -- quoting the 2018 tender', beds], ['requirements:', '  - id: req-beds', '    text: Two beds held for emergencies.']));
    expect(r.of('terminology/beds')).toEqual([22]);
    expect(r.of('suppressions/reason')).toEqual([]);
    expect(r.of('suppressions/unused')).toEqual([]);
  });

  it('# commspec-disable-line at the end of the line suppresses that line', () => {
    const r = run(doc([`${beds} # commspec-disable-line terminology/beds -- quoted from the old contract`]));
    expect(r.of('terminology/beds')).toEqual([]);
    expect(r.of('suppressions/unused')).toEqual([]);
  });

  it('# commspec-disable … # commspec-enable suppresses a block', () => {
    const r = run(
      doc(
        ['# commspec-disable terminology/beds -- historical wording kept on purpose', beds, '# commspec-enable terminology/beds'],
        ['requirements:', '  - id: req-beds', '    text: Two beds held for emergencies.'],
      ),
    );
    expect(r.of('terminology/beds')).toEqual([23]);
    expect(r.of('suppressions/unused')).toEqual([]);
  });

  it('a block without enable runs to the end of the file; enable for another rule does not end it', () => {
    const r = run(
      doc(['# commspec-disable terminology/beds -- historical wording', beds, '# commspec-enable governance/deputy'], ['requirements:', '  - id: req-beds', '    text: Two beds held for emergencies.']),
    );
    expect(r.of('terminology/beds')).toEqual([]);
  });

  it('# commspec-disable-file suppresses the rule everywhere', () => {
    const r = run(doc(['# commspec-disable-file terminology/beds -- the board uses this word', beds], ['requirements:', '  - id: req-beds', '    text: Two beds held for emergencies.']));
    expect(r.of('terminology/beds')).toEqual([]);
    expect(r.of('suppressions/reason')).toEqual([]);
  });

  it('a category wildcard suppresses every rule in it', () => {
    const r = run(doc(['# commspec-disable-next-line terminology/* -- quoted', beds]));
    expect(r.of('terminology/beds')).toEqual([]);
    expect(r.of('suppressions/unused')).toEqual([]);
  });

  it('a suppression without a reason still suppresses, and is reported', () => {
    const r = run(doc(['# commspec-disable-next-line terminology/beds', beds]));
    expect(r.of('terminology/beds')).toEqual([]);
    expect(r.of('suppressions/reason')).toEqual([6]);
    const empty = run(doc(['# commspec-disable-next-line terminology/beds --', beds]));
    expect(empty.of('suppressions/reason')).toEqual([6]);
  });

  it('a suppression that suppresses nothing is reported as unused', () => {
    const r = run(doc(['# commspec-disable-next-line governance/deputy -- not needed', beds]));
    expect(r.of('terminology/beds')).toEqual([7]);
    expect(r.of('suppressions/unused')).toEqual([6]);
    expect(r.findings.find((f) => f.ruleId === 'suppressions/unused')?.message).toMatch(/governance\/deputy/);
  });

  it('a # inside a quoted string is not a comment', () => {
    const r = run(doc(['summary: "Up to 35 beds # commspec-disable-line terminology/*"']));
    expect(r.of('terminology/beds')).toEqual([6]);
    expect(r.of('suppressions/unused')).toEqual([]);
    const single = run(doc(["summary: 'Up to 35 beds # commspec-disable-line terminology/*'"]));
    expect(single.of('terminology/beds')).toEqual([6]);
  });

  it('a # line inside a block scalar is text, not a comment', () => {
    const r = run(doc(['summary: |', '  # commspec-disable-next-line terminology/* -- not a comment', '  Up to 35 beds in the sub-region.']));
    expect(r.of('terminology/beds')).toEqual([8]);
    expect(r.of('suppressions/unused')).toEqual([]);
  });

  it('schema errors cannot be suppressed', () => {
    const r = run(doc(['# commspec-disable-next-line -- try to hide everything', 'status_typo: draft']));
    expect(r.findings.some((f) => f.ruleId.startsWith('schema/') && f.range.start.line === 6)).toBe(true);
    expect(r.of('suppressions/unused')).toEqual([6]);
  });

  it('finds directives by line, with their rules and reason', () => {
    const text = 'a: 1 # commspec-disable-line x/y, z/w -- because\n# commspec-enable\nb: "# commspec-disable q/r"\n';
    const ds = findDirectives(new LineIndex(text));
    expect(ds.map((d) => [d.type, d.line, d.rules, d.reason])).toEqual([
      ['disable-line', 0, ['x/y', 'z/w'], 'because'],
      ['enable', 1, [], undefined],
    ]);
  });
});
