import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { root } from '../helpers';

const fixtures = path.join(__dirname, 'fixtures');
const spec = readFileSync(path.join(fixtures, 'spec.commspec.yaml'), 'utf8');
const ret = readFileSync(path.join(fixtures, 'return.commspec.yaml'), 'utf8');

interface Json {
  summary: Record<string, number>;
  indicators: Array<{ indicator: string; period: string; value: number | null; target: number | null; goal: number | null; status: string; reason: string }>;
  outcomes: Array<{ outcome: string; period: string; status: string }>;
  tiers: Array<{ tier: string; period: string; status: string }>;
  payments: Array<{ clause: string; period: string; status: string; amountDue: number | null; cap: number | null; cumulative: number; explanation: string }>;
  findings: Array<{ ruleId: string; severity: string; message: string; line: number; row: number | null }>;
}

function run(files: Record<string, string>, args: string[]) {
  const dir = workspace(files);
  const r = commspec(['monitor', ...args], { cwd: dir });
  return { ...r, dir };
}

function json(files: Record<string, string>, args: string[]): { status: number | null; out: Json; stderr: string } {
  const r = run(files, [...args, '--format', 'json']);
  return { status: r.status, out: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

const cell = (out: Json, indicator: string, period: string) => out.indicators.find((r) => r.indicator === indicator && r.period === period)!;
const pay = (out: Json, clause: string, period: string) => out.payments.find((p) => p.clause === clause && p.period === period)!;

describe('commspec monitor: statuses worked out by hand', () => {
  const { status, out } = json({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': ret }, ['spec.commspec.yaml', 'r.commspec.yaml']);

  it('exits 0: at the latest period stability and moves are on track and attendance at risk, none off track', () => {
    // latest: stability 85% (on track), moves 1.8 (on track), attendance 89% (at risk) → no indicator off track → exit 0
    expect(status).toBe(0);
    expect(out.summary).toMatchObject({ 'on-track': 2, 'at-risk': 1, 'off-track': 0, 'no-data': 0, errors: 0 });
  });

  it('stability follows the straight line from the baseline (60% on 2025-12-31) to 80% on 2026-12-31', () => {
    // 2026-03-31 is 90 days after the baseline date, of 365: expected 60 + 20 × 90/365 = 64.93
    // value 13/20 = 65% ≥ 64.93 → on track
    expect(cell(out, 'stability', '2026-03-31')).toMatchObject({ value: 65, target: 64.93, goal: 80, status: 'on-track' });
    // 2026-06-30: 181 days → 60 + 20 × 181/365 = 69.92; value 14/22 = 63.64; short by 6.28;
    // tolerance 10% of 69.92 = 6.99 ≥ 6.28 → at risk
    const q2 = cell(out, 'stability', '2026-06-30');
    expect(q2.value).toBeCloseTo(63.636, 2);
    expect(q2).toMatchObject({ target: 69.92, status: 'at-risk' });
    // 2026-09-30: 273 days → 60 + 20 × 273/365 = 74.96; value 12/20 = 60%; short by 14.96 > 7.50 → off track
    expect(cell(out, 'stability', '2026-09-30')).toMatchObject({ value: 60, target: 74.96, status: 'off-track' });
    // 2026-12-31: the deadline, expected 80; 17/20 = 85% meets ≥ 80% → on track
    expect(cell(out, 'stability', '2026-12-31')).toMatchObject({ value: 85, target: 80, status: 'on-track' });
  });

  it('moves (lower is better, no deadline): compared with the target level itself', () => {
    // <= 2: 2.5 is 0.5 above; tolerance 10% of 2 = 0.2 → off track
    expect(cell(out, 'moves', '2026-03-31')).toMatchObject({ value: 2.5, target: 2, status: 'off-track' });
    // 2.1 is 0.1 above, within 0.2 → at risk
    expect(cell(out, 'moves', '2026-06-30').status).toBe('at-risk');
    // 2 meets <= 2 → on track; 1.8 → on track
    expect(cell(out, 'moves', '2026-09-30').status).toBe('on-track');
    expect(cell(out, 'moves', '2026-12-31').status).toBe('on-track');
  });

  it('attendance (>= 90%, no deadline): 88% is 2 points short, within 10% of 90 = 9 → at risk; 95% on track', () => {
    expect(cell(out, 'attendance', '2026-03-31').status).toBe('at-risk');
    expect(cell(out, 'attendance', '2026-09-30').status).toBe('on-track');
  });

  it('rolls up outcomes (worst indicator) and tiers (worst outcome applying to the tier)', () => {
    // 2026-09-30: safe-homes has stability off track and moves on track → off track; school on track
    expect(out.outcomes.find((o) => o.outcome === 'safe-homes' && o.period === '2026-09-30')!.status).toBe('off-track');
    expect(out.outcomes.find((o) => o.outcome === 'school' && o.period === '2026-09-30')!.status).toBe('on-track');
    // tier low holds safe-homes only; tier high holds school only
    expect(out.tiers.find((t) => t.tier === 'low' && t.period === '2026-09-30')!.status).toBe('off-track');
    expect(out.tiers.find((t) => t.tier === 'high' && t.period === '2026-09-30')!.status).toBe('on-track');
  });

  it('bonus: up to 10% of annual_fee, paid in proportion to the conditions met, never where annual_fee is not given', () => {
    // 2026-03-31: no annual_fee in the return → cannot be worked out, no amount
    expect(pay(out, 'bonus', '2026-03-31')).toMatchObject({ status: 'cannot-be-worked-out', amountDue: null });
    expect(pay(out, 'bonus', '2026-03-31').explanation).toContain('the returns give no annual_fee for the period ending 2026-03-31');
    // 2026-06-30: 10% of £400,000 = £40,000 × 0 of 3 (63.6% < 80%, 2.1 > 2, 89% < 90%) = £0
    expect(pay(out, 'bonus', '2026-06-30')).toMatchObject({ status: 'due', amountDue: 0, cumulative: 0, cap: 50000 });
    // 2026-12-31: 10% of £600,000 = £60,000 × 2 of 3 (85% ≥ 80% yes, 1.8 ≤ 2 yes, 89% ≥ 90% no) = £40,000,
    // under the £50,000 a year cap (nothing paid earlier in the contract year from 2026-01-01)
    const q4 = pay(out, 'bonus', '2026-12-31');
    expect(q4).toMatchObject({ status: 'due', amountDue: 40000, cumulative: 40000, cap: 50000 });
    expect(q4.explanation).toBe('£40,000 due: 10% of annual_fee £600,000 × 2 of 3 conditions met (stability >= 80% met; moves <= 2 met; attendance >= 90% not met) = £40,000');
  });

  it('per-child: £1,000 × the children claimed, capped at £3,000 a year; no claim → cannot be worked out', () => {
    // 2 × £1,000 = £2,000; then 1 × £1,000 = £1,000 (cumulative £3,000)
    expect(pay(out, 'per-child', '2026-03-31')).toMatchObject({ amountDue: 2000, cumulative: 2000 });
    expect(pay(out, 'per-child', '2026-06-30')).toMatchObject({ amountDue: 1000, cumulative: 3000 });
    // 2 × £1,000 = £2,000, but £3,000 of the £3,000 cap is already due this contract year → £0
    const q3 = pay(out, 'per-child', '2026-09-30');
    expect(q3).toMatchObject({ amountDue: 0, cumulative: 3000, cap: 3000 });
    expect(q3.explanation).toContain('capped at £3,000 a year');
    expect(pay(out, 'per-child', '2026-12-31')).toMatchObject({ status: 'cannot-be-worked-out', amountDue: null, cumulative: 3000 });
  });

  it('a rule needing a field the returns never give: cannot be worked out, with the reason, at every period', () => {
    for (const p of ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']) {
      const x = pay(out, 'needs-field', p);
      expect(x.status).toBe('cannot-be-worked-out');
      expect(x.amountDue).toBeNull();
      expect(x.explanation).toContain('local_rate');
    }
    // total due: bonus £40,000 + per-child £3,000
    expect(out.summary.totalDue).toBe(43000);
  });

  it('--tolerance changes the at-risk band: with 5%, stability on 2026-06-30 (short by 6.28 of 69.92; 5% = 3.50) is off track', () => {
    const r = json({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': ret }, ['spec.commspec.yaml', 'r.commspec.yaml', '--tolerance', '5']);
    expect(cell(r.out, 'stability', '2026-06-30').status).toBe('off-track');
    // and attendance 89% at the end: 1 short of 90, 5% of 90 = 4.5 → still at risk
    expect(cell(r.out, 'attendance', '2026-12-31').status).toBe('at-risk');
  });

  it('exits 1 when an indicator is off track at its latest period', () => {
    const worse = ret.replace('stability: { numerator: 17, denominator: 20 }', 'stability: { numerator: 12, denominator: 20 }');
    // 12/20 = 60% against 80% due 2026-12-31: short by 20 > 8 → off track
    const r = json({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': worse }, ['spec.commspec.yaml', 'r.commspec.yaml']);
    expect(r.status).toBe(1);
    expect(cell(r.out, 'stability', '2026-12-31').status).toBe('off-track');
  });
});

describe('commspec monitor: diagnostics on the returns', () => {
  it('unknown indicator, out of range, outside the term, duplicate, numerator above denominator, small base: exit 2', () => {
    const bad = `commspec: 1
kind: return
specification: { id: monitor-test, path: ./spec.commspec.yaml }
periods:
  - end: 2026-03-31
    values:
      stabilty: 70
      attendance: 120
      moves: { numerator: 3, denominator: 2 }
      stability: { numerator: 9, denominator: 12 }
  - end: 2028-03-31
    values:
      moves: 2
  - end: 2026-03-31
    values:
      attendance: 90
`;
    const r = json({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': bad }, ['spec.commspec.yaml', 'r.commspec.yaml']);
    expect(r.status).toBe(2);
    const f = r.out.findings.map((x) => `${x.line} ${x.severity} ${x.ruleId} ${x.message}`);
    expect(f).toContain("7 error returns/unknown-indicator 'stabilty' is not an indicator of the specification monitor-test: did you mean 'stability'?");
    expect(f).toContain('8 error returns/range 120% is not possible for attendance, which is a percentage from 0 to 100');
    expect(f).toContain("10 warning returns/small-base stability for the period ending 2026-03-31 is based on 12 children or families, fewer than the 20 the specification's minimum_n asks for: treat the percentage with caution");
    expect(f).toContain('13 warning returns/outside-term The period ending 2028-03-31 is outside the contract term (2026-01-01 to 2027-12-31): check the date');
    expect(f.find((x) => x.startsWith('16 error returns/duplicate-period'))).toMatch(/attendance already has a value for the period ending 2026-03-31 \(line 8\)/);
    // moves is a count: a numerator above the denominator is allowed (an average of 1.5 moves)
    expect(f.some((x) => x.includes('returns/numerator'))).toBe(false);
  });

  it('numerator above denominator for a percentage, and a missing quarter', () => {
    const bad = `commspec: 1
kind: return
specification: { id: monitor-test }
periods:
  - end: 2026-03-31
    values: { stability: { numerator: 25, denominator: 20 }, moves: 2 }
  - end: 2026-09-30
    values: { moves: 2 }
`;
    const r = json({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': bad }, ['spec.commspec.yaml', 'r.commspec.yaml']);
    const f = r.out.findings.map((x) => `${x.ruleId} ${x.message}`);
    expect(f).toContain('returns/numerator The numerator for stability in the period ending 2026-03-31 (25) is larger than the denominator (20): the children counted must be among those in the denominator');
    expect(f).toContain('returns/missing-period moves is reported quarterly, but there is no value between 2026-03-31 and 2026-09-30 (expected about 2026-06-30)');
    // and the missing quarter shows as no-data in the results
    expect(cell(r.out, 'moves', '2026-06-30')).toBeUndefined();
  });

  it('schema problems in a return are reported by commspec lint too (kind: return is a document kind)', () => {
    const dir = workspace({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': 'commspec: 1\nkind: return\nspecification: { id: monitor-test, path: spec.commspec.yaml }\nperiods:\n  - end: 2026-03-31\n    values: { stability: lots }\n' });
    const r = commspec(['lint', 'r.commspec.yaml', '--format', 'json'], { cwd: dir });
    const [res] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    // the word is reported once, by the schema (not again by returns/value)
    expect(res.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['6 schema/shape']);
    const clean = commspec(['lint', path.join(root, 'examples', 'returns', 'ne-london-residential.return.commspec.yaml')]);
    expect(clean.status).toBe(0);
  });

  it('usage errors exit 2 with a message', () => {
    const dir = workspace({ 'spec.commspec.yaml': spec, 'r.commspec.yaml': ret });
    expect(commspec(['monitor', 'spec.commspec.yaml'], { cwd: dir }).status).toBe(2);
    const wrong = commspec(['monitor', 'r.commspec.yaml', 'spec.commspec.yaml'], { cwd: dir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('r.commspec.yaml is a return, not a specification');
    expect(commspec(['monitor', 'spec.commspec.yaml', 'nope.csv'], { cwd: dir }).stderr).toContain('No such file or folder: nope.csv');
  });
});

describe('commspec monitor: CSV returns', () => {
  it('a BOM, semicolons, a header in another order, Excel date serials, "85%", "1,200", decimal commas and blank lines', () => {
    // 46112 is 2026-03-31 and 46203 is 2026-06-30 (days since 1899-12-30)
    const csv = '\uFEFFperiod;value;indicator;notes;numerator;denominator;n\n\n46112;;stability;;13;20;\n46112;"2,5";moves;"a note; with a semicolon";;;\n46112;88%;attendance;;;;1,200\n\n2026-06-30;;stability;;14;22;\n30/06/2026;2,1;moves;;;;\n2026-06-30;89;attendance;;;;\n2026-06-30;"400,000";annual_fee;;;;\n';
    // in a semicolon file "2,5" is 2.5 (a decimal comma) and "1,200" 1200; "400,000" has thousands groups: 400000
    const r = json({ 'spec.commspec.yaml': spec, 'r.csv': csv }, ['spec.commspec.yaml', 'r.csv']);
    expect(r.out.findings).toEqual([]);
    expect(cell(r.out, 'stability', '2026-03-31')).toMatchObject({ value: 65, status: 'on-track' });
    expect(cell(r.out, 'moves', '2026-03-31')).toMatchObject({ value: 2.5, status: 'off-track' });
    expect(cell(r.out, 'attendance', '2026-03-31')).toMatchObject({ value: 88, status: 'at-risk' });
    expect(cell(r.out, 'moves', '2026-06-30')).toMatchObject({ value: 2.1, status: 'at-risk' });
    // annual_fee from the CSV feeds the bonus: 10% of £400,000 × 0 of 3 = £0
    expect(pay(r.out, 'bonus', '2026-06-30')).toMatchObject({ status: 'due', amountDue: 0 });
  });

  it('bad cells: an error naming the row and the column, and no row dropped in silence', () => {
    const csv = 'indicator,period,value,n\nstability,2026-03-31,abc,\nmoves,2026-13-01,2,\n,2026-03-31,2,\nattendance,2026-03-31,,\nattendance,2026-03-31,90,12.5\nmoves,2026-03-31,"2\n';
    const r = json({ 'spec.commspec.yaml': spec, 'r.csv': csv }, ['spec.commspec.yaml', 'r.csv']);
    expect(r.status).toBe(2);
    const f = r.out.findings.map((x) => `${x.row ?? '-'} ${x.message}`);
    expect(f).toEqual(
      expect.arrayContaining([
        "2 Row 2, column value: 'abc' is not a number (write 85 or 85% for a percentage, 1200 or 1,200 for a number)",
        "3 Row 3, column period: '2026-13-01' is not a real date",
        '4 Row 4, column indicator: empty; give the indicator id (or data field name) the row is for',
        '5 Row 5: no value for attendance in the period ending 2026-03-31; give a value, or a numerator and denominator (leave the row out if there is nothing to report)',
        '6 Row 6, column n: the base size is a whole number of children or families, not 12.5',
      ]),
    );
    expect(f.some((x) => /Row 7: a quoted cell opens here and never closes/.test(x))).toBe(true);
    expect(r.out.indicators.filter((x) => x.value !== null)).toEqual([]);
  });

  it('a header without the period column, and an unknown column (reported, not silently ignored)', () => {
    const r = json({ 'spec.commspec.yaml': spec, 'r.csv': 'indicator,when,value\nmoves,2026-03-31,2\n' }, ['spec.commspec.yaml', 'r.csv']);
    expect(r.status).toBe(2);
    expect(r.out.findings.map((x) => `${x.row} ${x.message}`)).toEqual([
      "1 The header row has no 'period' column: the first row must name the columns, for example indicator,period,value,numerator,denominator,n,notes",
      "1 Column 'when' is not one commspec reads, so it is ignored: the columns are indicator, period, value, numerator, denominator, n, notes",
    ]);
  });
});

describe('commspec monitor: the bundled examples', () => {
  it('NELCP: off track indicators (exit 1), the innovation clause pays partly', () => {
    const r = commspec(['monitor', 'examples/ne-london-residential.commspec.yaml', 'examples/returns/ne-london-residential.return.commspec.yaml', '-f', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(new Set(out.indicators.map((x) => x.period)).size).toBeGreaterThanOrEqual(6);
    // 2027-08-31: 7% of £1,200,000 = £84,000 × 1 of 2 conditions (14/17 = 82.4% heard ≥ 80% yes; 22/28 = 78.6% stability ≥ 85% no) = £42,000
    expect(pay(out, 'innovation-clause', '2027-08-31')).toMatchObject({ amountDue: 42000, cap: 84000 });
    expect(out.summary['off-track']).toBeGreaterThan(0);
  });

  it('early help from CSV: stylish text and markdown', () => {
    const args = ['monitor', 'examples/early-help-family-support.commspec.yaml', 'examples/returns/early-help-family-support.returns.csv'];
    const text = commspec(args);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/✖ Off track step-up-rate +2027-09-30 +15\.2%/);
    // 40 families × £800 = £32,000
    expect(text.stdout).toContain('2027-09-30  £32,000 due: £800 × 40 families claimed');
    const md = commspec([...args, '--format', 'markdown']);
    expect(md.stdout).toContain('| Indicator | Period | Value | Expected | Target | Status | Why |');
    expect(md.stdout).toContain('| pbr-sustained-family | 2027-09-30 | £32,000 | £90,000 a year | £68,000 |');
  });
});
