import path from 'node:path';
import { createColors } from 'picocolors';
import { maxOf, printable } from './escape';
import type { Formatter } from './types';

/** The default: findings grouped by file, one per line, with a summary (as ESLint's stylish). */
export const stylish: Formatter = (results, ctx) => {
  const c = createColors(ctx.color);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    lines.push(c.underline(printable(path.relative(ctx.cwd, r.filePath) || r.filePath)));
    const rows = r.findings.map((f) => {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      if (f.fix?.safe) fixable++;
      return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, printable(f.message), printable(f.ruleId)];
    });
    const w0 = maxOf(rows.map((r) => r[0].length));
    const w1 = maxOf(rows.map((r) => r[1].length));
    for (const [pos, sev, msg, rule] of rows) {
      const sevText = sev === 'error' ? c.red(sev.padEnd(w1)) : sev === 'warning' ? c.yellow(sev.padEnd(w1)) : c.blue(sev.padEnd(w1));
      lines.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}  ${c.dim(rule)}`);
    }
    lines.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) {
    // a clean run says so, so a first-time user knows the check ran (--quiet stays silent)
    if (ctx.quiet || results.length === 0) return '';
    return `${c.green('✔')} ${results.length} document${results.length === 1 ? '' : 's'} checked, no problems\n`;
  }
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos) parts.push(`${infos} suggestion${infos === 1 ? '' : 's'}`);
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  lines.push(errors ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  if (fixable) lines.push(c.dim(`  ${fixable} can be fixed with --fix`));
  return lines.join('\n') + '\n';
};
