// The monitor's checks of a return against its specification, through `commspec lint` (the CLI binary):
// kind: return documents get the returns/* rules, not only schema diagnostics.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';

const spec = readFileSync(path.join(__dirname, 'fixtures', 'spec.commspec.yaml'), 'utf8');

const broken = `commspec: 1
kind: return
specification: { id: monitor-test, path: spec.commspec.yaml }
periods:
  - end: 2026-03-31
    values:
      stabilty: 70
      moves: -1
      attendance: { numerator: 30, denominator: 20 }
  - end: 2026-06-30
    values:
      stability: { numerator: 10, denominator: 12 }
      moves: 2
      attendance: 88
  - end: 2026-06-30
    values:
      moves: 2.1
  - end: 2028-03-31
    values:
      moves: 2
`;

interface LintJson {
  filePath: string;
  messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
}

describe('commspec lint on a return: checked against the specification it links to', () => {
  const dir = workspace({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': broken });
  const r = commspec(['lint', 'r.commspec.yaml', '--format', 'json'], { cwd: dir });
  const [res] = JSON.parse(r.stdout) as LintJson[];
  const found = res.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

  it('exits 1 (errors) and reports every check on the exact line and column', () => {
    expect(r.status).toBe(1);
    expect(found).toEqual([
      '7:7 returns/unknown-indicator',
      '8:7 returns/range',
      '9:7 returns/numerator',
      '12:7 returns/small-base',
      '17:7 returns/duplicate-period',
      '20:7 returns/missing-period',
      '20:7 returns/outside-term',
    ]);
  });

  it('says what is wrong in the commissioner’s words, with the suggestion and the figures', () => {
    const msg = (id: string) => res.messages.find((m) => m.ruleId === id)!.message;
    expect(msg('returns/unknown-indicator')).toBe("'stabilty' is not an indicator of the specification monitor-test: did you mean 'stability'?");
    expect(msg('returns/range')).toBe('-1 is not possible for moves, which is a count of 0 or more');
    expect(msg('returns/numerator')).toContain('(30) is larger than the denominator (20)');
    // stability's minimum_n is 20; 12 children
    expect(msg('returns/small-base')).toContain("based on 12 children or families, fewer than the 20 the specification's minimum_n asks for");
    expect(msg('returns/duplicate-period')).toContain('moves already has a value for the period ending 2026-06-30 (line 13)');
    expect(msg('returns/outside-term')).toContain('outside the contract term (2026-01-01 to 2027-12-31)');
    expect(msg('returns/missing-period')).toContain('no value between 2026-06-30 and 2028-03-31');
    const sev = Object.fromEntries(res.messages.map((m) => [m.ruleId, m.severity]));
    expect(sev).toMatchObject({ 'returns/unknown-indicator': 'error', 'returns/range': 'error', 'returns/numerator': 'error', 'returns/duplicate-period': 'error', 'returns/small-base': 'warning', 'returns/outside-term': 'warning', 'returns/missing-period': 'warning' });
  });

  it('a specification that cannot be found is reported on its path (returns/specification-found)', () => {
    const d = workspace({ 'r.commspec.yaml': broken.replace('path: spec.commspec.yaml', 'path: nowhere.commspec.yaml') });
    const x = commspec(['lint', 'r.commspec.yaml', '--format', 'json'], { cwd: d });
    const [y] = JSON.parse(x.stdout) as LintJson[];
    expect(y.messages.map((m) => `${m.line} ${m.ruleId}: ${m.message}`)).toEqual([
      "3 returns/specification-found: The specification file nowhere.commspec.yaml cannot be found or read: check the path, relative to this return. Until it is found, this return's values cannot be checked against the contract",
    ]);
  });

  it('a suppression comment silences a returns check like any other rule', () => {
    const d = workspace({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': broken.replace('      moves: -1\n', '      # commspec-disable-next-line returns/range -- testing\n      moves: -1\n') });
    const [y] = JSON.parse(commspec(['lint', 'r.commspec.yaml', '--format', 'json'], { cwd: d }).stdout) as LintJson[];
    expect(y.messages.map((m) => m.ruleId)).not.toContain('returns/range');
    expect(y.messages.map((m) => m.ruleId)).toContain('returns/numerator');
  });

  it('commspec rules lists the returns checks, for kind return', () => {
    const rules = JSON.parse(commspec(['rules', '--format', 'json']).stdout) as Array<{ id: string; kinds: string[]; severity: string; docs: string }>;
    const mine = rules.filter((x) => x.id.startsWith('returns/'));
    expect(mine.map((x) => x.id).sort()).toEqual(['returns/duplicate-period', 'returns/missing-period', 'returns/numerator', 'returns/outside-term', 'returns/range', 'returns/small-base', 'returns/specification-found', 'returns/unknown-indicator', 'returns/value']);
    for (const x of mine) expect(x.kinds).toEqual(['return']);
    expect(mine.find((x) => x.id === 'returns/range')!.docs).toMatch(/docs\/rules\/returns\/range\.md$/);
  });

  it('the bundled examples lint clean (the one known small base is suppressed with its reason)', () => {
    const x = commspec(['lint', 'examples', '--ignore-pattern', '**/flawed/**']);
    expect(x.stdout).toBe('✔ 8 documents checked, no problems\n');
    expect(x.status).toBe(0);
    const j = JSON.parse(commspec(['lint', 'examples', '--ignore-pattern', '**/flawed/**', '--format', 'json']).stdout) as LintJson[];
    expect(j.find((f) => f.filePath.endsWith('ne-london-residential.return.commspec.yaml'))?.messages).toEqual([]);
  });
});
