// Outputs never replace inputs (issue 17, item 6): -o / --output-file naming a file the command reads (the
// document, a framework it refers to, the configuration), however it is spelled or linked, is refused with exit 2
// and the file is left as it was; outputs are written to a temporary file and renamed into place.
import { readdirSync, readFileSync, statSync, symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { root } from '../helpers';

const fixtures = path.join(root, 'test', 'fixtures', 'features');
const specText = readFileSync(path.join(fixtures, 'spec.commspec.yaml'), 'utf8');
const frameworkText = readFileSync(path.join(fixtures, 'framework.commspec.yaml'), 'utf8');
const configText = 'rules:\n  terminology/beds: warning\n';

function project(): string {
  const dir = workspace({ 'spec.commspec.yaml': specText, 'framework.commspec.yaml': frameworkText, '.commspec.yaml': configText });
  mkdirSync(path.join(dir, 'reports'));
  symlinkSync(path.join(dir, 'spec.commspec.yaml'), path.join(dir, 'reports', 'latest.json'));
  return dir;
}

/** Runs a command that must refuse its output, and checks that every input is unchanged. */
function refused(args: string[], message: RegExp): void {
  const dir = project();
  const before = ['spec.commspec.yaml', 'framework.commspec.yaml', '.commspec.yaml'].map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const);
  const r = commspec(args, { cwd: dir });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  for (const [f, text] of before) expect(readFileSync(path.join(dir, f), 'utf8'), `${f} was changed`).toBe(text);
}

describe('lint --output-file', () => {
  it('refuses the document being linted', () => refused(['lint', 'spec.commspec.yaml', '-o', 'spec.commspec.yaml'], /--output-file spec\.commspec\.yaml is a document being linted \(spec\.commspec\.yaml\): writing the report there would overwrite it/));
  it('refuses it spelled another way', () => refused(['lint', 'spec.commspec.yaml', '-o', './reports/../spec.commspec.yaml'], /is a document being linted/));
  it('refuses a link to it', () => refused(['lint', 'spec.commspec.yaml', '-o', 'reports/latest.json'], /is a document being linted \(spec\.commspec\.yaml\)/));
  it('refuses a framework the linted document refers to', () => refused(['lint', 'spec.commspec.yaml', '-o', 'framework.commspec.yaml'], /is a document the linted files refer to \(framework\.commspec\.yaml\)/));
  it('refuses the configuration file', () => refused(['lint', 'spec.commspec.yaml', '-o', '.commspec.yaml'], /is a configuration file \(\.commspec\.yaml\)/));
  it('refuses a configuration file given with --config', () => refused(['lint', 'spec.commspec.yaml', '-c', '.commspec.yaml', '-o', '.commspec.yaml'], /is the configuration file/));
  it('refuses a document being fixed, before fixing anything', () => refused(['lint', '.', '--fix', '-o', 'spec.commspec.yaml'], /is a document being linted/));

  it('writes a report elsewhere, atomically: a new file replaces the old one whole, and no temporary file is left', () => {
    const dir = project();
    const out = path.join(dir, 'reports', 'lint.json');
    commspec(['lint', 'spec.commspec.yaml', '-f', 'json', '-o', out], { cwd: dir });
    const first = statSync(out).ino;
    const r = commspec(['lint', 'spec.commspec.yaml', '-f', 'json', '-o', out], { cwd: dir });
    expect(r.status).not.toBe(2);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
    // written in place (truncate, then write) the file would keep its inode; renamed into place, it is a new file
    expect(statSync(out).ino).not.toBe(first);
    expect(readdirSync(path.join(dir, 'reports')).sort()).toEqual(['latest.json', 'lint.json']);
  });
});

describe('render and export -o', () => {
  it('render refuses the document it renders', () => refused(['render', 'spec.commspec.yaml', '-f', 'markdown', '-o', 'spec.commspec.yaml'], /-o spec\.commspec\.yaml would overwrite spec\.commspec\.yaml, which this command reads/));
  it('render refuses a link to it', () => refused(['render', 'spec.commspec.yaml', '-o', 'reports/latest.json'], /would overwrite spec\.commspec\.yaml, which this command reads/));
  it('render refuses the framework the document refers to', () => refused(['render', 'spec.commspec.yaml', '-f', 'docx', '-o', 'framework.commspec.yaml'], /would overwrite framework\.commspec\.yaml, which this command reads/));
  it('export refuses the document it exports', () => refused(['export', '--ocds', 'spec.commspec.yaml', '-o', './spec.commspec.yaml'], /would overwrite spec\.commspec\.yaml, which this command reads/));
  it('diff refuses either version it compares', () => refused(['diff', 'spec.commspec.yaml', 'spec.commspec.yaml', '-o', 'spec.commspec.yaml'], /would overwrite spec\.commspec\.yaml, which this command reads/));

  it('render writes elsewhere atomically, leaving no temporary file', () => {
    const dir = project();
    const out = path.join(dir, 'reports', 'spec.html');
    commspec(['render', 'spec.commspec.yaml', '-o', out], { cwd: dir });
    const first = statSync(out).ino;
    const r = commspec(['render', 'spec.commspec.yaml', '-o', out], { cwd: dir });
    expect(r.status).not.toBe(2);
    expect(readFileSync(out, 'utf8')).toMatch(/<\/html>\s*$/);
    expect(statSync(out).ino).not.toBe(first);
    expect(readdirSync(path.join(dir, 'reports')).sort()).toEqual(['latest.json', 'spec.html']);
  });
});
