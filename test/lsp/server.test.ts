import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceDiagnosticRequest } from 'vscode-languageserver-protocol';
import { generateSpecification } from '../../bench/generate.mjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer, pullCapabilities, pushCapabilities, startClient, tempWorkspace, type TestClient } from './client';

/** Position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('language server over stdio (push diagnostics)', () => {
  let client: TestClient;
  const ws = tempWorkspace();
  const specText = readFileSync(ws.file('spec.commspec.yaml'), 'utf8');
  const bidText = readFileSync(ws.file('bid.commspec.yaml'), 'utf8');
  let init: any;

  beforeAll(async () => {
    buildServer();
    client = startClient();
    init = await client.initialize(`file://${ws.dir}`, pushCapabilities);
  });
  afterAll(async () => {
    if (client) await client.stop();
  });

  test('initialize announces the features', () => {
    const c = init.capabilities;
    expect(c.textDocumentSync.change).toBe(2);
    for (const k of ['completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'semanticTokensProvider', 'documentLinkProvider', 'codeActionProvider', 'codeLensProvider', 'inlayHintProvider']) {
      expect(c[k], k).toBeTruthy();
    }
    expect(c.diagnosticProvider).toBeUndefined(); // this client has no pull diagnostics
  });

  test('opening a document publishes diagnostics with rule codes, links and the version', async () => {
    const broken = specText.replace('tiers: [additional, complex]', 'tiers: [additional, complx]');
    client.open(ws.uri('spec.commspec.yaml'), broken, 1);
    const d = await client.waitForDiagnostics(ws.uri('spec.commspec.yaml'), (p) => p.version === 1);
    const finding = d.diagnostics.find((x) => x.code === 'references/resolve');
    expect(finding, JSON.stringify(d.diagnostics)).toBeDefined();
    expect(finding!.message).toContain("did you mean 'complex'");
    expect(finding!.codeDescription?.href).toMatch(/references\/resolve\.md$/);
    expect(finding!.range.start).toEqual(pos(broken, 'complx'));
    expect(finding!.source).toBe('commspec');
  });

  test('a quick fix for the finding applies the suggestion', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const broken = specText.replace('tiers: [additional, complex]', 'tiers: [additional, complx]');
    const at = pos(broken, 'complx', 2);
    const actions: any[] = await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const fix = actions.find((a) => a.title === "Change to 'complex'");
    expect(fix, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    expect(fix.kind).toBe('quickfix');
    expect(fix.edit.changes[uri]).toEqual([{ range: { start: pos(broken, 'complx'), end: pos(broken, 'complx', 6) }, newText: 'complex' }]);
  });

  test('incremental edits: diagnostics follow the text and are never published for an old version', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const broken = specText.replace('tiers: [additional, complex]', 'tiers: [additional, complx]');
    const start = pos(broken, 'complx');
    const before = client.diagnostics.length;
    // three quick edits inside the debounce window: only the last version may be published
    for (const [version, text] of [[2, 'compl'], [3, 'comple'], [4, 'complex']] as const) {
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start, end: { line: start.line, character: start.character + (version === 2 ? 6 : version === 3 ? 5 : 6) } }, text }],
      });
    }
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 4);
    expect(d.diagnostics.filter((x) => x.code === 'references/resolve')).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    const later = client.diagnostics.slice(before).filter((p) => p.uri === uri);
    expect(later.map((p) => p.version)).toEqual([4]);
  });

  test('completion offers the tiers of the referenced framework', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const at = pos(specText, 'tiers: [additional, complex]', 'tiers: [additional, '.length);
    const list: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at });
    const labels = list.items.map((i: any) => i.label);
    expect(labels).toContain('complex');
    expect(labels).toContain('additional');
    const complex = list.items.find((i: any) => i.label === 'complex');
    expect(complex.documentation.value).toContain('Several needs that need a coordinated multi-agency plan');
  });

  test('hover explains a key from the schema', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const h: any = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(specText, 'polarity: lower', 2) });
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value).toContain('Which way is better');
    expect(h.contents.value).toContain('`higher`');
  });

  test('definition from a bid goes into the specification file, which is not open', async () => {
    const uri = ws.uri('bid.commspec.yaml');
    client.open(uri, bidText, 1);
    const loc: any = await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(bidText, 'outcome: families-stronger', 12) });
    expect(loc.uri).toBe(ws.uri('spec.commspec.yaml'));
    expect(loc.range.start).toEqual(pos(specText, 'families-stronger'));
  });

  test('definition of a tier goes into the framework file', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const loc: any = await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(specText, 'additional, complex', 3) });
    const fw = readFileSync(ws.file('framework.commspec.yaml'), 'utf8');
    expect(loc.uri).toBe(ws.uri('framework.commspec.yaml'));
    expect(loc.range.start).toEqual(pos(fw, 'additional'));
  });

  test('rename an indicator across the specification, its payment rule and the bid', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const at = pos(specText, 'id: goals-met', 6);
    const prepared: any = await client.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at });
    expect(prepared.placeholder).toBe('goals-met');
    const edit: any = await client.conn.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: 'plan-goals-met' });
    const specEdits = edit.changes[uri];
    const bidEdits = edit.changes[ws.uri('bid.commspec.yaml')];
    expect(specEdits).toHaveLength(2); // the declaration and the payment rule
    expect(bidEdits).toHaveLength(1); // the commitment
    expect(bidEdits[0].range.start).toEqual(pos(bidText, 'goals-met'));
    await expect(client.conn.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: 'Plan Goals' })).rejects.toThrow(/not a valid id/);
  });

  test('document symbols, folding and semantic tokens answer', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const symbols: any[] = await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const outcomes = symbols.find((s) => s.name === 'outcomes');
    expect(outcomes.children.map((c: any) => c.name)).toEqual(['families-stronger', 'healthy-start']);
    const folds: any[] = await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.length).toBeGreaterThan(3);
    const tokens: any = await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(0);
  });

  test('bad requests are answered, not crashed on', async () => {
    const h = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.commspec.yaml' }, position: { line: 99, character: 99 } });
    expect(h).toBeNull();
    const c: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri: ws.uri('spec.commspec.yaml') }, position: { line: 10000, character: 5 } });
    expect(Array.isArray(c?.items ?? [])).toBe(true);
    expect(client.proc.exitCode).toBeNull();
  });

  test('shutdown and exit end the process cleanly', async () => {
    const code = await client.stop();
    expect(code).toBe(0);
    client = undefined as unknown as TestClient;
  });
});

describe('language server with pull diagnostics', () => {
  let client: TestClient;
  const ws = tempWorkspace();

  beforeAll(async () => {
    buildServer();
    client = startClient();
    await client.initialize(`file://${ws.dir}`, pullCapabilities);
  });
  afterAll(async () => {
    if (client) await client.stop();
  });

  test('textDocument/diagnostic reports findings and then "unchanged"', async () => {
    const uri = ws.uri('spec.commspec.yaml');
    const text = readFileSync(ws.file('spec.commspec.yaml'), 'utf8').replace('outcomes: [families-stronger]', 'outcomes: [families-stronge]');
    client.open(uri, text, 1);
    const report: any = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d: any) => d.code)).toContain('references/resolve');
    const again: any = await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    expect(again.kind).toBe('unchanged');
    expect(client.diagnostics.filter((d) => d.uri === uri)).toEqual([]); // nothing pushed in pull mode
  });

  test('workspace/diagnostic covers the files that are not open', async () => {
    const report: any = await client.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const uris = report.items.map((i: any) => i.uri).sort();
    expect(uris).toEqual([ws.uri('bid.commspec.yaml'), ws.uri('framework.commspec.yaml')].sort());
    for (const i of report.items) expect(i.kind).toBe('full');
  });
});

/**
 * A temporary workspace of `n` generated specifications (spec-0 … spec-<n-1>), plus an `open.commspec.yaml`
 * for the test to open, and a started client; `done` stops the client and removes the folder.
 */
