import { Document, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLError } from 'yaml';
import type { Finding, Severity } from './findings';
import { LineIndex } from './text';
import type { ChunkCache } from './incremental';

export type DocumentKind = 'specification' | 'framework' | 'bid' | 'return';
export const documentKinds: readonly DocumentKind[] = ['specification', 'framework', 'bid', 'return'];

/** Limits that keep hostile documents from exhausting time or memory. */
export const limits = {
  /** Aliases expanded when building the plain value; more than this is treated as an alias bomb. */
  maxAliasCount: 100,
  /** Characters in a document; larger files are reported and not analysed further. */
  maxDocumentLength: 10 * 1024 * 1024,
  /** Nesting of maps and lists; deeper documents are reported and not validated. */
  maxDepth: 200,
};

/** A YAML document read with every node's source range kept. */
export interface SourceDocument {
  uri: string;
  text: string;
  lines: LineIndex;
  /** The YAML document (the first, if the file holds several). Undefined for an empty file. */
  yaml: Document.Parsed | undefined;
  /** The plain value of the document, or undefined when it could not be built safely. */
  value: unknown;
  /** What the document says it is, from its `kind:` key. */
  kind: DocumentKind | undefined;
  /** Problems with the YAML itself. */
  findings: Finding[];
}

const yamlMessages: Record<string, string> = {
  TAB_AS_INDENT: 'Tabs cannot indent YAML: indent with spaces instead',
  DUPLICATE_KEY: 'This key appears twice in the same section: keep one (the second would silently replace the first)',
  BAD_INDENT: 'The indentation here does not line up with the lines around it',
  MISSING_CHAR: 'A closing bracket or quote is missing',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line: check for a missing colon or a stray line break',
  BLOCK_AS_IMPLICIT_KEY: 'A nested block cannot be used as a key: check the indentation and colons',
  UNEXPECTED_TOKEN: 'Unexpected text here: check the indentation, colons and quotes on this line',
  BAD_ALIAS: 'This alias (*name) does not refer to an anchor (&name) defined earlier',
  BAD_DIRECTIVE: 'This % directive is not valid YAML',
  BAD_DQ_ESCAPE: 'This backslash escape is not valid inside double quotes: write \\\\ for a backslash',
  BAD_SCALAR_START: 'A plain value cannot start with this character: put the value in quotes',
  BLOCK_IN_FLOW: 'A block (| or >, or an indented list) cannot appear inside [ ] or { }',
  IMPOSSIBLE: 'This YAML cannot be read',
  KEY_OVER_1024_CHARS: 'A key is longer than 1,024 characters: shorten it',
  MISSING_ANCHOR: 'An anchor name is missing after &',
  MULTIPLE_ANCHORS: 'A value can have only one anchor (&name)',
  MULTIPLE_DOCS: 'A commspec file holds one document',
  MULTIPLE_TAGS: 'A value can have only one tag',
  TAG_RESOLVE_FAILED: 'commspec does not use YAML tags like this one; the value is read as plain text and never run',
  BAD_COLLECTION_TYPE: 'This tag cannot be used on this kind of value',
  ALIAS_PROPS: 'An alias cannot have an anchor or tag',
  NON_STRING_KEY: 'Keys must be plain words',
};

function yamlFinding(lines: LineIndex, error: YAMLError, severity: Severity): Finding {
  const [start, rawEnd] = error.pos;
  const s = Math.max(0, Math.min(start, lines.text.length));
  let end = Math.max(s, Math.min(rawEnd, lines.text.length));
  if (end === s && end < lines.text.length) end = s + 1;
  const plain = yamlMessages[error.code] ?? error.message.split('\n')[0];
  return {
    ruleId: severity === 'error' ? 'yaml/syntax' : 'yaml/warning',
    severity,
    message: plain,
    range: lines.range(s, end),
    offsets: { start: s, end },
  };
}

