// 3. CLI throughput on 1,000 specifications of about 300 lines: commspec cold, with --cache, and in
//    parallel; the peer is Spectral with the JSON Schema plus ten comparable rules; the floor is eemeli/yaml
//    parsing plus ajv validation alone, in one process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { generateSpecification } from './generate.mjs';
import { summarise, table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.join(here, '..');
const require = createRequire(import.meta.url);

function time(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const ms = performance.now() - t0;
  if (r.status === null || r.status > (opts.okStatus ?? 1)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

export async function run({ quick = false } = {}) {
  const count = quick ? 200 : 1000;
  const repeats = quick ? 1 : 3;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commspec-bench-cli-'));
  const specs = path.join(dir, 'specs');
  mkdirSync(specs);
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const text = generateSpecification({ seed: 1000 + i, lines: 300 });
    lines += text.split('\n').length - 1;
    writeFileSync(path.join(specs, `spec-${String(i).padStart(4, '0')}.commspec.yaml`), text);
  }
  const bin = path.join(rootDir, 'bin', 'commspec.js');
  const help = spawnSync(process.execPath, [bin, 'lint', '--help'], { encoding: 'utf8' }).stdout;
  const results = { files: count, meanLines: Math.round(lines / count) };
  const rows = [];
  const runMany = (label, fn) => {
    const samples = [];
    for (let r = 0; r < repeats; r++) samples.push(fn(r));
    const s = summarise(samples);
    results[label] = { ...s, filesPerSecond: count / (s.median / 1000) };
    return results[label];
  };

  // floor: read + parse + ajv validate, compiled once, in this process
  const Ajv2020 = require(path.join(rootDir, 'node_modules', 'ajv', 'dist', '2020.js')).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(rootDir, 'schemas', 'specification.schema.json'), 'utf8')));
  runMany('floor', () => {
    const t0 = performance.now();
    for (const f of readdirSync(specs)) validate(parseYaml(readFileSync(path.join(specs, f), 'utf8')));
    return performance.now() - t0;
  });

  const cacheDir = path.join(dir, 'cache');
  runMany('commspecCold', () => time(process.execPath, [bin, 'lint', specs, '--format', 'json', '--output-file', path.join(dir, 'out.json'), '--threads', '1'].filter((a) => help.includes('--threads') || (a !== '--threads' && a !== '1')), {}).ms);
  if (help.includes('--cache')) {
    time(process.execPath, [bin, 'lint', specs, '--format', 'json', '--output-file', path.join(dir, 'out.json'), '--cache', '--cache-location', cacheDir]);
    runMany('commspecCached', () => time(process.execPath, [bin, 'lint', specs, '--format', 'json', '--output-file', path.join(dir, 'out.json'), '--cache', '--cache-location', cacheDir]).ms);
  }
  if (help.includes('--threads')) {
    runMany('commspecParallel', () => time(process.execPath, [bin, 'lint', specs, '--format', 'json', '--output-file', path.join(dir, 'out.json'), '--threads', String(os.cpus().length)]).ms);
  }

  // Spectral: the same schema inlined (its $ref resolution does not reach our file), plus ten rules
  const ruleset = parseYaml(readFileSync(path.join(here, 'spectral', 'ruleset.yaml'), 'utf8'));
  ruleset.rules.schema.then.functionOptions.schema = JSON.parse(readFileSync(path.join(rootDir, 'schemas', 'specification.schema.json'), 'utf8'));
  const rulesetFile = path.join(dir, 'ruleset.json');
  writeFileSync(rulesetFile, JSON.stringify(ruleset));
  const spectral = path.join(here, 'node_modules', '.bin', 'spectral');
  runMany('spectral', () => time(spectral, ['lint', `${specs}/*.commspec.yaml`, '-r', rulesetFile, '-f', 'json', '-o', path.join(dir, 'spectral.json'), '--quiet'], { okStatus: 1 }).ms);

  const cold = results.commspecCold;
  const fps = (x) => (x ? x.filesPerSecond.toFixed(0) : '—');
  rows.push(['commspec lint (one process, cold)', (cold.median / 1000).toFixed(2), fps(cold), (cold.filesPerSecond / results.spectral.filesPerSecond).toFixed(2) + '×', (results.floor.median / cold.median).toFixed(2)]);
  if (results.commspecCached) rows.push(['commspec lint --cache (warm)', (results.commspecCached.median / 1000).toFixed(2), fps(results.commspecCached), (results.commspecCached.filesPerSecond / results.spectral.filesPerSecond).toFixed(2) + '×', (results.floor.median / results.commspecCached.median).toFixed(2)]);
  if (results.commspecParallel) rows.push([`commspec lint --threads ${os.cpus().length}`, (results.commspecParallel.median / 1000).toFixed(2), fps(results.commspecParallel), (results.commspecParallel.filesPerSecond / results.spectral.filesPerSecond).toFixed(2) + '×', (results.floor.median / results.commspecParallel.median).toFixed(2)]);
  rows.push(['Spectral (schema + 10 rules)', (results.spectral.median / 1000).toFixed(2), fps(results.spectral), '1.00×', (results.floor.median / results.spectral.median).toFixed(2)]);
  rows.push(['floor: yaml parse + ajv, in process', (results.floor.median / 1000).toFixed(2), fps(results.floor), '', '1.00']);
  table(`3. CLI throughput, ${count} files of about ${results.meanLines} lines (median of ${repeats})`, ['run', 'seconds', 'files/s', 'vs Spectral', 'floor ÷ run'], rows);
  rmSync(dir, { recursive: true, force: true });
  return results;
}
