import { classifyStatement } from './classify';
import { measureSplits, type Confusion as SplitConfusion, type LabelledItem, type Split } from '../classifiers/metrics';

export interface LabelledStatement {
  text: string;
  label: 'output' | 'outcome';
  /** The half the statement belongs to; without one, even index = development, odd = held out. */
  split?: Split;
}

export type Confusion = SplitConfusion;

export interface ClassifierMetrics {
  /** The half the classifier was developed on (split: dev). */
  development: Confusion;
  /** Held out (split: test). */
  heldOut: Confusion;
  all: Confusion;
}

/** Precision and recall of the output detector ("output" is the positive class) on a labelled set. */
export function measureClassifier(statements: LabelledStatement[]): ClassifierMetrics {
  const items: LabelledItem<'output' | 'outcome'>[] = statements.map((s, i) => ({ text: s.text, label: s.label, split: s.split ?? (i % 2 === 0 ? 'dev' : 'test') }));
  const m = measureSplits(items, 'output', (t) => classifyStatement(t).label === 'output');
  return { development: m.dev, heldOut: m.test, all: m.all };
}

/** Reads the labelled set's plain value (`statements: [{ text, label, split? }]`), skipping malformed entries. */
export function labelledStatements(value: unknown): LabelledStatement[] {
  const list = (value as { statements?: unknown } | undefined)?.statements;
  if (!Array.isArray(list)) return [];
  return list
    .filter((s): s is LabelledStatement => !!s && typeof s.text === 'string' && (s.label === 'output' || s.label === 'outcome'))
    .map((s) => ({ text: s.text, label: s.label, ...(s.split === 'dev' || s.split === 'test' ? { split: s.split } : {}) }));
}
