// 0. The expression language alone: parse + check throughput on a realistic mix of targets, thresholds,
//    payment rules and measures (grammar/src/samples.ts), without the parse cache the service uses.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function run({ quick = false } = {}) {
  const { expressions, benchmarkPairs, benchmarkSymbols } = require(path.join(here, '..', 'dist', 'service.js'));
  const pairs = benchmarkPairs();
  const symbols = benchmarkSymbols();
  const total = quick ? 50_000 : 200_000;
  const once = (i) => {
    const { kind, text } = pairs[i % pairs.length];
    const parsed = expressions.parseUncached(text, kind); // no cache: the cost of a new expression
    return expressions.checkExpression(parsed, { kind, symbols }).length;
  };
  for (let i = 0; i < 5000; i++) once(i); // warm up
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < total / 5; i++) once(i);
    rounds.push(total / 5 / ((performance.now() - t0) / 1000));
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[2];
  table(`0. Expressions: parse + check, ${pairs.length} distinct expressions, ${total} evaluations`, ['figure', 'value'], [
    ['expressions per second (median of 5 rounds)', Math.round(median).toLocaleString('en-GB')],
    ['microseconds per expression', (1e6 / median).toFixed(1)],
  ]);
  return { distinct: pairs.length, evaluations: total, perSecond: median, rounds };
}
