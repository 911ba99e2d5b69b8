// A pure index of the documents in a workspace: texts (open editors win over disk), their analyses
// (cached per text and re-made only when the text or something it depends on changes), and which
// document declares which id. Disk access is injected, so the index does no I/O of its own.
import { parse } from 'yaml';
import { detached } from './text';
import { defaultRules, effectiveRules, type ConfigFile, type EffectiveRules } from './config';
import { allRules } from './rules/index';
import type { Rule } from './rules/types';
import { isConfigFile, LanguageService, type Analysis, type Host } from './service';
import { allOccurrences } from './features/navigation';

export interface WorkspaceOptions {
  /** Reads a document that is not open in an editor; undefined when it does not exist. */
  readFile(uri: string): string | undefined;
  rules?: readonly Rule[];
  /** Rule settings for a document. By default, `.commspec.yaml` files are looked for upward from it. */
  settingsFor?(uri: string): EffectiveRules;
}

interface Cached {
  /** The text analysed, for an open document; undefined for one indexed but not open (its revision counts). */
  text: string | undefined;
  /** The document's revision when it was analysed. */
  revision: number;
  analysis: Analysis;
  /** Revisions of every document read while analysing (linked frameworks, specifications, config files). */
  deps: Map<string, number>;
  /** The id-index generation, when the analysis looked documents up by id. */
  idGeneration?: number;
}

const commspecFile = /\.commspec\.ya?ml$/;

/** True for a commspec document (not a config file). */
export function isCommspecDocument(uri: string): boolean {
  return commspecFile.test(uri) && !isConfigFile(uri);
}

/** The folder part of a uri or path, without the trailing separator. */
export function uriDirname(uri: string): string {
  const i = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (/^[a-z][a-z0-9+.-]*:\/\/\/?$/i.test(uri.slice(0, i + 1))) return uri.slice(0, i + 1).replace(/\/$/, '');
  return i === 0 ? uri.slice(0, 1) : uri.slice(0, i);
}

/** A relative path seen from a document (uri or file path). */
export function resolveUri(base: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) && !/^[a-z]:[\\/]/i.test(relative)) return relative;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(base)) {
    try {
      return new URL(relative.replace(/\\/g, '/'), base).href;
    } catch {
      return relative;
    }
  }
  // plain file paths (the CLI's uris)
  const sep = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  if (relative.startsWith('/') || /^[a-z]:[\\/]/i.test(relative)) return relative;
  const parts = uriDirname(base).split(/[\\/]/);
  for (const seg of relative.split(/[\\/]/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(seg);
  }
  return parts.join(sep);
}

/** A file path for a uri (file: uris are decoded; anything else is returned as it is). */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    const u = new URL(uri);
    const p = decodeURIComponent(u.pathname);
    return /^\/[a-z]:\//i.test(p) ? p.slice(1) : p;
  } catch {
    return uri;
  }
}

/** What a document says it is and its id, read from its top-level lines without parsing. */
export function kindAndId(text: string): { kind?: string; id?: string } {
  const out: { kind?: string; id?: string } = {};
  const re = /^(kind|id):[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#][^#\n]*?))[ \t]*(?:#.*)?$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const v = detached(m[2] ?? m[3] ?? m[4]);
    if (m[1] === 'kind' && out.kind === undefined) out.kind = v;
    if (m[1] === 'id' && out.id === undefined) out.id = v;
    if (out.kind !== undefined && out.id !== undefined) break;
  }
  return out;
}

export class Workspace {
  readonly service: LanguageService;
  readonly host: Host;
  private readonly openDocs = new Map<string, { text: string; version: number }>();
  /**
   * Texts read from disk (undefined once known to be missing). The text of a document that is not open is
   * let go once it is analysed (and a fingerprint kept), and read again when needed: a workspace of thousands
   * of documents does not hold them all in memory.
   */
  private readonly disk = new Map<string, string | undefined>();
  private readonly fingerprints = new Map<string, number>();
  /** Documents found in the workspace folders, open or not. */
  private readonly known = new Set<string>();
  private readonly revisions = new Map<string, number>();
  private readonly cache = new Map<string, Cached>();
  private readonly ids = new Map<string, { kind?: string; id?: string }>();
  /** Documents by kind and id (an index of `ids`). */
  private readonly byId = new Map<string, Set<string>>();
  private idGeneration = 0;
  private revisionCounter = 0;
  private recording: { deps: Map<string, number>; usedIds: boolean } | undefined;

  constructor(private readonly options: WorkspaceOptions) {
    const self = this;
    this.host = {
      readFile(uri) {
        return self.textFor(uri, true);
      },
      resolve: resolveUri,
      findById(kind, id) {
        return self.findById(kind, id);
      },
    };
    // incremental: an editor re-reads the same document after every keystroke
    this.service = new LanguageService(this.host, options.rules ?? allRules, { incremental: true });
  }

  // ----- texts ------------------------------------------------------------------------------

