// Go to definition, find references and rename, across specifications, frameworks and bids.
import { identifiersIn } from '../../../../grammar/src/index';
import type { DeclarationKind } from '../model';
import { unpackOccurrences, type Analysis, type Occurrence } from '../service';
import { taxonomies, type Taxonomy, type TaxonomyCode } from '../taxonomies';
import type { LineIndex } from '../text';
import type { Target } from '../scope';
import { expressionAt, expressionsOf, idSpan, lookupName, nodeAt, scalarContent, scopeFor, spanToSource, type Location, type OffsetEdit, type WorkspaceView } from './common';

export type SymbolKind = DeclarationKind | 'specification';

/** Something with an id, declared at one place in one document. */
export interface CommspecSymbol {
  uri: string;
  kind: SymbolKind;
  id: string;
  /** The id's characters in the declaring document. */
  start: number;
  end: number;
  title?: string;
  value?: Record<string, unknown>;
}

export type SymbolHit =
  | { occurrence: { start: number; end: number }; symbol: CommspecSymbol }
  | { occurrence: { start: number; end: number }; builtIn: { taxonomy: Taxonomy; code?: TaxonomyCode } };

const renamable = new Set<SymbolKind>(['outcome', 'indicator', 'tier', 'lot', 'requirement', 'criterion', 'payment', 'risk', 'framework-outcome', 'framework-indicator', 'field', 'framework', 'specification']);

function docSymbol(a: { uri: string; doc: Analysis['doc']; model: Analysis['model'] }): CommspecSymbol | undefined {
  const { node } = nodeAt(a.doc, ['id']);
  if (!node?.range || !a.model.id || (a.model.kind !== 'framework' && a.model.kind !== 'specification')) return undefined;
  const c = idSpan(a.doc, node.range[0], node.range[1], a.model.id);
  const title = typeof a.model.value.title === 'string' ? a.model.value.title : undefined;
  return { uri: a.uri, kind: a.model.kind, id: a.model.id, start: c.start, end: c.end, title, value: a.model.value };
}

function fromTarget(t: Target): CommspecSymbol | undefined {
  if (!t.uri || t.start === undefined || t.end === undefined) return undefined;
  return { uri: t.uri, kind: t.kind, id: t.id, start: t.start, end: t.end, title: t.title, value: t.value };
}

function within(offset: number, start: number, end: number): boolean {
  return offset >= start && offset <= end;
}

/** The symbol under the cursor: a declaration, a reference, a framework tag or a name in an expression. */
export function symbolAt(a: Analysis, offset: number): SymbolHit | undefined {
  const { doc, model, linked } = a;
  // the document's own id
  const own = docSymbol(a);
  if (own && within(offset, own.start, own.end)) return { occurrence: { start: own.start, end: own.end }, symbol: own };
  for (const d of model.declarations) {
    if (!within(offset, d.start, d.end)) continue;
    const span = idSpan(doc, d.start, d.end, d.id);
    if (d.kind === 'framework') {
      const fw = linked.frameworks.get(d.id);
      const s = fw && docSymbol(fw);
      if (s) return { occurrence: span, symbol: s };
    }
    const scopeValue = scopeFor(a, 'local').get(d.kind)?.get(d.id);
    return { occurrence: span, symbol: { uri: a.uri, kind: d.kind, id: d.id, start: span.start, end: span.end, title: d.title, value: scopeValue?.uri === a.uri ? scopeValue.value : undefined } };
  }
  for (const ref of model.references) {
    if (!within(offset, ref.start, ref.end)) continue;
    const span = idSpan(doc, ref.start, ref.end, ref.id);
    if (ref.target === 'taxonomy') {
      const [prefix, code = ''] = ref.id.split('/');
      const fw = linked.frameworks.get(prefix);
      const builtIn = taxonomies.get(prefix);
      const onPrefix = offset <= span.start + prefix.length;
      const occ = onPrefix ? { start: span.start, end: span.start + prefix.length } : { start: span.start + prefix.length + 1, end: span.end };
      if (fw) {
        if (onPrefix) {
          const s = docSymbol(fw);
          return s ? { occurrence: occ, symbol: s } : undefined;
        }
        const d = fw.model.declarations.find((x) => x.kind === 'framework-outcome' && x.id === code);
        if (!d) return undefined;
        const c = idSpan(fw.doc, d.start, d.end, d.id);
        return { occurrence: occ, symbol: { uri: fw.uri, kind: 'framework-outcome', id: d.id, start: c.start, end: c.end, title: d.title } };
      }
      if (builtIn) return { occurrence: occ, builtIn: { taxonomy: builtIn, code: onPrefix ? undefined : builtIn.codes.find((c) => c.code === code) } };
      return undefined;
    }
    if (ref.target === 'tier-model') {
      const fw = linked.frameworks.get(ref.id);
      const s = fw && docSymbol(fw);
      if (s) return { occurrence: span, symbol: s };
      const builtIn = taxonomies.get(ref.id);
      return builtIn ? { occurrence: span, builtIn: { taxonomy: builtIn } } : undefined;
    }
    const t = scopeFor(a, ref.scope).get(ref.target)?.get(ref.id);
    if (!t) return undefined;
    const s = fromTarget(t);
    if (s) return { occurrence: span, symbol: s };
    const builtIn = t.builtIn ? taxonomies.get(t.builtIn) : undefined;
    return builtIn ? { occurrence: span, builtIn: { taxonomy: builtIn, code: builtIn.codes.find((c) => c.code === t.id) } } : undefined;
  }
  if (model.kind === 'bid') {
    const { node } = nodeAt(doc, ['specification', 'id']);
    const spec = linked.specification;
    if (node?.range && spec && within(offset, node.range[0], node.range[1])) {
      const s = docSymbol(spec);
      if (s) return { occurrence: scalarContent(doc, node), symbol: s };
    }
  }
  const hit = expressionAt(a, offset);
  if (hit) {
    const e = hit.expression;
    for (const id of identifiersIn(e.parsed)) {
      if (hit.valueOffset < id.span.start || hit.valueOffset > id.span.end) continue;
      const t = lookupName(scopeFor(a, model.kind === 'bid' ? 'specification' : 'local'), id.name);
      const s = t && fromTarget(t);
      if (!s) return undefined;
      return { occurrence: spanToSource(a, e, id.span.start, id.span.end), symbol: s };
    }
  }
  return undefined;
}

