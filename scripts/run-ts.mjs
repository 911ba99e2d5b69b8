#!/usr/bin/env node
// Runs a TypeScript file: bundles it with esbuild (dependencies left external) to a temporary
// CommonJS file inside node_modules/.cache, so `require` finds the project's packages, then runs it
// with the remaining arguments and removes it. Usage: node scripts/run-ts.mjs path/to/script.ts [args…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const dir = path.join(root, 'node_modules', '.cache', 'run-ts');
mkdirSync(dir, { recursive: true });
const out = path.join(dir, `${path.basename(entry).replace(/\.[cm]?ts$/, '')}-${process.pid}-${Date.now()}.cjs`);
let status = 1;
try {
  await build({
    absWorkingDir: process.cwd(),
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    // scripts may use import.meta.url; give the bundle the entry file's own url
    define: { 'import.meta.url': JSON.stringify(new URL(`file://${path.resolve(entry)}`).href) },
  });
  const run = spawnSync(process.execPath, ['--enable-source-maps', out, ...args], { stdio: 'inherit' });
  status = run.status ?? 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  rmSync(out, { force: true });
}
process.exit(status);
