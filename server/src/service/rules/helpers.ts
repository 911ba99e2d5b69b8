import { groupThousands } from '../text';
import { documentCache } from '../doc-cache';
// Shared helpers for the domain rules: option reading, dates, text scanning and fix building.
// Every helper copes with values of the wrong type: rules run on documents that may be partly invalid.
import { isMap, isPair, isScalar, isSeq, parse, type Node } from 'yaml';
import { keyText, nodeAtPath, type PathSegment, type SourceDocument } from '../document';
import type { Fix } from '../findings';
import { get } from '../model';
import type { RuleContext, RuleMeta } from './types';

/** A rule option: the configured value when it has the declared type, else the default in the rule's meta. */
export function option<T>(ctx: RuleContext, meta: RuleMeta, name: string): T {
  const decl = meta.options?.[name];
  if (!decl) throw new Error(`${meta.id} reads an option '${name}' it does not declare`);
  const raw = ctx.options[name];
  const ok =
    (decl.type === 'number' && typeof raw === 'number' && Number.isFinite(raw)) ||
    (decl.type === 'string' && typeof raw === 'string') ||
    (decl.type === 'boolean' && typeof raw === 'boolean') ||
    (decl.type === 'string[]' && Array.isArray(raw) && raw.every((x) => typeof x === 'string'));
  return (ok ? raw : decl.default) as T;
}

/** A trimmed, non-empty string, or undefined. */
export function text(v: unknown): string | undefined {
  const s = get.str(v)?.trim();
  return s ? s : undefined;
}

/** True when a value says something: a non-empty string, a non-empty list, a number, a boolean or a non-empty map. */
export function present(v: unknown): boolean {
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean') return true;
  const o = get.obj(v);
  return !!o && Object.keys(o).length > 0;
}

/** The outcomes of a document with their paths, skipping items that are not maps. */
export function outcomes(value: Record<string, unknown>): Array<{ path: PathSegment[]; o: Record<string, unknown>; id: string; label: string }> {
  const out: Array<{ path: PathSegment[]; o: Record<string, unknown>; id: string; label: string }> = [];
  get.arr(value.outcomes).forEach((item, i) => {
    const o = get.obj(item);
    if (!o) return;
    const id = text(o.id) ?? '';
    out.push({ path: ['outcomes', i], o, id, label: id ? `Outcome '${id}'` : `Outcome ${i + 1}` });
  });
  return out;
}

/** Every indicator of every outcome, with its path. */
export function indicators(value: Record<string, unknown>): Array<{ path: PathSegment[]; ind: Record<string, unknown>; id: string; label: string; outcome: string }> {
  const out: Array<{ path: PathSegment[]; ind: Record<string, unknown>; id: string; label: string; outcome: string }> = [];
  for (const { path, o, id: outcome } of outcomes(value)) {
    get.arr(o.indicators).forEach((item, j) => {
      const ind = get.obj(item);
      if (!ind) return;
      const id = text(ind.id) ?? '';
      out.push({ path: [...path, 'indicators', j], ind, id, label: id ? `Indicator '${id}'` : `Indicator ${j + 1} of ${outcome ? `outcome '${outcome}'` : `outcome ${Number(path[1]) + 1}`}`, outcome });
    });
  }
  return out;
}

// ---------------------------------------------------------------- dates

/** A YYYY-MM or YYYY-MM-DD date as a UTC day number (days since 1970), or undefined. A month date is its first day. */
export function dayNumber(v: unknown): number | undefined {
  const s = get.str(v);
  const m = s ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s) : null;
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1);
  return Number.isFinite(t) ? Math.floor(t / 86400000) : undefined;
}

/** Adds whole months to a day number (clamping to the month's end, as contracts count). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86400000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86400000);
}

export function formatDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** When the contract starts: `term.start`, else `dates.contract_start`. */
export function contractStart(value: Record<string, unknown>): number | undefined {
  return dayNumber(get.obj(value.term)?.start) ?? dayNumber(get.obj(value.dates)?.contract_start);
}

