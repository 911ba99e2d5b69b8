import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecifications, formatDiffMarkdown, formatDiffText, diffLabels } from '../../server/src/service/export/diff';
import { commspec, workspace } from '../cli/run';
import { root } from '../helpers';
import { analyseFile, analyseText, exportFixtures } from './helpers';

const OLD = path.join(exportFixtures, 'ne-london-residential-v1.1.commspec.yaml');
// a frozen copy of the example at version 1.2, so editing the example does not change the planted diff
const NEW = path.join(exportFixtures, 'ne-london-residential-v1.2.commspec.yaml');
const oldModel = analyseFile(OLD).model;
const newModel = analyseFile(NEW).model;

/** The changes planted in the v1.1 fixture, in the order the diff lists them. */
const planted: Array<[string, string | undefined, string | undefined, string | undefined]> = [
  // [code, id, before, after]
  ['version-changed', undefined, '1.1', '1.2'],
  ['date-tender-deadline-moved', undefined, '9 January 2026', '16 January 2026'],
  ['outcome-removed', 'family-contact', 'Young people keep in touch with the family members and friends who matter to them.', undefined],
  ['outcome-statement-changed', 'close-to-home', 'Young people live close to their family, school and community.', 'Young people live close to their family, school and community, where that is safe for them.'],
  ['outcome-added', 'skilled-stable-staff', undefined, 'Young people are cared for by skilled, well-supported staff who stay.'],
  ['indicator-removed', 'family-contact-kept', undefined, undefined],
  ['indicator-target-raised', 'placement-stability', '>= 80% by 2028-08-31', '>= 85% by 2028-08-31'],
  // lower is better: a lower maximum is a raised target
  ['indicator-target-raised', 'placement-moves', '<= 3 moves in 12 months', '<= 2 moves in 12 months'],
  ['indicator-target-lowered', 'local-placements', '>= 80% by 2028-08-31', '>= 75% by 2028-08-31'],
  ['indicator-baseline-raised', 'local-placements', '39%', '41%'],
  ['indicator-added', 'staff-turnover', undefined, undefined],
  ['safeguarding-checks-added', undefined, undefined, undefined],
  ['requirement-added', 'req-data', undefined, "Quarterly outcome returns to the brokerage data warehouse in the Partnership's format."],
  ['price-ceiling-raised', 'high', '£6,000', '£6,200'],
  ['award-weight-lowered', 'aw-outcomes', '35%', '30%'],
  ['criterion-added', 'aw-workforce', undefined, 'Workforce stability and training, 5%'],
  ['theory-of-change-outcomes-item-removed', undefined, 'family-contact', undefined],
  ['theory-of-change-outcomes-item-added', undefined, undefined, 'skilled-stable-staff'],
];

