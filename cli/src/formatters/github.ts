import type { Severity } from '../../../server/src/service/findings';
import { printable } from './escape';
import { relativePath, type Formatter } from './types';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  // line breaks as the workflow-command escapes GitHub decodes; other control characters (ESC…) made visible
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value (file, title): as data, plus the separators ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = relativePath(ctx, r.filePath);
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(f.ruleId)}`,
      ];
      lines.push(`::${command[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
