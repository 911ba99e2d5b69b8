// The pure language service, run in the extension host for the preview, export and bid check. The
// language server runs the same functions for diagnostics, so the preview and the Problems panel agree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscode from 'vscode';
import { envRoots, isInside, readInside, readTextFile, Roots } from '../../server/src/io/safe-io';
import { isConfigFile } from '../../server/src/service/service';
import type { Analysis } from '../../server/src/service/service';
import { kindAndId, Workspace } from '../../server/src/service/workspace';

export const LANGUAGE_ID = 'commspec';

/**
 * The folders a document may refer into from the extension host: the workspace folders; in a trusted window also
 * COMMSPEC_ROOTS, and with no workspace folder the folder of the document itself. In Restricted Mode nothing
 * outside the workspace folders is read, and with no folder nothing at all.
 */
export function referenceRoots(document: { uri: vscode.Uri }): Roots {
  const dirs = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (vscode.workspace.isTrusted) {
    dirs.push(...envRoots());
    if (!vscode.workspace.workspaceFolders?.length && document.uri.scheme === 'file') dirs.push(path.dirname(document.uri.fsPath));
  }
  return new Roots(dirs);
}

/** Whether a configuration file lies in the folder of `document`, of a workspace folder, or above one (where it applies). */
function configAbove(file: string, document: { uri: vscode.Uri }): boolean {
  const dir = path.dirname(file);
  const below = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (document.uri.scheme === 'file') below.push(document.uri.fsPath);
  return below.some((d) => isInside(path.resolve(d), dir));
}

/** Reads a document another refers to: a regular file inside the roots, up to the document size limit. */
function diskReader(roots: Roots, document: { uri: vscode.Uri }): (uri: string) => string | undefined {
  return (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    // configuration files apply from every folder above a document: read them wherever they are (bounded)
    const r = isConfigFile(uri) && configAbove(file, document) ? readTextFile(file) : readInside(file, roots);
    return 'refused' in r ? undefined : r.text;
  };
}

/**
 * Analyses a document as it stands in the editor. Open editors win over the disk for every document
 * it refers to (frameworks, the specification a bid answers), as in the language server.
 */
export function analyse(document: vscode.TextDocument): Analysis | undefined {
  const ws = new Workspace({ readFile: diskReader(referenceRoots(document), document) });
  for (const open of vscode.workspace.textDocuments) {
    if (open.languageId === LANGUAGE_ID || open.uri.toString() === document.uri.toString()) {
      ws.open(open.uri.toString(), open.getText(), open.version);
    }
  }
  return ws.analysis(document.uri.toString());
}

export type DocumentKindName = 'specification' | 'framework' | 'bid' | 'return';

/** What a document says it is, from its `kind:` line (cheap: no analysis). */
export function documentKind(document: vscode.TextDocument): DocumentKindName | undefined {
  const { kind } = kindAndId(document.getText());
  return kind === 'specification' || kind === 'framework' || kind === 'bid' || kind === 'return' ? kind : undefined;
}

export const kindWords: Record<DocumentKindName, string> = {
  specification: 'Specification',
  framework: 'Framework',
  bid: 'Bid',
  return: 'Return',
};

export function isCommspec(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === LANGUAGE_ID;
}
