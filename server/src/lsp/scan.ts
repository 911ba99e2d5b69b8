// File system access for the server: reading documents and finding every commspec file in a folder.
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const decoder = new TextDecoder('utf-8', { fatal: false });

export function uriToFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Reads a document from disk as UTF-8 (a byte-order mark dropped), or undefined when it is not a readable file. */
export function readUri(uri: string): string | undefined {
  const file = uriToFile(uri);
  if (!file) return undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
    const text = decoder.decode(readFileSync(file));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

const skipped = new Set(['node_modules', '.git', '.hg', '.svn']);
const commspecName = /\.commspec\.ya?ml$/;

/** Every `*.commspec.yaml`/`.yml` file under a folder (config files included), skipping node_modules and .git. */
export async function findCommspecFiles(folder: string, shouldStop: () => boolean = () => false, limit = 20000): Promise<string[]> {
  const out: string[] = [];
  const queue = [folder];
  while (queue.length && out.length < limit && !shouldStop()) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!skipped.has(e.name)) queue.push(path.join(dir, e.name));
      } else if (e.isFile() && commspecName.test(e.name)) out.push(path.join(dir, e.name));
    }
  }
  return out;
}