/** Measures nesting without recursion, so a 100,000-deep document cannot overflow the stack. */
export function nestingDepth(root: unknown, stopAt: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > stopAt) return max;
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
    else if (isPair(node)) {
      stack.push([node.key, depth]);
      stack.push([node.value, depth]);
    }
  }
  return max;
}

/** Documents shorter than this are always parsed whole: chunking would not pay. */
const incrementalThreshold = 16 * 1024;

/**
 * Reads YAML text into a document with ranges. Never throws; every problem becomes a finding.
 * With a chunk cache, a large document reuses the parts that did not change since its last reading.
 */
export function readDocument(uri: string, text: string, chunks?: ChunkCache): SourceDocument {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const base: SourceDocument = { uri, text, lines, yaml: undefined, value: undefined, kind: undefined, findings };
  if (text.length > limits.maxDocumentLength) {
    findings.push({
      ruleId: 'yaml/too-large',
      severity: 'error',
      message: `This file is ${(text.length / 1048576).toFixed(1)} MB; commspec reads documents up to ${limits.maxDocumentLength / 1048576} MB. Split it into smaller documents.`,
      range: lines.range(0, 0),
      offsets: { start: 0, end: 0 },
    });
    return base;
  }
  if (text.includes('\u0000')) {
    const at = text.indexOf('\u0000');
    findings.push({
      ruleId: 'yaml/binary',
      severity: 'error',
      message: 'This file contains a NUL character, so it is not a text document. Save it as UTF-8 text.',
      range: lines.range(at, at + 1),
      offsets: { start: at, end: at + 1 },
    });
    return base;
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    findings.push({
      ruleId: 'yaml/encoding',
      severity: 'error',
      message: 'This character could not be read as UTF-8: save the file as UTF-8 and retype it.',
      range: lines.range(bad, bad + 1),
      offsets: { start: bad, end: bad + 1 },
    });
  }
  if (chunks && text.length >= incrementalThreshold && bad < 0) {
    const fast = chunks.read(text);
    if (fast && fast.depth <= limits.maxDepth) {
      base.yaml = fast.doc;
      base.value = fast.value;
      const kind = fast.value.kind;
      if (typeof kind === 'string' && (documentKinds as readonly string[]).includes(kind)) base.kind = kind as DocumentKind;
      return base;
    }
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch (e) {
    const deep = e instanceof RangeError;
    findings.push({
      ruleId: deep ? 'yaml/too-deep' : 'yaml/syntax',
      severity: 'error',
      message: deep
        ? 'This document nests brackets or sections so deeply that it cannot be read; no specification needs that many levels.'
        : `This file could not be read as YAML (${(e as Error).message}).`,
      range: lines.range(0, 0),
      offsets: { start: 0, end: 0 },
    });
    return base;
  }
  if (docs.length === 0 || (docs.length === 1 && docs[0].contents == null && docs[0].errors.length === 0)) {
    findings.push({
      ruleId: 'yaml/empty',
      severity: 'error',
      message: 'This file is empty. A commspec document starts with commspec: 1 and kind: specification, framework or bid.',
      range: lines.range(0, 0),
      offsets: { start: 0, end: 0 },
    });
    return base;
  }
  const doc = docs[0];
  base.yaml = doc;
  const quotedLines = new Set<number>();
  for (const e of doc.errors) {
    const f = yamlFinding(lines, e, 'error');
    if (/call stack/i.test(e.message)) {
      f.ruleId = 'yaml/too-deep';
      f.message = 'This document nests brackets or sections so deeply that it cannot be read; no specification needs that many levels.';
    } else if (e.message.startsWith('Block scalar header includes extra characters')) {
      // `target: >= 85%`: YAML reads > and | as the start of a block of text
      const line = f.range.start.line;
      const end = lines.lineEnd(line);
      // the error points just after the > or |: start the value at it
      let start = f.offsets.start;
      while (start > lines.lineStart(line) && text[start] !== '>' && text[start] !== '|') start--;
      f.offsets = { start, end: start };
      const value = text.slice(start, end).replace(/\s+#.*$/, '').trimEnd();
      quotedLines.add(line);
      f.message = `A value that starts with ${value[0]} is read by YAML as the start of a block of text: put it in quotes, for example "${value.replace(/"/g, '\\"')}"`;
      f.offsets = { start: f.offsets.start, end: f.offsets.start + value.length };
      f.range = lines.range(f.offsets.start, f.offsets.end);
      f.fix = { title: 'Put the value in quotes', edits: [{ start: f.offsets.start, end: f.offsets.end, newText: JSON.stringify(value) }], safe: true };
    } else if (e.message.startsWith('Not a YAML token') && quotedLines.has(f.range.start.line)) continue;
    findings.push(f);
  }
  for (const w of doc.warnings) findings.push(yamlFinding(lines, w, 'warning'));
  for (const extra of docs.slice(1)) {
    const start = extra.range?.[0] ?? text.length;
    findings.push({
      ruleId: 'yaml/multiple-documents',
      severity: 'error',
      message: 'A commspec file holds one document; everything after this --- is ignored. Move it to a file of its own.',
      range: lines.range(start, Math.min(text.length, start + 3)),
      offsets: { start, end: Math.min(text.length, start + 3) },
    });
  }
  const depth = nestingDepth(doc.contents, limits.maxDepth);
  if (depth > limits.maxDepth) {
    findings.push({
      ruleId: 'yaml/too-deep',
      severity: 'error',
      message: `This document nests sections more than ${limits.maxDepth} levels deep, which no specification needs; it was not checked further.`,
      range: lines.range(0, 0),
      offsets: { start: 0, end: 0 },
    });
    return base;
  }
  try {
    base.value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const alias = firstAlias(doc.contents);
    const start = alias?.range?.[0] ?? 0;
    const end = alias?.range?.[1] ?? 0;
    const bomb = /alias/i.test((e as Error).message);
    findings.push({
      ruleId: bomb ? 'yaml/alias-bomb' : 'yaml/syntax',
      severity: 'error',
      message: bomb
        ? `This document repeats aliases (*name) so many times that expanding them would exhaust memory (an "alias bomb"); it was not checked further. Write the content out instead of aliasing it.`
        : `This document could not be read: ${(e as Error).message}`,
      range: lines.range(start, end),
      offsets: { start, end },
    });
    return base;
  }
  const value = base.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const kind = (value as Record<string, unknown>).kind;
    if (typeof kind === 'string' && (documentKinds as readonly string[]).includes(kind)) base.kind = kind as DocumentKind;
  }
  return base;
}

function firstAlias(root: unknown): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) return node;
    if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isPair(node)) stack.push(node.value, node.key);
  }
  return undefined;
}

