import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Host } from '../../server/src/service/service';

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Reads a file as UTF-8 text, dropping a byte-order mark as editors do. Invalid bytes become U+FFFD, which the service reports. */
export function readText(file: string): string {
  const text = decoder.decode(readFileSync(file));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file system as the language service sees it from the CLI: uris are absolute paths. */
export function fileHost(overrides: Map<string, string> = new Map()): Host {
  return {
    readFile(uri) {
      const o = overrides.get(uri);
      if (o !== undefined) return o;
      try {
        if (!statSync(uri).isFile()) return undefined;
        return readText(uri);
      } catch {
        return undefined;
      }
    },
    resolve(base, relative) {
      return path.resolve(path.dirname(base), relative);
    },
  };
}
