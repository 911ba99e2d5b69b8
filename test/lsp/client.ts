// A small LSP client for protocol tests: spawns the built server over stdio and drives it.
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repo = path.resolve(__dirname, '..', '..');
export const serverJs = path.join(repo, 'dist', 'server.js');

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['server/src', 'grammar/src', 'schemas']) walk(path.join(repo, d));
  return newest;
}

/**
 * Builds dist/server.js with scripts/build.mjs unless it is already newer than every source file.
 * Test files run in parallel processes: a lock keeps one build at a time, and the others then find
 * the bundle fresh instead of rewriting it under a running server.
 */
export function buildServer(): void {
  const lock = path.join(repo, 'dist', '.lsp-test-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`);
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const fresh = existsSync(serverJs) && statSync(serverJs).mtimeMs > newestSource();
    if (!fresh) execFileSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A temporary workspace holding copies of the feature fixtures (never the examples folder itself). */
export function tempWorkspace(): { dir: string; uri: (name: string) => string; file: (name: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'commspec-lsp-'));
  const src = path.join(repo, 'test', 'fixtures', 'features');
  for (const f of readdirSync(src)) cpSync(path.join(src, f), path.join(dir, f));
  return { dir, uri: (n) => pathToFileURL(path.join(dir, n)).href, file: (n) => path.join(dir, n) };
}

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcessWithoutNullStreams;
  diagnostics: PublishDiagnosticsParams[];
  stderr: () => string;
  waitForDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  initialize(rootUri: string, capabilities?: ClientCapabilities, settings?: unknown): Promise<any>;
  open(uri: string, text: string, version?: number): void;
  stop(): Promise<number | null>;
}

export function startClient(): TestClient {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: repo, stdio: 'pipe' });
  let err = '';
  proc.stderr.on('data', (d) => (err += String(d)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  let settings: unknown = {};
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.push(p);
    for (const w of [...waiters]) w();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.listen();
  const client: TestClient = {
    conn,
    proc,
    diagnostics,
    stderr: () => err,
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = [...diagnostics].reverse().find((d) => d.uri === uri && predicate(d));
          if (hit) {
            waiters.splice(waiters.indexOf(check), 1);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(check), 1);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; received ${JSON.stringify(diagnostics.filter((d) => d.uri === uri).map((d) => d.version))}`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    async initialize(rootUri, capabilities = {}, s = {}) {
      settings = s;
      const result = await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities });
      await conn.sendNotification('initialized', {});
      return result;
    },
    open(uri, text, version = 1) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'commspec', version, text } });
    },
    async stop() {
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        proc.kill();
      }
      const code = await Promise.race([exited, new Promise<number | null>((r) => setTimeout(() => r(-1), 5000))]);
      if (code === -1) proc.kill();
      conn.dispose();
      return code;
    },
  };
  return client;
}

export const pushCapabilities: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true },
    completion: { completionItem: { snippetSupport: true } },
    definition: { linkSupport: false },
    synchronization: { didSave: true },
  },
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};

export const pullCapabilities: ClientCapabilities = {
  ...pushCapabilities,
  textDocument: { ...pushCapabilities.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { ...pushCapabilities.workspace, diagnostics: { refreshSupport: true } },
};
