// Converting the language service's plain data to LSP types.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver/node';
import type { Finding } from '../service/findings';
import type { CompletionEntry } from '../service/features/completion';
import type { OutlineSymbol } from '../service/features/structure';
import { ruleHelpUri } from '../service/rules/docs';
import type { LineIndex } from '../service/text';

const severities: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, relatedSupported = true): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: severities[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleHelpUri(f.ruleId) },
    source: 'commspec',
    message: f.message,
  };
  if (relatedSupported && f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  if (/unused|deprecated|legacy/.test(f.ruleId)) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

const completionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  keyword: CompletionItemKind.Keyword,
  function: CompletionItemKind.Function,
  unit: CompletionItemKind.Unit,
  operator: CompletionItemKind.Operator,
  file: CompletionItemKind.File,
};

/** Snippet syntax turned into plain text, for clients without snippet support. */
export function plainSnippet(s: string): string {
  return s
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\\}|[^}])*)\}/g, (_m, t: string) => t)
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

export function toCompletionItem(e: CompletionEntry, lines: LineIndex, snippets: boolean): CompletionItem {
  const range = lines.range(e.range.start, e.range.end);
  const newText = e.snippet && !snippets ? plainSnippet(e.insertText) : e.insertText;
  return {
    label: e.label,
    kind: completionKinds[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: 'markdown', value: e.documentation } : undefined,
    textEdit: { range, newText },
    insertTextFormat: e.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
    sortText: e.sortText,
    filterText: e.filterText,
  };
}

const symbolKinds: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  property: SymbolKind.Property,
  outcome: SymbolKind.Class,
  indicator: SymbolKind.Field,
  tier: SymbolKind.EnumMember,
  lot: SymbolKind.Package,
  requirement: SymbolKind.Interface,
  criterion: SymbolKind.Number,
  payment: SymbolKind.Function,
  risk: SymbolKind.Event,
  field: SymbolKind.Variable,
  framework: SymbolKind.Module,
  response: SymbolKind.Class,
  commitment: SymbolKind.Field,
  price: SymbolKind.Number,
  item: SymbolKind.Object,
};

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: symbolKinds[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}
