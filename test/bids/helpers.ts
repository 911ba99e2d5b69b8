// Shared by the bid tests: analyse a bid the way the CLI does (file host, recommended rules).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileHost } from '../../cli/src/host';
import type { Finding } from '../../server/src/service/findings';
import { LanguageService, type Analysis, type Host } from '../../server/src/service/service';
import { root } from '../helpers';

export const bidFixtures = path.join(root, 'test', 'fixtures', 'bids');
export const specFile = path.join(bidFixtures, 'spec.commspec.yaml');

export function analyseBid(file: string, text = readFileSync(file, 'utf8'), host: Host = fileHost()): Analysis {
  return new LanguageService(host).analyse(file, text);
}

export function fixtureBid(name: string): Analysis {
  return analyseBid(path.join(bidFixtures, name));
}

/** Findings as `line ruleId severity` (1-based lines), for compact assertions. */
export function lines(findings: Finding[], prefix = ''): string[] {
  return findings.filter((f) => f.ruleId.startsWith(prefix)).map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.severity}`);
}

/** The 1-based line of the first line of `file` that contains `needle`. */
export function lineOf(file: string, needle: string, nth = 0): number {
  const all = readFileSync(file, 'utf8').split('\n');
  const hits = all.map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean);
  if (hits[nth] === undefined) throw new Error(`'${needle}' not found in ${file}`);
  return hits[nth];
}
