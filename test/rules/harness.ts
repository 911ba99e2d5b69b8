// Shared by the rule tests: analyse fixture files the way the CLI does (file host, all rules on).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { fileHost } from '../../cli/src/host';
import { effectiveRules, type ConfigFile } from '../../server/src/service/config';
import type { Finding, TextEdit } from '../../server/src/service/findings';
import { allRules } from '../../server/src/service/rules/index';
import { LanguageService, type Analysis } from '../../server/src/service/service';

export const fixturesRoot = path.resolve(__dirname, '../fixtures/rules');
export const metas = allRules.map((r) => r.meta);

export function allOn(file: string, configs: ConfigFile[] = [{ dir: '/', value: { extends: 'all' } }]) {
  return effectiveRules(metas, configs, file);
}

export function analyseFile(file: string, text = readFileSync(file, 'utf8'), configs?: ConfigFile[]): Analysis {
  return new LanguageService(fileHost()).analyse(file, text, allOn(file, configs));
}

/** Lines (0-based) marked `# expect: a, b` for a rule. */
export function expectedLines(text: string, ruleId: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    if (m && m[1].split(',').map((s) => s.trim()).includes(ruleId)) out.push(i);
  });
  return out;
}

/** Every rule id named in `# expect:` markers. */
export function markedRules(text: string): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((line) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    return m ? m[1].split(',').map((s) => s.trim()) : [];
  });
}

export function linesOf(findings: Finding[], ruleId: string): number[] {
  return [...new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.range.start.line))].sort((a, b) => a - b);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Fixture folders: `<category>/<name>` for each folder holding fail and pass files. */
export function fixtureFolders(): string[] {
  const out: string[] = [];
  for (const cat of readdirSync(fixturesRoot)) {
    const dir = path.join(fixturesRoot, cat);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) if (statSync(path.join(dir, name)).isDirectory()) out.push(`${cat}/${name}`);
  }
  return out.sort();
}

export const structural = (f: Finding) => f.ruleId.startsWith('yaml/') || f.ruleId.startsWith('schema/');

/** Fixture files of a rule folder: `fail*.commspec.yaml` and `pass*.commspec.yaml`, main file first. */
export function fixtureFiles(ruleId: string): { fail: string[]; pass: string[] } {
  const dir = path.join(fixturesRoot, ruleId);
  const names = readdirSync(dir).filter((n) => n.endsWith('.commspec.yaml')).sort((a, b) => (a.length - b.length) || a.localeCompare(b));
  const pick = (kind: string) => names.filter((n) => n === `${kind}.commspec.yaml` || n.startsWith(`${kind}-`)).map((n) => path.join(dir, n));
  return { fail: pick('fail'), pass: pick('pass') };
}

/**
 * The rule options a fixture asks for on its first line, `# options: { max_hours: 12 }`, as the
 * configuration chain a `.commspec.yaml` with `rules: { <id>: [warning, {...}] }` would give.
 */
export function fixtureConfigs(text: string, ruleId: string): ConfigFile[] | undefined {
  const m = /^#\s*options:\s*(.+)$/m.exec(text.split(/\r?\n/, 1)[0] ?? '');
  if (!m) return undefined;
  const options = parse(m[1]) as Record<string, unknown>;
  const meta = metas.find((x) => x.id === ruleId);
  const unknown = Object.keys(options).filter((k) => !meta?.options || !(k in meta.options));
  if (unknown.length) throw new Error(`${ruleId} has no option ${unknown.join(', ')}`);
  return [{ dir: '/', value: { extends: 'all', rules: { [ruleId]: [meta!.severity, options] } } }];
}