describe('diffSpecifications', () => {
  const changes = diffSpecifications(oldModel, newModel);

  it('finds exactly the planted changes, in document order', () => {
    expect(changes.map((c) => [c.code, c.id])).toEqual(planted.map(([code, id]) => [code, id]));
    planted.forEach(([code, id, before, after], i) => {
      if (before !== undefined) expect(changes[i].before, `${code} ${id}`).toBe(before);
      if (after !== undefined) expect(changes[i].after, `${code} ${id}`).toBe(after);
    });
  });

  it('says what changed in words, with the sections a bidder knows', () => {
    const byCode = (code: string, id?: string) => changes.find((c) => c.code === code && (id === undefined || c.id === id))!;
    expect(byCode('indicator-target-raised', 'placement-moves').message).toBe("Indicator 'placement-moves': target raised (more demanding): the new target sets a lower maximum (<= 2 moves in 12 months against <= 3 moves in 12 months)");
    expect(byCode('date-tender-deadline-moved').message).toBe('Tender deadline moved later');
    expect(byCode('safeguarding-checks-added').message).toBe('Checks before starting work: added Overseas criminal records checks');
    expect(byCode('price-ceiling-raised').message).toBe("Price ceiling for level of need 'high', per week raised");
    expect(byCode('outcome-added').path).toEqual(['outcomes', 5]);
    expect(byCode('indicator-target-lowered').path).toEqual(['outcomes', 1, 'indicators', 0, 'target']);
    expect(new Set(changes.map((c) => c.section))).toEqual(new Set(['Identity and status', 'Dates', 'Outcomes', 'Indicators', 'Safeguarding', 'Requirements', 'Budget and prices', 'Award criteria', 'Theory of change']));
  });

  it('is empty for the same document, and symmetric in what it finds', () => {
    expect(diffSpecifications(newModel, newModel)).toEqual([]);
    const back = diffSpecifications(newModel, oldModel).map((c) => c.code);
    expect(back).toContain('outcome-added');
    expect(back).toContain('outcome-removed');
    expect(back.filter((c) => c === 'indicator-target-lowered')).toHaveLength(2);
    expect(back).toContain('indicator-target-raised');
    expect(back).toContain('date-tender-deadline-moved');
  });

  it('tells a reworded target from a changed one, and copes with documents that are partly invalid', () => {
    const text = readFileSync(NEW, 'utf8');
    const reworded = analyseText(text.replace('target: ">= 85% by 2028-08-31"', 'target: "at least 85% by 2028-08-31"'), 'reworded.commspec.yaml').model;
    expect(diffSpecifications(newModel, reworded).map((c) => c.code)).toEqual(['indicator-target-reworded']);
    const broken = analyseText(text.replace('outcomes:\n  - id: stable-homes', 'outcomes:\n  - id: stable-homes\n    statement: [not, text]\n    extra: 1\n  - id: stable-homes-2'), 'broken.commspec.yaml').model;
    const changes = diffSpecifications(newModel, broken);
    expect(changes.some((c) => c.code === 'outcome-added' && c.id === 'stable-homes-2')).toBe(true);
    const garbage = analyseText('commspec: 1\nkind: specification\noutcomes: 7\n', 'garbage.commspec.yaml').model;
    expect(diffSpecifications(newModel, garbage).filter((c) => c.code === 'outcome-removed')).toHaveLength(6);
  });

  it('formats as text and Markdown with the old and new values', () => {
    const labels = diffLabels(oldModel, newModel);
    const textOut = formatDiffText(changes, labels);
    expect(textOut.split('\n')[0]).toBe('Changes to Residential placements for children in care aged 11 to 17 in North-East London from version 1.1 to version 1.2: 18 changes');
    expect(textOut).toContain("\nIndicators\n  - Indicator 'family-contact-kept' removed from outcome 'family-contact'\n");
    expect(textOut).toContain("  - Indicator 'placement-stability': target raised (more demanding): the new target sets a higher minimum");
    expect(textOut).toContain('      was: >= 80% by 2028-08-31\n      now: >= 85% by 2028-08-31\n');
    const md = formatDiffMarkdown(changes, labels);
    expect(md).toContain('### Award criteria\n\n| Change | Was | Now |\n| --- | --- | --- |\n');
    expect(md).toContain("| Award criterion 'aw-outcomes': weight lowered | 35% | 30% |");
    expect(md).toContain("| Indicator 'local-placements': target lowered (less demanding): the new target sets a lower minimum (\\>= 75% by 2028-08-31 against \\>= 80% by 2028-08-31) | \\>= 80% by 2028-08-31 | \\>= 75% by 2028-08-31 |");
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) {
      expect(line.split(/(?<!\\)\|/).length, line).toBe(5);
    }
  });
});

describe('commspec diff', () => {
  it('prints the changes as text by default', () => {
    const r = commspec(['diff', OLD, NEW]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(formatDiffText(diffSpecifications(oldModel, newModel), diffLabels(oldModel, newModel)));
  });

  it('prints Markdown and JSON', () => {
    const md = commspec(['diff', OLD, NEW, '--format', 'markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout.startsWith('## Changes to Residential placements')).toBe(true);
    expect(md.stdout).toContain('### Indicators');
    const json = commspec(['diff', OLD, NEW, '-f', 'json']);
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.from).toEqual({ id: 'ne-london-residential', version: '1.1', title: newModel.value.title });
    expect(data.to.version).toBe('1.2');
    expect(data.count).toBe(planted.length);
    expect(data.changes.map((c: { code: string }) => c.code)).toEqual(planted.map(([code]) => code));
  });

  it('with --exit-code, exits 1 when there are changes and 0 when there are none', () => {
    expect(commspec(['diff', OLD, NEW, '--exit-code']).status).toBe(1);
    const same = commspec(['diff', NEW, NEW, '--exit-code']);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain(': no changes');
  });

  it('writes to a file with -o', () => {
    const dir = workspace({});
    const r = commspec(['diff', OLD, NEW, '-f', 'markdown', '-o', 'notice.md'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'notice.md'), 'utf8')).toContain('| Version changed | 1.1 | 1.2 |');
  });

  it('exits 2 for usage problems and 1 for a file that is not a commspec document', () => {
    expect(commspec(['diff', OLD]).status).toBe(2);
    expect(commspec(['diff', OLD, 'examples/havering-framework.commspec.yaml']).status).toBe(2);
    expect(commspec(['diff', OLD, 'nope.commspec.yaml']).status).toBe(2);
    expect(commspec(['diff', OLD, NEW, '-f', 'html']).status).toBe(2);
    const dir = workspace({ 'bad.commspec.yaml': 'title: [unclosed\n' });
    const r = commspec(['diff', OLD, 'bad.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.commspec.yaml cannot be read as a commspec document');
  });
});
