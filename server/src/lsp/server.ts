// The commspec language server: LSP glue over the pure language service. It keeps document texts in
// sync, debounces and versions diagnostics, scans and watches the workspace, and turns the service's
// plain data into LSP messages. Every handler is wrapped: an internal error is logged and answered
// with an empty result, never a crash.
import pkg from '../../../package.json';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  SemanticTokensBuilder,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction as LspCodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { STANDARD_TOKEN_TYPE } from '../../../grammar/src/index';
import { codeActions } from '../service/features/actions';
import { completion } from '../service/features/completion';
import type { OffsetEdit } from '../service/features/common';
import { hover } from '../service/features/hover';
import { codeLenses, inlayHints } from '../service/features/lenses';
import { definition, highlights, prepareRename, references, rename } from '../service/features/navigation';
import { documentSymbols, foldingRanges, selectionRange, type SelectionRange as PureSelection } from '../service/features/structure';
import { documentLinks, semanticTokens, tokenModifiers, tokenTypes } from '../service/features/tokens';
import type { Analysis } from '../service/service';
import { isConfigFile } from '../service/service';
import type { LineIndex } from '../service/text';
import { isCommspecDocument, resolveUri, Workspace } from '../service/workspace';
import { toCompletionItem, toDiagnostic, toDocumentSymbol } from './convert';
import { fileToUri, findCommspecFiles, readReferencedUri, readUri, uriToFile } from './scan';
import { envRoots, isInside, readTextFile, Roots } from '../io/safe-io';
import path from 'node:path';

export type LintRun = 'onType' | 'onSave';

export interface ServerOptions {
  /** Delay between the last keystroke and linting, in milliseconds. */
  debounceMs?: number;
}

interface Settings {
  lint: { run: LintRun };
  /** One configuration file for the whole workspace (the editor's commspec.config.path). */
  config?: { path?: string };
  /** From the VS Code extension: false in Restricted Mode, where references are followed only inside the workspace folders. */
  workspace?: { trusted?: boolean };
}

