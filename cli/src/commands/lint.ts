import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { effectiveRules } from '../../../server/src/service/config';
import type { Finding } from '../../../server/src/service/findings';
import { ruleHelpUri } from '../../../server/src/service/rules/docs';
import { defaultCacheLocation, LintCache, settingsHash, toolIdentity } from '../cache';
import { ConfigError, configsFor } from '../config-loader';
import { unifiedDiff } from '../diff';
import { hashText, Linter, type LintJob, type LintJobResult } from '../engine';
import { configIgnores, findFiles, IgnoreList, inputRoots, UsageError } from '../files';
import { envRoots, RefusedFileError, realPath, Roots, sameFileAs, workspaceRootOf, writeFileAtomic } from '../../../server/src/io/safe-io';
import { formatNames, formatters } from '../formatters/index';
import type { FileResult, RuleInfo } from '../formatters/types';
import { fileHost, readText } from '../host';
import { runParallel, threadCount, workerScript } from '../parallel';
import { Progress } from '../progress';

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
  /** Apply safe fixes to the files. */
  fix?: boolean;
  /** Show the safe fixes as a unified diff without writing. */
  fixDryRun?: boolean;
  /** Reuse findings of unchanged files from an earlier run. */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads (1: lint in this thread). Default: one per core when there are many files. */
  threads?: number;
  /** Show a progress counter on a terminal (default true). */
  progress?: boolean;
  /** Follow symbolic links to folders when searching folders (loops are cut; links leading outside the workspace are skipped). */
  followSymlinks?: boolean;
}

export interface LintOutcome {
  exitCode: number;
  /** What goes to standard output (empty when the report went to --output-file). */
  output: string;
  results: FileResult[];
  /** Notes for standard error: fixes refused, files written, ignored files. */
  notes: string[];
}

const severities = ['error', 'warning', 'info', 'hint', 'off'];

export function parseRuleFlags(flags: readonly string[], known: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const flag of flags) {
    const i = flag.lastIndexOf(':');
    const id = i > 0 ? flag.slice(0, i) : '';
    const severity = i > 0 ? flag.slice(i + 1) : '';
    if (!id || !severities.includes(severity)) {
      throw new UsageError(`--rule expects rule-id:severity, for example --rule outcomes/soft-outcome:off (got '${flag}')`);
    }
    if (!known.has(id)) throw new UsageError(`--rule: there is no rule '${id}'. Run commspec rules to list them.`);
    out[id] = severity;
  }
  return out;
}

function readProblem(file: string, e: unknown): Finding {
  const at = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: { start: 0, end: 0 } };
  if (e instanceof RefusedFileError && e.refusal.refused === 'too-large') {
    // the same finding the language service gives a document over the limit, without reading it first
    return { ruleId: 'yaml/too-large', severity: 'error', message: `This file ${e.refusal.message.replace(/^it /, '')}. Split it into smaller documents.`, ...at };
  }
  if (e instanceof RefusedFileError) return { ruleId: 'io/read', severity: 'error', message: `This file cannot be read: ${e.message}`, ...at };
  return {
    ruleId: 'io/read',
    severity: 'error',
    message: `This file cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    offsets: { start: 0, end: 0 },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Writes fixed text over a file, keeping its byte-order mark, but only when the file still holds exactly the text
 * that was linted and that text is the file's bytes (no invalid UTF-8 that reading replaced): otherwise writing would
 * change more than the fixed ranges.
 */
function writeFixed(file: string, linted: string, fixed: string, roots: Roots): true | { reason: string; io?: boolean } {
  if (!roots.contains(file)) {
    const real = realPath(file);
    return { reason: `${real === path.resolve(file) ? 'it is' : `it is a link to ${real}, which is`} outside the workspace (${roots.describe()}); commspec does not write through links that lead out of it` };
  }
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (e) {
    return { reason: `the file cannot be read again (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, io: true };
  }
  const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  const body = bom ? raw.subarray(3) : raw;
  if (!Buffer.from(linted, 'utf8').equals(body)) {
    return { reason: readText(file) === linted ? 'the file is not valid UTF-8, and rewriting it would change other bytes' : 'the file changed while it was being linted' };
  }
  try {
    writeFileAtomic(file, (bom ? '\uFEFF' : '') + fixed);
  } catch (e) {
    return { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message, io: true };
  }
  return true;
}

