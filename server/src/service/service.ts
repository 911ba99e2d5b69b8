import { readDocument, type SourceDocument } from './document';
import { configPatternProblems, defaultRules, type EffectiveRules } from './config';
import { compareFindings, type Finding } from './findings';
import { buildModel, get, type DocumentModel, type Reference } from './model';
import { detached } from './text';
import { allRules } from './rules/index';
import { runRules } from './rules/engine';
import type { Linked, LinkedDocument, Rule } from './rules/types';
import { applySuppressions, findDirectives } from './suppressions';
import { didYouMean } from './text';
import { validateDocument, valueRange } from './validate';
import { ChunkCache } from './incremental';
import { releaseDocumentCaches } from './doc-cache';
import type { SchemaName } from './schema-nav';

/** How the language service reaches other documents. The CLI reads the file system; the server also sees open editors. */
export interface Host {
  /** The current text of a document, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): string | undefined;
  /** The uri of `relative` seen from the document `base`. */
  resolve(base: string, relative: string): string;
  /** Documents of a kind with an id, found anywhere in the workspace (optional). */
  findById?(kind: 'specification' | 'framework', id: string): string | undefined;
}

export const noHost: Host = { readFile: () => undefined, resolve: (_b, r) => r };

export interface Analysis {
  uri: string;
  doc: SourceDocument;
  model: DocumentModel;
  linked: Linked;
  schema: SchemaName | undefined;
  findings: Finding[];
  /**
   * For a document indexed but not open: every place a symbol is declared or used in it, worked out before
   * its YAML tree, text and expressions were let go (see `LanguageService.compact`).
   */
  occurrences?: PackedOccurrences;
}

/** Occurrences kept compactly: each symbol once, then four numbers per occurrence. */
export interface PackedOccurrences {
  symbols: Array<{ uri: string; kind: string; id: string }>;
  /** Per occurrence: the symbol's index, start, end, and flags (1: declaration, 2: verbatim). */
  spans: Int32Array;
}

/** Packs occurrences, with strings copied apart from the text they were read from. */
export function packOccurrences(list: readonly Occurrence[]): PackedOccurrences {
  const index = new Map<string, number>();
  const symbols: PackedOccurrences['symbols'] = [];
  const spans = new Int32Array(list.length * 4);
  list.forEach((o, i) => {
    const key = `${o.uri}\u0000${o.kind}\u0000${o.id}`;
    let n = index.get(key);
    if (n === undefined) {
      index.set(key, (n = symbols.length));
      symbols.push({ uri: o.uri, kind: detached(o.kind), id: detached(o.id) });
    }
    spans.set([n, o.start, o.end, (o.declaration ? 1 : 0) | (o.verbatim ? 2 : 0)], i * 4);
  });
  return { symbols, spans };
}

export function unpackOccurrences(p: PackedOccurrences): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < p.spans.length; i += 4) {
    const s = p.symbols[p.spans[i]];
    const flags = p.spans[i + 3];
    out.push({ uri: s.uri, kind: s.kind, id: s.id, start: p.spans[i + 1], end: p.spans[i + 2], declaration: (flags & 1) !== 0, verbatim: (flags & 2) !== 0 });
  }
  return out;
}

/** One place where a symbol (the thing with `kind` and `id` declared in `uri`) is declared or used. */
export interface Occurrence {
  uri: string;
  kind: string;
  id: string;
  start: number;
  end: number;
  declaration: boolean;
  /** The source characters are exactly the id (not written with escapes), so a rename can replace them. */
  verbatim: boolean;
}

const rulePrefixesThatCannotBeSuppressed = ['yaml/', 'schema/', 'internal/', 'suppressions/'];

export function isConfigFile(uri: string): boolean {
  return /(^|[\\/])\.commspec\.ya?ml$/.test(uri);
}

/** Appends one list to another without spreading it into call arguments, which overflows the stack on long lists. */
function appendAll<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

/** The pure language service: text in, plain data out. It does no I/O of its own. */
export interface ServiceOptions {
  /**
   * Reuse the unchanged parts of a large document between readings (for editors, where the same document is
   * read again after every edit). Nodes of an earlier reading of the same uri may move: use only the latest.
   */
  incremental?: boolean;
}

export class LanguageService {
  private readonly linkedCache = new Map<string, { text: string; linked: LinkedDocument }>();
  private readonly chunkCaches = new Map<string, ChunkCache>();

