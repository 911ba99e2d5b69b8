// The pure language service, run in the extension host for the preview, export and bid check. The
// language server runs the same functions for diagnostics, so the preview and the Problems panel agree.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vscode from 'vscode';
import type { Analysis } from '../../server/src/service/service';
import { kindAndId, Workspace } from '../../server/src/service/workspace';

export const LANGUAGE_ID = 'commspec';

function readDisk(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Analyses a document as it stands in the editor. Open editors win over the disk for every document
 * it refers to (frameworks, the specification a bid answers), as in the language server.
 */
export function analyse(document: vscode.TextDocument): Analysis | undefined {
  const ws = new Workspace({ readFile: readDisk });
  for (const open of vscode.workspace.textDocuments) {
    if (open.languageId === LANGUAGE_ID || open.uri.toString() === document.uri.toString()) {
      ws.open(open.uri.toString(), open.getText(), open.version);
    }
  }
  return ws.analysis(document.uri.toString());
}

export type DocumentKindName = 'specification' | 'framework' | 'bid';

/** What a document says it is, from its `kind:` line (cheap: no analysis). */
export function documentKind(document: vscode.TextDocument): DocumentKindName | undefined {
  const { kind } = kindAndId(document.getText());
  return kind === 'specification' || kind === 'framework' || kind === 'bid' ? kind : undefined;
}

export const kindWords: Record<DocumentKindName, string> = {
  specification: 'Specification',
  framework: 'Framework',
  bid: 'Bid',
};

export function isCommspec(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === LANGUAGE_ID;
}
