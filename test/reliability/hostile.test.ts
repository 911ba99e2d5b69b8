import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers';
import { generateSpecification } from '../../bench/generate.mjs';

const example = readFileSync(path.join(root, 'examples', 'ne-london-residential.commspec.yaml'), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commspec-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Attempt {
  ms: number;
  heapGrowth: number;
  pwned: boolean;
  polluted: boolean;
  findings: Array<{ ruleId: string; message: string; start: number; end: number }>;
  rules: string[];
}

/**
 * Analyses hostile text with the built service (dist/service.js) in a process of its own, and returns
 * the findings and the time taken. In its own process because twice in recent full runs (once here, once
 * in CI; never reproduced on its own) V8 aborted the whole test worker with "RegExpCompiler
 * Allocation failed" while these huge inputs were analysed, losing every result of the run; a child
 * that dies that way is run once more, and a second death fails the test with V8's message.
 */
function attempt(text: string): Attempt {
  const file = path.join(tmp, `doc-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  for (let run = 1; ; run++) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'analyse-child.cjs'), file], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: 180_000 });
    if (r.status === 0) {
      const out = JSON.parse(r.stdout) as Omit<Attempt, 'rules'>;
      for (const f of out.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
      }
      return { ...out, rules: out.findings.map((f) => f.ruleId) };
    }
    const died = `the analysis process ended with ${r.signal ?? `exit code ${r.status}`}: ${(r.stderr || '').slice(0, 2000)}`;
    if (run >= 2 || !/FATAL ERROR|out of memory/.test(r.stderr ?? '')) throw new Error(died);
    console.warn(`hostile.test: ${died.split('\n')[0]} (running it once more)`);
  }
}

describe('hostile documents get a clear finding within bounded time and memory', () => {
  it('billion laughs (nested aliases) is refused, not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const r = attempt(levels.join('\n') + '\n');
    expect(r.rules).toContain('yaml/alias-bomb');
    expect(r.ms).toBeLessThan(5000);
    expect(r.heapGrowth).toBeLessThan(200 * 2 ** 20);
  });

  it('10,000-deep nesting, in brackets and in blocks, is reported without overflowing the stack', () => {
    const flow = attempt('['.repeat(10000) + ']'.repeat(10000));
    expect(flow.rules).toContain('yaml/too-deep');
    const block = attempt(Array.from({ length: 10000 }, () => '- ').join('') + 'x\n');
    expect(block.rules.some((r) => r === 'yaml/too-deep' || r === 'yaml/syntax')).toBe(true);
    const mixed = attempt('a: ' + '{b: '.repeat(10000) + '1' + '}'.repeat(10000) + '\n');
    expect(mixed.rules).toContain('yaml/too-deep');
  });

  it('a 20 MB file is refused with its size', () => {
    const big = 'x: "' + 'a'.repeat(20 * 1024 * 1024) + '"\n';
    const r = attempt(big);
    expect(r.rules).toEqual(['yaml/too-large']);
    expect(r.findings[0].message).toMatch(/20\.0 MB; commspec reads documents up to 10 MB/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('a 5 MB specification is read in full', () => {
    let lines = 100000;
    let text = generateSpecification({ seed: 5, lines });
    while (text.length < 5 * 1024 * 1024) text = generateSpecification({ seed: 5, lines: (lines = Math.ceil(lines * 1.1)) });
    const r = attempt(text);
    expect(r.rules.filter((x) => x.startsWith('yaml/') || x.startsWith('schema/'))).toEqual([]);
    expect(r.ms).toBeLessThan(120000);
  });

  it('a 1 MB single line is read', () => {
    const r = attempt(example.replace(/^title: .*$/m, 'title: ' + 'x'.repeat(1024 * 1024)));
    expect(r.rules.filter((x) => x.startsWith('yaml/') || x.startsWith('schema/'))).toEqual([]);
    expect(r.ms).toBeLessThan(20000);
  });

  it('invalid UTF-8 and NUL bytes are reported, not misread', () => {
    const invalid = new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from('commspec: 1\ntitle: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(attempt(invalid).rules).toContain('yaml/encoding');
    expect(attempt('commspec: 1\u0000\n').rules).toEqual(['yaml/binary']);
  });

  it('custom tags such as !!js/function are never executed', () => {
    const text = example.replace(/^title: .*$/m, 'title: !!js/function "function () { globalThis.__commspecPwned = true }"').replace(/^summary:/m, 'summary: !<tag:yaml.org,2002:js/undefined> x\nsummary2:');
    const r = attempt(text);
    expect(r.rules).toContain('yaml/warning');
    expect(r.pwned).toBe(false);
  });

  it('prototype-pollution keys at every level pollute nothing', () => {
    const text = example.replace('outcomes:\n', 'outcomes:\n').replace(/^(\s+)statement:/m, '$1__proto__: { polluted: true }\n$1constructor: { prototype: { polluted: true } }\n$1statement:') + '__proto__:\n  polluted: true\n';
    const r = attempt(text);
    expect(r.rules).toContain('schema/unknown-key');
    expect(r.polluted).toBe(false);
  });
});

describe('regressions found by fuzzing', () => {
  it('an empty list item at the very end of the file is reported inside the file', () => {
    const text = 'commspec: 1\nkind: framework\nid: x\ntitle: X\nowner: Y\noutcomes:\n  - id: a\n    statement: S\n    indicators:\n      -';
    const r = attempt(text);
    expect(r.rules).toContain('schema/type');
  });
});
