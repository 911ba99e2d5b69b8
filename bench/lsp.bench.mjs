// 2. The language server end to end over stdio: server start to first diagnostics, and an edit's round trip
//    (didChange, then a pull-diagnostics request), on the 5,000-line specification; and the server's memory
//    after reading workspaces of 10 to 5,000 documents.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSpecification } from './generate.mjs';
import { fmt, summarise, table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'package.json'));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const serverJs = path.join(here, '..', 'dist', 'server.js');

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function startServer(rootDir, { pull = true } = {}) {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stdin.on('error', () => undefined);
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  let scanDone;
  const scanned = new Promise((r) => (scanDone = r));
  const tokens = new Set();
  conn.onRequest('window/workDoneProgress/create', (p) => {
    tokens.add(p.token);
    return null;
  });
  conn.onNotification('$/progress', (p) => {
    if (p.value?.kind === 'end') scanDone();
  });
  const published = [];
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push(p);
    for (const w of waiters.splice(0)) w(p);
  });
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } } },
  });
  conn.sendNotification('initialized', {});
  return { proc, conn, t0, scanned, published, nextPublish: () => new Promise((r) => waiters.push(r)) };
}

async function stop(s) {
  try {
    await s.conn.sendRequest('shutdown');
    await s.conn.sendNotification('exit');
  } catch {
    /* already gone */
  }
  s.conn.dispose();
  await new Promise((r) => {
    if (s.proc.exitCode !== null) return r();
    s.proc.once('exit', r);
    setTimeout(() => s.proc.kill(), 2000);
  });
}

/**
 * yaml-language-server over stdio, with commspec's JSON Schema mapped to *.commspec.yaml: process start to its
 * first diagnostics for a document (one schema error is planted so that there is something to report).
 */
async function ylsColdStart(text) {
  const bin = path.join(here, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const schemaUri = pathToFileURL(path.join(here, '..', 'schemas', 'specification.schema.json')).href;
  const yaml = { validate: true, hover: true, completion: true, schemas: { [schemaUri]: '*.commspec.yaml' }, schemaStore: { enable: false } };
  const t0 = performance.now();
  const proc = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  proc.stdin.on('error', () => undefined);
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'yaml' ? yaml : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  const first = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p) => p.diagnostics.length && resolve(performance.now() - t0)));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
  conn.sendNotification('initialized', {});
  conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
  const uri = pathToFileURL(path.join(os.tmpdir(), 'commspec-bench-yls', 'a.commspec.yaml')).href;
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: text.replace('commspec: 1', 'commspec: 2') } });
  const ms = await Promise.race([first, new Promise((r) => setTimeout(() => r(NaN), 60000))]);
  await stop({ conn, proc });
  return ms;
}

