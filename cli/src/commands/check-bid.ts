import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { effectiveRules } from '../../../server/src/service/config';
import { readDocument } from '../../../server/src/service/document';
import type { Finding } from '../../../server/src/service/findings';
import { LanguageService, type Analysis, type Host } from '../../../server/src/service/service';
import { ruleHelpUri } from '../../../server/src/service/rules/docs';
import { buildComparison, complianceMatrix, type ComplianceMatrix } from '../../../server/src/service/bid/matrix';
import { comparisonHtml, comparisonMarkdown, matrixHtml, matrixMarkdown } from '../../../server/src/service/bid/report';
import { configsFor } from '../config-loader';
import { findFiles, UsageError } from '../files';
import { formatNames, formatters } from '../formatters/index';
import { printableLines } from '../formatters/escape';
import type { FileResult, RuleInfo } from '../formatters/types';
import { fileHost, readText } from '../host';
import { version } from '../version';
import { parseRuleFlags } from './lint';
import { writeOutput } from './render';

export interface CheckBidOptions {
  format: string;
  /** Check every bid against this specification instead of the one it names. */
  spec?: string;
  /** Write the compliance matrix (one bid) or the comparison table (several) here: `.html`/`.htm` or `.md`/`.markdown`. */
  report?: string;
  quiet?: boolean;
  config?: string;
  rule?: string[];
  color: boolean;
  cwd?: string;
}

export interface CheckBidOutcome {
  exitCode: number;
  /** The findings, formatted: for standard output. */
  output: string;
  /** What happened to the report, or why it could not be written: for standard error. */
  messages: string[];
  results: FileResult[];
}

function reportKind(file: string): 'html' | 'markdown' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  throw new UsageError(`--report writes HTML (.html) or Markdown (.md), but '${file}' has neither extension`);
}

function ioFinding(message: string): Finding {
  return { ruleId: 'io/read', severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: { start: 0, end: 0 } };
}

