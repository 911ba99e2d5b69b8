// The server in this process, over in-memory streams, for behaviour that depends on its options (a long
// typing debounce here), which the stdio binary does not expose.
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../../server/src/lsp/server';
import { tempWorkspace } from './client';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function inProcess(debounceMs: number): { client: MessageConnection; published: PublishDiagnosticsParams[]; next: () => Promise<PublishDiagnosticsParams> } {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, { debounceMs });
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<(p: PublishDiagnosticsParams) => void> = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.splice(0)) w(p);
  });
  client.onNotification('window/logMessage', () => undefined);
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  client.listen();
  dispose = () => {
    client.dispose();
    server.dispose();
  };
  return { client, published, next: () => new Promise((r) => waiters.push(r)) };
}

describe('push diagnostics and the typing debounce', () => {
  test('opening a document publishes at once, not after the typing debounce', async () => {
    const ws = tempWorkspace();
    const { client, next } = inProcess(60_000); // a debounce longer than the test's time limit
    await client.sendRequest('initialize', { processId: null, rootUri: `file://${ws.dir}`, capabilities: { workspace: { configuration: true } } });
    client.sendNotification('initialized', {});
    const first = next();
    client.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.uri('spec.commspec.yaml'), languageId: 'commspec', version: 1, text: readFileSync(ws.file('spec.commspec.yaml'), 'utf8') } });
    const p = await first;
    expect(p.uri).toBe(ws.uri('spec.commspec.yaml'));
    expect(p.version).toBe(1);
  }, 10_000);

  test('an edit waits for the debounce: nothing is published for it in the meantime', async () => {
    const ws = tempWorkspace();
    const { client, next, published } = inProcess(60_000);
    await client.sendRequest('initialize', { processId: null, rootUri: `file://${ws.dir}`, capabilities: {} });
    client.sendNotification('initialized', {});
    const uri = ws.uri('spec.commspec.yaml');
    const first = next();
    client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'commspec', version: 1, text: readFileSync(ws.file('spec.commspec.yaml'), 'utf8') } });
    await first;
    client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'commspec: 1\nkind: specification\n' }] });
    // a request after the edit is answered in order, so the edit has been taken in by then
    await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(published.filter((p) => p.version === 2)).toEqual([]);
  }, 10_000);
});
