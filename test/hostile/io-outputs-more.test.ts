// Issue 17 follow-up to item 6 (outputs never replace inputs) and item 7 (no writes outside the workspace), for the two
// commands the first round left out: `check-bid --report` wrote the report with a plain writeFileSync, so a report
// named after the bid or its specification (or a link to one) replaced it; `init` wrote through any symbolic link,
// including a dangling one pointing out of the folder. Both now use the atomic writer shared with lint, render and
// export: a report equal to a file the command reads is refused with exit 2, and init never follows a link out.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { root } from '../helpers';

const bidFixtures = path.join(root, 'test', 'fixtures', 'bids');
const read = (name: string) => readFileSync(path.join(bidFixtures, name), 'utf8');
const configText = 'rules:\n  terminology/beds: warning\n';

function bidProject(): string {
  const dir = workspace({
    'spec.commspec.yaml': read('spec.commspec.yaml'),
    'bids/compliant.commspec.yaml': read('compliant-bid.commspec.yaml').replace('./spec.commspec.yaml', '../spec.commspec.yaml'),
    'bids/partly.commspec.yaml': read('partly-compliant-bid.commspec.yaml').replace('./spec.commspec.yaml', '../spec.commspec.yaml'),
    '.commspec.yaml': configText,
  });
  mkdirSync(path.join(dir, 'reports'));
  symlinkSync(path.join(dir, 'bids', 'compliant.commspec.yaml'), path.join(dir, 'reports', 'bid.html'));
  symlinkSync(path.join(dir, 'spec.commspec.yaml'), path.join(dir, 'reports', 'spec.md'));
  symlinkSync(path.join(dir, '.commspec.yaml'), path.join(dir, 'reports', 'config.md'));
  return dir;
}

const inputs = ['spec.commspec.yaml', 'bids/compliant.commspec.yaml', 'bids/partly.commspec.yaml', '.commspec.yaml'];

function refusedReport(args: string[], message: RegExp, setup?: (dir: string) => void): void {
  const dir = bidProject();
  setup?.(dir);
  const before = inputs.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const);
  const r = commspec(args, { cwd: dir });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  for (const [f, text] of before) expect(readFileSync(path.join(dir, f), 'utf8'), `${f} was changed`).toBe(text);
}

describe('check-bid --report', () => {
  it('refuses a link to the bid it checks', () =>
    refusedReport(['check-bid', 'bids/compliant.commspec.yaml', '--report', 'reports/bid.html'], /--report reports\/bid\.html would overwrite bids\/compliant\.commspec\.yaml, which this command reads/));
  it('refuses the bid itself, when it is named like a report', () =>
    refusedReport(['check-bid', 'bids/copy.md', '--report', './bids/../bids/copy.md'], /--report \.\/bids\/\.\.\/bids\/copy\.md would overwrite bids\/copy\.md, which this command reads/, (dir) => {
      writeFileSync(path.join(dir, 'bids', 'copy.md'), readFileSync(path.join(dir, 'bids', 'compliant.commspec.yaml')));
    }));
  it('refuses the specification the bid answers', () =>
    refusedReport(['check-bid', 'bids/compliant.commspec.yaml', '--report', 'reports/spec.md'], /would overwrite spec\.commspec\.yaml, which this command reads/));
  it('refuses the specification given with --spec, comparing several bids', () =>
    refusedReport(['check-bid', 'bids', '--spec', 'spec.commspec.yaml', '--report', 'reports/spec.md'], /would overwrite spec\.commspec\.yaml, which this command reads/));
  it('refuses the configuration file', () =>
    refusedReport(['check-bid', 'bids/compliant.commspec.yaml', '--report', 'reports/config.md'], /would overwrite \.commspec\.yaml, which this command reads/));

  it('writes the report atomically: a new file replaces the old one whole, and no temporary file is left', () => {
    const dir = bidProject();
    const out = path.join(dir, 'reports', 'matrix.html');
    expect(commspec(['check-bid', 'bids/compliant.commspec.yaml', '--report', out], { cwd: dir }).status).toBe(0);
    const first = statSync(out).ino;
    const r = commspec(['check-bid', 'bids/compliant.commspec.yaml', '--report', out], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<\/html>\s*$/);
    expect(statSync(out).ino).not.toBe(first);
    expect(readdirSync(path.join(dir, 'reports')).sort()).toEqual(['bid.html', 'config.md', 'matrix.html', 'spec.md']);
  });
});

describe('init', () => {
  const answers = ['--title', 'Short breaks', '--lead', 'Example Council'];

  function outside(): string {
    return mkdtempSync(path.join(os.tmpdir(), 'commspec-outside-'));
  }

  it('does not follow a dangling configuration link out of the folder', () => {
    const dir = workspace({});
    const away = outside();
    symlinkSync(path.join(away, 'planted.yaml'), path.join(dir, '.commspec.yaml'));
    const r = commspec(['init', ...answers], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/\.commspec\.yaml is a link to .*planted\.yaml, outside .*: nothing was written/);
    expect(readdirSync(away)).toEqual([]);
    expect(existsSync(path.join(dir, 'short-breaks.commspec.yaml'))).toBe(false);
  });

  it('does not write through a specification link out of the folder, even with --force', () => {
    const dir = workspace({});
    const away = outside();
    writeFileSync(path.join(away, 'theirs.commspec.yaml'), 'keep me\n');
    symlinkSync(path.join(away, 'theirs.commspec.yaml'), path.join(dir, 'mine.commspec.yaml'));
    const r = commspec(['init', 'mine.commspec.yaml', '--force', ...answers], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/mine\.commspec\.yaml is a link to .*theirs\.commspec\.yaml, outside .*: nothing was written/);
    expect(readFileSync(path.join(away, 'theirs.commspec.yaml'), 'utf8')).toBe('keep me\n');
    expect(readdirSync(away)).toEqual(['theirs.commspec.yaml']);
  });

  it('does not write into a linked folder that leads out of the folder', () => {
    const dir = workspace({});
    const away = outside();
    symlinkSync(away, path.join(dir, 'specs'));
    const r = commspec(['init', 'specs/new.commspec.yaml', ...answers], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(readdirSync(away)).toEqual([]);
  });

  it('writes through a link that stays inside the folder, and replaces files atomically with --force', () => {
    const dir = workspace({ 'real/spec.commspec.yaml': 'old\n' });
    symlinkSync(path.join(dir, 'real', 'spec.commspec.yaml'), path.join(dir, 'spec.commspec.yaml'));
    const first = statSync(path.join(dir, 'real', 'spec.commspec.yaml')).ino;
    const r = commspec(['init', 'spec.commspec.yaml', '--force', ...answers], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'spec.commspec.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real', 'spec.commspec.yaml'), 'utf8')).toMatch(/^# A commspec service specification/);
    expect(statSync(path.join(dir, 'real', 'spec.commspec.yaml')).ino).not.toBe(first);
    expect(readdirSync(dir).sort()).toEqual(['.commspec.yaml', 'real', 'spec.commspec.yaml']);
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['spec.commspec.yaml']);
  });
});
