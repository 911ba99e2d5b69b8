import { compileGlob, type CompiledGlob } from './glob';
import type { Severity } from './findings';
import type { RuleMeta } from './rules/types';

export type RuleSetting = Severity | 'off';

export interface RuleConfigEntry {
  severity: RuleSetting;
  options: Record<string, unknown>;
}

/** The rule settings that apply to one file, after presets, rules and overrides. */
export type EffectiveRules = Map<string, RuleConfigEntry>;

export interface ConfigFile {
  /** Folder the config file is in (forward slashes); override globs are relative to it. */
  dir: string;
  value: {
    extends?: string | string[];
    root?: boolean;
    rules?: Record<string, unknown>;
    ignore?: string[];
    overrides?: Array<{ files: string[]; rules?: Record<string, unknown> }>;
  };
}

export const presets = ['recommended', 'strict', 'all'] as const;
export type Preset = (typeof presets)[number];

function presetRules(preset: Preset, metas: readonly RuleMeta[]): EffectiveRules {
  const out: EffectiveRules = new Map();
  for (const m of metas) {
    const defaults = Object.fromEntries(Object.entries(m.options ?? {}).map(([k, o]) => [k, o.default]));
    let severity: RuleSetting = m.severity;
    if (preset === 'recommended' && m.strictOnly) severity = 'off';
    if (preset === 'strict' && severity === 'warning') severity = 'error';
    out.set(m.id, { severity, options: defaults });
  }
  return out;
}

function applyRules(into: EffectiveRules, rules: Record<string, unknown> | undefined): void {
  for (const [id, raw] of Object.entries(rules ?? {})) {
    const current = into.get(id) ?? { severity: 'warning' as RuleSetting, options: {} };
    if (typeof raw === 'string') into.set(id, { ...current, severity: raw as RuleSetting });
    else if (Array.isArray(raw)) into.set(id, { severity: (raw[0] as RuleSetting) ?? current.severity, options: { ...current.options, ...((raw[1] as Record<string, unknown>) ?? {}) } });
  }
}

/**
 * Resolves the settings for a file from its config files, nearest last (the CLI and server find them; this is pure).
 * `relativePath` of the file is computed against each config's folder for `overrides`.
 */
export function effectiveRules(metas: readonly RuleMeta[], configs: readonly ConfigFile[], filePath: string, cliRules?: Record<string, unknown>): EffectiveRules {
  const chain = [...configs];
  const rootAt = chain.map((c) => c.value.root === true).lastIndexOf(true);
  const used = rootAt >= 0 ? chain.slice(rootAt) : chain;
  const firstExtends = used.map((c) => c.value.extends).find((e) => e !== undefined);
  const base = (Array.isArray(firstExtends) ? firstExtends : firstExtends ? [firstExtends] : ['recommended']) as Preset[];
  let rules = presetRules(base[0] ?? 'recommended', metas);
  for (const p of base.slice(1)) rules = new Map([...rules, ...presetRules(p, metas)]);
  const file = filePath.replace(/\\/g, '/');
  for (const c of used) {
    applyRules(rules, c.value.rules);
    const rel = file.startsWith(c.dir + '/') ? file.slice(c.dir.length + 1) : file;
    for (const o of c.value.overrides ?? []) {
      if ((o.files ?? []).some((g) => matches(g, rel))) applyRules(rules, o.rules);
    }
  }
  applyRules(rules, cliRules);
  return rules;
}

export function defaultRules(metas: readonly RuleMeta[]): EffectiveRules {
  return presetRules('recommended', metas);
}

const compiled = new Map<string, CompiledGlob | null>();

/**
 * A glob without a slash matches the file name in any folder, as in .gitignore. Matching takes time linear in the
 * path (see glob.ts); a pattern refused there (reported at the pattern when the configuration file is checked)
 * matches nothing, so a hostile configuration can neither hang the linter nor widen an override.
 */
function matches(glob: string, rel: string): boolean {
  if (typeof glob !== 'string') return false;
  let g = compiled.get(glob);
  if (g === undefined) {
    const r = compileGlob(glob, { matchBase: !glob.includes('/') });
    g = r.ok ? r.glob : null;
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(glob, g);
  }
  return g !== null && g.match(rel);
}

/**
 * Problems with the `overrides.files` patterns of a configuration value, each at the path of the pattern, for the
 * configuration file's findings (the CLI refuses such a file with exit 2; the editor marks the pattern).
 */
export function configPatternProblems(value: unknown): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const overrides = (value as ConfigFile['value'] | undefined)?.overrides;
  if (!Array.isArray(overrides)) return out;
  overrides.forEach((o, i) => {
    const files = (o as { files?: unknown } | null)?.files;
    if (!Array.isArray(files)) return;
    files.forEach((g, j) => {
      if (typeof g !== 'string') return;
      const r = compileGlob(g, { matchBase: !g.includes('/') });
      if (!r.ok) out.push({ path: ['overrides', i, 'files', j], message: r.problem });
    });
  });
  return out;
}