/** Lints files (or stdin) and formats the results. Returns the exit code instead of exiting, so it can be tested. */
export async function lint(inputs: string[], opts: LintOptions): Promise<LintOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const notes: string[] = [];
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`Unknown format '${opts.format}'. Use one of: ${formatNames.join(', ')}`);
  const fromStdin = opts.stdinText !== undefined;
  if (opts.fix && opts.fixDryRun) throw new UsageError('Use either --fix (write the fixes) or --fix-dry-run (show them), not both');
  if (opts.fix && fromStdin) throw new UsageError('--fix cannot write back to standard input: use --fix-dry-run to see the changes as a diff');
  if (opts.threads !== undefined && (!Number.isInteger(opts.threads) || opts.threads < 1)) throw new UsageError('--threads expects a whole number of 1 or more');

  // 1. Which files
  const overrides = new Map<string, string>();
  let files: string[];
  if (fromStdin) {
    const name = path.resolve(cwd, opts.stdinFilename ?? 'stdin.commspec.yaml');
    overrides.set(name, opts.stdinText!.charCodeAt(0) === 0xfeff ? opts.stdinText!.slice(1) : opts.stdinText!);
    files = [name];
  } else {
    const found = await findFiles(inputs, cwd, { followSymlinks: opts.followSymlinks, notes });
    if (found.length === 0) throw new UsageError(`No commspec documents (*.commspec.yaml) found in ${inputs.length ? inputs.join(', ') : 'this folder'}`);
    const ignores = new IgnoreList(cwd, opts.ignorePattern ?? []);
    files = found.filter((f) => {
      if (ignores.ignores(f)) return false;
      const configs = configsFor(f, opts.config);
      return !configs.some((c) => configIgnores(c.dir, c.value.ignore ?? [], f.replace(/\\/g, '/')));
    });
    if (files.length === 0) notes.push(`All ${plural(found.length, 'document')} found are ignored (by ${[...ignores.sources, 'ignore: in the configuration'].join(', ')}), so nothing was linted.`);
  }

  // The report must not replace a file this command reads.
  const target = opts.outputFile ? path.resolve(cwd, opts.outputFile) : undefined;
  const refuseOutput = (inputsRead: Iterable<string>, what: string) => {
    if (!target) return;
    const same = sameFileAs(target, inputsRead);
    if (same) throw new UsageError(`--output-file ${opts.outputFile} is ${what} (${(path.relative(cwd, same) || same).replace(/\\/g, '/')}): writing the report there would overwrite it. Choose another file for the report.`);
  };
  if (!fromStdin) refuseOutput(files, 'a document being linted');
  if (target) {
    if (opts.config) refuseOutput([path.resolve(cwd, opts.config)], 'the configuration file');
    else {
      const configFiles = new Set<string>();
      for (const f of files) for (const c of configsFor(f)) for (const n of ['.commspec.yaml', '.commspec.yml']) if (existsSync(path.join(c.dir, n))) configFiles.add(path.join(c.dir, n));
      refuseOutput(configFiles, 'a configuration file');
    }
  }

  // 2. Rules and settings
  const linter = new Linter(overrides);
  const metas = linter.rules.map((r) => r.meta);
  const cliRules = parseRuleFlags(opts.rule ?? [], new Set(metas.map((m) => m.id)));
  const fixing = Boolean(opts.fix || opts.fixDryRun);

  // 3. Read each file; take findings from the cache where nothing they depend on changed
  const roots = new Roots([...inputRoots(fromStdin ? [] : inputs, cwd), ...envRoots()]);
  // a file reached through no link may be written where it is (it is where the user pointed)
  if (!fromStdin) for (const f of files) if (realPath(f) === path.resolve(f)) roots.add(workspaceRootOf(path.dirname(f)));
  const readHost = fileHost(overrides, { roots: roots.written });
  const depHashes = new Map<string, string | null>();
  const currentHash = (uri: string): string | null => {
    let h = depHashes.get(uri);
    if (h === undefined) {
      const text = readHost.readFile(uri);
      h = text === undefined ? null : hashText(text);
      depHashes.set(uri, h);
    }
    return h;
  };
  const cache = opts.cache && !fromStdin ? new LintCache(path.resolve(cwd, opts.cacheLocation ?? defaultCacheLocation), toolIdentity(opts.version), currentHash) : undefined;

  const results: FileResult[] = new Array(files.length);
  const jobs: LintJob[] = [];
  const keys: Array<{ text: string; settings: string } | undefined> = new Array(files.length);
  let ioProblem = false;
  const progress = new Progress(files.length, process.stderr, opts.progress === false ? Number.POSITIVE_INFINITY : undefined);
  files.forEach((file, index) => {
    let text = overrides.get(file);
    if (text === undefined) {
      try {
        text = readText(file);
      } catch (e) {
        const problem = readProblem(file, e);
        if (problem.ruleId === 'io/read') ioProblem = true; // a document over the size limit is a finding, as in the editor
        results[index] = { filePath: file, findings: [problem] };
        progress.advance();
        return;
      }
    }
    const settings = effectiveRules(metas, configsFor(file, opts.config), file, cliRules);
    if (cache) {
      const key = { text: hashText(text), settings: settingsHash(settings) };
      keys[index] = key;
      const hit = cache.get(file, key.text, key.settings);
      if (hit && !(fixing && hit.some((f) => f.fix?.safe === true))) {
        results[index] = { filePath: file, findings: hit, source: text };
        progress.advance();
        return;
      }
    }
    jobs.push({ index, file, text, settings, fix: fixing });
  });

  // 4. Lint what the cache could not answer, in worker threads when there are many files
  const threads = threadCount(jobs.length, opts.threads);
  const script = threads > 1 ? workerScript() : undefined;
  if (process.env.COMMSPEC_DEBUG_THREADS === '1') notes.push(`threads: linted ${plural(jobs.length, 'file')} on ${plural(script ? threads : 1, 'thread')}`);
  let done: LintJobResult[];
  if (script) {
    done = await runParallel(jobs, threads, script, (n) => progress.advance(n));
  } else {
    done = jobs.map((job) => {
      const r = linter.run(job);
      progress.advance();
      return r;
    });
  }
  progress.finish();

  // 5. Fixes, cache, results in file order
  const diffs: string[] = [];
  const jobAt = new Map(jobs.map((j) => [j.index, j]));
  const readByLinting = new Set<string>();
  for (const r of done) {
    const job = jobAt.get(r.index)!;
    const rel = (path.relative(cwd, r.file) || r.file).replace(/\\/g, '/');
    for (const [dep, hash] of Object.entries(r.deps)) {
      readByLinting.add(dep);
      if (hash !== null) continue;
      // a reference the language service reports as unreadable: say why, when commspec refused it
      readHost.readFile(dep);
      const refusal = readHost.refusal(dep);
      if (refusal) notes.push(`${rel}: ${(path.relative(cwd, dep) || dep).replace(/\\/g, '/')} was not read: ${refusal.message}`);
    }
    let source = job.text;
    if (r.fixRefused) notes.push(`${rel}: ${r.fixRefused}`);
    if (r.fixedText !== undefined) {
      if (opts.fixDryRun) {
        diffs.push(unifiedDiff(rel, job.text, r.fixedText));
        source = r.fixedText;
      } else {
        const written = writeFixed(r.file, job.text, r.fixedText, roots);
        if (written === true) {
          source = r.fixedText;
          notes.push(`${rel}: applied ${plural(r.fixesApplied ?? 0, 'fix')}`);
        } else {
          if (written.io) ioProblem = true;
          notes.push(`${rel}: the fixes were not written: ${written.reason}`);
          r.findings = linter.run({ ...job, fix: false }).findings;
          r.fixedText = undefined;
        }
      }
    }
    if (cache && keys[r.index]) {
      if (r.fixedText === undefined) cache.set(r.file, keys[r.index]!.text, keys[r.index]!.settings, r.deps, r.findings);
      else if (!opts.fixDryRun && source === r.fixedText) cache.set(r.file, hashText(r.fixedText), keys[r.index]!.settings, r.deps, r.findings);
    }
    results[r.index] = { filePath: r.file, findings: r.findings, source };
  }
  if (cache) {
    try {
      cache.save();
    } catch (e) {
      notes.push(`The cache could not be saved in ${opts.cacheLocation ?? defaultCacheLocation}: ${(e as Error).message}`);
    }
    if (cache.debug) notes.push(`cache: ${cache.hits} hit${cache.hits === 1 ? '' : 's'}, ${cache.misses} miss${cache.misses === 1 ? '' : 'es'}`);
  }

  // 6. Report
  const shown = opts.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const ruleInfo = new Map<string, RuleInfo>(metas.map((m) => [m.id, { description: m.description, helpUri: ruleHelpUri(m.id), rationale: m.rationale, severity: m.severity }]));
  const report = formatter(shown, { cwd, color: opts.color && !opts.outputFile, rules: ruleInfo, version: opts.version, quiet: opts.quiet === true });
  if (target) {
    refuseOutput(readByLinting, 'a document the linted files refer to');
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic(target, report);
    } catch (e) {
      throw new UsageError(`The report could not be written to ${opts.outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  let exitCode = errors > 0 ? 1 : 0;
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    exitCode = 1;
    if (!errors) notes.push(`${plural(warnings, 'warning')} found, more than --max-warnings ${opts.maxWarnings} allows.`);
  }
  if (ioProblem) exitCode = 2;
  const output = diffs.join('') + (opts.outputFile ? '' : report);
  return { exitCode, output, results: shown, notes };
}

export { ConfigError, UsageError };