/** Every place a symbol is declared or used in one document, for every symbol it mentions. */
export function allOccurrences(a: Analysis): Occurrence[] {
  if (a.occurrences) return unpackOccurrences(a.occurrences); // kept for a document indexed but not open
  const out: Occurrence[] = [];
  const { doc, model, linked } = a;
  const add = (target: { uri: string; kind: string; id: string }, span: { start: number; end: number }, declaration: boolean) =>
    out.push({ uri: target.uri, kind: target.kind, id: target.id, start: span.start, end: span.end, declaration, verbatim: doc.text.slice(span.start, span.end) === target.id });
  const own = docSymbol(a);
  if (own) add(own, own, true);
  for (const d of model.declarations) {
    const span = idSpan(doc, d.start, d.end, d.id);
    add({ uri: a.uri, kind: d.kind, id: d.id }, span, true);
    const fw = d.kind === 'framework' ? linked.frameworks.get(d.id) : undefined;
    if (fw) add({ uri: fw.uri, kind: 'framework', id: d.id }, span, false);
  }
  for (const ref of model.references) {
    const span = idSpan(doc, ref.start, ref.end, ref.id);
    if (ref.target === 'taxonomy') {
      const [prefix, code] = ref.id.split('/');
      const fw = linked.frameworks.get(prefix);
      if (!fw) continue;
      add({ uri: fw.uri, kind: 'framework', id: prefix }, { start: span.start, end: span.start + prefix.length }, false);
      if (code !== undefined) add({ uri: fw.uri, kind: 'framework-outcome', id: code }, { start: span.start + prefix.length + 1, end: span.end }, false);
      continue;
    }
    if (ref.target === 'tier-model') {
      const fw = linked.frameworks.get(ref.id);
      if (fw) add({ uri: fw.uri, kind: 'framework', id: ref.id }, span, false);
      continue;
    }
    const t = scopeFor(a, ref.scope).get(ref.target)?.get(ref.id);
    if (t?.uri) add({ uri: t.uri, kind: ref.target, id: ref.id }, span, false);
  }
  const spec = linked.specification;
  if (model.kind === 'bid' && spec?.model.id) {
    const { node } = nodeAt(doc, ['specification', 'id']);
    if (node?.range) add({ uri: spec.uri, kind: 'specification', id: spec.model.id }, scalarContent(doc, node), false);
  }
  const scope = scopeFor(a, model.kind === 'bid' ? 'specification' : 'local');
  for (const e of expressionsOf(a)) {
    for (const id of identifiersIn(e.parsed)) {
      const t = lookupName(scope, id.name);
      if (t?.uri && expressionKinds.has(t.kind)) add({ uri: t.uri, kind: t.kind, id: id.name }, spanToSource(a, e, id.span.start, id.span.end), false);
    }
  }
  return out;
}

function sameSymbol(a: { uri: string; kind: string; id: string }, b: CommspecSymbol): boolean {
  return a.uri === b.uri && a.kind === b.kind && a.id === b.id;
}

const expressionKinds = new Set<string>(['indicator', 'field', 'outcome', 'tier', 'lot', 'requirement']);

