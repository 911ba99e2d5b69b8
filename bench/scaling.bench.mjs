// 4. Scaling: time and memory to analyse one specification of 100, 1,000, 10,000 and 50,000 lines.
//    (Workspace memory after indexing is measured over the language server in lsp.bench.mjs.)
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSpecification } from './generate.mjs';
import { fmt, measure, table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function run({ quick = false } = {}) {
  const service = require(path.join(here, '..', 'dist', 'service.js'));
  const sizes = quick ? [100, 1000, 10000] : [100, 1000, 10000, 50000];
  const out = [];
  for (const lines of sizes) {
    const text = generateSpecification({ seed: lines, lines });
    const actual = text.split('\n').length - 1;
    const runs = lines >= 50000 ? 5 : lines >= 10000 ? 10 : 30;
    const ls = new service.LanguageService();
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const kept = ls.analyse('/bench/a.commspec.yaml', text);
    const heap = process.memoryUsage().heapUsed - before;
    const cold = await measure(() => new service.LanguageService().analyse('/bench/a.commspec.yaml', text), { runs, warmup: 1 });
    out.push({ lines: actual, findings: kept.findings.length, full: cold, perThousandLines: cold.median / (actual / 1000), retainedHeapMiB: heap / 2 ** 20 });
  }
  const rows = out.map((r) => [r.lines, fmt(r.full.median), fmt(r.full.p95), fmt(r.perThousandLines), r.retainedHeapMiB.toFixed(1)]);
  table('4. Scaling: full analysis of one specification (ms) and the heap it keeps (MiB)', ['lines', 'median', 'p95', 'ms per 1,000 lines', 'heap MiB'], rows);
  const growth = out.length >= 2 ? out[out.length - 1].perThousandLines / out[out.length - 2].perThousandLines : 1;
  console.log(`   growth of time per 1,000 lines from ${out[out.length - 2]?.lines} to ${out[out.length - 1]?.lines} lines: ${growth.toFixed(2)}× (1.00 = linear)`);
  return { sizes: out, growth };
}
