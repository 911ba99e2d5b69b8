import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option, type Command } from 'commander';
import { renderDocx } from '../../../server/src/service/export/docx';
import { renderMarkdown } from '../../../server/src/service/export/markdown';
import type { Finding } from '../../../server/src/service/findings';
import { renderHtml } from '../../../server/src/service/render/html';
import { LanguageService, type Analysis } from '../../../server/src/service/service';
import { UsageError } from '../files';
import { fileHost } from '../host';
import { readTextFile, sameFileAs, writeFileAtomic } from '../../../server/src/io/safe-io';
import { printableLines } from '../formatters/escape';
import { version } from '../version';

export const renderFormats = ['html', 'markdown', 'docx', 'pdf'] as const;
export type RenderFormat = (typeof renderFormats)[number];

const extensions: Record<RenderFormat, string> = { html: '.html', markdown: '.md', docx: '.docx', pdf: '.pdf' };

/** What a command produced: bytes for the output, lines for standard error, and the exit code. */
export interface CommandOutcome {
  exitCode: number;
  /** Messages for standard error, each a line. */
  messages: string[];
  /** Where the output was written, when to a file. */
  written?: string;
}

// ------------------------------------------------------------------------------------------------
// Reading documents, shared by render, export and diff.

/** Every file read by readDocumentFile in this process (the documents and what they refer to): outputs must not replace them. */
const filesRead = new Set<string>();

/** Reads and analyses one document. Throws UsageError when the file cannot be read (missing, not a regular file, too large). */
export function readDocumentFile(file: string, cwd: string): Analysis {
  const abs = path.resolve(cwd, file);
  const r = readTextFile(abs);
  if ('refused' in r) throw new UsageError(r.refused === 'missing' ? `No such file: ${file}` : `${file} cannot be read: ${r.message}`);
  const host = fileHost();
  const analysis = new LanguageService(host).analyse(abs, r.text);
  filesRead.add(abs);
  for (const fw of analysis.linked.frameworks.values()) filesRead.add(fw.uri);
  if (analysis.linked.specification) filesRead.add(analysis.linked.specification.uri);
  return analysis;
}

