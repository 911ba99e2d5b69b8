// File system access for the server: reading documents and finding every commspec file in a folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { readInside, readTextFile, type Refusal, type Roots } from '../io/safe-io';

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

/**
 * Reads a document from disk as UTF-8 (a byte-order mark dropped), or undefined when it is not a readable regular
 * file of at most the document size limit (a pipe, a device or a huge file is never read).
 */
export function readUri(uri: string): string | undefined {
  const file = uriToFile(uri);
  if (!file) return undefined;
  const r = readTextFile(file);
  return 'refused' in r ? undefined : r.text;
}

/**
 * Reads a document another refers to (a framework, the specification a bid answers): only inside `roots`, only a
 * regular file, up to the document size limit. Returns the refusal otherwise, for the log.
 */
export function readReferencedUri(uri: string, roots: Roots): { text: string } | Refusal {
  const file = uriToFile(uri);
  if (!file) return { refused: 'missing', message: 'it is not a file on this computer' };
  return readInside(file, roots);
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
