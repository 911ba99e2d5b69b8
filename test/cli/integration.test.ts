import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, root } from '../helpers';
import { commspec, workspace } from './run';
import { onlyRules } from './scenario';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};

/** Runs the action's lint step as the runner would, with `npx --yes commspec@version` answered by the built CLI. */
function runLintStep(cwd: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === 'lint')!;
  const bin = mkdtempSync(path.join(os.tmpdir(), 'commspec-npx-'));
  const npx = path.join(bin, 'npx');
  writeFileSync(npx, `#!/bin/sh\n[ "$1" = "--yes" ] && shift\ncase "$1" in commspec@*) shift;; *) echo "unexpected npx $1" >&2; exit 99;; esac\nexec "${process.execPath}" "${path.join(root, 'bin', 'commspec.js')}" "$@"\n`);
  chmodSync(npx, 0o755);
  const output = path.join(bin, 'github-output');
  writeFileSync(output, '');
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v.replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, name: string) => values[name]);
  const r = spawnSync('bash', ['-e', '-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, GITHUB_OUTPUT: output, RUNNER_TEMP: bin, NO_COLOR: '1' },
  });
  return { ...r, outputs: Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=') as [string, string])) };
}

const minimal = fixture('language/minimal.commspec.yaml');

describe('action.yml', () => {
  it('is a composite action that sets up Node, lints to SARIF and uploads it to code scanning', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toContain('actions/setup-node@v4');
    expect(uses).toContain('github/codeql-action/upload-sarif@v3');
    expect(action.inputs.paths.default).toBe('.');
    expect(action.inputs.format.default).toBe('github');
  });

  it('writes SARIF, annotates the log, and reports the exit code, with several paths and globs', () => {
    const dir = workspace({ 'specs/a.commspec.yaml': minimal.replace('status: draft', 'status: drafted'), 'more/b.commspec.yaml': minimal, 'skip/c.commspec.yaml': 'broken: [' });
    const r = runLintStep(dir, { paths: 'specs more/*.commspec.yaml' });
    expect(r.stderr).not.toMatch(/unexpected npx/);
    expect(r.status).toBe(0); // the step records the code; a later step fails the job
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.stdout).toMatch(/^::error file=specs\/a\.commspec\.yaml,line=5,col=9,/m);
    expect(r.stdout).not.toMatch(/skip\/c/);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'commspec.sarif'), 'utf8'));
    expect(sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['more/b.commspec.yaml', 'specs/a.commspec.yaml']);
  });

  it('passes a clean run and reports a usage problem as exit code 2', () => {
    const dir = workspace({ 'a.commspec.yaml': minimal, '.commspec.yaml': onlyRules({}) });
    expect(runLintStep(dir, { 'max-warnings': '-1' }).outputs['exit-code']).toBe('0');
    expect(runLintStep(dir, { paths: 'missing-folder' }).outputs['exit-code']).toBe('2');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string; exclude: string }>;

  it('runs commspec lint on documents and not on the configuration file', () => {
    const hook = hooks.find((h) => h.id === 'commspec')!;
    expect(hook.language).toBe('node');
    const files = new RegExp(hook.files);
    const exclude = new RegExp(hook.exclude);
    const picked = ['specs/a.commspec.yaml', 'b.commspec.yml', '.commspec.yaml', 'specs/.commspec.yml', 'notes.yaml'].filter((f) => files.test(f) && !exclude.test(f));
    expect(picked).toEqual(['specs/a.commspec.yaml', 'b.commspec.yml']);
  });

  it('works with the file names pre-commit passes, honouring .commspecignore', () => {
    const hook = hooks.find((h) => h.id === 'commspec')!;
    const dir = workspace({ 'a.commspec.yaml': minimal.replace('status: draft', 'status: drafted'), 'drafts/b.commspec.yaml': 'broken: [', '.commspecignore': 'drafts/\n' });
    const [, ...args] = hook.entry.split(' ');
    const r = commspec([...args, 'a.commspec.yaml', 'drafts/b.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/a\.commspec\.yaml/);
    expect(r.stdout).not.toMatch(/drafts/);
  });
});
