// Precision, recall and confusion counts for a prose classifier, measured on a labelled set that is
// split into a development half (the classifier was tuned on it) and a test half (held out).
//
// Pure: it takes the set's parsed value, not a file. The sets live in test/fixtures/ and are read by
// the tests and the documentation generator.

export type Split = 'dev' | 'test';

export interface LabelledItem<L extends string = string> {
  text: string;
  label: L;
  split: Split;
  hard?: boolean;
  note?: string;
}

export interface Confusion {
  n: number;
  /** Positive items flagged as positive. */
  tp: number;
  /** Negative items wrongly flagged (false alarms). */
  fp: number;
  /** Positive items missed. */
  fn: number;
  tn: number;
  /** tp / (tp + fp); 1 when nothing was flagged. */
  precision: number;
  /** tp / (tp + fn); 1 when there is nothing to find. */
  recall: number;
}

export interface SplitMetrics {
  dev: Confusion;
  test: Confusion;
  all: Confusion;
}

export interface Miss<L extends string = string> {
  item: LabelledItem<L>;
  /** 'fp' = a false alarm, 'fn' = a positive item missed. */
  kind: 'fp' | 'fn';
}

/** Confusion counts for `flag` (true = the classifier says the positive label) over `items`. */
export function confusion<L extends string>(items: readonly LabelledItem<L>[], positive: L, flag: (text: string) => boolean): Confusion {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const item of items) {
    const flagged = flag(item.text);
    const isPositive = item.label === positive;
    if (flagged && isPositive) tp++;
    else if (flagged) fp++;
    else if (isPositive) fn++;
    else tn++;
  }
  return { n: items.length, tp, fp, fn, tn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

/** Confusion counts on the development half, the test half and the whole set. */
export function measureSplits<L extends string>(items: readonly LabelledItem<L>[], positive: L, flag: (text: string) => boolean): SplitMetrics {
  return {
    dev: confusion(items.filter((i) => i.split === 'dev'), positive, flag),
    test: confusion(items.filter((i) => i.split === 'test'), positive, flag),
    all: confusion(items, positive, flag),
  };
}

/** The items the classifier gets wrong, for reading while developing (use the dev half only). */
export function misses<L extends string>(items: readonly LabelledItem<L>[], positive: L, flag: (text: string) => boolean): Miss<L>[] {
  const out: Miss<L>[] = [];
  for (const item of items) {
    const flagged = flag(item.text);
    if (flagged && item.label !== positive) out.push({ item, kind: 'fp' });
    else if (!flagged && item.label === positive) out.push({ item, kind: 'fn' });
  }
  return out;
}

export class LabelledSetError extends Error {}

/**
 * Reads a labelled set's parsed value: `{ <key>: [{ text, label, split?, hard?, note? }] }`.
 * An item without a split gets one by position (even index dev, odd index test), the rule the first
 * labelled set used. A malformed item or an unknown label is an error naming the item, because a set
 * that silently loses items would report figures for fewer items than it claims.
 */
export function readLabelledSet<L extends string>(value: unknown, labels: readonly L[], key = 'items'): LabelledItem<L>[] {
  const list = (value as Record<string, unknown> | null | undefined)?.[key];
  if (!Array.isArray(list)) throw new LabelledSetError(`the labelled set has no '${key}' list`);
  return list.map((raw, i) => {
    const where = `item ${i + 1}`;
    if (!raw || typeof raw !== 'object') throw new LabelledSetError(`${where} is not a mapping`);
    const r = raw as Record<string, unknown>;
    if (typeof r.text !== 'string' || !r.text.trim()) throw new LabelledSetError(`${where} has no text`);
    if (typeof r.label !== 'string' || !labels.includes(r.label as L)) {
      throw new LabelledSetError(`${where} ('${r.text.slice(0, 40)}') has label '${String(r.label)}'; expected one of ${labels.join(', ')}`);
    }
    if (r.split !== undefined && r.split !== 'dev' && r.split !== 'test') throw new LabelledSetError(`${where} has split '${String(r.split)}'; expected dev or test`);
    const split: Split = (r.split as Split | undefined) ?? (i % 2 === 0 ? 'dev' : 'test');
    return {
      text: r.text,
      label: r.label as L,
      split,
      ...(r.hard === true ? { hard: true } : {}),
      ...(typeof r.note === 'string' ? { note: r.note } : {}),
    };
  });
}