function generatedWorkspace(name: string, n: number, seed: number, lines = 300) {
  const dir = mkdtempSync(path.join(tmpdir(), `commspec-lsp-${name}-`));
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `spec-${i}.commspec.yaml`), generateSpecification({ seed: seed + i, lines, id: `spec-${i}` }));
  const openUri = pathToFileURL(path.join(dir, 'open.commspec.yaml')).href;
  const openText = generateSpecification({ seed: seed - 1, lines, id: 'open' });
  writeFileSync(new URL(openUri), openText);
  const client = startClient();
  const specUri = (i: number) => pathToFileURL(path.join(dir, `spec-${i}.commspec.yaml`)).href;
  const done = async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, client, openUri, openText, specUri, done };
}

describe('workspace diagnostics in a large workspace', () => {
  test('reports stream to the client as partial results while the server keeps answering the open document', async () => {
    const n = 150;
    const { dir, client, openUri, openText, specUri, done } = generatedWorkspace('large', n, 700);
    try {
      await client.initialize(pathToFileURL(dir).href, pullCapabilities);
      client.open(openUri, openText, 1);
      const batches: any[][] = [];
      let firstBatch: () => void;
      const gotFirst = new Promise<void>((r) => (firstBatch = r));
      client.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, 'ws-diag', (p: any) => {
        batches.push(p.items);
        firstBatch();
      });
      let workspaceDone = 0;
      const whole = client.conn.sendRequest('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'ws-diag' }).then((r: any) => ((workspaceDone = performance.now()), r));
      await gotFirst;
      // while the rest of the workspace is being checked, the open document is still served
      const symbols: any[] = await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: openUri } });
      const answeredAt = performance.now();
      const final: any = await whole;
      expect(symbols.length).toBeGreaterThan(0);
      expect(workspaceDone).toBeGreaterThan(answeredAt);
      expect(final.items).toEqual([]); // everything went as partial results
      expect(batches.length).toBeGreaterThan(1);
      const uris = batches.flat().map((i) => i.uri);
      expect(new Set(uris).size).toBe(uris.length); // each document once
      expect(uris.sort()).toEqual(Array.from({ length: n }, (_, i) => specUri(i)).sort());
      for (const item of batches.flat()) expect(item.kind).toBe('full');
    } finally {
      await done();
    }
  }, 60_000);
});