/** The initial term in years (fractional), from `term.start`/`dates.contract_start` to `term.end`. */
export function termYears(value: Record<string, unknown>): number | undefined {
  const start = contractStart(value);
  const end = dayNumber(get.obj(value.term)?.end);
  if (start === undefined || end === undefined || end <= start) return undefined;
  return (end - start + 1) / 365.25;
}

/** The whole-term value of the contract: `budget.total`, else `budget.annual` × the term in years. */
export function contractValue(value: Record<string, unknown>): { amount: number; how: string } | undefined {
  const budget = get.obj(get.obj(value.value_for_money)?.budget);
  const total = get.num(budget?.total);
  if (total !== undefined) return { amount: total, how: 'the whole-term budget' };
  const annual = get.num(budget?.annual);
  const years = termYears(value);
  if (annual !== undefined && years !== undefined) {
    const y = Math.round(years * 10) / 10;
    return { amount: annual * years, how: `the annual budget of ${money(annual)} over a ${y}-year term` };
  }
  return undefined;
}

export function money(n: number): string {
  if (n >= 1_000_000) return `£${groupThousands(Math.round(n / 10_000) / 100)} million`;
  return `£${groupThousands(Math.round(n))}`;
}

// ---------------------------------------------------------------- text in the document

export interface TextScalar {
  value: string;
  path: PathSegment[];
  /** Source offsets of the scalar, quotes included. */
  start: number;
  end: number;
  node: Node;
}

/** Every string value in the document (never keys), with its path and source range, in document order. */
const textScalarCache = documentCache<TextScalar[]>('analysis');

export function textScalars(doc: SourceDocument): TextScalar[] {
  // several rules read every string value: walk the document once
  const cached = textScalarCache.get(doc);
  if (cached) return cached;
  const out: TextScalar[] = [];
  textScalarCache.set(doc, out);
  const root = doc.yaml?.contents as Node | undefined;
  if (!root) return out;
  // paths are kept as links to the parent and made into arrays only for string values
  interface Link {
    seg: PathSegment;
    parent: Link | undefined;
    depth: number;
  }
  const toPath = (l: Link | undefined): PathSegment[] => {
    const path = new Array<PathSegment>(l?.depth ?? 0);
    for (let x = l; x; x = x.parent) path[x.depth - 1] = x.seg;
    return path;
  };
  const stack: Array<{ node: unknown; link: Link | undefined }> = [{ node: root, link: undefined }];
  let guard = 0;
  while (stack.length && guard++ < 200_000) {
    const { node, link } = stack.pop()!;
    const depth = link?.depth ?? 0;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const p = node.items[i];
        if (!isPair(p)) continue;
        const k = keyText(p.key);
        if (k === undefined) continue;
        stack.push({ node: p.value, link: { seg: k, parent: link, depth: depth + 1 } });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], link: { seg: i, parent: link, depth: depth + 1 } });
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      out.push({ value: node.value, path: toPath(link), start: node.range[0], end: node.range[1], node });
    }
  }
  return out;
}

/** Keys whose values are ids, references, codes or dates: never prose, so never reworded. */
const codeKeys = new Set(['id', 'commspec', 'kind', 'status', 'tier_model', 'path', 'url', 'email', 'feature', 'version', 'type', 'unit', 'polarity', 'frequency', 'measure', 'target', 'threshold', 'rule', 'cap']);

/** Prose values: string scalars that are not ids, codes, references, expressions or dates. */
const proseCache = documentCache<TextScalar[]>('analysis');

export function proseScalars(doc: SourceDocument, options: { names?: boolean } = {}): TextScalar[] {
  let prose = proseCache.get(doc);
  if (!prose) {
    prose = textScalars(doc).filter((s) => {
      const last = s.path[s.path.length - 1];
      if (typeof last === 'string' && (codeKeys.has(last) || last === 'name')) return false;
      if (/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9-]+)?$/.test(s.value)) return false; // an id, reference or enum value
      return true;
    });
    proseCache.set(doc, prose);
  }
  if (!options.names) return prose;
  // organisation names too (an abolished body named as a partner), in document order
  const inProse = new Set(prose);
  return textScalars(doc).filter((s) => inProse.has(s) || s.path[s.path.length - 1] === 'name');
}

