import path from 'node:path';
import { Option, type Command } from 'commander';
import { diffLabels, diffSpecifications, formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../../server/src/service/export/diff';
import { UsageError } from '../files';
import { printableLines } from '../formatters/escape';
import { documentProblems, readDocumentFile, writeOutput, type CommandOutcome } from './render';

export const diffFormats = ['text', 'markdown', 'json'] as const;

export interface DiffOptions {
  format: (typeof diffFormats)[number];
  output?: string;
  exitCode?: boolean;
  cwd?: string;
}

/** Compares two versions of a specification. Writes the output itself; returns the messages for standard error and the exit code. */
export function diff(oldFile: string, newFile: string, opts: DiffOptions): CommandOutcome {
  const cwd = opts.cwd ?? process.cwd();
  if (!diffFormats.includes(opts.format)) throw new UsageError(`Unknown format '${opts.format}'. Use one of: ${diffFormats.join(', ')}`);
  const messages: string[] = [];
  const docs = [oldFile, newFile].map((file) => {
    const analysis = readDocumentFile(file, cwd);
    const problems = documentProblems(analysis, file, 'compared');
    messages.push(...problems.messages);
    return { file, analysis, fatal: problems.fatal };
  });
  if (docs.some((d) => d.fatal)) return { exitCode: 1, messages };
  for (const d of docs) {
    if (d.analysis.model.kind !== 'specification') throw new UsageError(`${d.file} is a ${d.analysis.model.kind}: commspec diff compares two versions of a specification`);
  }
  const [a, b] = docs.map((d) => d.analysis.model);
  const changes = diffSpecifications(a, b);
  const labels = diffLabels(a, b);
  const out = opts.format === 'json' ? formatDiffJson(changes, a, b) : opts.format === 'markdown' ? formatDiffMarkdown(changes, labels) : formatDiffText(changes, labels);
  const written = writeOutput(opts.output, out, cwd);
  if (written) messages.push(`commspec: wrote ${path.relative(cwd, written) || written}`);
  return { exitCode: opts.exitCode && changes.length ? 1 : 0, messages, written };
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('list what changed between two versions of a specification, for clarification notices')
    .argument('<old>', 'the earlier version')
    .argument('<new>', 'the later version')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...diffFormats]).default('text'))
    .option('-o, --output <file>', 'write to this file; - for standard output (default: standard output)')
    .option('--exit-code', 'exit with 1 when there are changes, 0 when there are none')
    .addHelpText(
      'after',
      `
Exit codes:
  0  compared (with --exit-code: no changes)
  1  a document cannot be read as a specification (with --exit-code: there are changes)
  2  a usage or file problem

Examples:
  commspec diff spec-v1.1.commspec.yaml spec.commspec.yaml
  commspec diff old.commspec.yaml new.commspec.yaml -f markdown -o clarification-notice.md
  git show v1.1:spec.commspec.yaml > /tmp/old.commspec.yaml && commspec diff /tmp/old.commspec.yaml spec.commspec.yaml -f json`,
    )
    .action((oldFile: string, newFile: string, o: DiffOptions) => {
      const outcome = diff(oldFile, newFile, o);
      for (const m of outcome.messages) process.stderr.write(printableLines(m) + '\n');
      process.exitCode = outcome.exitCode;
    });
}
