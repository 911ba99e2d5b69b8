// 5. Monitoring: `commspec monitor`'s work (read a CSV return, check it against the specification, evaluate
//    every target and payment clause) on 10,000 rows, against the parse floor: splitting the same CSV into
//    cells and converting the numbers, with no checks and no evaluation.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure, table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** A specification with `indicators` quarterly percentage indicators over a 25-year term, and two payment clauses. */
export function monitoringSpec(indicators = 100) {
  const lines = ['commspec: 1', 'kind: specification', 'id: bench-monitor', 'title: Monitoring benchmark', 'version: "1.0"', 'term: { start: 2026-01-01, end: 2050-12-31 }', 'fields:', '  - { name: annual_fee, unit: money }', 'outcomes:'];
  for (let o = 0; o < indicators / 4; o++) {
    lines.push(`  - id: outcome-${o}`, `    statement: Outcome ${o}.`, '    indicators:');
    for (let k = 0; k < 4; k++) {
      const i = o * 4 + k;
      lines.push(`      - { id: ind-${i}, definition: Indicator ${i}., unit: percent, polarity: higher, baseline: { value: 50, date: 2025-12-31 }, target: ">= ${60 + (i % 30)}% by 2035-12-31", frequency: quarterly, minimum_n: 20 }`);
    }
  }
  lines.push('value_for_money:', '  outcome_payments:', '    - { id: pay-a, type: payment-by-results, rule: "up to 5% of annual_fee when ind-0 >= 60% and ind-1 >= 61% and ind-2 >= 62%", cap: "5% of annual_fee" }', '    - { id: pay-b, type: payment-by-results, rule: "£1,000 per child when x", cap: "£50,000 per year" }');
  return lines.join('\n') + '\n';
}

/** `rows` CSV rows: the indicators in turn, quarter after quarter, with numerators and denominators. */
export function monitoringCsv(rows = 10000, indicators = 100) {
  const out = ['indicator,period,value,numerator,denominator,n,notes'];
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  for (let r = 0; r < rows; r++) {
    const q = Math.floor(r / indicators);
    const i = r % indicators;
    const period = `${2026 + Math.floor(q / 4)}-${ends[q % 4]}`;
    const den = 30 + ((r * 7) % 20);
    const num = Math.min(den, Math.floor(den * (0.5 + ((r * 13) % 45) / 100)));
    out.push(`ind-${i},${period},,${num},${den},,${r % 50 === 0 ? '"checked, with the data team"' : ''}`);
  }
  return out.join('\n') + '\n';
}

function floor(text) {
  // the least any reader does: split rows and cells, convert the numbers
  let sum = 0;
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const cells = line.split(',');
    sum += Number(cells[3]) / Number(cells[4]) || 0;
  }
  return sum;
}

export async function run({ quick = false } = {}) {
  const service = require(path.join(here, '..', 'dist', 'service.js'));
  const spec = monitoringSpec();
  const csv = monitoringCsv();
  const runs = quick ? 5 : 15;
  const check = service.monitoring.monitor({ uri: '/bench/spec.commspec.yaml', text: spec }, [{ uri: '/bench/returns.csv', text: csv }]);
  const full = await measure(() => service.monitoring.monitor({ uri: '/bench/spec.commspec.yaml', text: spec }, [{ uri: '/bench/returns.csv', text: csv }]), { runs, warmup: 2 });
  const read = await measure(() => service.monitoring.readReturnCsv('/bench/returns.csv', csv), { runs, warmup: 2 });
  const parse = await measure(() => floor(csv), { runs, warmup: 2 });
  const rows = [
    ['parse floor (split + Number)', fmt(parse.median), fmt(parse.p95), '1.00'],
    ['commspec CSV reader (located rows, every cell checked)', fmt(read.median), fmt(read.p95), (parse.median / read.median).toFixed(3)],
    ['commspec monitor (read, check, evaluate, payments, roll-ups)', fmt(full.median), fmt(full.p95), (parse.median / full.median).toFixed(3)],
  ];
  table(`5. Monitoring: 10,000 CSV rows (${check.results.length} results, ${check.payments.length} payment lines, ${check.findings.length} findings), ms`, ['', 'median', 'p95', 'floor ÷ run'], rows);
  return { rows: 10000, floor: parse, read, full, ratio: parse.median / full.median, readRatio: parse.median / read.median };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run({ quick: process.argv.includes('--quick') });
