import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../server/src/service/findings';
import { hashText } from './engine';

/** What the cache remembers about one file: enough to know when its findings are still right. */
interface Entry {
  /** Hash of the file's text. */
  text: string;
  /** Hash of the rule settings that applied to it. */
  settings: string;
  /** Hash of every linked document it read (a specification's frameworks, a bid's specification); null: missing. */
  deps: Record<string, string | null>;
  findings: Finding[];
}

interface CacheFile {
  /** The commspec version and build; a different one discards the whole cache. */
  tool: string;
  entries: Record<string, Entry>;
}

export const defaultCacheLocation = '.commspec-cache';
const fileName = 'lint-cache.json';

let buildHash: string | undefined;
/** The version plus a hash of the running program, so a rebuilt commspec never trusts findings of the old one. */
export function toolIdentity(version: string): string {
  if (buildHash === undefined) {
    try {
      buildHash = hashText(readFileSync(__filename, 'latin1'));
    } catch {
      buildHash = 'unknown';
    }
  }
  return `${version}+${buildHash}`;
}

export function settingsHash(settings: unknown): string {
  return hashText(JSON.stringify(settings instanceof Map ? [...settings] : settings));
}

/**
 * The lint cache (`--cache`): findings by file, reused while the file, its settings, commspec itself
 * and every document it links to are unchanged.
 */
export class LintCache {
  private data: CacheFile;
  private dirty = false;
  private readonly file: string;
  readonly debug: boolean;
  hits = 0;
  misses = 0;

  constructor(location: string, private readonly tool: string, private readonly currentHash: (uri: string) => string | null) {
    this.file = path.join(location, fileName);
    this.debug = process.env.COMMSPEC_DEBUG_CACHE === '1';
    this.data = { tool, entries: {} };
    try {
      const loaded = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (loaded && loaded.tool === tool && typeof loaded.entries === 'object' && loaded.entries) this.data = loaded;
      else this.log(`cache: discarded ${this.file} (written by another version of commspec)`);
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
  }

  private log(line: string): void {
    if (this.debug) process.stderr.write(`${line}\n`);
  }

  /** The cached findings for a file, or undefined when anything they depend on has changed. */
  get(file: string, textHash: string, settings: string): Finding[] | undefined {
    const e = this.data.entries[file];
    let reason: string | undefined;
    if (!e) reason = 'not cached';
    else if (e.text !== textHash) reason = 'file changed';
    else if (e.settings !== settings) reason = 'settings changed';
    else {
      const changed = Object.entries(e.deps).find(([uri, h]) => this.currentHash(uri) !== h);
      if (changed) reason = `linked document changed: ${changed[0]}`;
    }
    if (reason) {
      this.misses++;
      this.log(`cache miss: ${file} (${reason})`);
      return undefined;
    }
    this.hits++;
    this.log(`cache hit: ${file}`);
    return e!.findings;
  }

  set(file: string, textHash: string, settings: string, deps: Record<string, string | null>, findings: Finding[]): void {
    this.data.entries[file] = { text: textHash, settings, deps, findings };
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.data.entries[file]) {
      delete this.data.entries[file];
      this.dirty = true;
    }
  }

  /** Writes the cache (to a temporary file first, so a crash never leaves half a cache). */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}
