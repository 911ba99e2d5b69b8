// File access for the three front doors (CLI, language server, VS Code extension) when what they read or
// write is named by a document, a workspace or a command line that may be hostile. The language service
// itself stays pure: it asks its host for text, and the hosts built on this module answer only with
// regular files, up to the document size limit, inside the folders they are allowed to read.
import { chmodSync, closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { limits } from '../service/document';

/** Why a file was not read. */
export type RefusalReason = 'missing' | 'not-regular' | 'too-large' | 'outside' | 'unreadable';

export interface Refusal {
  refused: RefusalReason;
  /** In a commissioner's words, without the file's name (the caller says which file). */
  message: string;
  /** Size in bytes, for too-large. */
  size?: number;
}

/** The most bytes any front door reads from one file: the language service's document limit. */
export function maxReadBytes(): number {
  return limits.maxDocumentLength;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function limitWords(max: number): string {
  const m = max / 1048576;
  return Number.isInteger(m) ? `${m} MB` : mb(max);
}

/** What a file system entry is, in plain words ("a folder", "a named pipe"…). */
export function entryKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function tooLarge(size: number, max: number): Refusal {
  return { refused: 'too-large', size, message: `it is ${mb(size)}; commspec reads documents up to ${limitWords(max)}` };
}

function notRegular(stat: Stats): Refusal {
  return { refused: 'not-regular', message: `it is ${entryKind(stat)}, not a regular file` };
}

function errnoRefusal(e: unknown): Refusal {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { refused: 'missing', message: 'there is no such file' };
  if (code === 'EACCES' || code === 'EPERM') return { refused: 'unreadable', message: 'permission to read it was denied' };
  return { refused: 'unreadable', message: `it cannot be read (${code ?? (e as Error).message})` };
}

/** O_NONBLOCK, so that opening a named pipe never waits for a writer (0 where the platform has none). */
const nonBlocking = (constants as Record<string, number>).O_NONBLOCK ?? 0;

/**
 * Reads a regular file of at most `maxBytes` bytes. Never blocks on a pipe or device and never reads more than
 * `maxBytes` + 1 bytes, whatever the file claims (files that grow while read, /proc files reporting 0).
 */
export function readRegularFile(file: string, maxBytes = maxReadBytes()): { bytes: Buffer } | Refusal {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (e) {
    return errnoRefusal(e);
  }
  // Refuse pipes and devices before opening them: opening some devices has effects of its own.
  if (!stat.isFile()) return notRegular(stat);
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | nonBlocking);
  } catch (e) {
    return errnoRefusal(e);
  }
  try {
    const opened = fstatSync(fd); // what was opened, in case the name was swapped after the check
    if (!opened.isFile()) return notRegular(opened);
    if (opened.size > maxBytes) return tooLarge(opened.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(1 << 20, maxBytes + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) return tooLarge(total, maxBytes);
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return errnoRefusal(e);
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 text, a byte-order mark dropped as editors do; invalid bytes become U+FFFD, which the service reports. */
export function decodeText(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a regular file as text, up to the document size limit. */
export function readTextFile(file: string, maxBytes = maxReadBytes()): { text: string } | Refusal {
  const r = readRegularFile(file, maxBytes);
  return 'refused' in r ? r : { text: decodeText(r.bytes) };
}

/** An error a front door can throw when a file it must read is refused; `message` says why, without the file's name. */
export class RefusedFileError extends Error {
  constructor(
    readonly file: string,
    readonly refusal: Refusal,
  ) {
    super(refusal.message);
  }
}

/** Reads text or throws RefusedFileError. */
export function readTextOrThrow(file: string, maxBytes = maxReadBytes()): string {
  const r = readTextFile(file, maxBytes);
  if ('refused' in r) throw new RefusedFileError(file, r);
  return r.text;
}

// ------------------------------------------------------------------------------------------------
// Real paths and roots

/** The real path of a file; for a file that does not exist yet, the real path of its nearest existing folder plus the rest. */
export function realPath(file: string): string {
  const abs = path.resolve(file);
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(realPath(parent), path.basename(abs));
  }
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Whether `child` is `parent` or inside it (both absolute, compared as written). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Folders named in COMMSPEC_ROOTS (separated by the platform's path delimiter), where commspec may also read. */
export function envRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.COMMSPEC_ROOTS ?? '')
    .split(path.delimiter)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => path.resolve(s));
}

/** The workspace a folder belongs to, for the CLI: the nearest enclosing folder with a .git, else the folder itself. */
export function workspaceRootOf(dir: string): string {
  const start = path.resolve(dir);
  for (let d = start; ; ) {
    if (existsSync(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return start;
    d = parent;
  }
}

/** A set of folders; a file is inside when its real path is inside one of their real paths. */
export class Roots {
  private readonly real = new Set<string>();
  readonly written: string[] = [];

  constructor(dirs: Iterable<string> = []) {
    for (const d of dirs) this.add(d);
  }

  add(dir: string): void {
    const r = realPath(dir);
    if (this.real.has(r)) return;
    this.real.add(r);
    this.written.push(path.resolve(dir));
  }

  get size(): number {
    return this.real.size;
  }

  /** Whether a file, followed through every symbolic link, lies inside one of the roots. */
  contains(file: string): boolean {
    const r = realPath(file);
    for (const root of this.real) if (isInside(r, root)) return true;
    return false;
  }

  describe(): string {
    return this.written.join(', ');
  }
}

export function outsideRefusal(roots: Roots): Refusal {
  return {
    refused: 'outside',
    message: `it is outside the folders commspec reads (${roots.describe() || 'none'}); add its folder to COMMSPEC_ROOTS to allow it`,
  };
}

/** Reads a file named by a document: only inside `roots`, only a regular file, only up to the size limit. */
export function readInside(file: string, roots: Roots, maxBytes = maxReadBytes()): { text: string } | Refusal {
  if (!existsSync(file)) return { refused: 'missing', message: 'there is no such file' };
  if (!roots.contains(file)) return outsideRefusal(roots);
  return readTextFile(file, maxBytes);
}

// ------------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, which then replaces the
 * target by renaming, so a reader (or a crash) never sees half a file. A target that is a symbolic link is
 * written where the link points; an existing file keeps its permissions.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): string {
  let dest = path.resolve(target);
  try {
    if (lstatSync(dest).isSymbolicLink()) dest = realpathSync.native(dest);
  } catch {
    /* does not exist yet */
  }
  let mode: number | undefined;
  try {
    const st = statSync(dest);
    if (!st.isFile()) throw Object.assign(new Error(`${target} is ${entryKind(st)}`), { code: st.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    mode = st.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.commspec-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx', mode: mode ?? 0o666 });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return dest;
}

/** Which of `inputs` is the same file as `output` (by real path), if any. */
export function sameFileAs(output: string, inputs: Iterable<string>): string | undefined {
  const out = realPath(output);
  for (const i of inputs) if (samePath(realPath(i), out)) return i;
  return undefined;
}
