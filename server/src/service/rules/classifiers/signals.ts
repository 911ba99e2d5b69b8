// Building blocks shared by the prose classifiers: a named signal is a readable pattern with a weight
// and a phrase that explains it to a commissioner. Patterns are plain regular expressions written to
// run in linear time: no nested quantifiers over the same characters, bounded repeats only.

export interface Signal {
  id: string;
  weight: number;
  test: (s: string) => RegExpExecArray | null;
  /** Explains the signal in a message: "it counts sessions ('number of sessions')". */
  because: (m: RegExpExecArray) => string;
}

export interface Fired {
  id: string;
  weight: number;
  why: string;
}

/** A case-insensitive test for `source`; the RegExp is built once. */
export const re = (source: string, flags = 'i') => {
  const r = new RegExp(source, flags);
  return (s: string) => {
    r.lastIndex = 0;
    return r.exec(s);
  };
};

/** The signals that fire on `s`, strongest first, and their total weight. */
export function score(signals: readonly Signal[], s: string): { total: number; fired: Fired[] } {
  const fired: Fired[] = [];
  for (const sig of signals) {
    const m = sig.test(s);
    if (m) fired.push({ id: sig.id, weight: sig.weight, why: sig.because(m) });
  }
  fired.sort((a, b) => b.weight - a.weight);
  return { total: fired.reduce((n, f) => n + f.weight, 0), fired };
}

/** Collapses white space. Anything that is not a string reads as empty text. */
export function normalise(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
}

export const quote = (s: string) => `'${s.trim()}'`;
