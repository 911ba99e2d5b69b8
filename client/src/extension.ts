// The commspec extension: starts the language server (dist/server.js over node IPC), and adds the
// preview, the status bar item and the commands. All the language knowledge is in the server and the
// pure language service; this file is glue.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { analyse, LANGUAGE_ID } from './analysis';
import { checkBid, exportDocument, newFromTemplate } from './commands';
import { PreviewManager } from './preview';
import { StatusItem } from './status';

/** What the extension returns from activate(): used by the extension's own integration tests. */
export interface CommspecApi {
  client(): LanguageClient | undefined;
  previews: PreviewManager;
  output: vscode.OutputChannel;
  analyse: typeof analyse;
}

let client: LanguageClient | undefined;

function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('commspec');
  return {
    lint: { run: c.get<string>('lint.run', 'onType') === 'onSave' ? 'onSave' : 'onType' },
    config: { path: c.get<string>('config.path', '') || undefined },
    // In Restricted Mode the server reads referenced files only inside the workspace folders.
    workspace: { trusted: vscode.workspace.isTrusted },
  };
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      configurationSection: 'commspec',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.commspec.{yaml,yml}'),
    },
    initializationOptions: serverSettings(),
    outputChannel: output,
    diagnosticCollectionName: 'commspec',
    markdown: { isTrusted: false, supportHtml: false },
  };
  return new LanguageClient('commspec', 'commspec language server', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  client = createClient(context, output);
  try {
    await client.start();
    output.appendLine(`[client] language server started (${context.asAbsolutePath('dist/server.js')})`);
  } catch (e) {
    output.appendLine(`[client] the language server did not start: ${(e as Error).stack ?? String(e)}`);
    void vscode.window.showErrorMessage('commspec: the language server did not start. See the commspec output for details.', 'Show output').then((a) => {
      if (a) output.show();
    });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<CommspecApi> {
  const output = vscode.window.createOutputChannel('commspec');
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '');
  output.appendLine(`[client] commspec ${version} activating (VS Code ${vscode.version}, workspace ${vscode.workspace.isTrusted ? 'trusted' : 'restricted'})`);
  const previews = new PreviewManager(context, output);
  const status = new StatusItem();
  context.subscriptions.push(output, previews, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('commspec.restartServer', async () => {
      output.appendLine('[client] restarting the language server');
      if (client) {
        try {
          await client.stop();
        } catch (e) {
          output.appendLine(`[client] stopping: ${(e as Error).message}`);
        }
      }
      await startClient(context, output);
      void vscode.window.setStatusBarMessage('commspec: language server restarted', 3000);
    }),
    vscode.commands.registerCommand('commspec.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('commspec.openPreview', (uri?: vscode.Uri) => openPreview(previews, uri, false)),
    vscode.commands.registerCommand('commspec.openPreviewToSide', (uri?: vscode.Uri) => openPreview(previews, uri, true)),
    vscode.commands.registerCommand('commspec.newFromTemplate', (templateName?: string, target?: vscode.Uri) => newFromTemplate(context.extensionUri, templateName, target)),
    vscode.commands.registerCommand('commspec.checkBid', (uri?: vscode.Uri, interactive?: boolean) => withDocument(uri, (doc) => checkBid(output, doc, interactive !== false))),
    vscode.commands.registerCommand('commspec.export', (uri?: vscode.Uri, format?: string, target?: vscode.Uri) => withDocument(uri, (doc) => exportDocument(output, version, doc, format, target))),
    // Trust granted: the server may now follow references as in a trusted window (and use commspec.config.path).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.appendLine('[client] workspace trusted: restarting the language server');
      void vscode.commands.executeCommand('commspec.restartServer');
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('commspec.config.path')) {
        void vscode.window.showInformationMessage('commspec: restart the language server to use the new configuration file.', 'Restart').then((a) => {
          if (a) void vscode.commands.executeCommand('commspec.restartServer');
        });
      }
    }),
  );

  await startClient(context, output);
  return { client: () => client, previews, output, analyse };
}

async function withDocument<T>(uri: vscode.Uri | undefined, run: (doc: vscode.TextDocument | undefined) => Promise<T>): Promise<T> {
  const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  return run(doc);
}

async function openPreview(previews: PreviewManager, uri: vscode.Uri | undefined, toSide: boolean): Promise<boolean> {
  const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  return previews.open(doc, toSide) !== undefined;
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
