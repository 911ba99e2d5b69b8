import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { effectiveRules } from '../../../server/src/service/config';
import type { Finding } from '../../../server/src/service/findings';
import { LanguageService } from '../../../server/src/service/service';
import { ConfigError, configsFor } from '../config-loader';
import { findFiles, UsageError } from '../files';
import { formatters } from '../formatters/index';
import type { FileResult } from '../formatters/types';
import { fileHost, readText } from '../host';
import { ruleHelpUri } from '../../../server/src/service/rules/docs';

export interface LintOptions {
  format: string;
  quiet?: boolean;
  maxWarnings?: number;
  config?: string;
  rule?: string[];
  ignorePattern?: string[];
  outputFile?: string;
  color: boolean;
  stdinText?: string;
  stdinFilename?: string;
  cwd?: string;
  version: string;
}

export interface LintOutcome {
  exitCode: number;
  output: string;
  results: FileResult[];
}

export function parseRuleFlags(flags: readonly string[], known: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const flag of flags) {
    const i = flag.lastIndexOf(':');
    const id = i > 0 ? flag.slice(0, i) : '';
    const severity = i > 0 ? flag.slice(i + 1) : '';
    if (!id || !['error', 'warning', 'info', 'hint', 'off'].includes(severity)) {
      throw new UsageError(`--rule expects rule-id:severity, for example --rule outcomes/soft-outcome:off (got '${flag}')`);
    }
    if (!known.has(id)) throw new UsageError(`--rule: there is no rule '${id}'. Run commspec rules to list them.`);
    out[id] = severity;
  }
  return out;
}

/** Lints files (or stdin) and formats the results. Returns the exit code instead of exiting, so it can be tested. */
export async function lint(inputs: string[], opts: LintOptions): Promise<LintOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`Unknown format '${opts.format}'. Use one of: ${Object.keys(formatters).join(', ')}`);
  const overrides = new Map<string, string>();
  let files: string[];
  if (opts.stdinText !== undefined) {
    const name = path.resolve(cwd, opts.stdinFilename ?? 'stdin.commspec.yaml');
    overrides.set(name, opts.stdinText.charCodeAt(0) === 0xfeff ? opts.stdinText.slice(1) : opts.stdinText);
    files = [name];
  } else {
    files = await findFiles(inputs, opts.ignorePattern ?? [], cwd);
    if (files.length === 0) throw new UsageError(`No commspec documents (*.commspec.yaml) found in ${inputs.length ? inputs.join(', ') : 'this folder'}`);
  }
  const service = new LanguageService(fileHost(overrides));
  const metas = service.rules.map((r) => r.meta);
  const cliRules = parseRuleFlags(opts.rule ?? [], new Set(metas.map((m) => m.id)));
  const results: FileResult[] = [];
  let ioProblem = false;
  for (const file of files) {
    let text = overrides.get(file);
    if (text === undefined) {
      try {
        text = readText(file);
      } catch (e) {
        ioProblem = true;
        const finding: Finding = {
          ruleId: 'io/read',
          severity: 'error',
          message: `This file cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          offsets: { start: 0, end: 0 },
        };
        results.push({ filePath: file, findings: [finding] });
        continue;
      }
    }
    const settings = effectiveRules(metas, configsFor(file, opts.config), file, cliRules);
    const analysis = service.analyse(file, text, settings);
    const findings = opts.quiet ? analysis.findings.filter((f) => f.severity === 'error') : analysis.findings;
    results.push({ filePath: file, findings });
  }
  const ruleInfo = new Map(metas.map((m) => [m.id, { description: m.description, helpUri: ruleHelpUri(m.id) }]));
  const output = formatter(results, { cwd, color: opts.color && !opts.outputFile, rules: ruleInfo, version: opts.version });
  if (opts.outputFile) writeFileSync(path.resolve(cwd, opts.outputFile), output);
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  let exitCode = errors > 0 ? 1 : 0;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) exitCode = 1;
  if (ioProblem) exitCode = 2;
  return { exitCode, output: opts.outputFile ? '' : output, results };
}

export { ConfigError, UsageError };
