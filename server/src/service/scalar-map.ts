// Maps offsets in a YAML scalar's parsed value back to offsets in the source text, for every scalar
// style: plain, single- and double-quoted (escapes, line folding) and block scalars (literal `|` and
// folded `>`, chomping and indentation indicators). Works on the `range` and `type` of an eemeli/yaml
// Scalar node: range = [start, valueEnd, nodeEnd] in source offsets (UTF-16 code units, BOM included).

export interface ScalarLike {
  range?: [number, number, number] | readonly [number, number, number] | null;
  type?: string | null;
}

export interface ScalarSourceMap {
  /**
   * Source offset for an offset in the value. With bias 'start' (the default) the offset names the
   * character that starts there; with 'end' it is an exclusive end and maps just after the source
   * text of the character before it. The value's length maps to the end of its last character.
   */
  toSource(valueOffset: number, bias?: 'start' | 'end'): number;
  /** A value span [start, end) as a source span. */
  rangeToSource(start: number, end: number): [number, number];
  /** True when the value was reconstructed exactly from the source; false when aligned approximately. */
  exact: boolean;
}

interface Built {
  text: string;
  starts: number[];
  ends: number[];
  /** Where an empty value sits in the source. */
  anchor: number;
}

class Builder {
  text = '';
  starts: number[] = [];
  ends: number[] = [];
  push(chars: string, start: number, end: number): void {
    for (let k = 0; k < chars.length; k++) {
      this.text += chars[k];
      this.starts.push(start);
      this.ends.push(end);
    }
  }
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}
function breakLength(src: string, i: number): number {
  return src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
}
function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** Flow scalars (plain, single- and double-quoted): escapes and line folding. */
function foldFlow(src: string, from: number, to: number, mode: 'plain' | 'single' | 'double'): Built {
  const b = new Builder();
  let i = from;
  while (i < to) {
    const c = src[i];
    if (mode === 'single' && c === "'" && src[i + 1] === "'") {
      b.push("'", i, i + 2);
      i += 2;
      continue;
    }
    if (mode === 'double' && c === '\\' && i + 1 < to) {
      const n = src[i + 1];
      if (isBreak(n)) {
        // Escaped line break: joins the lines with nothing in between; empty lines still count.
        let k = i + 1 + breakLength(src, i + 1);
        for (;;) {
          let s = k;
          while (s < to && isBlank(src[s])) s++;
          if (s < to && isBreak(src[s])) {
            b.push('\n', s, s + breakLength(src, s));
            k = s + breakLength(src, s);
            continue;
          }
          k = s;
          break;
        }
        i = k;
        continue;
      }
      const simple = SIMPLE_ESCAPES[n];
      if (simple !== undefined) {
        b.push(simple, i, i + 2);
        i += 2;
        continue;
      }
      const hexLen = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
      if (hexLen) {
        const hex = src.slice(i + 2, i + 2 + hexLen);
        const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen ? parseInt(hex, 16) : NaN;
        if (!Number.isNaN(cp) && cp <= 0x10ffff) {
          b.push(String.fromCodePoint(cp), i, i + 2 + hexLen);
          i += 2 + hexLen;
          continue;
        }
      }
      b.push(n, i, i + 2); // unknown escape: yaml keeps the character
      i += 2;
      continue;
    }
    if (isBlank(c)) {
      let j = i;
      while (j < to && isBlank(src[j])) j++;
      if (j < to && isBreak(src[j])) {
        i = j; // trailing white space before a line break is not content
        continue;
      }
      for (let k = i; k < j; k++) b.push(src[k], k, k + 1);
      i = j;
      continue;
    }
    if (isBreak(c)) {
      const breaks: Array<[number, number]> = [[i, i + breakLength(src, i)]];
      let k = i + breakLength(src, i);
      for (;;) {
        let s = k;
        while (s < to && isBlank(src[s])) s++;
        if (s < to && isBreak(src[s])) {
          breaks.push([s, s + breakLength(src, s)]);
          k = s + breakLength(src, s);
          continue;
        }
        k = s;
        break;
      }
      if (breaks.length === 1) b.push(' ', breaks[0][0], breaks[0][1]);
      else for (let q = 1; q < breaks.length; q++) b.push('\n', breaks[q][0], breaks[q][1]);
      i = k;
      continue;
    }
    b.push(c, i, i + 1);
    i++;
  }
  return { text: b.text, starts: b.starts, ends: b.ends, anchor: from };
}

