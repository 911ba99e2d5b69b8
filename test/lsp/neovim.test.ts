// End-to-end with a real LSP client nobody here wrote: Neovim, headless, starts the built server
// over stdio, opens a specification and reports the diagnostics and one completion list it received.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildServer, serverJs, tempWorkspace } from './client';

function nvimPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

beforeAll(() => buildServer());

test('Neovim receives diagnostics and completions from the server', () => {
  const nvim = nvimPath();
  if (!nvim) {
    throw new Error('Neovim (nvim) is not installed, so the editor end-to-end test cannot run. Install it with `apt-get install -y neovim` (CI does this in .ci/run).');
  }
  const ws = tempWorkspace();
  const spec = ws.file('spec.commspec.yaml');
  const text = readFileSync(spec, 'utf8').replace('tiers: [additional, complex]', 'tiers: [additional, complx]');
  writeFileSync(spec, text);
  const before = text.slice(0, text.indexOf('complx'));
  const line = before.split('\n').length - 1;
  const character = before.length - before.lastIndexOf('\n') - 1;
  const out = path.join(ws.dir, 'nvim-result.json');
  const run = spawnSync(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim.lua')}`], {
    env: { ...process.env, COMMSPEC_SERVER: serverJs, COMMSPEC_NODE: process.execPath, COMMSPEC_FILE: spec, COMMSPEC_OUT: out, COMMSPEC_LINE: String(line), COMMSPEC_COL: String(character) },
    timeout: 60000,
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`Neovim did not finish: ${run.error.message}\n${run.stderr}`);
  let result: { nvim: string; diagnostics: Array<{ lnum: number; col: number; message: string; code?: string; source?: string }>; completion: string[]; errors: string[] };
  try {
    result = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    throw new Error(`Neovim wrote no result (exit ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
  expect(result.errors).toEqual([]);
  const finding = result.diagnostics.find((d) => d.message.includes("'complx'"));
  expect(finding, JSON.stringify(result.diagnostics)).toBeDefined();
  expect(finding!.lnum).toBe(line);
  expect(finding!.col).toBe(character);
  expect(finding!.source).toBe('commspec');
  expect(result.completion).toEqual(expect.arrayContaining(['additional', 'complex']));
});