function where(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/**
 * The document's errors, for standard error. Returns `fatal` when nothing useful can be made of the
 * document (it is not YAML, or does not say what kind of document it is).
 */
export function documentProblems(analysis: Analysis, file: string, consequence: string): { messages: string[]; errors: number; fatal: boolean } {
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  const fatal = analysis.doc.value === undefined || analysis.model.kind === undefined;
  if (!errors.length && !fatal) return { messages: [], errors: 0, fatal };
  const messages = [
    fatal
      ? `commspec: ${file} cannot be read as a commspec document, so nothing was ${consequence}:`
      : `commspec: ${file} has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}; it was ${consequence} anyway, but the result may be incomplete or wrong:`,
    ...errors.slice(0, 10).map((f) => `  ${file}:${where(f)}  ${f.message} (${f.ruleId})`),
  ];
  if (errors.length > 10) messages.push(`  … and ${errors.length - 10} more. Run commspec lint ${file} to see them all.`);
  return { messages, errors: errors.length, fatal };
}

/**
 * Writes output to a file, or standard output for `-`. Throws UsageError when the file cannot be written, or when it is
 * a file the command read (compared by real path, so a link or another spelling of the path is caught too). The file
 * is replaced atomically: a failed write leaves the old file whole.
 */
export function writeOutput(output: string | undefined, data: string | Uint8Array, cwd: string, reads: Iterable<string> = [], flag = '-o'): string | undefined {
  if (output === undefined || output === '-') {
    process.stdout.write(data);
    return undefined;
  }
  const abs = path.resolve(cwd, output);
  const same = sameFileAs(abs, [...filesRead, ...reads]);
  if (same) {
    throw new UsageError(`${flag} ${output} would overwrite ${path.relative(cwd, same) || same}, which this command reads: choose another output file`);
  }
  try {
    writeFileAtomic(abs, data);
  } catch (e) {
    throw new UsageError(`Cannot write ${output} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return abs;
}

function baseName(file: string): string {
  return path.basename(file).replace(/\.commspec\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
}

// ------------------------------------------------------------------------------------------------
// PDF through headless Chromium.

export class ChromiumMissingError extends UsageError {}

const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const installHint =
  'PDF output needs Chromium. Install it with `apt-get install chromium` (Debian, Ubuntu), or set COMMSPEC_CHROMIUM to the path of a Chromium or Chrome executable. The html, markdown and docx formats need nothing extra.';

/** Finds Chromium: COMMSPEC_CHROMIUM, else chromium (or Chrome) on the PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.COMMSPEC_CHROMIUM;
  if (configured) {
    if (executable(configured)) return configured;
    throw new ChromiumMissingError(`COMMSPEC_CHROMIUM is set to ${configured}, which is not an executable file. ${installHint}`);
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of chromiumNames) {
      const candidate = path.join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  throw new ChromiumMissingError(`Chromium was not found. ${installHint}`);
}

/** Prints a standalone HTML page to PDF with headless Chromium. Resolves to the PDF's bytes. */
export async function htmlToPdf(html: string, chromium: string, timeoutMs = 120_000): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commspec-pdf-'));
  try {
    const page = path.join(dir, 'document.html');
    const pdf = path.join(dir, 'document.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).toString(),
    ];
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        if (err.length < 20_000) err += d.toString('utf8');
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new UsageError(`Chromium did not finish printing the PDF within ${Math.round(timeoutMs / 1000)} seconds`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new UsageError(`Chromium (${chromium}) could not be started: ${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(err);
        else reject(new UsageError(`Chromium (${chromium}) failed with exit code ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`));
      });
    });
    let bytes: Buffer;
    try {
      bytes = readFileSync(pdf);
    } catch {
      throw new UsageError(`Chromium (${chromium}) wrote no PDF: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UsageError(`Chromium (${chromium}) wrote a file that is not a PDF`);
    return new Uint8Array(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------

export interface RenderOptions {
  format: RenderFormat;
  output?: string;
  showFindings?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Renders one document. Writes the output itself; returns the messages for standard error and the exit code. */
export async function render(file: string, opts: RenderOptions): Promise<CommandOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  if (!renderFormats.includes(opts.format)) throw new UsageError(`Unknown format '${opts.format}'. Use one of: ${renderFormats.join(', ')}`);
  // Find Chromium before any work, so a missing browser is reported at once.
  const chromium = opts.format === 'pdf' ? findChromium(opts.env) : undefined;
  const analysis = readDocumentFile(file, cwd);
  const problems = documentProblems(analysis, file, 'rendered');
  if (problems.fatal) return { exitCode: 1, messages: problems.messages };

  const footer = `Generated by commspec ${version} from ${path.basename(file)}`;
  let data: string | Uint8Array;
  switch (opts.format) {
    case 'html':
      data = renderHtml(analysis, { mode: 'standalone', findings: opts.showFindings === true, footer });
      break;
    case 'markdown':
      data = renderMarkdown(analysis, { footer });
      break;
    case 'docx':
      data = await renderDocx(analysis, { footer });
      break;
    case 'pdf':
      data = await htmlToPdf(renderHtml(analysis, { mode: 'standalone', findings: opts.showFindings === true, footer }), chromium!);
      break;
  }
  // Binary formats go to a file unless standard output is asked for with -o -.
  const binary = opts.format === 'docx' || opts.format === 'pdf';
  const output = opts.output ?? (binary ? `${baseName(file)}${extensions[opts.format]}` : undefined);
  const written = writeOutput(output, data, cwd);
  const messages = [...problems.messages];
  if (written) messages.push(`commspec: wrote ${path.relative(cwd, written) || written}`);
  return { exitCode: problems.errors ? 1 : 0, messages, written };
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('render a specification, framework or bid as HTML, Markdown, Word (docx) or PDF')
    .argument('<file>', 'the commspec document to render')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...renderFormats]).default('html'))
    .option('-o, --output <file>', 'write to this file; - for standard output (default: standard output for html and markdown, <name>.docx or <name>.pdf in the current folder)')
    .option('--show-findings', 'show the problems commspec finds inline (html and pdf only)')
    .addHelpText(
      'after',
      `
Exit codes:
  0  rendered
  1  the document has errors: it was rendered if it could be, and the errors are listed on standard error
  2  a usage or file problem, or Chromium is missing for --format pdf

PDF output prints the HTML with headless Chromium: apt-get install chromium, or set COMMSPEC_CHROMIUM.

Examples:
  commspec render spec.commspec.yaml > spec.html
  commspec render spec.commspec.yaml -f markdown -o spec.md
  commspec render spec.commspec.yaml -f docx -o "Tender pack - specification.docx"
  commspec render spec.commspec.yaml -f pdf`,
    )
    .action(async (file: string, o: { format: RenderFormat; output?: string; showFindings?: boolean }) => {
      const outcome = await render(file, { format: o.format, output: o.output, showFindings: o.showFindings });
      for (const m of outcome.messages) process.stderr.write(printableLines(m) + '\n');
      process.exitCode = outcome.exitCode;
    });
}