interface Line {
  start: number; // offset of the first character
  end: number; // offset of the line break (or region end)
  breakEnd: number; // offset after the line break (== end when there is none)
}

function splitLines(src: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  while (s < to) {
    let e = s;
    while (e < to && !isBreak(src[e])) e++;
    const be = e < to ? Math.min(to, e + breakLength(src, e)) : e;
    lines.push({ start: s, end: e, breakEnd: be });
    s = be;
  }
  return lines;
}

/** Block scalars: literal and folded, with chomping and indentation indicators. */
function blockScalar(src: string, r0: number, r1: number, folded: boolean, value: string): Built {
  let j = r0 + 1;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  while (j < r1 && /[0-9+-]/.test(src[j])) {
    if (src[j] === '-') chomp = 'strip';
    else if (src[j] === '+') chomp = 'keep';
    j++;
  }
  while (j < r1 && !isBreak(src[j])) j++; // rest of the header line (spaces, comment)
  const contentStart = j < r1 ? j + breakLength(src, j) : r1;
  const lines = splitLines(src, contentStart, r1);
  const leading = (l: Line) => {
    let k = l.start;
    while (k < l.end && src[k] === ' ') k++;
    return k - l.start;
  };
  const firstText = lines.findIndex((l) => src.slice(l.start, l.end).trim() !== '');
  let indent = 0;
  if (firstText >= 0) {
    const L = lines[firstText];
    const maxIndent = leading(L);
    indent = maxIndent;
    for (let n = maxIndent; n >= 0; n--) {
      if (value.startsWith(src.slice(L.start + n, L.end), firstText)) {
        indent = n;
        break;
      }
    }
  }
  const b = new Builder();
  const contentOf = (l: Line): [number, number] | undefined => (l.end - l.start > indent ? [l.start + indent, l.end] : undefined);
  let lastContent = -1;
  for (let k = 0; k < lines.length; k++) {
    const c = contentOf(lines[k]);
    if (c && src.slice(c[0], c[1]).length > 0 && (k >= firstText || firstText < 0) && src.slice(lines[k].start, lines[k].end).trim() !== '') lastContent = k;
  }
  const emitContent = (l: Line) => {
    const c = contentOf(l);
    if (c) for (let k = c[0]; k < c[1]; k++) b.push(src[k], k, k + 1);
  };
  const lineBreak = (l: Line): [number, number] => (l.breakEnd > l.end ? [l.end, l.breakEnd] : [l.end, l.end]);
  if (lastContent >= 0) {
    // leading empty lines
    for (let k = 0; k < firstText; k++) b.push('\n', ...lineBreak(lines[k]));
    let k = firstText;
    emitContent(lines[k]);
    while (k < lastContent) {
      // gather the empty lines up to the next content line
      let next = k + 1;
      while (next <= lastContent && src.slice(lines[next].start, lines[next].end).trim() === '' && !(folded === false && contentOf(lines[next]))) next++;
      const breaks: Array<[number, number]> = [lineBreak(lines[k])];
      for (let e = k + 1; e < next; e++) breaks.push(lineBreak(lines[e]));
      const moreIndented = (l: Line) => {
        const c = contentOf(l);
        return !!c && isBlank(src[c[0]]);
      };
      if (folded && !moreIndented(lines[k]) && !moreIndented(lines[next])) {
        if (breaks.length === 1) b.push(' ', ...breaks[0]);
        else for (let q = 1; q < breaks.length; q++) b.push('\n', ...breaks[q]);
      } else {
        for (const br of breaks) b.push('\n', ...br);
      }
      k = next;
      emitContent(lines[k]);
    }
    if (chomp !== 'strip') {
      b.push('\n', ...lineBreak(lines[lastContent]));
      if (chomp === 'keep') for (let e = lastContent + 1; e < lines.length; e++) b.push('\n', ...lineBreak(lines[e]));
    }
  } else if (chomp === 'keep') {
    for (const l of lines) b.push('\n', ...lineBreak(l));
  }
  return { text: b.text, starts: b.starts, ends: b.ends, anchor: contentStart };
}