const defaultSettings: Settings = { lint: { run: 'onType' } };

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace({ readFile: (uri) => readReferenced(uri) });
  let caps: ClientCapabilities = {};
  let pull = false;
  let settings: Settings = defaultSettings;
  let folders: string[] = [];
  let snippets = false;
  let related = false;
  let refreshSupported = false;
  let tokenLegend: { types: string[]; modifiers: string[]; typeIndex: Map<string, number> } = { types: [], modifiers: [], typeIndex: new Map() };
  let scanFinished: () => void = () => undefined;
  /** Resolves once the initial workspace scan is over (navigation and workspace diagnostics wait for it). */
  const scanned = new Promise<void>((resolve) => (scanFinished = resolve));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const dueAt = new Map<string, number>();
  const changeWaiters = new Set<() => void>();

  // ----- what documents may refer to on disk ---------------------------------------------------------------
  // The workspace folders (or, with none, the folders of the open documents), COMMSPEC_ROOTS, and the
  // configuration file chosen in the settings. Nothing else is read, whatever a document says.
  let allowed: Roots | undefined;
  let trusted = true;
  let configFileUri: string | undefined;
  const refusedLogged = new Set<string>();
  function roots(): Roots {
    if (!allowed) {
      const dirs = folders.map(uriToFile).filter((d): d is string => d !== undefined);
      if (!trusted) {
        allowed = new Roots(dirs);
        return allowed;
      }
      if (!dirs.length) for (const d of documents.all()) {
        const f = uriToFile(d.uri);
        if (f) dirs.push(path.dirname(f));
      }
      allowed = new Roots([...dirs, ...envRoots()]);
    }
    return allowed;
  }
  /** Whether a file: uri names a file inside the folders documents may refer to (by real path). */
  function insideWorkspace(uri: string): boolean {
    const file = uriToFile(uri);
    return file !== undefined && roots().contains(file);
  }
  /** Whether a configuration file lies in a workspace folder, an open document's folder, or a folder above one (where it applies). */
  function configAbove(uri: string): boolean {
    const file = uriToFile(uri);
    if (!file) return false;
    const dir = path.dirname(file);
    const below = [...folders.map(uriToFile), ...documents.all().map((d) => uriToFile(d.uri))].filter((d): d is string => d !== undefined);
    return below.some((d) => isInside(path.resolve(d), dir));
  }
  function readReferenced(uri: string): string | undefined {
    // configuration files apply from every folder above a document, as in the CLI: read them wherever they are
    // (but only regular files, up to the size limit)
    if (uri === configFileUri || (isConfigFile(uri) && configAbove(uri))) return readUri(uri);
    return textOrLog(uri, readReferencedUri(uri, roots()));
  }

  /** The text read, or undefined with the reason logged once per file (a pipe, a huge file, outside the workspace). */
  function textOrLog(uri: string, r: { text: string } | { refused: string; message: string }): string | undefined {
    if ('refused' in r) {
      if (r.refused !== 'missing' && !refusedLogged.has(uri)) {
        refusedLogged.add(uri);
        log(`${uri} was not read: ${r.message}`);
      }
      return undefined;
    }
    return r.text;
  }

  /** Reads a document found in a workspace folder, logging why one is not read (a pipe, a huge file). */
  function readFound(uri: string): string | undefined {
    const file = uriToFile(uri);
    if (!file) return undefined;
    return textOrLog(uri, readTextFile(file));
  }

  const log = (message: string) => {
    try {
      connection.console.error(`[commspec] ${message}`);
    } catch {
      /* the connection is gone */
    }
  };

  function safe<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
        return fallback;
      }
    };
  }

  const analysisOf = (uri: string): Analysis | undefined => ws.analysis(uri);
  const linesOf = (uri: string): LineIndex | undefined => analysisOf(uri)?.doc.lines;
  const offsetOf = (a: Analysis, position: { line: number; character: number }) => a.doc.lines.offsetAt(position);

  function toWorkspaceEdit(changes: Map<string, OffsetEdit[]>): WorkspaceEdit {
    const out: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of changes) {
      const lines = linesOf(uri);
      if (!lines) continue;
      out[uri] = edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
    }
    return { changes: out };
  }

  const diagnosticsFor = (a: Analysis): Diagnostic[] => a.findings.map((f) => toDiagnostic(f, related));

  // ----- push diagnostics, debounced and versioned ------------------------------------------------------

  const published = new Map<string, Diagnostic[]>();

  // Until the editor's settings are read (just after `initialized`), diagnostics would use the wrong
  // configuration: runs due before then wait for them (and go ahead after 2 s if the client never says).
  let settingsKnown = false;
  const waitingForSettings = new Set<string>();
  let settingsRead: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (settingsRead = resolve));
  const settingsTimeout = setTimeout(() => settingsRead(), 2000);
  settingsTimeout.unref?.();
  void settingsReady.then(() => {
    clearTimeout(settingsTimeout);
    settingsKnown = true;
    for (const uri of waitingForSettings) schedule(uri, 0);
    waitingForSettings.clear();
  });

  function publish(uri: string): void {
    timers.delete(uri);
    if (!settingsKnown) {
      waitingForSettings.add(uri);
      return;
    }
    const doc = documents.get(uri);
    if (!doc || pull) return;
    const version = doc.version;
    const a = analysisOf(uri);
    if (!a) return;
    // a newer edit arrived while this one was being checked: its own run will publish
    if (documents.get(uri)?.version !== version || timers.has(uri)) return;
    const diagnostics = diagnosticsFor(a);
    published.set(uri, diagnostics);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * Publishes a document's diagnostics after `delay`. An edit to the document postpones a pending run (the
   * typing debounce); a change elsewhere (`postpone` false) never delays a run already due sooner, such as
   * the immediate one when a document is opened.
   */
  function schedule(uri: string, delay = debounceMs, postpone = true): void {
    if (pull) return;
    const now = performance.now();
    if (!postpone && timers.has(uri) && (dueAt.get(uri) ?? Infinity) <= now + delay) return;
    dueAt.set(uri, now + delay);
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.set(
      uri,
      setTimeout(() => {
        try {
          publish(uri);
        } catch (e) {
          log(`diagnostics for ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
        }
      }, delay),
    );
  }

  /** Something changed that other documents may depend on: re-check them. */
  function changed(uri: string | undefined): void {
    for (const w of [...changeWaiters]) w();
    if (pull) {
      if (refreshSupported) connection.languages.diagnostics.refresh();
      return;
    }
    if (settings.lint.run === 'onSave' && uri && documents.get(uri)) return;
    const affected = new Set<string>();
    if (!uri || isConfigFile(uri)) for (const d of documents.all()) affected.add(d.uri);
    else for (const d of ws.dependents(uri)) if (documents.get(d)) affected.add(d);
    for (const d of affected) schedule(d, debounceMs, false);
  }

  // ----- lifecycle ----------------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    related = !!caps.textDocument?.publishDiagnostics?.relatedInformation || pull;
    refreshSupported = !!caps.workspace?.diagnostics?.refreshSupport;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!folders.length && params.rootUri) folders = [params.rootUri];
    allowed = undefined;
    const init = params.initializationOptions as Partial<Settings> | undefined;
    trusted = init?.workspace?.trusted !== false;
    if (init?.lint?.run === 'onSave' || init?.lint?.run === 'onType') settings = { lint: { run: init.lint.run } };
    applyConfigPath(init?.config?.path);
    // semantic token types: our own where the client knows them, the nearest standard type otherwise
    const clientTypes = new Set(caps.textDocument?.semanticTokens?.tokenTypes ?? []);
    const types: string[] = [];
    const typeIndex = new Map<string, number>();
    for (const t of tokenTypes) {
      const name = clientTypes.has(t) ? t : STANDARD_TOKEN_TYPE[t as keyof typeof STANDARD_TOKEN_TYPE] ?? 'variable';
      if (!types.includes(name)) types.push(name);
      typeIndex.set(t, types.indexOf(name));
    }
    tokenLegend = { types, modifiers: [...tokenModifiers], typeIndex };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [':', '/', '[', ',', '-', ' '], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'commspec' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: types, tokenModifiers: [...tokenModifiers] }, full: true, range: true },
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        diagnosticProvider: pull ? { identifier: 'commspec', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'commspec-language-server', version: pkg.version },
    };
  });

  /** A configuration file path from the editor: absolute, or relative to the first workspace folder. */
  function applyConfigPath(p: string | undefined): void {
    const set = (uri: string | undefined) => {
      configFileUri = uri;
      ws.setConfigFile(uri);
    };
    if (!p) return set(undefined);
    if (/^[a-z][a-z0-9+.-]*:/i.test(p) && !/^[a-z]:[\\/]/i.test(p)) return set(p);
    if (p.startsWith('/') || /^[a-z]:[\\/]/i.test(p)) return set(fileToUri(p));
    const base = folders[0];
    set(base ? `${base.replace(/\/$/, '')}/${p.replace(/^\.\//, '')}` : fileToUri(p));
  }

  async function loadSettings(): Promise<void> {
    if (!caps.workspace?.configuration) return;
    try {
      const c = (await connection.workspace.getConfiguration({ section: 'commspec' })) as Partial<Settings> | null;
      const run = c?.lint?.run;
      settings = { lint: { run: run === 'onSave' ? 'onSave' : 'onType' } };
      applyConfigPath(c?.config?.path);
    } catch (e) {
      log(`could not read settings: ${(e as Error).message}`);
    }
  }

  async function scanFolders(list: string[]): Promise<void> {
    for (const folder of list) {
      const dir = uriToFile(folder);
      if (!dir) continue;
      const files = await findCommspecFiles(dir);
      for (const f of files) {
        const uri = fileToUri(f);
        if (!documents.get(uri)) ws.found(uri, readFound(uri));
      }
    }
  }

  connection.onInitialized(
    safe('initialized', undefined, async () => {
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: '**/*.commspec.{yaml,yml}' }, { globPattern: '**/.commspec.{yaml,yml}' }],
          })
          .catch((e) => log(`could not watch files: ${(e as Error).message}`));
      }
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safe('workspace folders', undefined, async (e) => {
            folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
            allowed = undefined;
            await scanFolders(e.added.map((a) => a.uri));
            changed(undefined);
          }),
        );
      }
      try {
        try {
          await loadSettings();
        } finally {
          settingsRead();
        }
        const progress = caps.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
        progress?.begin('commspec: reading the workspace', undefined, undefined, false);
        await scanFolders(folders).catch((e) => log(`workspace scan failed: ${(e as Error).message}`));
        progress?.done();
      } finally {
        scanFinished();
      }
      changed(undefined);
      const t = setTimeout(() => void indexAll().catch((e) => log(`indexing failed: ${(e as Error)?.stack ?? String(e)}`)), indexDelayMs);
      t.unref?.();
    }),
  );

  /**
   * A second after the workspace is read, the documents that are not open are analysed in the background,
   * in slices of about 20 ms between other work, so that the first find-references or rename across the
   * workspace does not wait for all of them. What is kept of each is small (see Workspace.analysis).
   * Requests that need every document (references, rename, code lenses) wait for the same run rather than
   * analysing the rest in one go, so the server keeps answering in the meantime.
   */
  const indexDelayMs = 1000;
  let shuttingDown = false;
  let indexing: Promise<void> | undefined;
  function indexAll(): Promise<void> {
    indexing ??= (async () => {
      try {
        const uris = ws.uris().filter((u) => !documents.get(u) && !ws.isFresh(u));
        if (!uris.length || shuttingDown) return;
        const progress = caps.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
        progress?.begin('commspec: indexing the workspace', 0, `${uris.length} documents`, false);
        await analyseInSlices(
          uris,
          () => undefined,
          (done) => progress?.report(Math.round((done / uris.length) * 100), `${done} of ${uris.length}`),
          () => shuttingDown,
        );
        progress?.done();
      } finally {
        indexing = undefined;
      }
    })();
    return indexing;
  }
  /**
   * Analyses documents one after another, skipping those opened meanwhile (their own diagnostics cover them),
   * and hands each analysis to `each`. Every 20 ms or so it tells `afterSlice` how many are done and lets
   * other work run (edits, hovers, the open documents' diagnostics); it stops early when `stop` says so.
   */
  async function analyseInSlices(uris: string[], each: (uri: string, a: Analysis) => void, afterSlice: (done: number) => void, stop: () => boolean): Promise<void> {
    let sliceStart = performance.now();
    for (let i = 0; i < uris.length && !stop(); i++) {
      if (!documents.get(uris[i])) {
        const a = analysisOf(uris[i]);
        if (a) each(uris[i], a);
      }
      if (performance.now() - sliceStart > 20) {
        afterSlice(i + 1);
        await new Promise((r) => setImmediate(r));
        sliceStart = performance.now();
      }
    }
  }

  /** Completion answers at once, from the documents analysed so far. */
  const quickView = { analysis: (uri: string) => ws.analysis(uri), all: () => ws.analysedSoFar() };

  connection.onDidChangeConfiguration(
    safe('configuration', undefined, async (params) => {
      const s = (params.settings as { commspec?: Partial<Settings> } | undefined)?.commspec;
      if (s?.lint?.run) {
        settings = { lint: { run: s.lint.run === 'onSave' ? 'onSave' : 'onType' } };
        applyConfigPath(s.config?.path);
      } else await loadSettings();
      changed(undefined);
    }),
  );

  // ----- documents -------------------------------------------------------------------------------------------

  documents.onDidOpen((e) => {
    try {
      if (!folders.length) allowed = undefined; // no workspace: the open documents' folders are the roots
      ws.open(e.document.uri, e.document.getText(), e.document.version);
      schedule(e.document.uri, 0);
      changed(e.document.uri);
    } catch (err) {
      log(`open failed: ${(err as Error).message}`);
    }
  });
  documents.onDidChangeContent((e) => {
    try {
      // onDidOpen handles the first content (TextDocuments reports it as a change too, right after the open)
      if (!ws.isOpen(e.document.uri) || ws.version(e.document.uri) === e.document.version) return;
      ws.update(e.document.uri, e.document.getText(), e.document.version);
      if (settings.lint.run === 'onType') schedule(e.document.uri);
      changed(e.document.uri);
    } catch (err) {
      log(`change failed: ${(err as Error).message}`);
    }
  });
  documents.onDidSave((e) => {
    try {
      ws.setDiskText(e.document.uri, readUri(e.document.uri));
      if (settings.lint.run === 'onSave') {
        if (pull) {
          const a = analysisOf(e.document.uri);
          if (a) savedAnalyses.set(e.document.uri, a);
          if (refreshSupported) connection.languages.diagnostics.refresh();
        } else {
          schedule(e.document.uri, 0);
          for (const d of ws.dependents(e.document.uri)) if (documents.get(d)) schedule(d, 0);
        }
      }
    } catch (err) {
      log(`save failed: ${(err as Error).message}`);
    }
  });
  documents.onDidClose((e) => {
    try {
      const uri = e.document.uri;
      const t = timers.get(uri);
      if (t) clearTimeout(t);
      timers.delete(uri);
      dueAt.delete(uri);
      ws.close(uri);
      savedAnalyses.delete(uri);
      if (!pull && published.has(uri)) {
        published.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      changed(uri);
    } catch (err) {
      log(`close failed: ${(err as Error).message}`);
    }
  });

  connection.onDidChangeWatchedFiles(
    safe('watched files', undefined, (params) => {
      for (const c of params.changes) {
        if (!isCommspecDocument(c.uri) && !isConfigFile(c.uri)) continue;
        ws.setDiskText(c.uri, c.type === FileChangeType.Deleted ? undefined : readUri(c.uri));
        if (isConfigFile(c.uri)) changed(c.uri);
        else changed(c.uri);
      }
    }),
  );

  // ----- pull diagnostics --------------------------------------------------------------------------------------

  const savedAnalyses = new Map<string, Analysis>();
  const resultIds = new WeakMap<Analysis, string>();
  let resultCounter = 0;
  const resultIdOf = (a: Analysis) => {
    let id = resultIds.get(a);
    if (!id) resultIds.set(a, (id = `r${++resultCounter}`));
    return id;
  };
  const cancelled = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was being checked', { retriggerRequest: true });

  connection.languages.diagnostics.on(
    safe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, async (params, token: CancellationToken) => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      const version = doc?.version;
      await settingsReady;
      // let pending edits arrive first, so a report is never made for a text about to change
      await new Promise((r) => setImmediate(r));
      if (token.isCancellationRequested || documents.get(uri)?.version !== version) throw cancelled();
      let a: Analysis | undefined;
      if (doc && settings.lint.run === 'onSave') {
        a = savedAnalyses.get(uri);
        if (!a) {
          a = analysisOf(uri);
          if (a) savedAnalyses.set(uri, a);
        }
      } else a = analysisOf(uri);
      if (!a) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (token.isCancellationRequested || documents.get(uri)?.version !== version) throw cancelled();
      const resultId = resultIdOf(a);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnosticsFor(a) };
    }),
  );

  connection.languages.diagnostics.onWorkspace(
    safe('workspace diagnostics', { items: [] }, async (params, token, workDone, resultProgress) => {
      await scanned;
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      // Documents are checked in slices (analyseInSlices); with a partial-result token, each slice's reports
      // go to the client as soon as they are made (nothing is held to be sent in one large answer).
      // progress is shown for the first pass only: a pass after a hold re-checks what changed, and is quick
      const compute = async (showProgress: boolean) => {
        const full: WorkspaceDocumentDiagnosticReport[] = [];
        const unchanged: WorkspaceDocumentDiagnosticReport[] = [];
        let streamed = false;
        const uris = ws.uris().filter((u) => !documents.get(u));
        if (showProgress) workDone.begin('commspec: checking the workspace', 0, `${uris.length} documents`, true);
        let batch: WorkspaceDocumentDiagnosticReport[] = [];
        const flush = (i: number) => {
          if (showProgress) workDone.report(Math.round((i / Math.max(1, uris.length)) * 100), `${i} of ${uris.length}`);
          if (!batch.length) return;
          if (resultProgress) {
            resultProgress.report({ items: batch });
            streamed = true;
          } else full.push(...batch);
          batch = [];
        };
        await analyseInSlices(
          uris,
          (uri, a) => {
            const resultId = resultIdOf(a);
            if (previous.get(uri) === resultId) unchanged.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
            else batch.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnosticsFor(a) });
          },
          flush,
          () => token.isCancellationRequested,
        );
        flush(uris.length);
        if (showProgress) workDone.done();
        return { full, unchanged, streamed };
      };
      let result = await compute(true);
      // nothing new: hold the request until something changes (the client asks again as soon as we answer)
      if (!result.streamed && !result.full.length && previous.size && !token.isCancellationRequested) {
        await new Promise<void>((resolve) => {
          const done = () => {
            changeWaiters.delete(done);
            resolve();
          };
          changeWaiters.add(done);
          token.onCancellationRequested(done);
          setTimeout(done, 60_000);
        });
        if (token.isCancellationRequested) return { items: [] };
        result = await compute(false);
      }
      const rest = [...result.full, ...result.unchanged];
      // with partial results, the final answer is empty and everything has gone as progress
      if (resultProgress) {
        if (rest.length) resultProgress.report({ items: rest });
        return { items: [] };
      }
      return { items: rest };
    }),
  );

  // ----- editor features ------------------------------------------------------------------------------------------

  const withDoc = <R>(uri: string, fallback: R, fn: (a: Analysis) => R): R => {
    const a = analysisOf(uri);
    return a ? fn(a) : fallback;
  };

  connection.onCompletion(
    safe('completion', null, (params) =>
      withDoc(params.textDocument.uri, null, (a) => {
        const items = completion(a, offsetOf(a, params.position), quickView).map((e) => toCompletionItem(e, a.doc.lines, snippets));
        return { isIncomplete: false, items };
      }),
    ),
  );

  connection.onHover(
    safe('hover', null, (params) =>
      withDoc(params.textDocument.uri, null, (a) => {
        const h = hover(a, offsetOf(a, params.position), ws);
        return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: a.doc.lines.range(h.start, h.end) } : null;
      }),
    ),
  );

  connection.onDefinition(
    safe('definition', null, async (params) => {
      await scanned;
      return withDoc(params.textDocument.uri, null, (a) => {
        const d = definition(a, offsetOf(a, params.position), ws);
        if (!d) return null;
        if (caps.textDocument?.definition?.linkSupport) {
          const target = d.target.range;
          return [{ originSelectionRange: a.doc.lines.range(d.origin.start, d.origin.end), targetUri: d.target.uri, targetRange: target, targetSelectionRange: target }];
        }
        return { uri: d.target.uri, range: d.target.range };
      });
    }),
  );

  connection.onReferences(
    safe('references', [], async (params) => {
      await scanned;
      await indexAll();
      return withDoc(params.textDocument.uri, [], (a) => references(a, offsetOf(a, params.position), ws, params.context.includeDeclaration).map((l) => ({ uri: l.uri, range: l.range })));
    }),
  );

  connection.onDocumentHighlight(
    safe('highlight', [], (params) =>
      withDoc(params.textDocument.uri, [], (a) => highlights(a, offsetOf(a, params.position)).map((h) => ({ range: a.doc.lines.range(h.start, h.end), kind: h.declaration ? 3 : 2 }))),
    ),
  );

  connection.onPrepareRename(
    safe('prepare rename', null, (params) =>
      withDoc(params.textDocument.uri, null, (a) => {
        const p = prepareRename(a, offsetOf(a, params.position));
        if (!p) return null;
        if ('error' in p) throw new ResponseError(LSPErrorCodes.RequestFailed, p.error);
        return { range: a.doc.lines.range(p.start, p.end), placeholder: p.placeholder };
      }),
    ),
  );

  connection.onRenameRequest(
    safe('rename', null, async (params) => {
      await scanned;
      await indexAll();
      return withDoc(params.textDocument.uri, null, (a) => {
        const r = rename(a, offsetOf(a, params.position), params.newName, ws);
        if ('error' in r) throw new ResponseError(LSPErrorCodes.RequestFailed, r.error);
        return toWorkspaceEdit(r.changes);
      });
    }),
  );

  connection.onDocumentSymbol(safe('symbols', [], (params) => withDoc(params.textDocument.uri, [], (a) => documentSymbols(a).map(toDocumentSymbol))));

  connection.onFoldingRanges(safe('folding', [], (params) => withDoc(params.textDocument.uri, [], (a) => foldingRanges(a))));

  connection.onSelectionRanges(
    safe('selection ranges', [], (params) =>
      withDoc(params.textDocument.uri, [], (a) =>
        params.positions.map((p) => {
          const convert = (s: PureSelection | undefined): { range: ReturnType<LineIndex['range']>; parent?: unknown } | undefined =>
            s ? { range: a.doc.lines.range(s.start, s.end), parent: convert(s.parent) } : undefined;
          const offset = offsetOf(a, p);
          return (convert(selectionRange(a, offset)) ?? { range: a.doc.lines.range(offset, offset) }) as never;
        }),
      ),
    ),
  );

  const buildTokens = (a: Analysis, range?: { start: number; end: number }) => {
    const b = new SemanticTokensBuilder();
    for (const t of semanticTokens(a, range)) {
      const type = tokenLegend.typeIndex.get(t.type);
      if (type === undefined) continue;
      let mods = 0;
      for (const m of t.modifiers) {
        const i = tokenLegend.modifiers.indexOf(m);
        if (i >= 0) mods |= 1 << i;
      }
      b.push(t.line, t.character, t.length, type, mods);
    }
    return b.build();
  };
  connection.languages.semanticTokens.on(safe('semantic tokens', { data: [] }, (params) => withDoc(params.textDocument.uri, { data: [] }, (a) => buildTokens(a))));
  connection.languages.semanticTokens.onRange(
    safe('semantic tokens', { data: [] }, (params) => withDoc(params.textDocument.uri, { data: [] }, (a) => buildTokens(a, { start: offsetOf(a, params.range.start), end: offsetOf(a, params.range.end) }))),
  );

  connection.onDocumentLinks(
    safe('links', [], (params) => withDoc(params.textDocument.uri, [], (a) => documentLinks(a, { resolve: resolveUri }, { allowFile: (target) => insideWorkspace(target) }).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip })))),
  );

  connection.onCodeAction(
    safe('code actions', [], (params) =>
      withDoc(params.textDocument.uri, [], (a) => {
        const range = { start: offsetOf(a, params.range.start), end: offsetOf(a, params.range.end) };
        const only = params.context.only;
        const kinds: Record<string, string> = { quickfix: CodeActionKind.QuickFix, 'refactor.rewrite': CodeActionKind.RefactorRewrite, source: CodeActionKind.Source };
        return codeActions(a, range, ws)
          .map((c): LspCodeAction => ({
            title: c.title,
            kind: kinds[c.kind],
            edit: toWorkspaceEdit(c.edits),
            diagnostics: c.findings?.map((f) => toDiagnostic(f, related)),
            isPreferred: c.isPreferred,
          }))
          .filter((c) => !only?.length || only.some((k) => c.kind === k || c.kind!.startsWith(`${k}.`)));
      }),
    ),
  );

  connection.onCodeLens(
    safe('code lens', [], async (params) => {
      // a specification's lenses count the bids that answer it, across the workspace
      if (ws.analysis(params.textDocument.uri)?.model.kind === 'specification') {
        await scanned;
        await indexAll();
      }
      return withDoc(params.textDocument.uri, [], (a) => codeLenses(a, ws).map((l) => ({ range: l.range, command: { title: l.title, command: '' } })));
    }),
  );

  connection.languages.inlayHint.on(
    safe('inlay hints', [], (params) =>
      withDoc(params.textDocument.uri, [], (a) =>
        inlayHints(a, { start: offsetOf(a, params.range.start), end: offsetOf(a, params.range.end) }).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: true })),
      ),
    ),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    for (const w of [...changeWaiters]) w();
  });

  documents.listen(connection);
}