export type PathSegment = string | number;

/** The YAML node at a path of keys and indexes, following aliases, with the pair that holds it. */
export function nodeAtPath(doc: Document.Parsed | undefined, path: readonly PathSegment[]): { node: Node | undefined; pair: Pair | undefined; parent: Node | undefined } {
  let node: Node | undefined = (doc?.contents ?? undefined) as Node | undefined;
  let pair: Pair | undefined;
  let parent: Node | undefined;
  for (const seg of path) {
    if (isAlias(node) && doc) node = node.resolve(doc) as Node | undefined;
    parent = node;
    if (isMap(node)) {
      pair = node.items.find((p) => keyText(p.key) === String(seg)) as Pair | undefined;
      node = pair?.value as Node | undefined;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | undefined;
      pair = undefined;
    } else {
      return { node: undefined, pair: undefined, parent };
    }
    if (node === undefined && pair === undefined) return { node: undefined, pair: undefined, parent };
  }
  if (isAlias(node) && doc) node = node.resolve(doc) as Node | undefined;
  return { node, pair, parent };
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value == null ? '' : String(key.value);
  if (typeof key === 'string') return key;
  return undefined;
}

/** Source offsets [start, end) of a node's value, or undefined. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const r = (node as Node | undefined)?.range;
  if (!r) return undefined;
  return [r[0], r[1]];
}