  /** The current text of a document: the editor's when open, otherwise the disk's. */
  textFor(uri: string, record = false): string | undefined {
    if (record && this.recording) {
      this.recording.deps.set(uri, this.revision(uri));
    }
    const open = this.openDocs.get(uri);
    if (open) return open.text;
    if (this.disk.has(uri)) return this.disk.get(uri);
    let text: string | undefined;
    try {
      text = this.options.readFile(uri);
    } catch {
      text = undefined;
    }
    this.disk.set(uri, text);
    return text;
  }

  revision(uri: string): number {
    return this.revisions.get(uri) ?? 0;
  }

  private bump(uri: string, text: string | undefined = this.textFor(uri)): void {
    this.revisions.set(uri, ++this.revisionCounter);
    const before = this.ids.get(uri);
    const after = text === undefined || !isCommspecDocument(uri) ? {} : kindAndId(text);
    if (before?.kind !== after.kind || before?.id !== after.id) {
      this.setIds(uri, after);
      this.idGeneration++;
    }
    this.service.invalidate(uri);
  }

  /** An editor opened a document. */
  open(uri: string, text: string, version: number): void {
    this.openDocs.set(uri, { text, version });
    if (isCommspecDocument(uri)) this.known.add(uri);
    this.bump(uri);
  }

  /** An editor changed a document. */
  update(uri: string, text: string, version: number): void {
    const before = this.openDocs.get(uri);
    this.openDocs.set(uri, { text, version });
    if (before?.text !== text) this.bump(uri);
  }

  /** An editor closed a document: from now on its disk text counts. */
  close(uri: string): void {
    const before = this.openDocs.get(uri);
    this.openDocs.delete(uri);
    this.disk.delete(uri);
    this.fingerprints.delete(uri);
    this.service.forget(uri);
    if (this.textFor(uri) === undefined) this.known.delete(uri);
    if (before?.text !== this.textFor(uri)) this.bump(uri);
  }

  isOpen(uri: string): boolean {
    return this.openDocs.has(uri);
  }

  version(uri: string): number | undefined {
    return this.openDocs.get(uri)?.version;
  }

  /** A document was found on disk, or changed on disk (text undefined: it was deleted). */
  setDiskText(uri: string, text: string | undefined): void {
    this.diskChanged(uri, text, true);
  }

  /**
   * A document found by a scan of the workspace folders: indexed by its kind and id, its text not kept
   * (it is read again when the document is analysed).
   */
  found(uri: string, text: string | undefined): void {
    this.diskChanged(uri, text, !isCommspecDocument(uri) || text === undefined);
  }

  private diskChanged(uri: string, text: string | undefined, keep: boolean): void {
    const print = this.fingerprints.get(uri);
    const same = this.disk.has(uri) ? this.disk.get(uri) === text : print !== undefined && text !== undefined && fingerprint(text) === print;
    const open = this.openDocs.has(uri);
    if (isCommspecDocument(uri)) {
      if (text === undefined && !open) this.known.delete(uri);
      else this.known.add(uri);
    }
    if (keep) {
      this.disk.set(uri, text);
      this.fingerprints.delete(uri);
    } else this.releaseText(uri, text as string);
    if (!same && !open) this.bump(uri, text);
  }

  /** Keeps only a fingerprint of a document's disk text; the text is read again when needed. */
  private releaseText(uri: string, text: string): void {
    this.disk.delete(uri);
    this.fingerprints.set(uri, fingerprint(text));
  }

  /** Forgets what was read from disk for a document, so it is read again when next needed. */
  forgetDisk(uri: string): void {
    this.disk.delete(uri);
    this.fingerprints.delete(uri);
    if (!this.openDocs.has(uri)) this.bump(uri);
  }

  /** Every commspec document in the workspace, open or on disk. */
  uris(): string[] {
    return [...new Set([...this.known, ...[...this.openDocs.keys()].filter(isCommspecDocument)])];
  }

  openUris(): string[] {
    return [...this.openDocs.keys()];
  }

  /** The document of a kind with an id, preferring open documents. */
  findById(kind: 'specification' | 'framework', id: string): string | undefined {
    if (this.recording) this.recording.usedIds = true;
    const pick = (uris: Iterable<string>) => {
      let found: string | undefined;
      for (const uri of uris) {
        if (this.openDocs.has(uri)) return uri;
        found ??= uri;
      }
      return found;
    };
    const hit = pick(this.byId.get(idKey(kind, id)) ?? []);
    if (hit) return hit;
    // documents not yet indexed by id (normally none): index them, then look again
    let added = false;
    for (const uri of this.uris()) {
      if (this.ids.has(uri)) continue;
      const text = this.textFor(uri);
      this.setIds(uri, text === undefined ? {} : kindAndId(text));
      added = true;
    }
    return added ? pick(this.byId.get(idKey(kind, id)) ?? []) : undefined;
  }

  /** Records what a document says it is, in the id index. */
  private setIds(uri: string, entry: { kind?: string; id?: string }): void {
    const before = this.ids.get(uri);
    if (before?.kind !== undefined && before.id !== undefined) this.byId.get(idKey(before.kind, before.id))?.delete(uri);
    this.ids.set(uri, entry);
    if (entry.kind === undefined || entry.id === undefined) return;
    const key = idKey(entry.kind, entry.id);
    let set = this.byId.get(key);
    if (!set) this.byId.set(key, (set = new Set()));
    set.add(uri);
  }

