import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, lint, UsageError } from './commands/lint';
import { version } from './version';

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected a whole number');
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
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .exitOverride();

  program
    .command('lint')
    .description('check specifications, frameworks and bids (*.commspec.yaml) for problems')
    .argument('[paths...]', 'files, folders or globs (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings', integer)
    .option('-c, --config <file>', 'use this configuration file instead of looking for .commspec.yaml')
    .option('--rule <id:severity>', 'set a rule\'s severity (error, warning, info, hint, off); repeatable', collect, [])
    .option('--ignore-pattern <glob>', 'skip files matching this glob; repeatable', collect, [])
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report for --stdin')
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors were found, or too many warnings
  2  a usage, configuration or file problem stopped the check

Examples:
  commspec lint examples
  commspec lint "specs/**/*.commspec.yaml" --format json --output-file report.json
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
        outputFile: o.outputFile,
        color,
        stdinText: o.stdin ? await readStdin() : undefined,
        stdinFilename: o.stdinFilename,
        version,
      });
      process.stdout.write(outcome.output);
      process.exitCode = outcome.exitCode;
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof UsageError || e instanceof ConfigError) {
      process.stderr.write(`commspec: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`commspec: unexpected problem: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
}

void main(process.argv);
