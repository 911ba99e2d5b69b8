import path from 'node:path';
import type { Command } from 'commander';
import { OCDS_TEST_PREFIX, OcdsExportError, toOcds } from '../../../server/src/service/export/ocds';
import { UsageError } from '../files';
import { printableLines } from '../formatters/escape';
import { documentProblems, readDocumentFile, writeOutput, type CommandOutcome } from './render';

export interface ExportOptions {
  ocds?: boolean;
  output?: string;
  ocidPrefix?: string;
  packageUri?: string;
  documentUrl?: string;
  publisher?: string;
  cwd?: string;
  /** The release date when the specification has none (default: now). */
  now?: Date;
}

/** Exports one specification. Writes the output itself; returns the messages for standard error and the exit code. */
export function exportSpecification(file: string, opts: ExportOptions): CommandOutcome {
  const cwd = opts.cwd ?? process.cwd();
  if (!opts.ocds) throw new UsageError('Choose what to export: --ocds for an Open Contracting Data Standard release package');
  const analysis = readDocumentFile(file, cwd);
  const problems = documentProblems(analysis, file, 'exported');
  if (problems.fatal) return { exitCode: 1, messages: problems.messages };
  if (analysis.model.kind !== 'specification') throw new UsageError(`${file} is a ${analysis.model.kind}: OCDS export is for specifications`);
  const fallbackDate = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let result;
  try {
    result = toOcds(analysis, { ocidPrefix: opts.ocidPrefix, packageUri: opts.packageUri, documentUrl: opts.documentUrl, publisher: opts.publisher, fallbackDate });
  } catch (e) {
    if (e instanceof OcdsExportError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
  const messages = [...problems.messages];
  const release = (result.package.releases as Array<Record<string, unknown>>)[0];
  if (release.date === fallbackDate) messages.push(`commspec: note: ${file} has no publication date, so the release is dated now (${fallbackDate})`);
  if (!opts.ocidPrefix) messages.push(`commspec: note: the ocid uses the OCDS test prefix ${OCDS_TEST_PREFIX}; publish with your registered prefix (--ocid-prefix)`);
  for (const n of result.notes) messages.push(`commspec: note: ${n}`);
  const written = writeOutput(opts.output, JSON.stringify(result.package, null, 2) + '\n', cwd);
  if (written) messages.push(`commspec: wrote ${path.relative(cwd, written) || written}`);
  return { exitCode: problems.errors ? 1 : 0, messages, written };
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export a specification as open data: an OCDS 1.1 release package (--ocds)')
    .argument('<spec>', 'the specification to export')
    .option('--ocds', 'an Open Contracting Data Standard 1.1 release package (JSON), with the lots, awardCriteria, metrics, requirements and UK profile extensions')
    .option('-o, --output <file>', 'write to this file; - for standard output (default: standard output)')
    .option('--ocid-prefix <prefix>', `your registered ocid prefix (default: the OCDS test prefix ${OCDS_TEST_PREFIX})`)
    .option('--package-uri <uri>', 'the URI the package will be published at')
    .option('--document-url <url>', 'where the published specification can be downloaded')
    .option('--publisher <name>', 'the publisher of the data (default: the lead commissioner)')
    .addHelpText(
      'after',
      `
Exit codes:
  0  exported
  1  the specification has errors: it was exported if it could be, and the errors are listed on standard error
  2  a usage or file problem

Examples:
  commspec export --ocds spec.commspec.yaml -o release.json
  commspec export --ocds spec.commspec.yaml --ocid-prefix ocds-abc123 --document-url https://council.example/spec.yaml`,
    )
    .action((spec: string, o: ExportOptions) => {
      const outcome = exportSpecification(spec, o);
      for (const m of outcome.messages) process.stderr.write(printableLines(m) + '\n');
      process.exitCode = outcome.exitCode;
    });
}
