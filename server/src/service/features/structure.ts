// The shape of a document for the editor: an outline (document symbols), folding ranges and
// selection ranges (expand selection from a word to its key, its item, its section).
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { keyText, type PathSegment } from '../document';
import type { Analysis } from '../service';
import type { DeclarationKind } from '../model';
import type { Range } from '../text';
import { expressionAt, schemaAt, schemaDocs, resolved, spanToSource } from './common';

/** What an outline entry is: something the document declares, or a section, property or bid entry. */
export type OutlineKind = Exclude<DeclarationKind, 'framework-outcome' | 'framework-indicator'> | 'section' | 'property' | 'response' | 'commitment' | 'price' | 'item';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry. */
  range: Range;
  /** The part to select when the symbol is picked (its key or id). */
  selectionRange: Range;
  children: OutlineSymbol[];
}

const itemKinds: Array<[RegExp, OutlineKind]> = [
  [/^outcomes\.\d+$/, 'outcome'],
  [/^outcomes\.\d+\.indicators\.\d+$/, 'indicator'],
  [/^tiers\.\d+$/, 'tier'],
  [/^market\.lots\.\d+$/, 'lot'],
  [/(^|\.)requirements\.\d+$/, 'requirement'],
  [/^value_for_money\.award\.criteria\.\d+$/, 'criterion'],
  [/^value_for_money\.outcome_payments\.\d+$/, 'payment'],
  [/^value_for_money\.prices\.\d+$/, 'price'],
  [/^prices\.\d+$/, 'price'],
  [/^risks\.\d+$/, 'risk'],
  [/^fields\.\d+$/, 'field'],
  [/^frameworks\.\d+$/, 'framework'],
  [/^responses\.\d+$/, 'response'],
  [/^responses\.\d+\.commitments\.\d+$/, 'commitment'],
  [/^compliance\.\d+$/, 'requirement'],
];

const nameKeys = ['id', 'name', 'outcome', 'indicator', 'requirement', 'criterion', 'tier', 'lot', 'stage', 'date', 'role'];
const detailKeys = ['statement', 'label', 'definition', 'text', 'title', 'approach', 'target', 'description', 'answer'];

function scalarString(map: Node, key: string): { text: string; node: Node } | undefined {
  if (!isMap(map)) return undefined;
  const p = map.items.find((x) => keyText(x.key) === key);
  const v = p?.value as Node | undefined;
  if (isScalar(v) && v.value !== null && v.value !== undefined && typeof v.value !== 'object') return { text: String(v.value), node: v };
  return undefined;
}

