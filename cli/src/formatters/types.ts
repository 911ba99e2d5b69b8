import path from 'node:path';
import type { Finding, Severity } from '../../../server/src/service/findings';

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  findings: Finding[];
  /** The text that was linted (after fixes, when --fix applied some), for formats that locate fix edits. */
  source?: string;
}

export interface RuleInfo {
  description: string;
  helpUri: string;
  /** Why the rule matters (for SARIF's fullDescription and help). */
  rationale?: string;
  /** The rule's default severity. */
  severity?: Severity;
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Rule metadata by id, for formats that describe rules. */
  rules: Map<string, RuleInfo>;
  version: string;
  /** --quiet: errors only, and nothing at all when there are none. */
  quiet?: boolean;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

/** The file's path from the current folder, with forward slashes (as CI systems show them). */
export function relativePath(ctx: FormatContext, file: string): string {
  return (path.relative(ctx.cwd, file) || file).replace(/\\/g, '/');
}

export function countBySeverity(results: FileResult[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos };
}

/** Descriptions for findings that do not come from a configurable rule (the YAML reader, the schema, the file system). */
export function builtInCheck(ruleId: string): RuleInfo | undefined {
  if (ruleId.startsWith('yaml/')) return { description: 'The file must be readable, well-formed YAML holding one document.', helpUri: '' };
  if (ruleId.startsWith('schema/')) return { description: 'The document must follow the commspec schema for its kind (keys, types, allowed values).', helpUri: '' };
  if (ruleId.startsWith('io/')) return { description: 'The file must exist and be readable.', helpUri: '' };
  if (ruleId.startsWith('suppressions/')) return { description: 'Inline suppression comments must name a rule and give a reason.', helpUri: '' };
  if (ruleId.startsWith('internal/')) return { description: 'A check failed unexpectedly; please report it.', helpUri: '' };
  return undefined;
}
