import type { OffsetRange, Range } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  /** Offsets in the document the finding belongs to. */
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied by `commspec lint --fix` without review. */
  safe?: boolean;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** One problem found in a document: what every front door (CLI, LSP, preview) shows. */
export interface Finding {
  /** The check that found it, in `category/name` form, e.g. `schema/required` or `outcomes/has-indicator`. */
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  offsets: OffsetRange;
  fix?: Fix;
  related?: RelatedLocation[];
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.offsets.start - b.offsets.start ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