function oneLine(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The outline of a document: sections, outcomes with their indicators, tiers, payments, responses. */
export function documentSymbols(a: Analysis): OutlineSymbol[] {
  const doc = a.doc;
  const root = doc.yaml?.contents as Node | null | undefined;
  if (!isMap(root)) return [];
  const r = (s: number, e: number) => doc.lines.range(s, Math.max(s, e));
  const pairSymbol = (p: Pair, path: PathSegment[], depth: number): OutlineSymbol | undefined => {
    const key = p.key as Node | undefined;
    const value = p.value as Node | undefined;
    if (!key?.range) return undefined;
    const name = keyText(p.key) ?? '';
    const end = value?.range ? value.range[1] : key.range[1];
    const isCollection = isMap(value) || isSeq(value);
    if (!isCollection && depth > 0) return undefined;
    const docs = schemaDocs(resolved(a, schemaAt(a, path)));
    const detail = !isCollection && isScalar(value) && value.value != null ? oneLine(String(value.value), 60) : docs.title;
    return { name, detail, kind: isCollection ? 'section' : 'property', range: r(key.range[0], end), selectionRange: r(key.range[0], key.range[1]), children: isCollection ? childrenOf(value!, path, depth + 1) : [] };
  };
  const childrenOf = (node: Node, path: PathSegment[], depth: number): OutlineSymbol[] => {
    if (depth > 6) return [];
    const out: OutlineSymbol[] = [];
    if (isMap(node)) {
      for (const p of node.items) {
        const s = pairSymbol(p as Pair, [...path, keyText(p.key) ?? ''], depth);
        if (s) out.push(s);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const n = item as Node;
        if (!isMap(n) || !n.range) return;
        const itemPath = [...path, i];
        const joined = itemPath.join('.');
        const kind = itemKinds.find(([re]) => re.test(joined))?.[1] ?? 'item';
        const named = nameKeys.map((k) => scalarString(n, k)).find(Boolean);
        const detail = detailKeys.map((k) => scalarString(n, k)).find((d) => d && d.text !== named?.text);
        const sel = named?.node.range ?? n.range;
        out.push({
          name: named?.text ?? `${kind === 'item' ? 'item' : kind} ${i + 1}`,
          detail: detail ? oneLine(detail.text) : undefined,
          kind,
          range: r(n.range[0], n.range[1]),
          selectionRange: r(sel[0], sel[1]),
          children: n.items.filter((p) => isSeq(p.value) && (p.value as { items: unknown[] }).items.some((x) => isMap(x))).map((p) => pairSymbol(p as Pair, [...itemPath, keyText(p.key) ?? ''], depth + 1)).filter((x): x is OutlineSymbol => !!x),
        });
      });
    }
    return out;
  };
  return childrenOf(root, [], 0);
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Folding for every section, list item and block of text spanning lines, and runs of comment lines. */
export function foldingRanges(a: Analysis): FoldingRange[] {
  const doc = a.doc;
  const out: FoldingRange[] = [];
  const lastLine = (end: number, start: number) => {
    let e = end;
    while (e > start && /[\s]/.test(doc.text[e - 1])) e--;
    return doc.lines.positionAt(Math.max(start, e - 1)).line;
  };
  const add = (start: number, end: number) => {
    const s = doc.lines.positionAt(start).line;
    const e = lastLine(end, start);
    if (e > s) out.push({ startLine: s, endLine: e });
  };
  const stack: unknown[] = [doc.yaml?.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      for (const p of n.items) {
        const k = p.key as Node | undefined;
        const v = p.value as Node | undefined;
        if (k?.range && v?.range) add(k.range[0], v.range[1]);
        stack.push(v);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) {
        const i = item as Node;
        if (i?.range && (isMap(i) || isSeq(i))) add(i.range[0], i.range[1]);
        stack.push(i);
      }
    }
  }
  // runs of comment lines
  let run: number | undefined;
  for (let l = 0; l <= doc.lines.lineCount; l++) {
    const isComment = l < doc.lines.lineCount && /^\s*#/.test(doc.text.slice(doc.lines.lineStart(l), doc.lines.lineEnd(l)));
    if (isComment && run === undefined) run = l;
    if (!isComment && run !== undefined) {
      if (l - 1 > run) out.push({ startLine: run, endLine: l - 1, kind: 'comment' });
      run = undefined;
    }
  }
  const seen = new Set<string>();
  return out
    .filter((f) => {
      const k = `${f.startLine}:${f.endLine}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

export interface SelectionRange {
  start: number;
  end: number;
  parent?: SelectionRange;
}

/** Nested ranges around an offset, innermost first: expression token, value, key: value, item, section, document. */
export function selectionRange(a: Analysis, offset: number): SelectionRange | undefined {
  const doc = a.doc;
  const spans: Array<[number, number]> = [[0, doc.text.length]];
  let node: unknown = doc.yaml?.contents;
  const trim = (s: number, e: number): [number, number] => {
    while (e > s && /\s/.test(doc.text[e - 1])) e--;
    return [s, e];
  };
  for (let guard = 0; guard < 400 && node; guard++) {
    let next: unknown;
    if (isMap(node)) {
      for (const p of node.items) {
        const k = p.key as Node | undefined;
        const v = p.value as Node | undefined;
        const s = k?.range?.[0] ?? v?.range?.[0];
        const e = v?.range?.[1] ?? k?.range?.[1];
        if (s === undefined || e === undefined || offset < s || offset > e) continue;
        spans.push(trim(s, e));
        if (k?.range && offset <= k.range[1]) spans.push([k.range[0], k.range[1]]);
        else next = v;
        break;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const r = (item as Node)?.range;
        if (r && offset >= r[0] && offset <= r[1]) {
          next = item;
          break;
        }
      }
    }
    const r = (next as Node | undefined)?.range;
    if (r) {
      spans.push(trim(r[0], r[1]));
      if (isScalar(next)) {
        const t = (next as { type?: string }).type;
        if ((t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE') && r[1] - r[0] >= 2) spans.push([r[0] + 1, r[1] - 1]);
      }
    }
    if (isPair(next)) break;
    node = next;
  }
  const expr = expressionAt(a, offset);
  if (expr) {
    const tok = expr.expression.parsed.tokens.find((t) => expr.valueOffset >= t.span.start && expr.valueOffset <= t.span.end);
    if (tok) {
      const s = spanToSource(a, expr.expression, tok.span.start, tok.span.end);
      spans.push([s.start, s.end]);
    }
  }
  // outermost first; keep only strictly nested, distinct ranges containing the offset
  let result: SelectionRange | undefined;
  for (const [s, e] of spans) {
    if (offset < s || offset > e) continue;
    if (result && (s < result.start || e > result.end || (s === result.start && e === result.end))) continue;
    result = { start: s, end: e, parent: result };
  }
  return result;
}
