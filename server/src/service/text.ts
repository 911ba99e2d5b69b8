/** Positions in a text: offsets (UTF-16 code units, as JavaScript strings count) and 0-based line/character. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** Maps offsets to line/character and back, for one text. Lines end at \n, \r\n or \r. */
export class LineIndex {
  private starts: ArrayLike<number>;
  /** Once the text is released: where each line ends, before its line break. */
  private ends: Uint32Array | undefined;
  private textValue: string;
  private readonly length: number;

  constructor(text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // the usual case, found by the engine's own search rather than character by character
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
    this.textValue = text;
    this.length = text.length;
  }

  /** The text indexed ('' once released). */
  get text(): string {
    return this.textValue;
  }

  /**
   * Lets the text go and keeps what positions need, in typed arrays: for documents kept in a workspace index,
   * whose ranges are still asked for but whose text is not.
   */
  releaseText(): void {
    if (this.ends) return;
    const n = this.starts.length;
    const ends = new Uint32Array(n);
    for (let line = 0; line < n; line++) ends[line] = this.lineEnd(line);
    this.starts = Uint32Array.from(this.starts);
    this.ends = ends;
    this.textValue = '';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    if (this.ends) return this.ends[Math.max(0, Math.min(line, this.ends.length - 1))];
    if (line + 1 >= this.starts.length) return this.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.textValue.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.textValue.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line]);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/**
 * A copy of a string that does not share memory with the text it was cut from. V8 keeps substrings of 13
 * characters or more as views into the whole text: a short id kept for long would keep a whole file alive.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = 8): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate to a misspelt word, if it is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c.length < best.length)) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  // a candidate that starts with the word (e.g. "data" for "data_source"), or has all its words (stable-homes → stable-loving-homes)
  const words = w.split(/[-_\s/]+/).filter(Boolean);
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (w.length >= 4 && (cl.startsWith(w) || w.startsWith(cl))) return c;
    if (words.length > 1) {
      const cw = cl.split(/[-_\s/]+/);
      if (words.every((x) => cw.includes(x))) return c;
    }
  }
  return undefined;
}

export function quoteList(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

/**
 * A number with thousands separators and at most two decimals, as en-GB writes it: 1234567 → "1,234,567",
 * 1234.5 → "1,234.5" (the same as toLocaleString('en-GB', { maximumFractionDigits: 2 })). Written out
 * rather than with Intl, whose first use costs about 45 ms of start-up in the CLI and the language server.
 */
export function groupThousands(n: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const rounded = Math.round(Math.abs(n) * 10 ** maxFractionDigits) / 10 ** maxFractionDigits;
  const [whole, fraction] = rounded.toFixed(maxFractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = (fraction ?? '').replace(/0+$/, '');
  return (negative && rounded !== 0 ? '-' : '') + grouped + (decimals ? `.${decimals}` : '');
}
