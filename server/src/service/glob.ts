/**
 * Glob patterns of `overrides.files`, matched in time linear in the path for a given pattern.
 *
 * A configuration file may come from anyone who can propose a change, so its patterns are untrusted. picomatch turns
 * a glob into a backtracking regular expression: `*a*a*a*a*a*a*a*a*a*a*b` took minutes on a long file name and hung
 * the CLI and the language server. Here a pattern is compiled once into path segments, and each segment is matched by
 * simulating its automaton over the characters (never backtracking), so the cost is at most
 * (pattern length) × (path length). Patterns that would still cost too much to prepare (very long, or braces that
 * multiply into thousands of alternatives) are refused with a message for the configuration file.
 *
 * The syntax is the common one, as in picomatch with `dot: true`: `*` (any characters but `/`), `?` (one character
 * but `/`), `**` as a whole segment (any number of folders), `[abc]`, `[a-z]`, `[!a]` (or `[^a]`), `{a,b}` and
 * `{1..5}`, `\` to escape, and a leading `!` to negate. A run of stars inside a segment is the same as one star.
 */

/** Longest pattern accepted, in characters. */
export const maxGlobLength = 512;
/** Most alternatives the `{…}` sets of one pattern may expand to. */
export const maxGlobAlternatives = 256;
/** Most characters of all those alternatives together: the matching cost is at most this times the path length. */
export const maxGlobExpandedLength = 4096;

type Token = { kind: 'char'; c: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negated: boolean; items: Array<[string, string]> };
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[] };

export interface CompiledGlob {
  /** Whether the path (relative, forward slashes) matches. */
  match(path: string): boolean;
}

export type GlobResult = { ok: true; glob: CompiledGlob } | { ok: false; problem: string };

class GlobProblem extends Error {}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Index of the `}` closing the `{` at `open`, or -1. Escaped braces do not count. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The top-level comma-separated parts of a brace body, or undefined when it has no top-level comma. */
function braceParts(body: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  if (!parts.length) return undefined;
  parts.push(body.slice(from));
  return parts;
}

function rangeParts(body: string): string[] | undefined {
  const m = /^(-?\d{1,6})\.\.(-?\d{1,6})$/.exec(body);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const count = Math.abs(b - a) + 1;
  if (count > maxGlobAlternatives) throw new GlobProblem(tooManyAlternatives());
  const step = a <= b ? 1 : -1;
  const out: string[] = [];
  for (let n = a; n !== b + step; n += step) out.push(String(n));
  return out;
}

function tooManyAlternatives(): string {
  return `This pattern expands to more than ${thousands(maxGlobAlternatives)} alternatives (its {…} sets multiply): list fewer names, or split it into several patterns`;
}

/** Expands `{a,b}` and `{1..3}` into `out`, refusing as soon as there would be too many alternatives. */
function expandBraces(s: string, out: string[]): void {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '{') continue;
    const close = closingBrace(s, i);
    if (close < 0) break; // an unclosed brace is an ordinary character
    const body = s.slice(i + 1, close);
    const parts = braceParts(body) ?? rangeParts(body);
    if (!parts) continue; // `{a}` is an ordinary pair of braces; look for a later set
    const prefix = s.slice(0, i);
    const suffix = s.slice(close + 1);
    for (const p of parts) expandBraces(prefix + p + suffix, out);
    return;
  }
  if (out.length >= maxGlobAlternatives) throw new GlobProblem(tooManyAlternatives());
  out.push(s);
}

