// Shared helpers for the editor features: where the cursor is in the YAML, what the schema says
// there, indentation, and the scopes and expressions of an analysis (computed once per analysis).
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { keyText, nodeAtPath, type PathSegment, type SourceDocument } from '../document';
import type { Analysis } from '../service';
import { buildScope, type Scope, type Target } from '../scope';
import { resolveSchema, schemaAtPath, schemas, type SchemaNode } from '../schema-nav';
import { checkedExpressions, type CheckedExpression } from '../rules/expressions/shared';
import { documentCache } from '../doc-cache';
import type { Range } from '../text';
import { createScalarSourceMap, type ScalarSourceMap } from '../scalar-map';

/** What features need from the workspace: other documents' analyses. */
export interface WorkspaceView {
  /** The analysis of a document, or undefined when it cannot be read. */
  analysis(uri: string): Analysis | undefined;
  /** Analyses of every document in the workspace. */
  all(): Analysis[];
}

/** A place in a document, in offsets and in line/character. */
export interface Location {
  uri: string;
  start: number;
  end: number;
  range: Range;
}

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

// ----- locating the cursor ----------------------------------------------------------------------

export interface Located {
  /** Path of the key or value under the cursor (for a key: the path of its value). */
  path: PathSegment[];
  part: 'key' | 'value';
  node: Node | undefined;
  pair?: Pair;
  /** Collections and pairs from the root down to the node. */
  chain: Array<Node | Pair>;
}

function rangeOf(n: Node | null | undefined): [number, number] | undefined {
  const r = n?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Block collections end where the next key starts, so their end is exclusive; a scalar's is inclusive. */
function contains(node: Node, r: [number, number], offset: number): boolean {
  const block = (isMap(node) || isSeq(node)) && !(node as { flow?: boolean }).flow;
  return offset >= r[0] && (block ? offset < r[1] : offset <= r[1]);
}

/** The key or value at an offset (ends inclusive, so a cursor just after a word still finds it). */
export function locate(doc: SourceDocument, offset: number): Located | undefined {
  let node = doc.yaml?.contents as Node | null | undefined;
  if (!node) return undefined;
  const path: PathSegment[] = [];
  const chain: Array<Node | Pair> = [node];
  for (let guard = 0; guard < 400; guard++) {
    if (isMap(node)) {
      let next: Node | undefined;
      for (const p of node.items) {
        const kr = rangeOf(p.key as Node);
        if (kr && offset >= kr[0] && offset <= kr[1]) {
          chain.push(p);
          return { path: [...path, keyText(p.key) ?? ''], part: 'key', node: p.key as Node, pair: p, chain };
        }
        const vr = rangeOf(p.value as Node);
        if (vr && contains(p.value as Node, vr, offset)) {
          chain.push(p);
          path.push(keyText(p.key) ?? '');
          next = p.value as Node;
          break;
        }
      }
      if (!next) return { path, part: 'value', node, chain };
      node = next;
      chain.push(node);
      continue;
    }
    if (isSeq(node)) {
      let next: Node | undefined;
      node.items.forEach((item, i) => {
        if (next) return;
        const r = rangeOf(item as Node);
        if (r && contains(item as Node, r, offset)) {
          path.push(i);
          next = item as Node;
        }
      });
      if (!next) return { path, part: 'value', node, chain };
      node = next;
      chain.push(node);
      continue;
    }
    return { path, part: 'value', node: node ?? undefined, chain };
  }
  return undefined;
}

/** The value node at a path, and the pair that holds it. */
export function nodeAt(doc: SourceDocument, path: readonly PathSegment[]): { node: Node | undefined; pair: Pair | undefined } {
  const { node, pair } = nodeAtPath(doc.yaml, path);
  return { node, pair };
}

// ----- schema documentation ----------------------------------------------------------------------

/** Title and description of a schema node, for completion and hover.
 */
export function schemaDocs(node: SchemaNode | undefined): { title?: string; description?: string } {
  return node ? { title: node.title, description: node.description } : {};
}

export function schemaFor(analysis: Analysis): SchemaNode | undefined {
  return analysis.schema ? schemas[analysis.schema] : undefined;
}

export function schemaAt(analysis: Analysis, path: readonly PathSegment[]): SchemaNode | undefined {
  const root = schemaFor(analysis);
  return root ? schemaAtPath(root, path) : undefined;
}

export function resolved(analysis: Analysis, node: SchemaNode | undefined): SchemaNode | undefined {
  const root = schemaFor(analysis);
  return root ? resolveSchema(root, node) : undefined;
}

export function typesOf(node: SchemaNode | undefined): string[] {
  if (!node?.type) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}

/** Markdown for a schema property: its title, description and allowed values. */
export function propertyMarkdown(name: string, node: SchemaNode | undefined, required = false): string {
  const { title, description } = schemaDocs(node);
  const lines = [`**${title ?? name}** (\`${name}\`)${required ? ' — required' : ''}`];
  if (description) lines.push(description);
  if (node?.enum?.length) lines.push(`One of: ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (node?.['x-expression']) lines.push(`An expression (a ${node['x-expression']}): write it in quotes when it starts with \`>\`, \`<\` or \`=\`.`);
  return lines.join('\n\n');
}

// ----- text and indentation -------------------------------------------------------------------------

/** The indentation step the document uses (2 when it cannot tell). */
export function indentUnit(doc: SourceDocument): number {
  const counts = new Map<number, number>();
  let previous = 0;
  const lines = doc.lines;
  const n = Math.min(lines.lineCount, 400);
  for (let l = 0; l < n; l++) {
    const s = lines.lineStart(l);
    const e = lines.lineEnd(l);
    const t = doc.text.slice(s, e);
    if (!t.trim() || t.trimStart().startsWith('#')) continue;
    const ind = t.length - t.trimStart().length;
    if (ind > previous) counts.set(ind - previous, (counts.get(ind - previous) ?? 0) + 1);
    previous = ind;
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, c] of counts) if (c > bestCount && step <= 8) {
    best = step;
    bestCount = c;
  }
  return best;
}