/**
 * Occurrences of a pattern in a scalar's source text, as source offsets. Matching the source (not the
 * parsed value) keeps offsets exact; a match that spans a folded line break is simply not found.
 */
export function findInSource(doc: SourceDocument, s: TextScalar, re: RegExp): Array<{ start: number; end: number; match: RegExpExecArray }> {
  const src = doc.text.slice(s.start, s.end);
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
  const g = new RegExp(re.source, flags);
  const out: Array<{ start: number; end: number; match: RegExpExecArray }> = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(src))) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, match: m });
  }
  return out;
}

/** Keeps the capitalisation of the word it replaces: beds → placements, Beds → Placements, BEDS → PLACEMENTS. */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /[A-Z]/.test(original)) return replacement.toUpperCase();
  if (/^[A-Z]/.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

// ---------------------------------------------------------------- fixes that add keys

/** A YAML scalar for a fix: plain when that is safe, else double-quoted. */
export function yamlScalar(s: string): string {
  if (/^[A-Za-z£0-9][^\n]*$/.test(s) && !/[:#]\s|[:#]$|\s#|^(yes|no|true|false|null|on|off|~)$/i.test(s) && !/[\[\]{}]/.test(s) && !/^\d[\d.\-]*$/.test(s)) return s;
  return JSON.stringify(s);
}

/** A plain or double-quoted scalar that reads back as the same string inside `{ }` or `[ ]`, where commas end a plain value. */
export function flowScalar(s: string): string {
  const y = yamlScalar(s);
  return y.startsWith('"') || !/[,\[\]{}]/.test(y) ? y : JSON.stringify(s);
}

/**
 * A `key: value` line written for a block map, rewritten for a flow map: a string value is quoted when
 * it holds a comma or another flow indicator. Undefined unless the entry reads back exactly as the line did.
 */
function flowEntry(line: string): string | undefined {
  const m = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/.exec(line);
  if (!m) return undefined;
  const key = m[1];
  let want: unknown;
  try {
    want = (parse(line) as Record<string, unknown> | null)?.[key];
  } catch {
    return undefined;
  }
  const entry = typeof want === 'string' ? `${key}: ${flowScalar(want)}` : line;
  try {
    const got = (parse(`{ ${entry} }`) as Record<string, unknown> | null)?.[key];
    return JSON.stringify(got) === JSON.stringify(want) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The indentation step the document uses (the column of its first nested key), 2 when it has none. */
export function indentUnit(doc: SourceDocument): number {
  const m = /^( +)[A-Za-z_"'-]/m.exec(doc.text);
  return m ? Math.min(m[1].length, 8) : 2;
}

/**
 * A fix that adds entries (given as YAML lines relative to the map, e.g. ['escalation:', '  route: …'])
 * to the block map at `path`, at the map's own indentation, after its last entry. Lines are re-indented
 * to the document's indentation step. For a flow map `{ … }`, only single-line `key: value` entries are
 * added, inside the braces after the last entry, with string values quoted where a comma or other flow
 * indicator would otherwise end them. Undefined when the map cannot be located or edited safely.
 */
export function addToMap(doc: SourceDocument, path: PathSegment[], lines: string[], title: string): Fix | undefined {
  const { node } = nodeAtPath(doc.yaml, path);
  if (!isMap(node) || !node.range) return undefined;
  const unit = indentUnit(doc);
  const reindent = (l: string) => {
    const lead = /^ */.exec(l)![0].length;
    return ' '.repeat((lead / 2) * unit) + l.slice(lead);
  };
  if (node.flow) {
    if (lines.some((l) => /^\s/.test(l) || /:\s*$/.test(l))) return undefined;
    const entries = lines.map(flowEntry);
    if (entries.some((e) => e === undefined)) return undefined;
    const added = entries.join(', ');
    const open = node.range[0];
    const close = node.range[1] - 1;
    if (doc.text[open] !== '{' || doc.text[close] !== '}') return undefined;
    const last = node.items[node.items.length - 1];
    if (!last) {
      // `{}` or `{ }`: one space inside each brace
      if (!/^\s*$/.test(doc.text.slice(open + 1, close))) return undefined;
      return { title, edits: [{ start: open + 1, end: close, newText: ` ${added} ` }], safe: false };
    }
    const lastEnd = isPair(last) ? Math.max((last.key as Node | undefined)?.range?.[1] ?? -1, (last.value as Node | undefined)?.range?.[1] ?? -1) : -1;
    if (lastEnd <= open || lastEnd > close) return undefined;
    // right after the last entry, so the spacing before `}` and any comment stay as they were;
    // after a trailing comma when there is one (`{ a: b, }` → `{ a: b, c: d, }`)
    let at = lastEnd;
    for (;;) {
      const ws = /^[ \t\r\n]*(#[^\n]*)?/.exec(doc.text.slice(at, close))![0];
      if (!ws) break;
      at += ws.length;
    }
    if (doc.text[at] === ',') return { title, edits: [{ start: at + 1, end: at + 1, newText: ` ${added},` }], safe: false };
    return { title, edits: [{ start: lastEnd, end: lastEnd, newText: `, ${added}` }], safe: false };
  }
  const first = node.items[0];
  const keyNode = first && isPair(first) ? (first.key as Node | undefined) : undefined;
  if (!keyNode?.range) return undefined;
  const col = keyNode.range[0] - doc.lines.lineStart(doc.lines.positionAt(keyNode.range[0]).line);
  // the map's own content must start on its own line for a block insert at that column
  const last = node.items[node.items.length - 1];
  const lastEnd = (isPair(last) ? ((last.value as Node | undefined)?.range?.[1] ?? (last.key as Node | undefined)?.range?.[1]) : undefined) ?? node.range[1];
  const endLine = doc.lines.positionAt(Math.max(keyNode.range[0], lastEnd - 1)).line;
  const insertAt = endLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(endLine + 1) : doc.text.length;
  const atEof = insertAt === doc.text.length && !/\n$/.test(doc.text);
  const body = lines.map((l) => ' '.repeat(col) + reindent(l)).join('\n') + '\n';
  return { title, edits: [{ start: insertAt, end: insertAt, newText: (atEof ? '\n' : '') + body }], safe: false };
}

/** A fix that appends a top-level section (lines relative to column 0) at the end of the document. */
export function addTopLevel(doc: SourceDocument, lines: string[], title: string): Fix {
  const unit = indentUnit(doc);
  const body = lines
    .map((l) => {
      const lead = /^ */.exec(l)![0].length;
      return ' '.repeat((lead / 2) * unit) + l.slice(lead);
    })
    .join('\n');
  const end = doc.text.length;
  const prefix = doc.text.length === 0 || doc.text.endsWith('\n') ? '' : '\n';
  return { title, edits: [{ start: end, end, newText: `${prefix}${body}\n` }], safe: false };
}

/** Where to point a finding about the whole document: its id, else its kind. */
export function documentAt(value: Record<string, unknown>): { path: PathSegment[]; part: 'value' | 'key' } {
  if (typeof value.id === 'string') return { path: ['id'], part: 'value' };
  return { path: ['kind'], part: 'value' };
}

/** Where to point a finding about a section: its key when it exists, else the document's id. */
export function sectionAt(value: Record<string, unknown>, key: string): { path: PathSegment[]; part: 'key' | 'value' | 'container' } {
  return Object.prototype.hasOwnProperty.call(value, key) ? { path: [key], part: 'key' } : documentAt(value);
}

/** Words joined for a message: "a, b and c". */
export function listing(items: string[], conjunction: 'and' | 'or' = 'and', separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)} ${conjunction} ${items[items.length - 1]}`;
}
