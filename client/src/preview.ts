// The preview: the document rendered as the tender a bidder reads, beside the editor. It updates as
// you type (debounced), scrolls in step with the editor both ways, follows the colour theme (the
// page uses VS Code's theme variables) and runs one nonce'd script under a strict CSP.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderHtml, renderParts } from '../../server/src/service/render/html';
import { analyse, isCommspec } from './analysis';

interface PreviewSettings {
  showFindings: boolean;
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  debounceMs: number;
}

function settingsFor(uri: vscode.Uri): PreviewSettings {
  const c = vscode.workspace.getConfiguration('commspec.preview', uri);
  return {
    showFindings: c.get<boolean>('showFindings', true),
    scrollPreviewWithEditor: c.get<boolean>('scrollPreviewWithEditor', true),
    scrollEditorWithPreview: c.get<boolean>('scrollEditorWithPreview', true),
    debounceMs: Math.max(0, Math.min(5000, c.get<number>('debounceMs', 300))),
  };
}

type FromWebview = { type: 'revealLine'; line: number } | { type: 'openLine'; line: number };

class Preview implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The webview holds a page (it is dropped while the panel is hidden). */
  private loaded = false;
  /** Ignore the editor's scroll events until then: they echo a scroll the preview asked for. */
  private editorScrollEchoUntil = 0;
  /** Incremented on every render, so tests and callers can wait for a fresh page. */
  renders = 0;
  lastTitle = '';

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly log: vscode.OutputChannel,
    private readonly onDispose: () => void,
  ) {
    panel.onDidDispose(() => this.dispose(), null, this.subscriptions);
    panel.onDidChangeViewState(
      (e) => {
        if (e.webviewPanel.visible && !this.loaded) this.render(true);
        if (!e.webviewPanel.visible) this.loaded = false;
      },
      null,
      this.subscriptions,
    );
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), null, this.subscriptions);
    vscode.workspace.onDidChangeTextDocument(
      (e) => {
        if (e.document.uri.toString() === this.document.uri.toString() || e.document.languageId === 'commspec') this.schedule();
      },
      null,
      this.subscriptions,
    );
    vscode.window.onDidChangeTextEditorVisibleRanges(
      (e) => {
        if (e.textEditor.document.uri.toString() !== this.document.uri.toString()) return;
        if (Date.now() < this.editorScrollEchoUntil) return;
        if (!settingsFor(this.document.uri).scrollPreviewWithEditor) return;
        const first = e.visibleRanges[0];
        if (first) void this.panel.webview.postMessage({ type: 'scrollToLine', line: first.start.line });
      },
      null,
      this.subscriptions,
    );
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        if (e.affectsConfiguration('commspec.preview', this.document.uri)) this.render(true);
      },
      null,
      this.subscriptions,
    );
    this.render(true);
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render(false);
    }, settingsFor(this.document.uri).debounceMs);
  }

  /** The line at the top of the editor showing this document, if any. */
  private editorLine(): number | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document.uri.toString());
    return editor?.visibleRanges[0]?.start.line;
  }

  render(full: boolean): void {
    const started = Date.now();
    let analysis;
    try {
      analysis = analyse(this.document);
    } catch (e) {
      this.log.appendLine(`[preview] could not analyse ${this.document.uri.toString()}: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    if (!analysis) return;
    const settings = settingsFor(this.document.uri);
    const webview = this.panel.webview;
    const options = { mode: 'webview' as const, cspSource: webview.cspSource, findings: settings.showFindings };
    try {
      if (full || !this.loaded) {
        // a fresh nonce for every page: the only script the page may run is the one rendered with it
        const nonce = randomBytes(18).toString('base64');
        webview.html = renderHtml(analysis, { ...options, nonce });
        this.loaded = true;
        const line = this.editorLine();
        if (line !== undefined && settings.scrollPreviewWithEditor) void webview.postMessage({ type: 'scrollToLine', line });
        this.lastTitle = typeof analysis.model.value.title === 'string' ? analysis.model.value.title : '';
      } else {
        // the page stays (and keeps its scroll position); only the content of <main> is replaced
        const parts = renderParts(analysis, options);
        void webview.postMessage({ type: 'update', html: parts.main, title: parts.title });
        this.lastTitle = parts.title;
      }
      this.panel.title = `Preview ${path.basename(this.document.uri.path)}`;
      this.renders++;
      this.log.appendLine(`[preview] rendered ${path.basename(this.document.uri.path)} in ${Date.now() - started} ms`);
    } catch (e) {
      this.log.appendLine(`[preview] could not render: ${(e as Error).stack ?? String(e)}`);
    }
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (!m || typeof m !== 'object' || typeof m.line !== 'number' || !Number.isInteger(m.line) || m.line < 0) return;
    const line = Math.min(m.line, Math.max(0, this.document.lineCount - 1));
    if (m.type === 'revealLine') {
      if (!settingsFor(this.document.uri).scrollEditorWithPreview) return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document.uri.toString());
      if (!editor) return;
      this.editorScrollEchoUntil = Date.now() + 300;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (m.type === 'openLine') {
      const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document.uri.toString());
      const position = new vscode.Position(line, 0);
      const editor = await vscode.window.showTextDocument(this.document, {
        viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One,
        selection: new vscode.Range(position, position),
        preserveFocus: false,
      });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.onDispose();
    this.panel.dispose();
  }
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.OutputChannel,
  ) {}

  /** Opens (or reveals) the preview of a document, in the active column or beside it. */
  open(document: vscode.TextDocument | undefined, toSide: boolean): Preview | undefined {
    if (!isCommspec(document)) {
      void vscode.window.showWarningMessage('Open a commspec document (a .commspec.yaml file) to preview it.');
      return undefined;
    }
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    if (existing) {
      existing.panel.reveal(column, toSide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      'commspec.preview',
      `Preview ${path.basename(document.uri.path)}`,
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [], enableCommandUris: false },
    );
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'images', 'icon.png');
    const preview = new Preview(document, panel, this.log, () => this.previews.delete(key));
    this.previews.set(key, preview);
    return preview;
  }

  get(uri: vscode.Uri): Preview | undefined {
    return this.previews.get(uri.toString());
  }

  dispose(): void {
    for (const p of [...this.previews.values()]) p.dispose();
  }
}
