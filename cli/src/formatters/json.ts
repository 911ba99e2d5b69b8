import type { Formatter } from './types';

/** Machine-readable results: one entry per file, positions 1-based (as ESLint's json format). */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      errorCount: r.findings.filter((f) => f.severity === 'error').length,
      warningCount: r.findings.filter((f) => f.severity === 'warning').length,
      infoCount: r.findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
      messages: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        ...(f.fix ? { fix: { title: f.fix.title, safe: f.fix.safe === true, edits: f.fix.edits } } : {}),
      })),
    })),
    null,
    2,
  ) + '\n';