export async function run({ quick = false } = {}) {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'commspec-bench-lsp-'));
  const text = generateSpecification({ seed: 5000, lines: 5000 });
  const file = path.join(empty, 'spec.commspec.yaml');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const results = {};

  // cold start to first diagnostics for a document of typical size (the bundled NELCP example, ~470 lines)
  const typical = readFileSync(path.join(here, '..', 'examples', 'ne-london-residential.commspec.yaml'), 'utf8');
  const typicalFile = path.join(empty, 'typical.commspec.yaml');
  writeFileSync(typicalFile, typical);
  const typicalSamples = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const p = await startServer(empty, { pull: true });
    p.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(typicalFile).href, languageId: 'commspec', version: 1, text: typical } });
    await p.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: pathToFileURL(typicalFile).href } });
    typicalSamples.push(performance.now() - p.t0);
    await stop(p);
  }
  results.coldStartTypical = summarise(typicalSamples);
  // the peer: yaml-language-server, from process start to its first diagnostics (its own validation delay included)
  const ylsTypical = [];
  const ylsLarge = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    ylsTypical.push(await ylsColdStart(typical));
    ylsLarge.push(await ylsColdStart(text));
  }
  results.ylsColdStartTypical = summarise(ylsTypical);
  results.ylsColdStart = summarise(ylsLarge);

  // cold start to first diagnostics, push mode (what a plain client sees)
  const coldSamples = [];
  const pullColdSamples = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const s = await startServer(empty, { pull: false });
    const first = s.nextPublish();
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'commspec', version: 1, text } });
    await first;
    coldSamples.push(performance.now() - s.t0);
    await stop(s);
    const p = await startServer(empty, { pull: true });
    p.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'commspec', version: 1, text } });
    await p.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    pullColdSamples.push(performance.now() - p.t0);
    await stop(p);
  }
  results.coldStartPush = summarise(coldSamples);
  results.coldStartPull = summarise(pullColdSamples);

  // edit round trip: one-character edit, then pull diagnostics for the new version
  const s = await startServer(empty, { pull: true });
  s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'commspec', version: 1, text } });
  await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const at = text.indexOf('statement: ', text.indexOf('outcomes:')) + 11;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const samples = [];
  const runs = quick ? 10 : 100;
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String.fromCharCode(65 + (i % 26)) }],
    });
    await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    if (i >= 5) samples.push(performance.now() - t0);
  }
  results.editRoundTrip = summarise(samples);
  const completion = [];
  const pos = { line: line + 6, character: 18 };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos });
    completion.push(performance.now() - t0);
  }
  results.completionRoundTrip = summarise(completion);
  await stop(s);
  rmSync(empty, { recursive: true, force: true });

  const vs = (peer, own) => `${(peer.median / own.median).toFixed(2)}×`;
  table(`2. Language server over stdio, ${text.split('\n').length - 1}-line specification (ms; peer: yaml-language-server over stdio)`, ['operation', 'median', 'p95', 'peer median', 'speed-up'], [
    [`start to first diagnostics (pull), ${typical.split('\n').length - 1}-line example`, fmt(results.coldStartTypical.median), fmt(results.coldStartTypical.p95), fmt(results.ylsColdStartTypical.median), vs(results.ylsColdStartTypical, results.coldStartTypical)],
    ['start to first diagnostics (push)', fmt(results.coldStartPush.median), fmt(results.coldStartPush.p95), fmt(results.ylsColdStart.median), vs(results.ylsColdStart, results.coldStartPush)],
    ['start to first diagnostics (pull)', fmt(results.coldStartPull.median), fmt(results.coldStartPull.p95), '', ''],
    ['one-character edit → diagnostics (pull)', fmt(results.editRoundTrip.median), fmt(results.editRoundTrip.p95), '', ''],
    ['completion round trip', fmt(results.completionRoundTrip.median), fmt(results.completionRoundTrip.p95), '', ''],
  ]);

  // server memory after reading workspaces of N documents
  const sizes = quick ? [10, 100, 1000] : [10, 100, 1000, 2000, 5000];
  const memory = [];
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commspec-bench-ws-'));
    for (let i = 0; i < n; i++) {
      const sub = path.join(dir, `area-${i % 20}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `spec-${i}.commspec.yaml`), generateSpecification({ seed: 10000 + i, lines: 300, id: `spec-${i}` }));
    }
    const t0 = performance.now();
    const w = await startServer(dir, { pull: true });
    await Promise.race([w.scanned, new Promise((r) => setTimeout(r, 600000))]);
    const scanMs = performance.now() - t0;
    // workspace diagnostics make the server analyse every document it indexed; references search them all
    const t1 = performance.now();
    const report = await w.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const analyseMs = performance.now() - t1;
    const target = pathToFileURL(path.join(dir, 'area-0', 'spec-0.commspec.yaml')).href;
    await w.conn.sendRequest('textDocument/references', { textDocument: { uri: target }, position: { line: 2, character: 5 }, context: { includeDeclaration: true } });
    globalThis.gc?.();
    memory.push({ documents: n, analysed: report.items.length, scanMs, analyseMs, rssMiB: rssMiB(w.proc.pid) });
    await stop(w);
    rmSync(dir, { recursive: true, force: true });
  }
  results.workspaceMemory = memory;
  table('   server memory after indexing and analysing the whole workspace (workspace/diagnostic)', ['documents', 'analysed', 'scan (s)', 'analysis (s)', 'RSS (MiB)'], memory.map((m) => [m.documents, m.analysed, (m.scanMs / 1000).toFixed(1), (m.analyseMs / 1000).toFixed(1), m.rssMiB.toFixed(0)]));
  return results;
}
