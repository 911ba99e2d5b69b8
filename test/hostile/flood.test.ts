// Issue 17, item 4: a 260 KB measure `a.a.a.…` made expressions/syntax report one finding per dot, and
// `findings.push(...list)` threw RangeError: the CLI exited 2 and lost every file's results, and the server stopped
// publishing. Findings are now capped per rule per document with one summary finding, nothing spreads an unbounded
// list into call arguments, and one file that defeats the analysis never costs the others their results.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers';
import { commspec, workspace } from '../cli/run';
import { buildServer, pushCapabilities, startClient, type TestClient } from '../lsp/client';
import { Linter } from '../../cli/src/engine';
import { runParallel } from '../../cli/src/parallel';
import { defaultRules } from '../../server/src/service/config';
import { allRules } from '../../server/src/service/rules/index';
import type { Rule } from '../../server/src/service/rules/types';

const minimal = fixture('language/minimal.commspec.yaml');
/** 130,001 names joined by dots: about 260 KB on one line. */
const flood = minimal.replace('        target:', '        measure: a' + '.a'.repeat(130000) + '\n        target:');
const broken = minimal.replace('status: draft', 'status: drafted');

type JsonResult = { filePath: string; errorCount: number; messages: Array<{ ruleId: string; message: string; line: number }> };

describe('a flood of findings through the CLI', () => {
  for (const threads of ['1', '2']) {
    it(`keeps every file's results and caps the flood at 100 plus one summary (--threads ${threads})`, () => {
      const dir = workspace({ 'a-before.commspec.yaml': broken, 'flood.commspec.yaml': flood, 'z-after.commspec.yaml': broken });
      const r = commspec(['lint', '.', '-f', 'json', '--threads', threads], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1); // findings, not a crash (2)
      const results = JSON.parse(r.stdout) as JsonResult[];
      expect(results.map((x) => path.basename(x.filePath))).toEqual(['a-before.commspec.yaml', 'flood.commspec.yaml', 'z-after.commspec.yaml']);
      for (const i of [0, 2]) expect(results[i].messages.map((m) => m.ruleId)).toContain('schema/enum');
      const syntax = results[1].messages.filter((m) => m.ruleId === 'expressions/syntax');
      expect(syntax).toHaveLength(101);
      const summary = syntax.filter((m) => /more findings/.test(m.message));
      expect(summary).toHaveLength(1);
      expect(summary[0].message).toMatch(/^… and 129,901 more findings of expressions\/syntax in this document, not listed: fix the ones above first/);
      expect(summary[0].line).toBe(20); // at the measure, where the first finding left out is
    }, 60_000);
  }

  it('prints a readable stylish report for the flood', () => {
    const dir = workspace({ 'flood.commspec.yaml': flood });
    const r = commspec(['lint', 'flood.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').length).toBeLessThan(200);
    expect(r.stdout).toMatch(/… and 129,901 more findings of expressions\/syntax/);
  }, 60_000);
});

describe('a flood of findings in the language server over stdio', () => {
  let client: TestClient | undefined;
  afterAll(async () => {
    if (client) await client.stop();
  });

  it('publishes the capped findings and keeps serving other documents', async () => {
    const dir = workspace({ 'flood.commspec.yaml': flood, 'other.commspec.yaml': broken });
    buildServer();
    client = startClient();
    await client.initialize(pathToFileURL(dir).href, pushCapabilities);
    const uri = pathToFileURL(path.join(dir, 'flood.commspec.yaml')).href;
    client.open(uri, flood);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
    const syntax = published.diagnostics.filter((d) => d.code === 'expressions/syntax');
    expect(syntax).toHaveLength(101);
    expect(syntax.some((d) => /… and 129,901 more findings/.test(d.message))).toBe(true);
    const other = pathToFileURL(path.join(dir, 'other.commspec.yaml')).href;
    client.open(other, broken);
    const next = await client.waitForDiagnostics(other, (p) => p.diagnostics.length > 0, 30_000);
    expect(next.diagnostics.map((d) => d.code)).toContain('schema/enum');
    expect(client.proc.exitCode).toBeNull();
  }, 90_000);
});

describe('one bad file never costs the others their results', () => {
  it('a document that makes the analysis throw gets one finding, and the linter goes on', () => {
    // a rule that breaks the engine itself (not its own check, which the engine already catches)
    const hostile: Rule = {
      meta: new Proxy(allRules[0].meta, { get: (t, k) => (k === 'kinds' ? { includes: () => { throw new RangeError('Maximum call stack size exceeded'); } } : Reflect.get(t, k)) }),
      check: () => undefined,
    };
    const linter = new Linter(new Map(), [hostile, ...allRules]);
    const settings = defaultRules(allRules.map((r) => r.meta));
    const bad = linter.run({ index: 0, file: '/w/bad.commspec.yaml', text: minimal, settings, fix: false });
    expect(bad.findings).toHaveLength(1);
    expect(bad.findings[0]).toMatchObject({ ruleId: 'internal/analysis-failed', severity: 'error', range: { start: { line: 0, character: 0 } } });
    expect(bad.findings[0].message).toBe('commspec could not check this file (RangeError: Maximum call stack size exceeded). The other files were checked. Please report this with the file.');
    const good = new Linter().run({ index: 1, file: '/w/good.commspec.yaml', text: broken, settings, fix: false });
    expect(good.findings.map((f) => f.ruleId)).toContain('schema/enum');
  });

  it('a lint thread that dies costs only the file it was on: the rest of its batch is linted again', async () => {
    // a stand-in for dist/lint-worker.js that crashes the whole thread on one file and answers the others
    const dir = workspace({});
    const script = path.join(dir, 'crashing-worker.js');
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ batch }) => {
  if (batch.some((j) => j.file.includes('poison'))) process.exit(7);
  parentPort.postMessage({ results: batch.map((j) => ({ index: j.index, file: j.file, findings: [], deps: {} })) });
});`,
    );
    const settings = defaultRules(allRules.map((r) => r.meta));
    const jobs = Array.from({ length: 30 }, (_, i) => ({ index: i, file: `/w/${i === 11 ? 'poison' : 'spec'}-${i}.commspec.yaml`, text: '', settings, fix: false }));
    let done = 0;
    const results = await runParallel(jobs, 2, script, (n) => (done += n));
    expect(done).toBe(30);
    expect(results.map((r) => r.index)).toEqual(jobs.map((j) => j.index));
    const failed = results.filter((r) => r.findings.length > 0);
    expect(failed.map((r) => r.file)).toEqual(['/w/poison-11.commspec.yaml']);
    expect(failed[0].findings[0].ruleId).toBe('internal/analysis-failed');
    expect(failed[0].findings[0].message).toMatch(/the lint thread stopped \(exit code 7\)/);
  }, 60_000);
});
