import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Workspace } from '../../server/src/service/workspace';
import type { Analysis } from '../../server/src/service/service';

export const fixtureDir = path.join(__dirname, '..', 'fixtures', 'features');
export const root = 'file:///ws';

export function fixture(name: string): string {
  return readFileSync(path.join(fixtureDir, name), 'utf8');
}

/** The text without its cursor marker `|`, and the marker's offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('mark the cursor with exactly one |');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** A workspace over in-memory files (as if on disk), every fixture included unless replaced. */
export function workspace(files: Record<string, string> = {}): { ws: Workspace; uri: (name: string) => string } {
  const all: Record<string, string> = {
    'framework.commspec.yaml': fixture('framework.commspec.yaml'),
    'spec.commspec.yaml': fixture('spec.commspec.yaml'),
    'bid.commspec.yaml': fixture('bid.commspec.yaml'),
    ...files,
  };
  const uri = (name: string) => `${root}/${name}`;
  const disk = new Map(Object.entries(all).map(([k, v]) => [uri(k), v]));
  const ws = new Workspace({ readFile: (u) => disk.get(u) });
  for (const k of Object.keys(all)) ws.setDiskText(uri(k), all[k]);
  return { ws, uri };
}

/** Opens a marked text as a document in the fixture workspace and returns its analysis and the cursor. */
export function at(name: string, marked: string, files: Record<string, string> = {}): { a: Analysis; offset: number; ws: Workspace; uri: (n: string) => string } {
  const { text, offset } = cursor(marked);
  const { ws, uri } = workspace(files);
  ws.open(uri(name), text, 1);
  return { a: ws.analysis(uri(name))!, offset, ws, uri };
}

export function yamlErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((d) => d.errors.map((e) => e.code));
}
