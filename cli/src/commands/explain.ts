import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { reportsCited } from '../../../server/src/service/index';
import { ruleHelpUri } from '../../../server/src/service/rules/docs';
import { allRules } from '../../../server/src/service/rules/index';
import type { RuleMeta } from '../../../server/src/service/rules/types';
import { didYouMean } from '../../../server/src/service/text';
import { UsageError } from '../files';
import { builtInCheck } from '../formatters/types';

/** Wraps prose to a width, keeping words whole. */
export function wrap(text: string, width = 88, indent = '  '): string {
  const lines: string[] = [];
  for (const para of text.split(/\n{2,}/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(indent + line);
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '');
}

/** The rule's page shipped in the package (docs/rules/<id>.md), when it is there. */
function localDocs(id: string): string | undefined {
  for (const base of [path.join(__dirname, '..'), path.join(__dirname, '..', '..', '..')]) {
    const file = path.join(base, 'docs', 'rules', `${id}.md`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

export function explainRule(meta: RuleMeta): string {
  const out: string[] = [];
  out.push(`${meta.id}`);
  out.push('');
  out.push(wrap(meta.description, 88, '  '));
  out.push('');
  out.push(`Default severity: ${meta.severity}${meta.strictOnly ? ' (off in the recommended preset; on in strict and all)' : ''}`);
  out.push(`Applies to:       ${meta.kinds.join(', ')}`);
  out.push(`Fixable:          ${meta.fixable ? 'yes (commspec lint --fix applies the safe fixes)' : 'no'}`);
  if (meta.tags?.length) out.push(`Tags:             ${meta.tags.join(', ')}`);
  out.push('');
  out.push('Why it matters:');
  out.push(wrap(meta.rationale));
  if (meta.evidence.length) {
    out.push('');
    out.push('Evidence:');
    for (const e of meta.evidence) out.push(`  - ${e}`);
    const cited = reportsCited(meta.evidence);
    if (cited.length) {
      out.push('');
      out.push('Sources:');
      for (const r of cited) out.push(wrap(`${r.short}: ${r.reference}`, 88, '  '));
    }
  }
  const options = Object.entries(meta.options ?? {});
  if (options.length) {
    out.push('');
    out.push('Options (set in .commspec.yaml as rules: { id: [severity, { option: value }] }):');
    for (const [name, o] of options) out.push(`  ${name} (${o.type}, default ${JSON.stringify(o.default)}): ${o.description}`);
  }
  out.push('');
  out.push('Turn it off or change its severity:');
  out.push(`  in .commspec.yaml:   rules: { ${meta.id}: off }`);
  out.push(`  for one run:         commspec lint --rule ${meta.id}:warning`);
  out.push(`  for one line:        # commspec-disable-next-line ${meta.id} -- reason`);
  out.push('');
  const local = localDocs(meta.id);
  out.push(`Documentation: ${ruleHelpUri(meta.id)}${local ? `\n               ${local}` : ''}`);
  return out.join('\n') + '\n';
}

export function explain(id: string): string {
  const meta = allRules.find((r) => r.meta.id === id)?.meta;
  if (meta) return explainRule(meta);
  const builtIn = builtInCheck(id);
  if (builtIn && id.includes('/')) {
    return `${id}\n\n${wrap(builtIn.description)}\n\nThis is a built-in check, not a configurable rule: it cannot be turned off, because the other checks\nneed a readable document that follows the schema. The message tells what to change.\n`;
  }
  const ids = allRules.map((r) => r.meta.id);
  const guess = ids.find((r) => r.endsWith(`/${id}`)) ?? didYouMean(id, ids);
  throw new UsageError(`There is no rule '${id}'.${guess ? ` Did you mean '${guess}'?` : ''} Run commspec rules to list them.`);
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description("show a rule's description, rationale, evidence and documentation")
    .argument('<rule-id>', 'a rule id, as shown at the end of each finding, e.g. outcomes/has-indicator')
    .addHelpText(
      'after',
      `
Examples:
  commspec explain outcomes/has-indicator
  commspec explain terminology/beds`,
    )
    .action((id: string) => {
      process.stdout.write(explain(id));
    });
}
