import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { effectiveRules } from '../../../server/src/service/config';
import { ruleHelpUri } from '../../../server/src/service/rules/docs';
import { allRules } from '../../../server/src/service/rules/index';
import { configsFor } from '../config-loader';

export interface RuleRow {
  id: string;
  /** The severity in the configuration that applies here (`off` when disabled). */
  severity: string;
  defaultSeverity: string;
  description: string;
  fixable: boolean;
  kinds: string[];
  docs: string;
}

/** Every rule with the severity the configuration in `cwd` (or `config`) gives it. */
export function ruleRows(cwd: string, config?: string): RuleRow[] {
  const metas = allRules.map((r) => r.meta);
  const probe = path.join(cwd, 'commspec-rules.commspec.yaml');
  const settings = effectiveRules(metas, configsFor(probe, config), probe);
  return metas.map((m) => ({
    id: m.id,
    severity: settings.get(m.id)?.severity ?? m.severity,
    defaultSeverity: m.severity,
    description: m.description,
    fixable: m.fixable === true,
    kinds: [...m.kinds],
    docs: ruleHelpUri(m.id),
  }));
}

export function formatRuleTable(rows: RuleRow[]): string {
  const w0 = Math.max(...rows.map((r) => r.id.length), 4);
  const w1 = Math.max(...rows.map((r) => r.severity.length), 8);
  const lines = [`${'RULE'.padEnd(w0)}  ${'SEVERITY'.padEnd(w1)}  DESCRIPTION`];
  for (const r of rows) lines.push(`${r.id.padEnd(w0)}  ${r.severity.padEnd(w1)}  ${r.description}${r.fixable ? ' (fixable)' : ''}`);
  const off = rows.filter((r) => r.severity === 'off').length;
  lines.push('');
  lines.push(`${rows.length} rules, ${rows.length - off} on${off ? `, ${off} off` : ''}. Run commspec explain <rule> for why a rule exists.`);
  return lines.join('\n') + '\n';
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules with the severity the configuration here gives them')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-c, --config <file>', 'use this configuration file instead of looking for .commspec.yaml')
    .addHelpText(
      'after',
      `
Examples:
  commspec rules
  commspec rules --format json
  commspec rules --config strict.commspec.yaml`,
    )
    .action((o: { format: string; config?: string }) => {
      const rows = ruleRows(process.cwd(), o.config);
      process.stdout.write(o.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : formatRuleTable(rows));
    });
}
