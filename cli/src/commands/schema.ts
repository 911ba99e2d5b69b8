import type { Command } from 'commander';
import bid from '../../../schemas/bid.schema.json';
import config from '../../../schemas/config.schema.json';
import framework from '../../../schemas/framework.schema.json';
import specification from '../../../schemas/specification.schema.json';
import { didYouMean } from '../../../server/src/service/text';
import { UsageError } from '../files';

export const schemaKinds: Record<string, unknown> = { specification, framework, bid, config };

export function schemaText(kind: string): string {
  const schema = schemaKinds[kind];
  if (!schema) {
    const guess = didYouMean(kind, Object.keys(schemaKinds));
    throw new UsageError(`There is no schema for '${kind}'${guess ? `: did you mean '${guess}'?` : '.'} Use one of: ${Object.keys(schemaKinds).join(', ')}`);
  }
  return JSON.stringify(schema, null, 2) + '\n';
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a kind of document, for other YAML tools and editors')
    .argument('[kind]', 'specification, framework, bid or config', 'specification')
    .addHelpText(
      'after',
      `
Examples:
  commspec schema                       the specification schema
  commspec schema bid > bid.schema.json
  commspec schema config`,
    )
    .action((kind: string) => {
      process.stdout.write(schemaText(kind));
    });
}
