import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

export const documentPattern = '**/*.commspec.{yaml,yml}';
const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];
export const ignoreFileName = '.commspecignore';

export class UsageError extends Error {}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/**
 * Expands the paths and globs given on the command line into document files, sorted.
 * Folders are searched for *.commspec.yaml; the configuration file .commspec.yaml is not a document.
 * `node_modules` and `.git` are never searched.
 */
export async function findFiles(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    let matches: string[];
    if (isDynamicPattern(input)) {
      matches = await glob(input, { cwd, ignore: alwaysIgnored, absolute: true, dot: false, onlyFiles: true });
    } else {
      const abs = path.resolve(cwd, input);
      let stat;
      try {
        stat = statSync(abs);
      } catch {
        throw new UsageError(`No such file or folder: ${input}`);
      }
      if (stat.isDirectory()) matches = await glob(documentPattern, { cwd: abs, ignore: alwaysIgnored, absolute: true, dot: false, onlyFiles: true });
      else matches = [abs];
    }
    for (const m of matches) if (!/(^|[\\/])\.commspec\.ya?ml$/.test(m)) found.add(path.resolve(m));
  }
  return [...found].sort();
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
        text = readFileSync(file, 'utf8');
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
