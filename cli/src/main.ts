import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, lint, UsageError } from './commands/lint';
import { version } from './version';
import { commandRegistrations } from './commands/index';
import { registerInit } from './commands/init';
import { registerRules } from './commands/rules';
import { registerExplain } from './commands/explain';
import { registerSchema } from './commands/schema';
import { formatNames } from './formatters/index';
import { printableLines } from './formatters/escape';

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('commspec')
    .description('Lint, check and publish outcome-based service specifications for children\'s services.')
    .version(version, '-v, --version', 'print the version')
    .showHelpAfterError('(run commspec --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(printableLines(s)), writeOut: (s) => process.stdout.write(s) })
    .exitOverride();

  program
    .command('lint')
    .description('check specifications, frameworks and bids (*.commspec.yaml) for problems')
    .argument('[paths...]', 'files, folders or globs (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('stylish'))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings', integer)
    .option('-c, --config <file>', 'use this configuration file instead of looking for .commspec.yaml')
    .option('--rule <id:severity>', "set a rule's severity (error, warning, info, hint, off); repeatable", collect, [])
    .option('--ignore-pattern <pattern>', 'skip files matching this pattern (.gitignore syntax, from the current folder); repeatable', collect, [])
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--fix', 'apply safe fixes to the files, then report what is left')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff without changing any file')
    .option('--cache', 'only lint files that changed since the last run (or whose settings or linked documents changed)')
    .option('--cache-location <folder>', 'where to keep the cache', '.commspec-cache')
    .option('--threads <n>', 'lint on n threads (1: no threads); default: one per core above 200 files', positive)
    .option('--follow-symlinks', 'follow symbolic links to folders when searching (links leading out of the workspace and loops are skipped)')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report for --stdin (also used to find the configuration)')
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Formats:
  stylish   readable report grouped by file (default)
  json      one entry per file with 1-based positions (as ESLint's json)
  sarif     SARIF 2.1.0 for GitHub code scanning and other dashboards
  junit     JUnit XML for Jenkins, GitLab and Azure DevOps test reports
  github    GitHub Actions annotations (::error file=...)
  gitlab    GitLab Code Quality report
  markdown  a summary table for a pull-request comment

Files are found under folders as *.commspec.yaml and *.commspec.yml, skipping node_modules and .git
(and symbolic links, unless --follow-symlinks).
Patterns in .commspecignore (in the current folder, .gitignore syntax), --ignore-pattern and the
configuration's ignore: list are left out.

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors were found, or too many warnings
  2  a usage, configuration or file problem stopped the check

Examples:
  commspec lint examples
  commspec lint "specs/**/*.commspec.yaml" --format json --output-file report.json
  commspec lint --format sarif --output-file commspec.sarif
  commspec lint specs --fix-dry-run
  commspec lint specs --cache --max-warnings 0
  cat spec.commspec.yaml | commspec lint --stdin --stdin-filename spec.commspec.yaml`,
    )
    .action(async (paths: string[], o) => {
      const color = o.color === undefined ? Boolean(process.stdout.isTTY) && !process.env.NO_COLOR : Boolean(o.color);
      const outcome = await lint(paths, {
        format: o.format,
        quiet: o.quiet,
        maxWarnings: o.maxWarnings,
        config: o.config,
        rule: o.rule,
        ignorePattern: o.ignorePattern,
        followSymlinks: o.followSymlinks === true,
        outputFile: o.outputFile,
        color,
        stdinText: o.stdin ? await readStdin() : undefined,
        stdinFilename: o.stdinFilename,
        version,
        fix: o.fix,
        fixDryRun: o.fixDryRun,
        cache: o.cache,
        cacheLocation: o.cacheLocation,
        threads: o.threads,
      });
      for (const note of outcome.notes) process.stderr.write(`commspec: ${printableLines(note)}\n`);
      process.stdout.write(outcome.output);
      process.exitCode = outcome.exitCode;
    });
  // Other commands register themselves here: each module exports register(program).
  for (const register of commandRegistrations) register(program);
  registerInit(program);
  registerRules(program);
  registerExplain(program);
  registerSchema(program);
  program.addHelpText(
    'after',
    `
Examples:
  commspec lint examples                      check every document under examples/
  commspec init --title "Short breaks" --lead "Example Council"
  commspec rules                              list the rules and their severities here
  commspec explain outcomes/has-indicator     why a rule exists and how to satisfy it
  commspec schema specification > spec.schema.json

Run commspec <command> --help for a command's options.`,
  );
  return program;
}

/**
 * The reader went away (`commspec lint … | head`): stop quietly, as other command-line tools do,
 * keeping the exit code the findings gave. Any other output error is a real problem.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(argv: string[]): Promise<void> {
  quietOnClosedPipe(process.stdout);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof UsageError || e instanceof ConfigError) {
      process.stderr.write(`commspec: ${printableLines(e.message)}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`commspec: unexpected problem: ${printableLines(String((e as Error).stack ?? e))}\n`);
    process.exitCode = 2;
  }
}

void main(process.argv);
