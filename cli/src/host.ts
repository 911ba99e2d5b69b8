import path from 'node:path';
import type { Host } from '../../server/src/service/service';
import { envRoots, readInside, readTextOrThrow, realPath, Roots, workspaceRootOf, type Refusal } from '../../server/src/io/safe-io';

/**
 * Reads a file as UTF-8 text, dropping a byte-order mark as editors do. Invalid bytes become U+FFFD, which the service
 * reports. Only regular files up to the document size limit are read: a pipe, a device or a huge file throws
 * RefusedFileError (whose message says why) instead of blocking or filling memory.
 */
export function readText(file: string): string {
  return readTextOrThrow(file);
}

export interface FileHostOptions {
  /** More folders documents may refer into (besides the current folder's workspace and COMMSPEC_ROOTS). */
  roots?: Iterable<string>;
}

export interface FileHost extends Host {
  /** The folders documents may refer into, so far. */
  readonly roots: Roots;
  /** Why a document's reference was not read, when it was refused (outside the roots, not a regular file, too large). */
  refusal(uri: string): Refusal | undefined;
}

/**
 * The file system as the language service sees it from the CLI: uris are absolute paths. A document may refer to
 * files inside the workspace of the current folder (the enclosing git repository, or the folder itself), inside the
 * workspace of the document itself, and inside the folders in COMMSPEC_ROOTS; only regular files, up to the
 * document size limit. Anything else reads as missing, which the service reports at the reference.
 */
export function fileHost(overrides: Map<string, string> = new Map(), opts: FileHostOptions = {}): FileHost {
  const roots = new Roots([workspaceRootOf(process.cwd()), ...envRoots(), ...(opts.roots ?? [])]);
  const seenBases = new Set<string>();
  const linked = new Set<string>();
  const refusals = new Map<string, Refusal>();
  return {
    roots,
    refusal: (uri) => refusals.get(uri),
    readFile(uri) {
      const o = overrides.get(uri);
      if (o !== undefined) return o;
      linked.add(uri);
      const r = readInside(uri, roots);
      if ('refused' in r) {
        if (r.refused !== 'missing') refusals.set(uri, r);
        return undefined;
      }
      return r.text;
    },
    resolve(base, relative) {
      // A document given to commspec (not one read through this host because another refers to it) may refer
      // into its own workspace, found from its real path.
      if (!seenBases.has(base) && !linked.has(base)) {
        seenBases.add(base);
        roots.add(workspaceRootOf(path.dirname(realPath(base))));
      }
      return path.resolve(path.dirname(base), relative);
    },
  };
}