export function column(doc: SourceDocument, offset: number): number {
  return offset - doc.lines.lineStart(doc.lines.positionAt(offset).line);
}

/** The line break the document uses. */
export function eol(doc: SourceDocument): string {
  return /\r\n/.test(doc.text) ? '\r\n' : '\n';
}

/** Where a new line can be added after a node: the end of the line its content ends on. */
export function endOfNodeLine(doc: SourceDocument, node: Node): number {
  const r = node.range!;
  let end = r[1];
  while (end > r[0] && /[\r\n]/.test(doc.text[end - 1])) end--;
  return doc.lines.lineEnd(doc.lines.positionAt(end).line);
}

/** The start and end of a scalar's text without quotes. */
export function scalarContent(doc: SourceDocument, node: Node): { start: number; end: number } {
  const [s, e] = node.range ?? [0, 0];
  const t = (node as Scalar).type;
  if ((t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE') && e - s >= 2) {
    const closing = doc.text[e - 1] === doc.text[s] ? e - 1 : e;
    return { start: s + 1, end: closing };
  }
  return { start: s, end: e };
}

/** Where an id appears inside a scalar's source (quotes left out). */
export function idSpan(doc: SourceDocument, start: number, end: number, id: string): { start: number; end: number } {
  const raw = doc.text.slice(start, end);
  const i = raw.indexOf(id);
  return i >= 0 ? { start: start + i, end: start + i + id.length } : { start, end };
}

export function location(analysis: Analysis, start: number, end: number): Location {
  return { uri: analysis.uri, start, end, range: analysis.doc.lines.range(start, end) };
}

export function isBlockCollection(n: unknown): n is Node {
  return (isMap(n) || isSeq(n)) && !(n as { flow?: boolean }).flow;
}

export { isMap, isPair, isScalar, isSeq };

// ----- per-analysis caches ----------------------------------------------------------------------------

// keyed by the analysis's document, so that compacting a kept analysis lets its scope go too
const scopeCache = documentCache<{ local: Scope; specification: Scope }>('document');

export function scopesOf(analysis: Analysis): { local: Scope; specification: Scope } {
  let s = scopeCache.get(analysis.doc);
  if (!s) {
    s = buildScope(analysis.uri, analysis.model, analysis.linked);
    scopeCache.set(analysis.doc, s);
  }
  return s;
}

/** The scope ids resolve in: a bid's ids are the specification's. */
export function scopeFor(analysis: Analysis, which: 'local' | 'specification'): Scope {
  const s = scopesOf(analysis);
  return which === 'specification' ? s.specification : s.local;
}

/** Looks a name up in a scope, in the order expressions use. */
export function lookupName(scope: Scope, name: string): Target | undefined {
  for (const kind of ['indicator', 'field', 'outcome', 'tier', 'lot', 'requirement'] as const) {
    const t = scope.get(kind)?.get(name);
    if (t) return t;
  }
  return undefined;
}

export function expressionsOf(analysis: Analysis): CheckedExpression[] {
  if (!analysis.model.kind) return [];
  try {
    return checkedExpressions(analysis.doc, analysis.model, analysis.linked);
  } catch {
    return [];
  }
}

/** The checked expression whose text contains a source offset (between its quotes). */
export function expressionAt(analysis: Analysis, offset: number): { expression: CheckedExpression; valueOffset: number } | undefined {
  for (const e of expressionsOf(analysis)) {
    if (offset < e.site.start || offset > e.site.end) continue;
    const first = e.toSource(0);
    const last = e.toSource(e.site.text.length);
    if (offset < first || offset > last) continue;
    return { expression: e, valueOffset: sourceToValue(e, offset) };
  }
  return undefined;
}

/** The value offset whose source offset is the last one at or before `offset` (toSource is monotonic). */
export function sourceToValue(e: CheckedExpression, offset: number): number {
  let lo = 0;
  let hi = e.site.text.length;
  if (e.toSource(hi) <= offset) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (e.toSource(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const spanMaps = new WeakMap<CheckedExpression, ScalarSourceMap>();

/** A span of an expression's text as source offsets [start, end). */
export function spanToSource(a: Analysis, e: CheckedExpression, start: number, end: number): { start: number; end: number } {
  let m = spanMaps.get(e);
  if (!m) {
    m = createScalarSourceMap(a.doc.text, e.site.scalar, e.site.text);
    spanMaps.set(e, m);
  }
  const [s, t] = m.rangeToSource(start, end);
  return { start: s, end: t };
}

/** A short file name for messages. */
export function baseName(uri: string): string {
  const i = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\'));
  const name = uri.slice(i + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    // a malformed escape (`%E0%A4%A`, a lone `%`) in a name from the workspace or an editor: show it as written
    return name;
  }
}
