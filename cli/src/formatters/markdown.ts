import type { Severity } from '../../../server/src/service/findings';
import { printable } from './escape';
import { countBySeverity, relativePath, type Formatter } from './types';

/**
 * A summary for a pull-request comment (GitHub, GitLab, Azure DevOps all render it): the totals, a table of
 * files with their counts, and every finding in a collapsible table.
 */

/** Rows of findings beyond this are summarised, to stay under comment size limits (GitHub: 65,536 characters). */
export const maxRows = 200;
/** The report stops adding rows before it reaches this many characters. */
export const maxChars = 60_000;

/** Makes text safe inside a table cell: no line breaks, no column separators, no stray markup. */
export function cell(text: string): string {
  return printable(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([`*_[\]<>])/g, '\\$1');
}

/**
 * A code span that holds any text: the fence is one backtick longer than the longest run of backticks inside
 * (CommonMark), and a space pads text that starts or ends with a backtick (or a space), which the renderer strips.
 */
export function code(text: string): string {
  const clean = printable(text.replace(/\r\n|\r|\n/g, ' ')).replace(/\|/g, '\\|');
  let longest = 0;
  let run = 0;
  for (const ch of clean) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || (clean.startsWith(' ') && clean.endsWith(' ') && clean.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

const icon: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info', hint: '💡 hint' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const markdown: Formatter = (results, ctx) => {
  const { errors, warnings, infos } = countBySeverity(results);
  const withProblems = results.filter((r) => r.findings.length > 0);
  const lines: string[] = [];
  if (errors + warnings + infos === 0) {
    lines.push(`### ✅ commspec: no problems in ${plural(results.length, 'file')}`);
    return lines.join('\n') + '\n';
  }
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos) parts.push(plural(infos, 'suggestion'));
  lines.push(`### ${errors ? '❌' : '⚠️'} commspec: ${parts.join(', ')} in ${withProblems.length} of ${plural(results.length, 'file')}`);
  lines.push('');
  lines.push('| File | Errors | Warnings | Suggestions |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const r of withProblems) {
    const c = countBySeverity([r]);
    lines.push(`| ${code(relativePath(ctx, r.filePath))} | ${c.errors} | ${c.warnings} | ${c.infos} |`);
  }
  lines.push('');
  lines.push('<details><summary>Findings</summary>');
  lines.push('');
  lines.push('| File | Line | Severity | Message | Rule |');
  lines.push('| --- | --- | --- | --- | --- |');
  let rows = 0;
  let size = lines.reduce((n, l) => n + l.length + 1, 0);
  const total = errors + warnings + infos;
  outer: for (const r of withProblems) {
    const file = relativePath(ctx, r.filePath);
    for (const f of r.findings) {
      const help = ctx.rules.get(f.ruleId)?.helpUri;
      const rule = help ? `[${code(f.ruleId)}](${help})` : code(f.ruleId);
      const row = `| ${code(file)} | ${f.range.start.line + 1}:${f.range.start.character + 1} | ${icon[f.severity]} | ${cell(f.message)} | ${rule} |`;
      if (rows === maxRows || size + row.length + 1 > maxChars) break outer;
      rows++;
      size += row.length + 1;
      lines.push(row);
    }
  }
  if (rows < total) {
    lines.push('');
    lines.push(`…and ${plural(total - rows, 'more finding')}. Run \`commspec lint\` to see them all.`);
  }
  lines.push('');
  lines.push('</details>');
  return lines.join('\n') + '\n';
};