/** Every place a symbol is declared or used in one document. */
export function occurrencesIn(a: Analysis, s: CommspecSymbol): Array<{ start: number; end: number; declaration: boolean; verbatim: boolean }> {
  const seen = new Set<string>();
  const out: Array<{ start: number; end: number; declaration: boolean; verbatim: boolean }> = [];
  for (const o of allOccurrences(a)) {
    if (!sameSymbol(o, s)) continue;
    const k = `${o.start}:${o.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ start: o.start, end: o.end, declaration: o.declaration, verbatim: o.verbatim });
  }
  return out;
}

function analysesFor(a: Analysis, ws: WorkspaceView | undefined): Analysis[] {
  const all = ws ? ws.all() : [];
  const byUri = new Map(all.map((x) => [x.uri, x]));
  byUri.set(a.uri, a);
  return [...byUri.values()];
}

/** The line index of a document the analysis knows (itself, what it links to, or the workspace). */
export function linesFor(a: Analysis, uri: string, ws?: WorkspaceView): LineIndex | undefined {
  if (uri === a.uri) return a.doc.lines;
  for (const fw of a.linked.frameworks.values()) if (fw.uri === uri) return fw.doc.lines;
  if (a.linked.specification?.uri === uri) return a.linked.specification.doc.lines;
  return ws?.analysis(uri)?.doc.lines;
}

function toLocation(uri: string, start: number, end: number, lines: LineIndex | undefined): Location | undefined {
  return lines ? { uri, start, end, range: lines.range(start, end) } : undefined;
}

/** Where the thing under the cursor is declared. */
export function definition(a: Analysis, offset: number, ws?: WorkspaceView): { origin: { start: number; end: number }; target: Location } | undefined {
  const hit = symbolAt(a, offset);
  if (!hit || !('symbol' in hit)) return undefined;
  const s = hit.symbol;
  const target = toLocation(s.uri, s.start, s.end, linesFor(a, s.uri, ws));
  return target ? { origin: hit.occurrence, target } : undefined;
}

/** Every use of the thing under the cursor, across the workspace. */
export function references(a: Analysis, offset: number, ws: WorkspaceView | undefined, includeDeclaration = true): Location[] {
  const hit = symbolAt(a, offset);
  if (!hit || !('symbol' in hit)) return [];
  const out: Location[] = [];
  for (const other of analysesFor(a, ws)) {
    for (const o of occurrencesIn(other, hit.symbol)) {
      if (!includeDeclaration && o.declaration) continue;
      out.push({ uri: other.uri, start: o.start, end: o.end, range: other.doc.lines.range(o.start, o.end) });
    }
  }
  return out;
}

/** The other places in this document where the thing under the cursor appears. */
export function highlights(a: Analysis, offset: number): Array<{ start: number; end: number; declaration: boolean }> {
  const hit = symbolAt(a, offset);
  if (!hit || !('symbol' in hit)) return [];
  return occurrencesIn(a, hit.symbol);
}

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const fieldPattern = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Whether the thing under the cursor can be renamed, and the text to rename. */
export function prepareRename(a: Analysis, offset: number): { start: number; end: number; placeholder: string } | { error: string } | undefined {
  const hit = symbolAt(a, offset);
  if (!hit) return undefined;
  if ('builtIn' in hit) return { error: `${hit.builtIn.taxonomy.title} is built into commspec, so its ids cannot be renamed here.` };
  if (!renamable.has(hit.symbol.kind)) return { error: `A ${hit.symbol.kind} cannot be renamed.` };
  return { ...hit.occurrence, placeholder: hit.symbol.id };
}

export interface RenameResult {
  changes: Map<string, OffsetEdit[]>;
}

/** Renames the thing under the cursor everywhere it is declared and used. */
export function rename(a: Analysis, offset: number, newName: string, ws: WorkspaceView | undefined): RenameResult | { error: string } {
  const prepared = prepareRename(a, offset);
  if (!prepared) return { error: 'There is nothing to rename here: put the cursor on an id.' };
  if ('error' in prepared) return prepared;
  const hit = symbolAt(a, offset) as Extract<SymbolHit, { symbol: CommspecSymbol }>;
  const s = hit.symbol;
  const pattern = s.kind === 'field' ? fieldPattern : idPattern;
  if (!pattern.test(newName)) {
    return {
      error:
        s.kind === 'field'
          ? `'${newName}' is not a valid field name: use lower-case words joined by underscores, for example annual_fee`
          : `'${newName}' is not a valid id: use lower-case words joined by hyphens, for example stable-homes`,
    };
  }
  const changes = new Map<string, OffsetEdit[]>();
  for (const other of analysesFor(a, ws)) {
    const edits: OffsetEdit[] = [];
    for (const o of occurrencesIn(other, s)) {
      if (!o.verbatim) continue; // written with escapes: leave it for the user
      edits.push({ start: o.start, end: o.end, newText: newName });
    }
    if (edits.length) changes.set(other.uri, edits.sort((x, y) => x.start - y.start));
  }
  return { changes };
}
