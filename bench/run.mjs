// npm run bench: every benchmark, each printing medians and p95 with the ratio to its peer or floor
// measured in the same run; results are written to bench/results/<date>.json and latest.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const quick = args.includes('--quick');
// the hostile suite needs no peer outside the main package (picomatch is one of its dependencies)
const needsPeers = !only || only.some((s) => s !== 'hostile');
if (needsPeers && !existsSync(path.join(here, 'node_modules', 'yaml-language-server'))) {
  console.error('bench: the peers are not installed. Run: npm ci --prefix bench');
  process.exit(2);
}
const suites = ['expressions', 'service', 'lsp', 'cli', 'scaling', 'monitor', 'hostile'];
const results = { date: new Date().toISOString(), machine: machine(), quick, suites: {} };
for (const name of suites) {
  if (only && !only.includes(name)) continue;
  const file = path.join(here, `${name}.bench.mjs`);
  if (!existsSync(file)) continue;
  const mod = await import(file);
  results.suites[name] = await mod.run({ quick });
}
mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', `${results.date.slice(0, 10)}.json`);
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
writeFileSync(path.join(here, 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nresults: ${path.relative(process.cwd(), out)}`);