function parseClass(s: string, open: number): { token: Token; end: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (s[i] === '!' || s[i] === '^') {
    negated = true;
    i++;
  }
  const items: Array<[string, string]> = [];
  let first = true;
  for (; i < s.length; i++) {
    let c = s[i];
    if (c === ']' && !first) return { token: { kind: 'class', negated, items }, end: i };
    first = false;
    if (c === '[' && s[i + 1] === ':') throw new GlobProblem(`Character classes such as [[:alpha:]] are not supported in this pattern: list the characters instead, as in [a-z]`);
    if (c === '\\' && i + 1 < s.length) c = s[++i];
    if (s[i + 1] === '-' && s[i + 2] !== undefined && s[i + 2] !== ']') {
      let hi = s[i + 2];
      i += 2;
      if (hi === '\\' && i + 1 < s.length) hi = s[++i];
      items.push([c, hi]);
    } else items.push([c, c]);
  }
  return undefined; // unclosed: `[` is an ordinary character
}

function parseSegment(seg: string): Segment {
  if (/^\*{2,}$/.test(seg)) return { kind: 'globstar' };
  const tokens: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if ((c === '@' || c === '+' || c === '!' || c === '*' || c === '?') && seg[i + 1] === '(') {
      throw new GlobProblem(`Extended patterns such as ${c}(…) are not supported in this pattern: use {a,b} to list alternatives`);
    }
    if (c === '\\' && i + 1 < seg.length) tokens.push({ kind: 'char', c: seg[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' }); // a run of stars is one star
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') {
      const cls = parseClass(seg, i);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ kind: 'char', c });
    } else tokens.push({ kind: 'char', c });
  }
  return { kind: 'tokens', tokens };
}

/** Splits at `/` outside `[…]` and escapes. */
function splitSegments(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '[') {
      const cls = (() => {
        try {
          return parseClass(s, i);
        } catch {
          return undefined;
        }
      })();
      if (cls && !s.slice(i, cls.end).includes('/')) i = cls.end;
    } else if (s[i] === '/') {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

function tokenAccepts(t: Token, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.c === c;
    case 'one':
    case 'star':
      return true;
    case 'class': {
      let hit = false;
      for (const [lo, hi] of t.items) {
        if (c >= lo && c <= hi) {
          hit = true;
          break;
        }
      }
      return hit !== t.negated;
    }
  }
}

/** State sets reused between calls (matching is synchronous), so a match allocates nothing. */
let bufferA = new Uint8Array(64);
let bufferB = new Uint8Array(64);

/** Simulates the automaton of one segment's tokens over one path segment: O(tokens × characters), no backtracking. */
function segmentMatches(tokens: readonly Token[], name: string): boolean {
  const n = tokens.length;
  if (bufferA.length < n + 1) {
    bufferA = new Uint8Array(2 * (n + 1));
    bufferB = new Uint8Array(2 * (n + 1));
  }
  let current = bufferA;
  let next = bufferB;
  current.fill(0, 0, n + 1);
  const close = (set: Uint8Array) => {
    // a star may match nothing: from a star's state, the state after it is reachable
    for (let i = 0; i < n; i++) if (set[i] && tokens[i].kind === 'star') set[i + 1] = 1;
  };
  current[0] = 1;
  close(current);
  for (let k = 0; k < name.length; k++) {
    const c = name[k];
    next.fill(0, 0, n + 1);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!current[i]) continue;
      const t = tokens[i];
      if (!tokenAccepts(t, c)) continue;
      if (t.kind === 'star') next[i] = 1;
      else next[i + 1] = 1;
      any = true;
    }
    if (!any) return false;
    close(next);
    const swap = current;
    current = next;
    next = swap;
  }
  return current[n] === 1;
}

/** A segment compiled for matching: a literal name is compared as a string, anything else runs the automaton. */
interface SegmentMatcher {
  globstar: boolean;
  test(name: string): boolean;
}

function segmentMatcher(seg: Segment): SegmentMatcher {
  if (seg.kind === 'globstar') return { globstar: true, test: () => true };
  const tokens = seg.tokens;
  if (tokens.every((t) => t.kind === 'char')) {
    const literal = tokens.map((t) => (t as { c: string }).c).join('');
    return { globstar: false, test: (name) => name === literal };
  }
  // a literal start and end rule out most names before the automaton runs
  let prefix = '';
  for (const t of tokens) {
    if (t.kind !== 'char') break;
    prefix += t.c;
  }
  let suffix = '';
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind !== 'char') break;
    suffix = t.c + suffix;
  }
  return { globstar: false, test: (name) => name.length >= prefix.length && name.startsWith(prefix) && name.endsWith(suffix) && segmentMatches(tokens, name) };
}