  // ----- analyses ---------------------------------------------------------------------------

  private fresh(c: Cached, uri: string): boolean {
    if (c.revision !== this.revision(uri)) return false;
    if (c.text !== undefined && c.text !== this.openDocs.get(uri)?.text) return false;
    if (c.text === undefined && this.openDocs.has(uri)) return false;
    if (c.idGeneration !== undefined && c.idGeneration !== this.idGeneration) return false;
    for (const [dep, rev] of c.deps) if (this.revision(dep) !== rev) return false;
    return true;
  }

  /** The analysis of a document's current text, made once per text (and per text of what it depends on). */
  analysis(uri: string): Analysis | undefined {
    const hit = this.cache.get(uri);
    if (hit && this.fresh(hit, uri)) return hit.analysis;
    const text = this.textFor(uri);
    if (text === undefined) return undefined;
    const outer = this.recording;
    const recording = { deps: new Map<string, number>(), usedIds: false };
    this.recording = recording;
    let analysis: Analysis;
    try {
      const settings = this.settingsFor(uri);
      analysis = this.service.analyse(uri, text, settings);
    } finally {
      this.recording = outer;
    }
    recording.deps.delete(uri);
    const open = this.openDocs.has(uri);
    if (!open && isCommspecDocument(uri)) {
      // a document indexed but not open keeps only what navigation and diagnostics need, and not its text
      this.service.compact(analysis, allOccurrences(analysis));
      this.service.forget(uri);
      if (this.disk.get(uri) === text) this.releaseText(uri, text);
    }
    this.cache.set(uri, { text: open ? text : undefined, revision: this.revision(uri), analysis, deps: recording.deps, idGeneration: recording.usedIds ? this.idGeneration : undefined });
    return analysis;
  }

  /** True when the cached analysis of a document is still current (no work needed to answer). */
  isFresh(uri: string): boolean {
    const hit = this.cache.get(uri);
    return !!hit && this.fresh(hit, uri);
  }

  /** Analyses already made and still current, without analysing anything (for answers that must be quick). */
  analysedSoFar(): Analysis[] {
    const out: Analysis[] = [];
    for (const uri of this.uris()) {
      const hit = this.cache.get(uri);
      if (hit && this.fresh(hit, uri)) out.push(hit.analysis);
    }
    return out;
  }

  /** Analyses of every document in the workspace. */
  all(): Analysis[] {
    const out: Analysis[] = [];
    for (const uri of this.uris()) {
      const a = this.analysis(uri);
      if (a) out.push(a);
    }
    return out;
  }

  /** Open documents whose analysis depends on a document (a framework, a specification or a config file). */
  dependents(uri: string): string[] {
    const out: string[] = [];
    for (const [u, c] of this.cache) if (u !== uri && c.deps.has(uri)) out.push(u);
    return out;
  }

  // ----- configuration ----------------------------------------------------------------------

  /** A configuration file chosen by the user (the editor's commspec.config.path), used instead of discovery. */
  private configUri: string | undefined;

  /** Uses one configuration file for every document (undefined: look for `.commspec.yaml` upward again). */
  setConfigFile(uri: string | undefined): void {
    if (uri === this.configUri) return;
    this.configUri = uri;
    this.cache.clear(); // every cached analysis used the old settings
  }

  private readConfig(uri: string): ConfigFile['value'] | undefined {
    const text = this.textFor(uri, true);
    if (text === undefined) return undefined;
    try {
      const v = parse(text);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as ConfigFile['value']) : {};
    } catch {
      return {};
    }
  }

  /** The `.commspec.yaml` files that apply to a document, nearest last, stopping at `root: true`. */
  configChain(uri: string): ConfigFile[] {
    if (this.configUri) {
      const value = this.readConfig(this.configUri);
      return value ? [{ dir: uriToPath(uriDirname(this.configUri)).replace(/\\/g, '/'), value }] : [];
    }
    const chain: ConfigFile[] = [];
    let dir = uriDirname(uri);
    for (let guard = 0; guard < 64; guard++) {
      for (const name of ['.commspec.yaml', '.commspec.yml']) {
        const value = this.readConfig(`${dir}/${name}`);
        if (value === undefined) continue;
        chain.unshift({ dir: uriToPath(dir).replace(/\\/g, '/'), value });
        if (value.root === true) return chain;
      }
      const parent = uriDirname(dir);
      if (parent === dir || parent === '.' || parent.length >= dir.length) break;
      dir = parent;
    }
    return chain;
  }

  settingsFor(uri: string): EffectiveRules {
    const metas = (this.options.rules ?? allRules).map((r) => r.meta);
    if (this.options.settingsFor) return this.options.settingsFor(uri);
    if (isConfigFile(uri)) return defaultRules(metas);
    const chain = this.configChain(uri);
    if (!chain.length) return defaultRules(metas);
    return effectiveRules(metas, chain, uriToPath(uri));
  }
}

function idKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** A 32-bit FNV-1a hash of a text and its length: tells whether a file read again is the one analysed. */
function fingerprint(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
