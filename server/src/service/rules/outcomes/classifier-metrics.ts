import { classifyStatement } from './classify';

export interface LabelledStatement {
  text: string;
  label: 'output' | 'outcome';
}

export interface Confusion {
  n: number;
  /** Outputs flagged as outputs. */
  tp: number;
  /** Outcomes wrongly flagged as outputs. */
  fp: number;
  /** Outputs missed. */
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

export interface ClassifierMetrics {
  /** Statements with an even index: the half the classifier was developed on. */
  development: Confusion;
  /** Statements with an odd index: held out. */
  heldOut: Confusion;
  all: Confusion;
}

function confusion(items: LabelledStatement[]): Confusion {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const s of items) {
    const flagged = classifyStatement(s.text).label === 'output';
    const output = s.label === 'output';
    if (flagged && output) tp++;
    else if (flagged) fp++;
    else if (output) fn++;
    else tn++;
  }
  return { n: items.length, tp, fp, fn, tn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

/** Precision and recall of the output detector ("output" is the positive class) on a labelled set. */
export function measureClassifier(statements: LabelledStatement[]): ClassifierMetrics {
  return {
    development: confusion(statements.filter((_, i) => i % 2 === 0)),
    heldOut: confusion(statements.filter((_, i) => i % 2 === 1)),
    all: confusion(statements),
  };
}

/** Reads the labelled set's plain value (`statements: [{ text, label }]`), skipping malformed entries. */
export function labelledStatements(value: unknown): LabelledStatement[] {
  const list = (value as { statements?: unknown } | undefined)?.statements;
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is LabelledStatement => !!s && typeof s.text === 'string' && (s.label === 'output' || s.label === 'outcome'));
}
