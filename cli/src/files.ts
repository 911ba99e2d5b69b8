import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { entryKind, envRoots, readTextOrThrow, realPath, Roots, workspaceRootOf } from '../../server/src/io/safe-io';

export const documentPattern = '**/*.commspec.{yaml,yml}';
const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];
export const ignoreFileName = '.commspecignore';

export class UsageError extends Error {}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export interface FindOptions {
  /** Follow symbolic links to folders while searching folders (default: no). Loops are cut by real path. */
  followSymlinks?: boolean;
  /** Receives a line for each file found but left out (a link leading outside the workspace). */
  notes?: string[];
}

/** The folders the inputs belong to: the workspace of the current folder and of each path given (see workspaceRootOf). */
export function inputRoots(inputs: readonly string[], cwd = process.cwd()): string[] {
  const out = [workspaceRootOf(cwd)];
  for (const input of inputs) {
    if (isDynamicPattern(input)) continue; // globs search from the current folder
    const abs = path.resolve(cwd, input);
    let dir = abs;
    try {
      if (!statSync(abs).isDirectory()) dir = path.dirname(abs);
    } catch {
      dir = path.dirname(abs);
    }
    out.push(workspaceRootOf(realPath(dir)));
  }
  return out;
}

/**
 * Expands the paths and globs given on the command line into document files, sorted.
 * Folders are searched for *.commspec.yaml; the configuration file .commspec.yaml is not a document.
 * `node_modules` and `.git` are never searched. Symbolic links are not followed in folders unless asked, and then
 * only to files inside the workspace; each file is listed once, by its real path. A path given that is not a
 * regular file or folder (a named pipe, a device) is refused: reading it could wait for ever.
 */
export async function findFiles(inputs: string[], cwd = process.cwd(), opts: FindOptions = {}): Promise<string[]> {
  const found = new Map<string, string>(); // real path -> path as found
  const follow = opts.followSymlinks === true;
  const globOptions = { ignore: alwaysIgnored, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: follow };
  for (const input of inputs.length ? inputs : ['.']) {
    let matches: string[];
    let walked = true;
    let roots: Roots;
    if (isDynamicPattern(input)) {
      matches = await glob(input, { ...globOptions, cwd });
      roots = new Roots([workspaceRootOf(cwd), ...envRoots()]);
    } else {
      const abs = path.resolve(cwd, input);
      let stat;
      try {
        stat = statSync(abs);
      } catch {
        throw new UsageError(`No such file or folder: ${input}`);
      }
      if (stat.isDirectory()) {
        matches = await glob(documentPattern, { ...globOptions, cwd: abs });
        roots = new Roots([workspaceRootOf(cwd), workspaceRootOf(realPath(abs)), ...envRoots()]);
      } else if (stat.isFile()) {
        matches = [abs];
        walked = false;
        roots = new Roots();
      } else {
        throw new UsageError(`${input} is ${entryKind(stat)}, not a commspec document: give commspec regular files, folders or globs`);
      }
    }
    for (const m of matches) {
      if (/(^|[\\/])\.commspec\.ya?ml$/.test(m)) continue;
      const file = path.resolve(m);
      let real = file;
      if (walked) {
        try {
          if (!statSync(file).isFile()) continue; // a pipe or device found by a glob: never read it
        } catch {
          continue;
        }
        real = realPath(file);
        if (follow && real !== file && !roots.contains(real)) {
          opts.notes?.push(`${toPosix(path.relative(cwd, file))} was not linted: it is a link to ${real}, outside the workspace (${roots.describe()})`);
          continue;
        }
      } else real = realPath(file);
      if (!found.has(real)) found.set(real, file);
    }
  }
  return [...found.values()].sort();
}

/**
 * Files not to lint, in .gitignore syntax: patterns from `--ignore-pattern` and from `.commspecignore` in the
 * current folder, both relative to the current folder.
 */
export class IgnoreList {
  private readonly ig: Ignore;
  readonly sources: string[] = [];

  constructor(
    private readonly cwd: string,
    patterns: readonly string[],
  ) {
    this.ig = ignore({ allowRelativePaths: true });
    const file = path.join(cwd, ignoreFileName);
    if (existsSync(file)) {
      let text: string;
      try {
        text = readTextOrThrow(file);
      } catch (e) {
        throw new UsageError(`Cannot read ${ignoreFileName}: ${(e as Error).message}`);
      }
      this.ig.add(text);
      this.sources.push(ignoreFileName);
    }
    if (patterns.length) {
      this.ig.add([...patterns]);
      this.sources.push('--ignore-pattern');
    }
  }

  /** Whether an absolute path is ignored. Files outside the current folder are matched by their own path from there. */
  ignores(file: string): boolean {
    if (this.sources.length === 0) return false;
    const rel = toPosix(path.relative(this.cwd, file));
    if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return false;
    return this.ig.ignores(rel);
  }
}

const configMatchers = new Map<string, Ignore>();

/** `ignore:` patterns of a configuration file, relative to its folder (.gitignore syntax). */
export function configIgnores(dir: string, patterns: readonly string[], file: string): boolean {
  if (!patterns.length) return false;
  const rel = toPosix(path.relative(dir, file));
  if (!rel || rel.startsWith('../')) return false;
  const key = `${dir}\0${patterns.join('\0')}`;
  let ig = configMatchers.get(key);
  if (!ig) configMatchers.set(key, (ig = ignore({ allowRelativePaths: true }).add([...patterns])));
  return ig.ignores(rel);
}
