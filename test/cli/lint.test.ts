import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers';
import { commspec, examplesCopy, workspace } from './run';

const minimal = fixture('language/minimal.commspec.yaml');
const broken = minimal.replace('status: draft', 'status: drafted');

describe('commspec lint', () => {
  it('exits 0 on the good examples', () => {
    const r = commspec(['lint', 'examples', '--ignore-pattern', '**/flawed/**', '--rule', 'outcomes/output-not-outcome:warning']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 1 and reports the flawed examples, with file:line:col, severity, message and rule id', () => {
    const r = commspec(['lint', 'examples/flawed']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/examples\/flawed\/broken-schema\.commspec\.yaml\n/);
    expect(r.stdout).toMatch(/^ {2}\d+:\d+ +error +.+ {2}schema\/unknown-key$/m);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?/);
  });

  it('keeps going after a broken file and reports every file', () => {
    const dir = workspace({ 'a.commspec.yaml': 'key: [unclosed\n', 'b.commspec.yaml': broken, 'c.commspec.yaml': '' });
    const r = commspec(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    expect(results.map((x) => path.basename(x.filePath))).toEqual(['a.commspec.yaml', 'b.commspec.yaml', 'c.commspec.yaml']);
    expect(results[0].messages.map((m) => m.ruleId)).toContain('yaml/syntax');
    expect(results[1].messages.find((m) => m.ruleId === 'schema/enum')).toMatchObject({ line: 5, column: 9 });
    expect(results[2].messages.map((m) => m.ruleId)).toEqual(['yaml/empty']);
  });

  it('prints JSON with 1-based positions and counts', () => {
    const dir = workspace({ 'spec.commspec.yaml': broken });
    const r = commspec(['lint', 'spec.commspec.yaml', '-f', 'json', '--quiet'], { cwd: dir });
    const [res] = JSON.parse(r.stdout);
    expect(res.errorCount).toBe(res.messages.length);
    expect(res.warningCount).toBe(0);
    expect(res.messages.find((m: { ruleId: string }) => m.ruleId === 'schema/enum')).toMatchObject({ ruleId: 'schema/enum', severity: 'error', line: 5, column: 9, endLine: 5, endColumn: 16 });
  });

  it('uses colour only on a terminal (or when forced)', () => {
    const dir = workspace({ 'spec.commspec.yaml': broken });
    const plain = commspec(['lint', '.'], { cwd: dir });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = commspec(['lint', '.', '--color'], { cwd: dir });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });

  it('exits 2 on a usage problem: an unknown format, a missing path, an unknown option', () => {
    expect(commspec(['lint', 'examples', '--format', 'nope']).status).toBe(2);
    const missing = commspec(['lint', 'no-such-folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No such file or folder: no-such-folder/);
    expect(commspec(['lint', '--frobnicate']).status).toBe(2);
    const empty = workspace({ 'readme.txt': 'nothing here' });
    const none = commspec(['lint', '.'], { cwd: empty });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/No commspec documents/);
  });

  it('exits 2 when a file cannot be read, after reporting the others', () => {
    const dir = workspace({ 'ok.commspec.yaml': minimal });
    const r = commspec(['lint', 'ok.commspec.yaml', 'missing.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
  });

  it('lints standard input under --stdin-filename', () => {
    const r = commspec(['lint', '--stdin', '--stdin-filename', 'draft.commspec.yaml', '-f', 'json'], { input: broken });
    expect(r.status).toBe(1);
    const [res] = JSON.parse(r.stdout);
    expect(path.basename(res.filePath)).toBe('draft.commspec.yaml');
  });

  it('applies --max-warnings', () => {
    const dir = workspace({ 'spec.commspec.yaml': minimal });
    const off = ['--rule', 'safeguarding/section:off'];
    const loose = commspec(['lint', '.', '-f', 'json', ...off], { cwd: dir });
    const warnings = JSON.parse(loose.stdout)[0].warningCount as number;
    expect(warnings).toBeGreaterThan(0);
    expect(loose.status).toBe(0);
    expect(commspec(['lint', '.', ...off, '--max-warnings', String(warnings)], { cwd: dir }).status).toBe(0);
    expect(commspec(['lint', '.', ...off, '--max-warnings', String(warnings - 1)], { cwd: dir }).status).toBe(1);
  });

  it('applies --rule overrides and rejects unknown rules', () => {
    const dir = workspace({ 'spec.commspec.yaml': minimal.replace('"<= 5% by 2028-03-31"', '"<= £5 by 2028-03-31"') });
    const off = ['--rule', 'safeguarding/section:off'];
    expect(commspec(['lint', '.', ...off], { cwd: dir }).status).toBe(1);
    expect(commspec(['lint', '.', ...off, '--rule', 'expressions/types:warning'], { cwd: dir }).status).toBe(0);
    const bad = commspec(['lint', '.', '--rule', 'no/such-rule:off'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/there is no rule 'no\/such-rule'/);
  });

  it('never writes to the files it lints', () => {
    const dir = examplesCopy();
    const file = path.join(dir, 'examples', 'ne-london-residential.commspec.yaml');
    const before = readFileSync(file);
    commspec(['lint', 'examples'], { cwd: dir });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('prints help with exit codes and examples', () => {
    const r = commspec(['lint', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:/);
    expect(r.stdout).toMatch(/commspec lint examples/);
  });
});

describe('a clean run', () => {
  it('says how many documents were checked, so a first-time user knows the check ran; --quiet stays silent', () => {
    const r = commspec(['lint', 'examples', '--ignore-pattern', '**/flawed/**']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^✔ \d+ documents checked, no problems\n$/);
    const quiet = commspec(['lint', 'examples', '--ignore-pattern', '**/flawed/**', '--quiet']);
    expect(quiet.stdout).toBe('');
  });
});
