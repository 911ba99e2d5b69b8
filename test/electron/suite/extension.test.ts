// Extension-host tests (mocha, inside VS Code): activation, diagnostics from the language server,
// the commands and the preview. The workspace is the repository's examples/ folder.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { CommspecApi } from '../../../client/src/extension';

// mocha's bdd globals (the suite runs under mocha in the extension host); declared here so the main
// typecheck needs no @types/mocha
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: () => Promise<void> | void): void;

const EXTENSION_ID = 'commspec.commspec';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the examples folder is open');
  return f.uri;
}

async function api(): Promise<CommspecApi> {
  const ext = vscode.extensions.getExtension<CommspecApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

function diagnosticsFor(uri: vscode.Uri, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (now.length) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no diagnostics for ${uri.toString()} in ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (d.length) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

describe('commspec extension', () => {
  it('activates on a commspec document and starts the language server', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'ne-london-residential.commspec.yaml'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'commspec');
    const a = await api();
    assert.ok(a.client()?.isRunning(), 'the language client is running');
  });

  it('reports a problem on the line where it is', async () => {
    const text = readFileSync(path.join(folder().fsPath, 'ne-london-residential.commspec.yaml'), 'utf8').replace('service_type: residential-care', 'service_type: residental-care');
    const doc = await vscode.workspace.openTextDocument({ language: 'commspec', content: text });
    await vscode.window.showTextDocument(doc);
    const diagnostics = await diagnosticsFor(doc.uri);
    const line = text.split('\n').findIndex((l) => l.startsWith('service_type:'));
    const typo = diagnostics.find((d) => d.message.includes('residental-care'));
    assert.ok(typo, 'the misspelt service type is reported');
    assert.equal(typo.range.start.line, line);
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['commspec.newFromTemplate', 'commspec.openPreview', 'commspec.openPreviewToSide', 'commspec.checkBid', 'commspec.export', 'commspec.restartServer']) {
      assert.ok(commands.includes(c), c);
    }
  });

  it('creates a specification from a template that the linter accepts', async () => {
    const target = vscode.Uri.file(path.join(mkdtempSync(path.join(os.tmpdir(), 'commspec-template-')), 'new.commspec.yaml'));
    const created = await vscode.commands.executeCommand<vscode.Uri>('commspec.newFromTemplate', 'family-support.commspec.yaml', target);
    assert.equal(created?.toString(), target.toString());
    const doc = await vscode.workspace.openTextDocument(target);
    const a = await api();
    const analysis = a.analyse(doc);
    assert.equal(analysis?.model.kind, 'specification');
    assert.deepEqual(analysis?.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });

  it('opens the preview and exports standalone HTML', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'ne-london-residential.commspec.yaml');
    assert.equal(await vscode.commands.executeCommand('commspec.openPreviewToSide', uri), true);
    const a = await api();
    const preview = a.previews.get(uri);
    assert.ok(preview && preview.renders > 0, 'the preview rendered');
    assert.match(preview.lastTitle, /Residential placements/);
    const out = vscode.Uri.file(path.join(mkdtempSync(path.join(os.tmpdir(), 'commspec-export-')), 'spec.html'));
    await vscode.commands.executeCommand('commspec.export', uri, 'html', out);
    const html = readFileSync(out.fsPath, 'utf8');
    assert.match(html, /<table class="outcomes-table">/);
    assert.doesNotMatch(html, /<script/);
  });

  it('restarts the language server', async () => {
    await vscode.commands.executeCommand('commspec.restartServer');
    const a = await api();
    assert.ok(a.client()?.isRunning());
  });
});
