// Commands: new specification from a template, check a bid against its specification, export.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../server/src/service/findings';
import { renderHtml } from '../../server/src/service/render/html';
import { analyse, documentKind, isCommspec } from './analysis';

// ------------------------------------------------------------------ templates

export interface Template {
  file: vscode.Uri;
  label: string;
  description: string;
}

/** The templates shipped in client/templates. The first line of each reads `# <label>: <description>`. */
export async function listTemplates(extensionUri: vscode.Uri): Promise<Template[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'client', 'templates');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const templates: Template[] = [];
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== vscode.FileType.File || !name.endsWith('.commspec.yaml')) continue;
    const file = vscode.Uri.joinPath(dir, name);
    const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    const m = /^#\s*([^:\n]+):\s*(.*)$/m.exec(text.split('\n', 1)[0]);
    templates.push({ file, label: m?.[1].trim() ?? name, description: m?.[2].trim() ?? '' });
  }
  return templates;
}

/**
 * "New specification from template". Arguments (for tests and other extensions): the template's file
 * name and the target file. Without them it asks, and never overwrites a file without asking.
 */
export async function newFromTemplate(extensionUri: vscode.Uri, templateName?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const templates = await listTemplates(extensionUri);
  let template = templateName ? templates.find((t) => path.basename(t.file.path) === templateName) : undefined;
  if (!template) {
    const pick = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.label, detail: t.description, template: t })),
      { title: 'New commspec document from a template', placeHolder: 'Choose a template', matchOnDetail: true },
    );
    if (!pick) return undefined;
    template = pick.template;
  }
  const content = Buffer.from(await vscode.workspace.fs.readFile(template.file)).toString('utf8');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!target) {
    if (!folder) {
      // no folder open: an untitled document in the commspec language, saved wherever the user likes
      const doc = await vscode.workspace.openTextDocument({ language: 'commspec', content });
      await vscode.window.showTextDocument(doc);
      return doc.uri;
    }
    const name = await vscode.window.showInputBox({
      title: 'New commspec document',
      prompt: 'File name (in the workspace folder)',
      value: path.basename(template.file.path),
      validateInput: (v) => (/^[^\\/:*?"<>|]+\.commspec\.ya?ml$/.test(v) ? undefined : 'Use a file name ending in .commspec.yaml, with no folder'),
    });
    if (!name) return undefined;
    target = vscode.Uri.joinPath(folder, name);
    try {
      await vscode.workspace.fs.stat(target);
      const answer = await vscode.window.showWarningMessage(`${name} already exists. Replace it?`, { modal: true }, 'Replace');
      if (answer !== 'Replace') return undefined;
    } catch {
      /* does not exist: fine */
    }
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  return target;
}

// ------------------------------------------------------------------ bid check

const severityIcon: Record<Finding['severity'], string> = { error: '$(error)', warning: '$(warning)', info: '$(info)', hint: '$(lightbulb)' };

export interface BidCheckResult {
  specification?: string;
  findings: Finding[];
}

/**
 * "Check bid against specification": analyses the active bid with the specification it names, lists
 * what was found, and opens the line of the finding picked. (A fuller bid checker comes later.)
 */
export async function checkBid(log: vscode.OutputChannel, document = vscode.window.activeTextEditor?.document, interactive = true): Promise<BidCheckResult | undefined> {
  if (!isCommspec(document) || documentKind(document) !== 'bid') {
    void vscode.window.showWarningMessage('Open a bid (a commspec document with kind: bid) to check it against its specification.');
    return undefined;
  }
  const analysis = analyse(document);
  if (!analysis) return undefined;
  const spec = analysis.linked.specification;
  const specName = spec ? (typeof spec.model.value.title === 'string' ? spec.model.value.title : spec.uri) : undefined;
  const findings = analysis.findings;
  log.appendLine(`[bid check] ${document.uri.fsPath}${specName ? ` against "${specName}"` : ' (specification not found)'}: ${findings.length} finding(s)`);
  for (const f of findings) log.appendLine(`  ${f.severity} line ${f.range.start.line + 1}: ${f.message} [${f.ruleId}]`);
  if (!interactive) return { specification: spec?.uri, findings };
  if (!spec) {
    const problem = analysis.linked.problems[0]?.message ?? 'The specification this bid answers could not be found.';
    void vscode.window.showErrorMessage(`commspec: ${problem}`);
  }
  if (!findings.length) {
    void vscode.window.showInformationMessage(`commspec: the bid answers "${specName ?? 'its specification'}" with no problems found.`);
    return { specification: spec?.uri, findings };
  }
  const pick = await vscode.window.showQuickPick(
    findings.map((f) => ({
      label: `${severityIcon[f.severity]} ${f.message}`,
      description: `line ${f.range.start.line + 1}`,
      detail: f.ruleId,
      finding: f,
    })),
    { title: `Bid check${specName ? ` against "${specName}"` : ''}: ${findings.length} problem${findings.length === 1 ? '' : 's'}`, placeHolder: 'Pick a problem to go to it', matchOnDescription: true, matchOnDetail: true },
  );
  if (pick) {
    const r = pick.finding.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    await vscode.window.showTextDocument(document, { selection: range });
  }
  return { specification: spec?.uri, findings };
}

// ------------------------------------------------------------------ export

/** The formats export offers. Only working formats are listed; others come with the CLI renderers. */
const formats = [{ id: 'html', label: 'HTML page', detail: 'A standalone page to share, publish or print (no script, print-ready)', extension: 'html' }] as const;

/** "Export…": renders the document and writes it. Arguments (for tests): the format and the target file. */
export async function exportDocument(
  log: vscode.OutputChannel,
  version: string,
  document = vscode.window.activeTextEditor?.document,
  format?: string,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  if (!isCommspec(document)) {
    void vscode.window.showWarningMessage('Open a commspec document to export it.');
    return undefined;
  }
  let chosen = formats.find((f) => f.id === format);
  if (!chosen) {
    const pick = formats.length === 1 ? { format: formats[0] } : await vscode.window.showQuickPick(formats.map((f) => ({ label: f.label, detail: f.detail, format: f })), { title: 'Export as' });
    if (!pick) return undefined;
    chosen = pick.format;
  }
  const analysis = analyse(document);
  if (!analysis) return undefined;
  if (!target) {
    const base = document.uri.scheme === 'file' ? document.uri.fsPath.replace(/\.commspec\.ya?ml$/, '') : 'document';
    target = await vscode.window.showSaveDialog({
      title: `Export as ${chosen.label}`,
      defaultUri: vscode.Uri.file(`${base}.${chosen.extension}`),
      filters: { [chosen.label]: [chosen.extension] },
    });
    if (!target) return undefined;
  }
  const html = renderHtml(analysis, { mode: 'standalone', findings: false, footer: `Generated from ${path.basename(document.uri.path)} by commspec ${version}` });
  await vscode.workspace.fs.writeFile(target, Buffer.from(html, 'utf8'));
  log.appendLine(`[export] ${document.uri.fsPath} → ${target.fsPath}`);
  void vscode.window.showInformationMessage(`Exported ${path.basename(target.path)}`, 'Open').then((a) => {
    if (a === 'Open') void vscode.env.openExternal(target!);
  });
  return target;
}