  constructor(
    private readonly host: Host = noHost,
    readonly rules: readonly Rule[] = allRules,
    private readonly options: ServiceOptions = {},
  ) {}

  /**
   * Makes a kept analysis small, for a document indexed but not open: keeps what the workspace asks of it
   * (its findings, references, top-level fields, line positions and the `occurrences` of symbols, worked out
   * beforehand by the caller) and lets go of the rest: the YAML tree, the text, the plain value, the
   * declarations (their occurrences stay), the expressions and every cache. Features needing more re-analyse
   * the document when it is opened.
   */
  compact(analysis: Analysis, occurrences: readonly Occurrence[]): void {
    const { doc, model } = analysis;
    releaseDocumentCaches(doc, 'all');
    const slim: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(model.value)) if (v === null || typeof v !== 'object') slim[k] = v;
    // Fresh copies: strings cut from the text keep the whole text alive, and arrays grown item by item
    // hold spare room; a JSON round trip makes every string and array exactly as large as its content.
    const kept = JSON.parse(JSON.stringify({ slim, references: model.references, findings: analysis.findings })) as {
      slim: Record<string, unknown>;
      references: Reference[];
      findings: Finding[];
    };
    model.value = kept.slim;
    if (typeof kept.slim.id === 'string') model.id = kept.slim.id;
    model.declarations = [];
    model.references = kept.references;
    model.expressions = [];
    analysis.findings = kept.findings;
    analysis.occurrences = packOccurrences(occurrences);
    analysis.linked = { frameworks: analysis.linked.frameworks, specification: analysis.linked.specification, problems: [] };
    doc.lines.releaseText();
    analysis.doc = { uri: doc.uri, text: '', lines: doc.lines, yaml: undefined, value: kept.slim, kind: doc.kind, findings: [] };
  }

  /** Drops what is kept for a document (its chunk cache), e.g. when an editor closes it. */
  forget(uri: string): void {
    this.chunkCaches.delete(uri);
  }

  private chunksFor(uri: string): ChunkCache | undefined {
    if (!this.options.incremental) return undefined;
    let c = this.chunkCaches.get(uri);
    if (c) this.chunkCaches.delete(uri);
    else c = new ChunkCache();
    this.chunkCaches.set(uri, c); // most recently used last
    // keep caches for the documents being edited, not for every document ever read
    if (this.chunkCaches.size > 32) this.chunkCaches.delete(this.chunkCaches.keys().next().value as string);
    return c;
  }

  /** Reads, validates and checks one document. Never throws. */
  analyse(uri: string, text: string, settings: EffectiveRules = defaultRules(this.rules.map((r) => r.meta))): Analysis {
    const doc = readDocument(uri, text, this.chunksFor(uri));
    const findings: Finding[] = [...doc.findings];
    const model = buildModel(doc);
    const linked: Linked = { frameworks: new Map(), problems: [] };
    let schema: SchemaName | undefined;
    if (doc.value !== undefined) {
      schema = isConfigFile(uri) ? 'config' : doc.kind;
      if (!schema) appendAll(findings, kindProblem(doc));
      else {
        appendAll(findings, validateDocument(doc, schema));
        if (schema === 'config') {
          for (const p of configPatternProblems(doc.value)) {
            const at = valueRange(doc, p.path);
            findings.push({ ruleId: 'schema/glob', severity: 'error', message: p.message, range: doc.lines.range(at.start, at.end), offsets: { start: at.start, end: at.end } });
          }
        } else {
          this.link(uri, model, linked);
          appendAll(findings, runRules(this.rules, doc, model, linked, settings));
        }
      }
    }
    const kept = applySuppressions(findings, findDirectives(doc.lines), doc.lines, (id) => !rulePrefixesThatCannotBeSuppressed.some((p) => id.startsWith(p)));
    kept.sort(compareFindings);
    releaseDocumentCaches(doc, 'analysis');
    return { uri, doc, model, linked, schema, findings: kept };
  }

  /** Reads a document another refers to, reusing the last reading while its text is unchanged. */
  private readLinked(uri: string): LinkedDocument | undefined {
    const text = this.host.readFile(uri);
    if (text === undefined) return undefined;
    const hit = this.linkedCache.get(uri);
    if (hit && hit.text === text) return hit.linked;
    const doc = readDocument(uri, text);
    const linked = { uri, doc, model: buildModel(doc) };
    this.linkedCache.set(uri, { text, linked });
    return linked;
  }

  /** Forgets cached readings (the server calls this when files change on disk). */
  invalidate(uri?: string): void {
    if (uri) this.linkedCache.delete(uri);
    else this.linkedCache.clear();
  }

  private link(uri: string, model: DocumentModel, linked: Linked): void {
    if (model.kind === 'specification') {
      get.arr(model.value.frameworks).forEach((f, i) => {
        const entry = get.obj(f);
        const id = get.str(entry?.id);
        if (!id) return;
        const path = get.str(entry?.path);
        const target = path ? this.host.resolve(uri, path) : this.host.findById?.('framework', id);
        if (!target) {
          linked.problems.push({ path: ['frameworks', i, 'id'], message: `The framework '${id}' has no path and was not found in the workspace: add path: with the location of its file` });
          return;
        }
        const fw = this.readLinked(target);
        if (!fw) {
          linked.problems.push({ path: ['frameworks', i, path ? 'path' : 'id'], message: `The framework file ${path ?? target} cannot be found or read: check the path, relative to this file` });
          return;
        }
        if (fw.model.kind !== 'framework') {
          linked.problems.push({ path: ['frameworks', i, 'path'], message: `${path} is not a framework document (its kind is ${fw.model.kind ?? 'missing'}): point to a file with kind: framework` });
          return;
        }
        if (fw.model.id !== id) {
          linked.problems.push({ path: ['frameworks', i, 'id'], message: `The framework at ${path} has the id '${fw.model.id ?? ''}', not '${id}': use the same id in both places` });
        }
        linked.frameworks.set(id, fw);
      });
    } else if (model.kind === 'bid' || model.kind === 'return') {
      const noun = model.kind === 'bid' ? 'bid' : 'return';
      const spec = get.obj(model.value.specification);
      const id = get.str(spec?.id);
      if (!id) return;
      const path = get.str(spec?.path);
      const target = path ? this.host.resolve(uri, path) : this.host.findById?.('specification', id);
      const doc = target ? this.readLinked(target) : undefined;
      if (!doc) {
        linked.problems.push({
          path: ['specification', path ? 'path' : 'id'],
          message: path
            ? `The specification file ${path} cannot be found or read: check the path, relative to this ${noun}`
            : `No specification with the id '${id}' was found: add path: with the location of the specification this ${noun === 'bid' ? 'bid answers' : 'return reports against'}`,
        });
        return;
      }
      if (doc.model.kind !== 'specification') {
        linked.problems.push({ path: ['specification', 'path'], message: `${path} is not a specification (its kind is ${doc.model.kind ?? 'missing'})` });
        return;
      }
      if (doc.model.id !== id) linked.problems.push({ path: ['specification', 'id'], message: `The specification at ${path} has the id '${doc.model.id ?? ''}', not '${id}'` });
      linked.specification = doc;
      // the specification's own frameworks, so that its tier model resolves for the bid (or return)
      this.link(doc.uri, doc.model, { frameworks: new Map(), problems: [] });
    }
  }
}