/** When the reconstruction disagrees with the value: align character by character, approximately. */
function align(src: string, from: number, to: number, value: string): Built {
  const b = new Builder();
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let found = -1;
    const limit = Math.min(to, j + 256);
    for (let k = j; k < limit; k++) {
      const s = src[k];
      if (s === c || ((c === ' ' || c === '\n') && (isBreak(s) || s === ' '))) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      const at = Math.min(j, to);
      b.push(c, at, at);
    } else {
      b.push(c, found, found + 1);
      j = found + 1;
    }
  }
  return { text: b.text, starts: b.starts, ends: b.ends, anchor: from };
}

function build(source: string, scalar: ScalarLike, value: string): { built: Built; exact: boolean } {
  const range = scalar.range;
  if (!range) return { built: align(source, 0, source.length, value), exact: false };
  const [r0, r1] = range;
  const type = scalar.type ?? 'PLAIN';
  let built: Built;
  switch (type) {
    case 'QUOTE_SINGLE':
      built = foldFlow(source, r0 + 1, source[r1 - 1] === "'" && r1 - 1 > r0 ? r1 - 1 : r1, 'single');
      break;
    case 'QUOTE_DOUBLE':
      built = foldFlow(source, r0 + 1, source[r1 - 1] === '"' && r1 - 1 > r0 ? r1 - 1 : r1, 'double');
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      built = blockScalar(source, r0, r1, type === 'BLOCK_FOLDED', value);
      break;
    default:
      built = foldFlow(source, r0, r1, 'plain');
  }
  if (built.text === value) return { built, exact: true };
  // The caller may pass a trimmed or otherwise cut value: find it inside the reconstruction.
  const at = value.length > 0 ? built.text.indexOf(value) : -1;
  if (at >= 0)
    return {
      built: {
        text: value,
        starts: built.starts.slice(at, at + value.length),
        ends: built.ends.slice(at, at + value.length),
        anchor: built.starts[at] ?? built.anchor,
      },
      exact: true,
    };
  const from = type === 'QUOTE_SINGLE' || type === 'QUOTE_DOUBLE' ? r0 + 1 : r0;
  return { built: align(source, from, r1, value), exact: false };
}

export function createScalarSourceMap(source: string, scalar: ScalarLike, value: string): ScalarSourceMap {
  const { built, exact } = build(source, scalar, value);
  const n = built.text.length;
  const toSource = (valueOffset: number, bias: 'start' | 'end' = 'start'): number => {
    if (n === 0) return built.anchor;
    const i = Math.max(0, Math.min(Number.isFinite(valueOffset) ? Math.trunc(valueOffset) : 0, n));
    if (i === n || (bias === 'end' && i > 0)) return built.ends[i - 1];
    return built.starts[i];
  };
  return {
    toSource,
    rangeToSource(start: number, end: number): [number, number] {
      const s = toSource(start, 'start');
      const e = end > start ? toSource(end, 'end') : s;
      return [s, Math.max(s, e)];
    },
    exact,
  };
}

/**
 * Maps an offset in the parsed string value of a YAML scalar to an offset in the source text.
 * The returned function treats an offset equal to the value's length as an end offset; pass
 * bias 'end' to map any exclusive end offset.
 */
export function scalarValueToSource(
  source: string,
  scalar: ScalarLike,
  value: string,
): (valueOffset: number, bias?: 'start' | 'end') => number {
  return createScalarSourceMap(source, scalar, value).toSource;
}
