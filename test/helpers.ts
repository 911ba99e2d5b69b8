import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../server/src/service/findings';
import { LanguageService, noHost, type Host } from '../server/src/service/service';

export const root = path.resolve(__dirname, '..');

/** Every `*.commspec.yaml` under examples/ (subfolders included, `flawed/` unless left out), sorted. */
export function examplePaths(options: { flawed?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (options.flawed !== false || e.name !== 'flawed') walk(p);
      } else if (e.name.endsWith('.commspec.yaml')) out.push(p);
    }
  };
  walk(path.join(root, 'examples'));
  return out.sort();
}

export function fixture(rel: string): string {
  return readFileSync(path.join(root, 'test', 'fixtures', rel), 'utf8');
}

export function analyse(text: string, uri = '/virtual/test.commspec.yaml', host: Host = noHost) {
  return new LanguageService(host).analyse(uri, text);
}

/** Findings as "line:col ruleId" with 1-based positions, for compact assertions. */
export function located(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
}

/** An in-memory set of files as a Host, with paths resolved like the file system. */
export function memoryHost(files: Record<string, string>): Host {
  return {
    readFile: (uri) => files[uri],
    resolve: (base, rel) => path.posix.resolve(path.posix.dirname(base), rel),
  };
}