/** Checks bids against their specifications, formats the findings and writes the report. Returns the exit code instead of exiting, so it can be tested. */
export async function checkBid(inputs: string[], opts: CheckBidOptions): Promise<CheckBidOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`Unknown format '${opts.format}'. Use one of: ${formatNames.join(', ')}`);
  const kind = opts.report ? reportKind(opts.report) : undefined;
  if (inputs.length === 0) throw new UsageError('Give the bids to check: bid files, or folders of bids');

  let specFile: string | undefined;
  if (opts.spec) {
    specFile = path.resolve(cwd, opts.spec);
    let isFile = false;
    try {
      isFile = statSync(specFile).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) throw new UsageError(`--spec: no such file: ${opts.spec}`);
  }

  const files = await findFiles(inputs, cwd);
  const explicit = new Set(
    inputs
      .map((i) => path.resolve(cwd, i))
      .filter((f) => {
        try {
          return statSync(f).isFile();
        } catch {
          return false;
        }
      }),
  );

  // read every file once; keep bids (and anything that cannot be read as a document at all, so its problems are shown)
  const texts = new Map<string, string>();
  const results: FileResult[] = [];
  let ioProblem = false;
  const bids: string[] = [];
  for (const file of files) {
    if (specFile && file === specFile) continue;
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      ioProblem = true;
      results.push({ filePath: file, findings: [ioFinding(`This file cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)] });
      continue;
    }
    const kindOf = readDocument(file, text).kind;
    if (kindOf && kindOf !== 'bid') {
      if (explicit.has(file)) throw new UsageError(`${path.relative(cwd, file) || file} is a ${kindOf}, not a bid: check it with commspec lint, or pass it with --spec`);
      continue;
    }
    texts.set(file, text);
    bids.push(file);
  }
  if (bids.length === 0 && results.length === 0) throw new UsageError(`No bids (documents with kind: bid) found in ${inputs.join(', ')}`);

  const base = fileHost();
  const bidSet = new Set(bids);
  const host: Host = specFile
    ? {
        readFile: (uri) => base.readFile(uri),
        // a bid's only link is its specification: --spec replaces it; the specification's own links resolve as usual
        resolve: (from, rel) => (bidSet.has(from) ? specFile! : base.resolve(from, rel)),
        findById: (k) => (k === 'specification' ? specFile : undefined),
      }
    : base;
  const service = new LanguageService(host);
  const metas = service.rules.map((r) => r.meta);
  const cliRules = parseRuleFlags(opts.rule ?? [], new Set(metas.map((m) => m.id)));
  const analyses: Analysis[] = [];
  for (const file of bids) {
    const settings = effectiveRules(metas, configsFor(file, opts.config), file, cliRules);
    const analysis = service.analyse(file, texts.get(file)!, settings);
    analyses.push(analysis);
    results.push({ filePath: file, findings: opts.quiet ? analysis.findings.filter((f) => f.severity === 'error') : analysis.findings, source: texts.get(file) });
  }
  results.sort((a, b) => a.filePath.localeCompare(b.filePath));

  const ruleInfo = new Map<string, RuleInfo>(metas.map((m) => [m.id, { description: m.description, helpUri: ruleHelpUri(m.id), rationale: m.rationale, severity: m.severity }]));
  const output = formatter(results, { cwd, color: opts.color, rules: ruleInfo, version });
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  let exitCode = ioProblem ? 2 : errors > 0 ? 1 : 0;
  const messages: string[] = [];

  if (opts.report && kind) {
    // every file this command read (the bids, the specifications and frameworks they link to, the configuration): the report must replace none of them
    const reads = new Set<string>([...files, ...(specFile ? [specFile] : [])]);
    for (const a of analyses) {
      if (a.linked.specification) reads.add(a.linked.specification.uri);
      for (const fw of a.linked.frameworks.values()) reads.add(fw.uri);
    }
    if (opts.config) reads.add(path.resolve(cwd, opts.config));
    else for (const f of bids) for (const c of configsFor(f)) for (const n of ['.commspec.yaml', '.commspec.yml']) if (existsSync(path.join(c.dir, n))) reads.add(path.join(c.dir, n));
    const written = writeReport(analyses, opts.report, kind, cwd, reads);
    messages.push(written.message);
    if (!written.ok) exitCode = 2;
  }
  return { exitCode, output, messages, results };
}

function writeReport(analyses: Analysis[], file: string, kind: 'html' | 'markdown', cwd: string, reads: Iterable<string>): { ok: boolean; message: string } {
  const show = (uri: string) => path.relative(cwd, uri) || uri;
  if (analyses.length === 0) return { ok: false, message: `No report written: there is no bid that could be read` };
  const matrices: ComplianceMatrix[] = [];
  for (const a of analyses) {
    const m = complianceMatrix(a);
    if (!m) return { ok: false, message: `No report written: the specification that ${show(a.uri)} answers could not be found (see its findings); give its location with specification.path: or --spec` };
    matrices.push(m);
  }
  const specs = [...new Set(matrices.map((m) => m.specification.uri))].sort();
  if (specs.length > 1) return { ok: false, message: `No report written: the bids answer different specifications (${specs.map(show).join(', ')}); compare bids for one specification at a time, or give one with --spec` };
  const footer = `Generated by commspec ${version}`;
  const options = { footer, displayPath: show };
  let text: string;
  let what: string;
  if (matrices.length === 1) {
    text = kind === 'html' ? matrixHtml(matrices[0], options) : matrixMarkdown(matrices[0], options);
    what = `the compliance matrix for ${show(matrices[0].bid.uri)}`;
  } else {
    const comparison = buildComparison(matrices);
    text = kind === 'html' ? comparisonHtml(comparison, options) : comparisonMarkdown(comparison, options);
    what = `the comparison of ${matrices.length} bids`;
  }
  try {
    // the writer shared with lint, render and export: refuses a file this command read (by real path), replaces atomically
    writeOutput(file, text, cwd, reads, '--report');
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, message: `No report written: ${e.message}` };
    throw e;
  }
  return { ok: true, message: `Wrote ${what} to ${show(path.resolve(cwd, file))}` };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function register(program: Command): void {
  program
    .command('check-bid')
    .description('check bids (kind: bid) against the specification they answer, and write a compliance matrix or a comparison of bids')
    .argument('<paths...>', 'bid files, or folders of bids answering the same specification')
    .option('--spec <file>', "check against this specification instead of the bid's specification.path")
    .addOption(new Option('-f, --format <format>', 'output format for the findings').choices(formatNames).default('stylish'))
    .option('--report <file>', 'write the compliance matrix (one bid) or the comparison table (several bids) to a .html or .md file')
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this configuration file instead of looking for .commspec.yaml')
    .option('--rule <id:severity>', "set a rule's severity (error, warning, info, hint, off); repeatable", collect, [])
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Exit codes:
  0  no errors
  1  errors were found in a bid
  2  a usage or file problem stopped the check, or the report could not be written

Examples:
  commspec check-bid bids/oakfield.commspec.yaml --report matrix.html
  commspec check-bid bids/ --spec specs/ne-london-residential.commspec.yaml --report comparison.md
  commspec check-bid bids/quickcare.commspec.yaml --format json`,
    )
    .action(async (paths: string[], o) => {
      const color = o.color === undefined ? Boolean(process.stdout.isTTY) && !process.env.NO_COLOR : Boolean(o.color);
      const outcome = await checkBid(paths, { format: o.format, spec: o.spec, report: o.report, quiet: o.quiet, config: o.config, rule: o.rule, color });
      process.stdout.write(outcome.output);
      for (const m of outcome.messages) process.stderr.write(`commspec: ${printableLines(m)}\n`);
      process.exitCode = outcome.exitCode;
    });
}
