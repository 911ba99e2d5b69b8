import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, root } from '../helpers';
import { commspec, workspace } from './run';
import { generatedSpec, onlyRules } from './scenario';

const minimal = fixture('language/minimal.commspec.yaml');
const broken = minimal.replace('status: draft', 'status: drafted');

function linted(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => path.relative(dir, r.filePath).replace(/\\/g, '/'));
}

describe('which files are linted', () => {
  const tree = {
    'a.commspec.yaml': minimal,
    'drafts/b.commspec.yaml': minimal,
    'drafts/keep.commspec.yaml': minimal,
    'specs/c.commspec.yml': minimal,
    'specs/notes.yaml': 'not a commspec document',
    'node_modules/pkg/d.commspec.yaml': broken,
    '.git/e.commspec.yaml': broken,
    'specs/node_modules/f.commspec.yaml': broken,
  };

  it('searches folders for *.commspec.yaml and *.commspec.yml, skipping node_modules and .git', () => {
    const dir = workspace(tree);
    const r = commspec(['lint', '-f', 'json'], { cwd: dir });
    expect(linted(r.stdout, dir)).toEqual(['a.commspec.yaml', 'drafts/b.commspec.yaml', 'drafts/keep.commspec.yaml', 'specs/c.commspec.yml']);
    const globbed = commspec(['lint', '**/*.commspec.yaml', '-f', 'json'], { cwd: dir });
    expect(linted(globbed.stdout, dir)).toEqual(['a.commspec.yaml', 'drafts/b.commspec.yaml', 'drafts/keep.commspec.yaml']);
  });

  it('leaves out files matching .commspecignore (gitignore syntax, negation included)', () => {
    const dir = workspace({ ...tree, '.commspecignore': '# drafts are not checked\ndrafts/\n!drafts/keep.commspec.yaml\n*.yml\n' });
    const r = commspec(['lint', '-f', 'json'], { cwd: dir });
    // a folder ignored with a trailing slash cannot be re-included file by file (as in git)
    expect(linted(r.stdout, dir)).toEqual(['a.commspec.yaml']);
    const dir2 = workspace({ ...tree, '.commspecignore': 'drafts/*\n!drafts/keep.commspec.yaml\n' });
    expect(linted(commspec(['lint', '-f', 'json'], { cwd: dir2 }).stdout, dir2)).toEqual(['a.commspec.yaml', 'drafts/keep.commspec.yaml', 'specs/c.commspec.yml']);
  });

  it('applies --ignore-pattern from the current folder, also to files named on the command line', () => {
    const dir = workspace(tree);
    const r = commspec(['lint', '.', 'drafts/b.commspec.yaml', '--ignore-pattern', 'drafts/b.*', '--ignore-pattern', 'specs', '-f', 'json'], { cwd: dir });
    expect(linted(r.stdout, dir)).toEqual(['a.commspec.yaml', 'drafts/keep.commspec.yaml']);
    // relative to the current folder, not to the folder being searched
    const r2 = commspec(['lint', 'drafts', '--ignore-pattern', '/keep.commspec.yaml', '-f', 'json'], { cwd: dir });
    expect(linted(r2.stdout, dir)).toEqual(['drafts/b.commspec.yaml', 'drafts/keep.commspec.yaml']);
  });

  it("applies the configuration's ignore: list, relative to the configuration file", () => {
    const dir = workspace({ ...tree, 'drafts/.commspec.yaml': 'ignore: ["b.*"]\n' });
    const r = commspec(['lint', '-f', 'json'], { cwd: dir });
    expect(linted(r.stdout, dir)).toEqual(['a.commspec.yaml', 'drafts/keep.commspec.yaml', 'specs/c.commspec.yml']);
  });

  it('exits 0 with a note when every file found is ignored', () => {
    const dir = workspace({ 'a.commspec.yaml': broken, '.commspecignore': '*.commspec.yaml\n' });
    const r = commspec(['lint', 'a.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/All 1 document found are ignored \(by \.commspecignore/);
  });
});

describe('options', () => {
  it('--quiet reports errors only, but warnings still count for --max-warnings', () => {
    const dir = workspace({ '.commspec.yaml': onlyRules({ 'terminology/beds': 'warning' }), 'a.commspec.yaml': minimal.replace('status: draft', 'status: draft\nsummary: Emergency beds for young people') });
    expect(commspec(['lint'], { cwd: dir }).stdout).toMatch(/terminology\/beds/);
    const quiet = commspec(['lint', '--quiet'], { cwd: dir });
    expect(quiet.stdout).toBe('');
    expect(quiet.status).toBe(0);
    const strict = commspec(['lint', '--quiet', '--max-warnings', '0'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/1 warning found, more than --max-warnings 0 allows/);
  });

  it('--config uses the given file instead of .commspec.yaml, and exits 2 when it is missing or invalid', () => {
    const dir = workspace({
      '.commspec.yaml': 'rules:\n  terminology/beds: error\n',
      'other.yaml': 'rules:\n  terminology/beds: off\n',
      'bad.yaml': 'rules: [not, a, map]\n',
      'a.commspec.yaml': minimal.replace('status: draft', 'status: draft\nsummary: Emergency beds for young people'),
    });
    expect(commspec(['lint', '-f', 'json'], { cwd: dir }).stdout).toMatch(/terminology\/beds/);
    expect(commspec(['lint', '-f', 'json', '--config', 'other.yaml'], { cwd: dir }).stdout).not.toMatch(/terminology\/beds/);
    const missing = commspec(['lint', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/The configuration file nope\.yaml does not exist/);
    const bad = commspec(['lint', '--config', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/The configuration file bad\.yaml has problems/);
  });

  it('--rule rejects a malformed value', () => {
    const r = commspec(['lint', 'examples', '--rule', 'terminology/beds']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rule expects rule-id:severity/);
  });

  it('--stdin finds the configuration from --stdin-filename', () => {
    const dir = workspace({ 'sub/.commspec.yaml': 'rules:\n  terminology/beds: error\n' });
    const text = minimal.replace('status: draft', 'status: draft\nsummary: Emergency beds for young people');
    const r = commspec(['lint', '--stdin', '--stdin-filename', 'sub/x.commspec.yaml', '-f', 'json'], { cwd: dir, input: text });
    const [res] = JSON.parse(r.stdout);
    expect(res.filePath).toBe(path.join(dir, 'sub', 'x.commspec.yaml'));
    expect(res.messages.find((m: { ruleId: string }) => m.ruleId === 'terminology/beds').severity).toBe('error');
  });
});

describe('progress', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`s${i}.commspec.yaml`] = generatedSpec(i);

  it('is never shown when standard error is not a terminal', () => {
    const r = commspec(['lint', '.', '-q'], { cwd: workspace(files) });
    expect(r.stderr).toBe('');
  });

  it('is shown on a terminal, on standard error, and cleared before the report', () => {
    const dir = workspace(files);
    const bin = path.join(root, 'bin', 'commspec.js');
    // script(1) gives the command a terminal; its stdout is the terminal's screen, stdout and stderr together
    const r = spawnSync('script', ['-qec', `${process.execPath} ${bin} lint . -f json -o report.json`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/commspec: linting \d+\/40 files \(\d+%\)/);
    expect(r.stdout).toMatch(/commspec: linting 40\/40 files \(100%\)\r\u001b\[2K/);
  });
});
