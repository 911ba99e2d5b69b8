import { createHash } from 'node:crypto';
import type { Severity } from '../../../server/src/service/findings';
import { relativePath, type Formatter } from './types';

/**
 * GitLab Code Quality (a subset of the Code Climate format), for `artifacts:reports:codequality`:
 * findings appear in the merge request widget and the changes tab.
 */
const severity: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export const gitlab: Formatter = (results, ctx) => {
  const issues: unknown[] = [];
  for (const r of results) {
    const file = relativePath(ctx, r.filePath);
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      // Stable when lines move: file, rule, message, and which of several identical findings this is.
      const key = `${file}\0${f.ruleId}\0${f.message}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const fingerprint = createHash('md5').update(`${key}\0${nth}`).digest('hex');
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        categories: ['Style'],
        severity: severity[f.severity],
        fingerprint,
        location: { path: file, positions: { begin: { line: f.range.start.line + 1, column: f.range.start.character + 1 }, end: { line: f.range.end.line + 1, column: f.range.end.character + 1 } } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
