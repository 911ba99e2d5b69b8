import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const documentPattern = '**/*.commspec.{yaml,yml}';
const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];

export class UsageError extends Error {}

/**
 * Expands the paths and globs given on the command line into document files, sorted.
 * Folders are searched for *.commspec.yaml; the configuration file .commspec.yaml is not a document.
 */
export async function findFiles(inputs: string[], ignore: string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    let matches: string[];
    if (isDynamicPattern(input)) {
      matches = await glob(input, { cwd, ignore: [...alwaysIgnored, ...ignore], absolute: true, dot: false, onlyFiles: true });
    } else {
      const abs = path.resolve(cwd, input);
      let stat;
      try {
        stat = statSync(abs);
      } catch {
        throw new UsageError(`No such file or folder: ${input}`);
      }
      if (stat.isDirectory()) matches = await glob(documentPattern, { cwd: abs, ignore: [...alwaysIgnored, ...ignore], absolute: true, dot: false, onlyFiles: true });
      else matches = [abs];
    }
    for (const m of matches) if (!/(^|[\\/])\.commspec\.ya?ml$/.test(m)) found.add(path.resolve(m));
  }
  return [...found].sort();
}