function kindProblem(doc: SourceDocument): Finding[] {
  const value = doc.value;
  const at = (start: number, end: number, message: string, ruleId = 'schema/kind'): Finding[] => [
    { ruleId, severity: 'error', message, range: doc.lines.range(start, end), offsets: { start, end } },
  ];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const r = doc.yaml?.contents?.range;
    return at(r?.[0] ?? 0, r?.[1] ?? 0, `A commspec document is a set of key: value lines starting with commspec: 1 and kind: specification, framework, bid or return, but this file holds ${Array.isArray(value) ? 'a list' : value === null ? 'nothing' : 'a single value'}`);
  }
  const kind = (value as Record<string, unknown>).kind;
  const contents = doc.yaml?.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: { range?: number[] } }> } | undefined;
  const pair = contents?.items?.find((p) => p.key?.value === 'kind');
  if (kind === undefined) {
    const first = contents?.items?.[0]?.key?.range;
    return at(first?.[0] ?? 0, first?.[1] ?? 0, 'This document does not say what it is: add kind: specification, kind: framework, kind: bid or kind: return');
  }
  const s = typeof kind === 'string' ? didYouMean(kind, ['specification', 'framework', 'bid', 'return']) : undefined;
  const r = pair?.value?.range;
  return at(r?.[0] ?? 0, r?.[1] ?? 0, `'${String(kind)}' is not a kind of commspec document${s ? `: did you mean '${s}'?` : ''} Use specification, framework, bid or return`);
}
