// The language server keeps serving after faults: malformed JSON-RPC, unknown methods, unknown documents,
// out-of-order versions, a burst of 1,000 edits, cancelled requests, and a referenced file that disappears.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer, pushCapabilities, startClient, tempWorkspace, type TestClient } from '../lsp/client';
import { analyse } from '../helpers';

describe('language server robustness over stdio', () => {
  let client: TestClient;
  const ws = tempWorkspace();
  const spec = ws.uri('spec.commspec.yaml');
  const specText = readFileSync(ws.file('spec.commspec.yaml'), 'utf8');

  beforeAll(async () => {
    buildServer();
    client = startClient();
    await client.initialize(`file://${ws.dir}`, pushCapabilities);
    client.open(spec, specText);
    await client.waitForDiagnostics(spec);
  });
  afterAll(async () => {
    if (client) await client.stop();
  });

  /** The server still answers a real request. */
  async function alive(): Promise<void> {
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: spec } })) as unknown[];
    expect(symbols.length).toBeGreaterThan(0);
    expect(client.proc.exitCode).toBeNull();
  }

  test('malformed JSON-RPC messages: broken JSON, a message that is not a request, a wrong header', async () => {
    const raw = (body: string) => client.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    raw('{"jsonrpc":"2.0","id":1,"method":');
    raw('[1,2,3]');
    raw('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":42}}}');
    raw('{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":null}');
    await alive();
  });

  test('unknown methods get MethodNotFound and nothing else happens', async () => {
    await expect(client.conn.sendRequest('commspec/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    await client.conn.sendNotification('commspec/noSuchNotification', {});
    await alive();
  });

  test('requests for documents the server does not know answer empty', async () => {
    const uri = 'file:///nowhere/missing.commspec.yaml';
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    const defs = await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: 3 } });
    expect(defs === null || (Array.isArray(defs) && defs.length === 0)).toBe(true);
    const edits = await client.conn.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'x' });
    expect(edits === null || JSON.stringify(edits) === '{}' || JSON.stringify(edits) === '{"changes":{}}').toBe(true);
    await alive();
  });

  test('an out-of-order (older) version does not replace newer diagnostics', async () => {
    const uri = ws.uri('order.commspec.yaml');
    client.open(uri, specText, 10);
    await client.waitForDiagnostics(uri, (d) => d.version === 10);
    // an older version arrives late: the server must not publish diagnostics for a version older than 10 afterwards
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'commspec: 1\nkind: nonsense\n' }] });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 11 }, contentChanges: [{ text: specText.replace('status: draft', 'status: drafted') }] });
    const last = await client.waitForDiagnostics(uri, (d) => d.version === 11);
    expect(last.diagnostics.some((d) => d.code === 'schema/enum')).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    const after = client.diagnostics.filter((d) => d.uri === uri).map((d) => d.version ?? 0);
    expect(after[after.length - 1]).toBe(11);
    await alive();
  });

  test('1,000 edits in quick succession: the final diagnostics match the final text', async () => {
    const uri = ws.uri('burst.commspec.yaml');
    client.open(uri, specText, 1);
    await client.waitForDiagnostics(uri, (d) => d.version === 1);
    let text = specText;
    const statusAt = text.indexOf('status: draft') + 'status: '.length;
    for (let v = 2; v <= 1001; v++) {
      // alternate a valid and an invalid status, ending on an invalid one
      const value = v % 2 === 0 ? 'draft' : 'drafte';
      const before = text;
      text = text.slice(0, statusAt) + value + text.slice(statusAt).replace(/^[a-z]+/, '');
      const oldValueEnd = statusAt + /^[a-z]+/.exec(before.slice(statusAt))![0].length;
      const start = { line: before.slice(0, statusAt).split('\n').length - 1, character: statusAt - before.lastIndexOf('\n', statusAt - 1) - 1 };
      const end = { line: start.line, character: start.character + (oldValueEnd - statusAt) };
      void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start, end }, text: value }] });
    }
    const final = await client.waitForDiagnostics(uri, (d) => d.version === 1001, 30000);
    const expected = analyse(text, '/virtual/burst.commspec.yaml').findings.filter((f) => f.ruleId === 'schema/enum');
    expect(final.diagnostics.filter((d) => d.code === 'schema/enum').map((d) => d.range)).toEqual(expected.map((f) => f.range));
    expect(expected).toHaveLength(1);
    // nothing older is published after the final version
    await new Promise((r) => setTimeout(r, 500));
    const versions = client.diagnostics.filter((d) => d.uri === uri).map((d) => d.version ?? 0);
    expect(Math.max(...versions)).toBe(1001);
    expect(versions[versions.length - 1]).toBe(1001);
  });

  test('cancelled requests are answered with RequestCancelled or a result, and the server carries on', async () => {
    const { CancellationTokenSource } = await import('vscode-jsonrpc');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => {
        const source = new CancellationTokenSource();
        const p = client.conn.sendRequest('textDocument/completion', { textDocument: { uri: spec }, position: { line: 5, character: 2 } }, source.token);
        source.cancel();
        return p;
      }),
    );
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: number }).code).toBe(-32800);
    await alive();
  });

  test('a referenced framework that is deleted is reported in the specification, not crashed on', async () => {
    rmSync(ws.file('framework.commspec.yaml'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('framework.commspec.yaml'), type: 3 }] });
    const d = await client.waitForDiagnostics(spec, (p) => p.diagnostics.some((x) => x.code === 'references/framework-files'), 15000);
    const missing = d.diagnostics.find((x) => x.code === 'references/framework-files')!;
    expect(missing.message).toMatch(/cannot be found or read/);
    await alive();
  });
});