describe('background indexing', () => {
  test('a second after start, the documents that are not open are indexed in the background, with progress', async () => {
    const n = 40;
    const { dir, client, specUri, done } = generatedWorkspace('index', n, 900, 200);
    const progress: Array<{ token: unknown; value: any }> = [];
    let indexed: () => void;
    const indexing = new Promise<void>((r) => (indexed = r));
    const titles = new Map<unknown, string>();
    client.conn.onNotification('$/progress', (p: { token: unknown; value: any }) => {
      progress.push(p);
      if (p.value.kind === 'begin') titles.set(p.token, p.value.title);
      if (p.value.kind === 'end' && titles.get(p.token) === 'commspec: indexing the workspace') indexed();
    });
    try {
      await client.initialize(pathToFileURL(dir).href, { ...pushCapabilities, window: { workDoneProgress: true } });
      await indexing;
      const begin = progress.find((p) => p.value.kind === 'begin' && p.value.title === 'commspec: indexing the workspace');
      expect(begin?.value.message).toBe(`${n + 1} documents`); // and open.commspec.yaml, not opened here
      // nothing was published for documents that are not open
      expect(client.diagnostics).toEqual([]);
      // references across the workspace are answered from the index
      const uri = specUri(0);
      const text = readFileSync(new URL(uri), 'utf8');
      client.open(uri, text);
      const refs: any[] = await client.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: pos(text, 'id: spec-0', 4), context: { includeDeclaration: true } });
      expect(refs.map((r) => r.uri)).toContain(uri);
    } finally {
      await done();
    }
  }, 60_000);
});

describe('requests that need the whole workspace', () => {
  test('code lenses wait for the workspace to be indexed in slices, while the open document is served meanwhile', async () => {
    const { dir, client, openUri: uri, openText: text, done } = generatedWorkspace('lens', 120, 1300);
    try {
      await client.initialize(pathToFileURL(dir).href, pullCapabilities);
      client.open(uri, text);
      const order: string[] = [];
      const lenses = client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } }).then((r: any) => (order.push('lenses'), r));
      await new Promise((r) => setTimeout(r, 50));
      const symbols = client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then((r: any) => (order.push('symbols'), r));
      const [l, s] = await Promise.all([lenses, symbols]);
      expect(order).toEqual(['symbols', 'lenses']);
      expect(l.length).toBeGreaterThan(0);
      expect(s.length).toBeGreaterThan(0);
    } finally {
      await done();
    }
  }, 60_000);
});

describe('the editor setting commspec.config.path', () => {
  test('one chosen configuration file applies to every document', async () => {
    const ws = tempWorkspace();
    const specText = readFileSync(ws.file('spec.commspec.yaml'), 'utf8');
    // without the setting: find a rule that reports on the fixture
    const plain = startClient();
    await plain.initialize(`file://${ws.dir}`, pushCapabilities);
    plain.open(ws.uri('spec.commspec.yaml'), specText);
    const before = await plain.waitForDiagnostics(ws.uri('spec.commspec.yaml'));
    await plain.stop();
    const rule = before.diagnostics.map((d) => String(d.code)).find((c) => !/^(yaml|schema)\//.test(c));
    expect(rule, 'the fixture has a rule finding to turn off').toBeDefined();
    // with the setting pointing at a file that turns it off (relative to the workspace folder)
    writeFileSync(ws.file('team-settings.yaml'), `rules:\n  ${rule}: off\n`);
    const configured = startClient();
    await configured.initialize(`file://${ws.dir}`, pushCapabilities, { lint: { run: 'onType' }, config: { path: 'team-settings.yaml' } });
    configured.open(ws.uri('spec.commspec.yaml'), specText);
    const after = await configured.waitForDiagnostics(ws.uri('spec.commspec.yaml'));
    await configured.stop();
    expect(after.diagnostics.map((d) => d.code)).not.toContain(rule);
    expect(after.diagnostics.length).toBeLessThan(before.diagnostics.length);
  });
});
