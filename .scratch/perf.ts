import { parseExpression, checkExpression } from '../grammar/src/index';
import { benchmarkPairs, benchmarkSymbols } from '../grammar/src/samples';
const pairs = benchmarkPairs(); const symbols = benchmarkSymbols();
function run(n: number) { let d = 0; for (let i = 0; i < n; i++) { const { kind, text } = pairs[i % pairs.length]; const p = parseExpression(text, kind); d += p.diagnostics.length + checkExpression(p, { kind, symbols }).length; } return d; }
run(20000);
const N = 200000; const t0 = performance.now(); run(N); const ms = performance.now() - t0;
console.log(`parse+check: ${Math.round(N / (ms / 1000))} expressions/s (${(ms / N * 1000).toFixed(1)} µs each)`);
const big = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' + ');
let t1 = performance.now(); let p = parseExpression(big, 'measure'); let c = checkExpression(p, { kind: 'measure', symbols }); console.log('10k tokens', (performance.now() - t1).toFixed(1), 'ms', p.diagnostics.length, c.length);
t1 = performance.now(); p = parseExpression('('.repeat(100000) + 'a' + ')'.repeat(100000), 'measure'); console.log('100k nesting', (performance.now() - t1).toFixed(1), 'ms', p.diagnostics.map(d => [d.code, d.span]));
t1 = performance.now(); p = parseExpression('('.repeat(64) + 'a' + ')'.repeat(64), 'measure'); console.log('64 nesting', (performance.now() - t1).toFixed(1), 'ms', p.diagnostics);
t1 = performance.now(); p = parseExpression('not '.repeat(50000) + 'a > 1', 'threshold'); console.log('50k not', (performance.now() - t1).toFixed(1), 'ms', p.diagnostics.map(d => d.code));
