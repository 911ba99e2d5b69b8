import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, parseDocument, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { nestingDepth } from './document';

/**
 * Incremental reading of large documents. A document is cut into chunks (one per top-level key, and one per
 * item of a top-level list such as outcomes:), each chunk is parsed on its own, and chunks whose text has not
 * changed since the last reading are reused. After a one-character edit to a 5,000-line specification only the
 * edited outcome is parsed again.
 *
 * It only handles the plain block style that commspec documents use. Anything else (anchors and aliases,
 * tabs, directives, several documents, a chunk with a YAML error or warning, a duplicate top-level key)
 * returns undefined and the caller parses the whole text, so results are always those of a full parse.
 */

interface ChunkEntry {
  /** The parsed chunk: a Pair (top-level key and value) or a sequence item. Ranges are absolute for `base`. */
  node: Node | Pair;
  value: unknown;
  depth: number;
  /** For a list item: where its chunk's list starts (its dash) and ends (trailing comments included). */
  outer: [number, number];
  base: number;
  /** The assembly that last used this entry, so one entry is never used twice in one document. */
  stamp: number;
}

const keyLine = /^[A-Za-z_][A-Za-z0-9_-]*:(?:[ \t]|$)/;
const unsafe = /(^|[\s[{,])[&*!][^\s]|\t|^---|^\.\.\.|^%/m;

export class ChunkCache {
  private entries = new Map<string, ChunkEntry>();
  private stamp = 0;
  private textLength = 0;
  constructor(private readonly maxEntries = 20000) {}

  get size(): number {
    return this.entries.size;
  }

  /** Reads `text`, reusing unchanged chunks. Undefined means: use a full parse. */
  read(text: string): { doc: Document.Parsed; value: Record<string, unknown>; depth: number } | undefined {
    if (unsafe.test(text)) return undefined;
    const stamp = ++this.stamp;
    this.textLength = text.length;
    const lineStarts: number[] = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineCount = text.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length;
    const line = (i: number) => text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length).replace(/\r$/, '');

    // top-level sections: [start line, end line) per key
    const sections: Array<{ key: string; from: number; to: number }> = [];
    for (let i = 0; i < lineCount; i++) {
      const l = line(i);
      if (l === '' || l[0] === ' ' || l[0] === '#') continue;
      if (!keyLine.test(l)) return undefined;
      const key = l.slice(0, l.indexOf(':'));
      if (sections.length) sections[sections.length - 1].to = i;
      sections.push({ key, from: i, to: lineCount });
    }
    if (sections.length === 0) return undefined;
    if (sections[0].from > 0) sections[0].from = 0; // leading comments belong to the first section
    if (new Set(sections.map((s) => s.key)).size !== sections.length) return undefined;
    if (sections.some((s) => s.key === '__proto__' || s.key === 'constructor' || s.key === 'prototype')) return undefined;

    const map = new YAMLMap();
    const value: Record<string, unknown> = {};
    let depth = 1;
    for (const s of sections) {
      const start = lineStarts[s.from];
      const end = s.to < lineStarts.length ? lineStarts[s.to] : text.length;
      const chunk = text.slice(start, end);
      // a block list under the key: split it into items so each item is reused on its own
      let firstItem = -1;
      let indent = '';
      for (let i = s.from + 1; i < s.to; i++) {
        const l = line(i);
        if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
        const m = /^( +)- /.exec(l) ?? /^( +)-$/.exec(l);
        if (m && line(s.from).trimEnd() === `${s.key}:`) {
          firstItem = i;
          indent = m[1];
        }
        break;
      }
      if (firstItem < 0) {
        const entry = this.entry(chunk, start, stamp, 'pair');
        if (!entry) return undefined;
        map.items.push(entry.node as Pair);
        value[s.key] = entry.value;
        depth = Math.max(depth, entry.depth + 1);
        continue;
      }
      // the key line on its own, then one chunk per item
      const keyEntry = this.entry(text.slice(start, lineStarts[firstItem]), start, stamp, 'pair');
      if (!keyEntry) return undefined;
      const keyPair = keyEntry.node as Pair;
      if (keyPair.value !== null && !(isScalar(keyPair.value) && keyPair.value.value === null)) return undefined;
      // a new pair each time: the cached one stays as parsed (its value empty), so it can be reused
      const seq = new YAMLSeq();
      const items: unknown[] = [];
      let seqStart = -1;
      let seqEnd = -1;
      const itemStarts: number[] = [];
      for (let i = firstItem; i < s.to; i++) {
        const l = line(i);
        if (l.startsWith(indent + '-') && (l.length === indent.length + 1 || l[indent.length + 1] === ' ')) itemStarts.push(i);
        else if (l.trim() !== '' && !l.startsWith(indent + ' ') && !l.trimStart().startsWith('#')) return undefined;
      }
      for (let k = 0; k < itemStarts.length; k++) {
        const from = lineStarts[itemStarts[k]];
        const to = k + 1 < itemStarts.length ? lineStarts[itemStarts[k + 1]] : end;
        const entry = this.entry(text.slice(from, to), from, stamp, 'item');
        if (!entry) return undefined;
        seq.items.push(entry.node as Node);
        items.push(entry.value);
        if (seqStart < 0) seqStart = entry.outer[0];
        seqEnd = entry.outer[1];
        depth = Math.max(depth, entry.depth + 2);
      }
      const lastRange = (seq.items[seq.items.length - 1] as Node | undefined)?.range;
      if (lastRange) seq.range = [seqStart, lastRange[2], seqEnd];
      map.items.push(new Pair(keyPair.key, seq));
      value[s.key] = items;
    }
    const firstKey = (map.items[0]?.key as Node | undefined)?.range;
    const lastValue = (map.items[map.items.length - 1]?.value as Node | null | undefined)?.range;
    const mapEnd = lastValue?.[2] ?? text.length;
    map.range = [firstKey?.[0] ?? 0, mapEnd, mapEnd];
    const doc = new Document() as unknown as Document.Parsed;
    doc.contents = map as never;
    (doc as unknown as { range: [number, number, number] }).range = [0, text.length, text.length];
    this.evict();
    return { doc, value, depth };
  }

  private entry(chunk: string, base: number, stamp: number, kind: 'pair' | 'item'): ChunkEntry | undefined {
    // a comment at the end of a chunk attaches differently when the next chunk follows it: parse whole
    if (/(^|\n)[ \t]*#[^\n]*\s*$/.test(chunk) && base + chunk.length < this.textLength) return undefined;
    const key = kind + '\u0000' + chunk;
    let e = this.entries.get(key);
    if (e && e.stamp === stamp) e = undefined; // the same text twice in one document: parse a fresh copy
    if (e) {
      if (e.base !== base) {
        shift(e.node, base - e.base);
        e.outer = [e.outer[0] + base - e.base, e.outer[1] + base - e.base];
      }
      e.base = base;
      e.stamp = stamp;
      this.entries.delete(key);
      this.entries.set(key, e); // most recently used last
      return e;
    }
    const parsed = parseDocument(chunk, { uniqueKeys: true, prettyErrors: false });
    if (parsed.errors.length || parsed.warnings.length) return undefined;
    const root = parsed.contents;
    let node: Node | Pair | undefined;
    let value: unknown;
    if (kind === 'pair') {
      if (!isMap(root) || root.items.length !== 1) return undefined;
      node = root.items[0] as Pair;
      value = (parsed.toJS({ maxAliasCount: 0 }) as Record<string, unknown>)[String((node.key as { value?: unknown })?.value)];
    } else {
      if (!isSeq(root) || root.items.length !== 1) return undefined;
      node = root.items[0] as Node;
      value = (parsed.toJS({ maxAliasCount: 0 }) as unknown[])[0];
    }
    const depth = nestingDepth(isPair(node) ? node.value : node, 500);
    shift(node, base);
    const r = (root as Node).range;
    const fresh: ChunkEntry = { node, value, depth, base, stamp, outer: [(r?.[0] ?? 0) + base, (r?.[2] ?? 0) + base] };
    if (!e) this.entries.set(key, fresh);
    return fresh;
  }

  private evict(): void {
    if (this.entries.size <= this.maxEntries) return;
    for (const k of this.entries.keys()) {
      this.entries.delete(k);
      if (this.entries.size <= this.maxEntries * 0.8) break;
    }
  }
}

/** Moves every range in a subtree by `delta`, without recursion. */
function shift(root: Node | Pair, delta: number): void {
  if (delta === 0) return;
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop() as { range?: [number, number, number] | null } | null;
    if (!n || typeof n !== 'object') continue;
    if (n.range) n.range = [n.range[0] + delta, n.range[1] + delta, n.range[2] + delta];
    if (isPair(n)) stack.push(n.key, n.value);
    else if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
    else if (isAlias(n)) continue;
  }
}
