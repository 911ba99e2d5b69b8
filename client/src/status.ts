// The status bar item: what kind of commspec document is open and how many problems it has. Clicking
// it opens the preview beside the editor.
import * as vscode from 'vscode';
import { documentKind, isCommspec, kindWords } from './analysis';

export class StatusItem implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('commspec.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'commspec';
    this.item.command = 'commspec.openPreviewToSide';
    vscode.window.onDidChangeActiveTextEditor(() => this.update(), null, this.subscriptions);
    vscode.languages.onDidChangeDiagnostics(
      (e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.update();
      },
      null,
      this.subscriptions,
    );
    vscode.workspace.onDidChangeTextDocument(
      (e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      },
      null,
      this.subscriptions,
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isCommspec(doc)) {
      this.item.hide();
      return;
    }
    const kind = documentKind(doc);
    const diagnostics = vscode.languages.getDiagnostics(doc.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const others = diagnostics.length - errors - warnings;
    const kindText = kind ? kindWords[kind] : 'commspec';
    const icon = kind === 'bid' ? '$(briefcase)' : kind === 'framework' ? '$(library)' : '$(checklist)';
    const counts = diagnostics.length ? ` $(error) ${errors} $(warning) ${warnings}` : ' $(check)';
    this.item.text = `${icon} ${kindText}${counts}`;
    const words = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const summary = diagnostics.length
      ? `${words(errors, 'error', 'errors')}, ${words(warnings, 'warning', 'warnings')}${others ? `, ${words(others, 'note', 'notes')}` : ''}`
      : 'no problems';
    const what = kind ? `commspec ${kind}` : 'commspec document with no kind';
    this.item.tooltip = `${what}: ${summary}. Click to open the preview.`;
    this.item.accessibilityInformation = { label: `${what}, ${summary}. Open the preview.`, role: 'button' };
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.item.dispose();
  }
}
