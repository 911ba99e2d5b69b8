// Links out of the workspace (issue 17, item 7): --fix never writes through a link to a file outside the
// workspace; a folder search does not follow links to folders (no files from outside, no duplicates on loops);
// when asked to follow them, loops are cut by real path and each file is linted once.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../cli/src/commands/lint';
import { commspec, workspace } from '../cli/run';
import { onlyRules } from '../cli/scenario';
import { fixture } from '../helpers';

/** A document with one safe fix (terminology/beds). */
const fixable = fixture('language/minimal.commspec.yaml').replace('status: draft', 'status: draft\nsummary: Short breaks beds for disabled children');
const config = onlyRules({ 'terminology/beds': 'warning' });

function outsideFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commspec-outside-'));
  writeFileSync(path.join(dir, 'victim.commspec.yaml'), fixable);
  return dir;
}

const results = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => r.filePath);

describe('--fix and links', () => {
  it('does not write through a link to a file outside the workspace, and says why; through a link inside it, fixes the file it points to', () => {
    const outside = outsideFolder();
    const dir = workspace({ '.commspec.yaml': config, 'real/inside.commspec.yaml': fixable });
    symlinkSync(path.join(outside, 'victim.commspec.yaml'), path.join(dir, 'spec.commspec.yaml'));
    const r = commspec(['lint', 'spec.commspec.yaml', '--fix', '-f', 'json'], { cwd: dir });
    expect(readFileSync(path.join(outside, 'victim.commspec.yaml'), 'utf8')).toBe(fixable);
    expect(r.stderr).toMatch(/spec\.commspec\.yaml: the fixes were not written: it is a link to .*victim\.commspec\.yaml, which is outside the workspace/);
    expect(r.stderr).not.toMatch(/applied/);
    // the finding is still reported, unfixed
    expect(r.stdout).toMatch(/terminology\/beds/);

    symlinkSync(path.join(dir, 'real', 'inside.commspec.yaml'), path.join(dir, 'inside.commspec.yaml'));
    const ok = commspec(['lint', 'inside.commspec.yaml', '--fix'], { cwd: dir });
    expect(ok.stderr).toMatch(/applied 1 fix/);
    expect(readFileSync(path.join(dir, 'real', 'inside.commspec.yaml'), 'utf8')).toContain('Short breaks placements');
    expect(lstatSync(path.join(dir, 'inside.commspec.yaml')).isSymbolicLink()).toBe(true);
  });

  it('a folder search does not follow a link to a folder outside, so nothing there is fixed', () => {
    const outside = outsideFolder();
    const dir = workspace({ '.commspec.yaml': config, 'a.commspec.yaml': fixable.replace('beds', 'places') });
    symlinkSync(outside, path.join(dir, 'vendor'));
    const r = commspec(['lint', '.', '--fix', '-f', 'json'], { cwd: dir });
    expect(results(r.stdout)).toEqual([path.join(dir, 'a.commspec.yaml')]);
    expect(readFileSync(path.join(outside, 'victim.commspec.yaml'), 'utf8')).toBe(fixable);
  });

  it('a link loop in a folder lints each file once', () => {
    const dir = workspace({ '.commspec.yaml': config, 'specs/a.commspec.yaml': fixable, 'specs/deeper/b.commspec.yaml': fixable });
    symlinkSync(path.join(dir, 'specs'), path.join(dir, 'specs', 'deeper', 'loop'));
    symlinkSync('..', path.join(dir, 'specs', 'up'));
    const r = commspec(['lint', '.', '-f', 'json'], { cwd: dir, env: {} });
    expect(results(r.stdout).sort()).toEqual([path.join(dir, 'specs', 'a.commspec.yaml'), path.join(dir, 'specs', 'deeper', 'b.commspec.yaml')]);
  });
});

describe('following links to folders when asked (LintOptions.followSymlinks)', () => {
  it('follows links inside the workspace, cuts loops by real path, and skips links leading outside', async () => {
    const outside = outsideFolder();
    const dir = workspace({ '.commspec.yaml': config, 'specs/a.commspec.yaml': fixable, 'shared/s.commspec.yaml': fixable });
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'specs', 'shared'));
    symlinkSync(path.join(dir, 'specs'), path.join(dir, 'shared', 'back'));
    symlinkSync(outside, path.join(dir, 'specs', 'vendor'));
    mkdirSync(path.join(dir, 'empty'));
    const r = await lint(['specs'], { cwd: dir, format: 'json', color: false, version: 'test', followSymlinks: true, progress: false, threads: 1 });
    const files = r.results.map((x) => x.filePath);
    // s.commspec.yaml is reached as specs/shared/s and as specs/shared/back/shared/s…: once, under one name
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['a.commspec.yaml', 's.commspec.yaml']);
    expect(r.notes.join('\n')).toMatch(/specs\/vendor\/victim\.commspec\.yaml was not linted: it is a link to .*, outside the workspace/);
  });
});

describe('commspec lint --follow-symlinks (the binary)', () => {
  it('follows a link to a folder inside the workspace only when asked, each file once', () => {
    const dir = workspace({ '.commspec.yaml': config, 'specs/a.commspec.yaml': fixable, 'shared/s.commspec.yaml': fixable });
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'specs', 'shared'));
    symlinkSync(path.join(dir, 'specs'), path.join(dir, 'shared', 'back'));
    const plain = commspec(['lint', 'specs', '-f', 'json'], { cwd: dir, env: {} });
    expect(results(plain.stdout).map((f) => path.basename(f))).toEqual(['a.commspec.yaml']);
    const followed = commspec(['lint', 'specs', '-f', 'json', '--follow-symlinks'], { cwd: dir, env: {} });
    expect(results(followed.stdout).map((f) => path.basename(f)).sort()).toEqual(['a.commspec.yaml', 's.commspec.yaml']);
  });
});