function compileAlternative(alt: string): SegmentMatcher[] {
  let s = alt;
  while (s.startsWith('./')) s = s.slice(2);
  const segments = splitSegments(s).map(parseSegment);
  // `a//b` and a trailing `/` add nothing
  return segments.filter((seg, i) => !(seg.kind === 'tokens' && seg.tokens.length === 0 && i > 0)).map(segmentMatcher);
}

/** Whether `segments` match the path segments `parts`: dynamic programming over (pattern segment, path segment). */
function segmentsMatch(segments: readonly SegmentMatcher[], parts: readonly string[]): boolean {
  const P = segments.length;
  const N = parts.length;
  if (!segments.some((s) => s.globstar)) {
    // without `**` the segments pair up one to one
    if (P !== N) return false;
    for (let i = 0; i < P; i++) if (!segments[i].test(parts[i])) return false;
    return true;
  }
  // memo[i * (N + 1) + j]: pattern segments from i match path segments from j. Filled from the end, without
  // recursion, so no stack depth depends on the input; each (segment, name) pair is tested at most once.
  const memo = new Uint8Array((P + 1) * (N + 1));
  for (let i = P; i >= 0; i--) {
    for (let j = N; j >= 0; j--) {
      let ok: boolean;
      if (i === P) ok = j === N;
      else if (segments[i].globstar) ok = memo[(i + 1) * (N + 1) + j] === 1 || (j < N && parts[j] !== '.' && parts[j] !== '..' && memo[i * (N + 1) + j + 1] === 1);
      else ok = j < N && memo[(i + 1) * (N + 1) + j + 1] === 1 && segments[i].test(parts[j]);
      memo[i * (N + 1) + j] = ok ? 1 : 0;
    }
  }
  return memo[0] === 1;
}

/**
 * Compiles a glob. `matchBase`: a pattern without a slash matches the file name in any folder (as in .gitignore);
 * the caller decides, as the pattern's meaning depends on where it is written.
 */
export function compileGlob(pattern: string, options: { matchBase?: boolean } = {}): GlobResult {
  if (pattern.length > maxGlobLength) {
    return { ok: false, problem: `This pattern is ${thousands(pattern.length)} characters long; commspec accepts patterns of up to ${maxGlobLength} characters: shorten it, or split it into several patterns` };
  }
  try {
    let body = pattern;
    let negated = false;
    while (body.startsWith('!') && !body.startsWith('!(')) {
      negated = !negated;
      body = body.slice(1);
    }
    const alternatives: string[] = [];
    expandBraces(body, alternatives);
    let total = 0;
    for (const x of alternatives) total += x.length;
    if (total > maxGlobExpandedLength) {
      return { ok: false, problem: `This pattern's {…} sets expand to ${thousands(total)} characters of alternatives; commspec accepts up to ${thousands(maxGlobExpandedLength)}: list fewer or shorter names, or split it into several patterns` };
    }
    const compiled = alternatives.map(compileAlternative);
    const matchBase = options.matchBase === true;
    return {
      ok: true,
      glob: {
        match(path: string): boolean {
          const parts = path.split('/').filter((p) => p !== '');
          const base = matchBase ? [parts[parts.length - 1] ?? ''] : parts;
          const hit = compiled.some((segments) => segmentsMatch(segments, base));
          return hit !== negated;
        },
      },
    };
  } catch (e) {
    if (e instanceof GlobProblem) return { ok: false, problem: e.message };
    throw e;
  }
}

/** Why a pattern is refused, or undefined when it is accepted. */
export function globProblem(pattern: string): string | undefined {
  const r = compileGlob(pattern);
  return r.ok ? undefined : r.problem;
}
