import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanguageService } from '../server/src/service/service';
import { fileHost } from '../cli/src/host';
import { examplePaths, root } from './helpers';

const service = new LanguageService(fileHost());
const lint = (rel: string) => {
  const file = path.join(root, 'examples', rel);
  return service.analyse(file, readFileSync(file, 'utf8')).findings;
};
const at = (rel: string) => new Set(lint(rel).map((f) => `${f.range.start.line + 1} ${f.ruleId}`));

describe('the good examples', () => {
  const good = examplePaths({ flawed: false }).map((p) => path.relative(path.join(root, 'examples'), p));

  it('are at least six specifications, a framework and a bid', () => {
    expect(good.length).toBeGreaterThanOrEqual(7);
  });

  for (const rel of good) {
    it(`${rel} lints clean`, () => {
      expect(lint(rel).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`)).toEqual([]);
    });
  }
});

describe('the flawed examples report their planted problems (examples/README.md lists them)', () => {
  it('activity-led-youth-service: bad practice that is valid YAML and schema', () => {
    const found = at('flawed/activity-led-youth-service.commspec.yaml');
    const planted = [
      '21 terminology/outdated-bodies',
      '23 terminology/outdated-bodies',
      '33 terminology/beds',
      '42 outcomes/output-not-outcome',
      '59 outcomes/output-not-outcome',
      '65 indicators/data-source',
      '65 indicators/comparator',
      '69 indicators/baseline-source',
      '94 safeguarding/escalation',
      '94 safeguarding/training',
      '108 value-for-money/outcome-payment-terms',
      '112 value-for-money/savings-protection',
      '116 value-for-money/award-weights',
      '116 value-for-money/price-only',
      '126 governance/deputy',
    ];
    for (const p of planted) expect(found, p).toContain(p);
    expect([...found].filter((f) => /schema\/|yaml\//.test(f))).toEqual([]);
  });

  it('quickcare-residential-bid: every planted bid problem, and nothing else', () => {
    const found = [...at('flawed/bids/quickcare-residential-bid.commspec.yaml')].sort();
    expect(found).toEqual(
      [
        '9 bids/current-version',
        '15 bids/consortium',
        '25 references/resolve',
        '27 bids/outcomes-answered',
        '32 bids/target-ambition',
        '55 bids/price-ceilings',
        '63 bids/partial-explained',
      ].sort(),
    );
    const version = lint('flawed/bids/quickcare-residential-bid.commspec.yaml').find((f) => f.ruleId === 'bids/current-version')!;
    expect(version.message).toMatch(/What changed since 1\.0: 1\.2 \(2025-11-14\).*1\.1 \(2025-10-24\)/);
  });

  it('broken-schema: one finding for each planted problem, at its line', () => {
    const found = at('flawed/broken-schema.commspec.yaml');
    const planted = [
      '6 schema/enum',
      '9 schema/format',
      '11 schema/type',
      '18 schema/required',
      '19 schema/unknown-key',
      '28 expressions/references',
      '30 schema/required',
      '41 structure/unique-ids',
      '46 expressions/types',
    ];
    for (const p of planted) expect(found, p).toContain(p);
  });
});
