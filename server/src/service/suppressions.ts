import { Parser } from 'yaml';
import type { Finding } from './findings';
import type { LineIndex } from './text';

/** One `# commspec-…` directive in a document's comments. */
export interface Directive {
  type: 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
  rules: string[]; // empty = every rule
  reason: string | undefined;
  line: number;
  start: number;
  end: number;
  used: boolean;
}

const directiveRe = /^#\s*commspec-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])([^\n\r]*)/;

/**
 * Finds directives in comments. Comments are taken from YAML's own concrete syntax tree, so a `#` inside
 * a quoted string, a block scalar (`|` or `>`) or a multi-line string is never mistaken for a comment.
 */
export function findDirectives(lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  const text = lines.text;
  if (!text.includes('commspec-')) return out;
  for (const c of comments(text)) {
    if (!c.source.includes('commspec-')) continue;
    const m = directiveRe.exec(c.source);
    if (!m) continue;
    const [body, reason] = splitReason(m[2]);
    const rules = body.split(/[\s,]+/).filter(Boolean);
    const line = lines.positionAt(c.offset).line;
    out.push({ type: m[1] as Directive['type'], rules, reason, line, start: c.offset, end: c.offset + c.source.length, used: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Every comment token in the text, in source order, without recursion (documents can be deep). */
function comments(text: string): Array<{ offset: number; source: string }> {
  const out: Array<{ offset: number; source: string }> = [];
  let tokens: unknown[];
  try {
    tokens = [...new Parser().parse(text)];
  } catch {
    return out;
  }
  const stack: unknown[] = tokens;
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (const x of t) stack.push(x);
      continue;
    }
    const token = t as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ offset: token.offset, source: token.source });
      continue;
    }
    for (const v of Object.values(t)) if (v && typeof v === 'object') stack.push(v);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function splitReason(rest: string): [string, string | undefined] {
  const i = rest.indexOf('--');
  if (i < 0) return [rest.trim(), undefined];
  const reason = rest.slice(i + 2).trim();
  return [rest.slice(0, i).trim(), reason || undefined];
}

function covers(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId) || d.rules.some((r) => r.endsWith('/*') && ruleId.startsWith(r.slice(0, -1)));
}

/**
 * Removes findings that directives suppress, and reports directives without a reason or that suppress nothing.
 * Only rule findings can be suppressed; YAML and schema errors cannot.
 */
export function applySuppressions(findings: Finding[], directives: Directive[], lines: LineIndex, suppressible: (ruleId: string) => boolean): Finding[] {
  if (directives.length === 0) return findings;
  const kept: Finding[] = [];
  for (const f of findings) {
    if (!suppressible(f.ruleId)) {
      kept.push(f);
      continue;
    }
    const line = f.range.start.line;
    let suppressedBy: Directive | undefined;
    for (const d of directives) {
      if (!covers(d, f.ruleId)) continue;
      if (d.type === 'disable-file' || (d.type === 'disable-next-line' && d.line + 1 === line) || (d.type === 'disable-line' && d.line === line)) {
        suppressedBy = d;
        break;
      }
    }
    if (!suppressedBy) {
      // block form: the last disable/enable before the finding's line that covers this rule
      let state: Directive | undefined;
      for (const d of directives) {
        if (d.line >= line) break;
        if ((d.type === 'disable' || d.type === 'enable') && covers(d, f.ruleId)) state = d.type === 'disable' ? d : undefined;
      }
      suppressedBy = state;
    }
    if (suppressedBy) suppressedBy.used = true;
    else kept.push(f);
  }
  for (const d of directives) {
    if (d.type === 'enable') continue;
    const range = lines.range(d.start, d.end);
    if (!d.reason) {
      kept.push({
        ruleId: 'suppressions/reason',
        severity: 'warning',
        message: `Say why this check is turned off: add "-- " and a reason after the rule id, so reviewers know it was deliberate`,
        range,
        offsets: { start: d.start, end: d.end },
      });
    }
    if (!d.used) {
      kept.push({
        ruleId: 'suppressions/unused',
        severity: 'warning',
        message: d.rules.length ? `This comment turns off ${d.rules.join(', ')}, but nothing here is reported by ${d.rules.length > 1 ? 'them' : 'it'}: remove the comment` : 'This comment turns off every check, but nothing here is reported: remove the comment',
        range,
        offsets: { start: d.start, end: d.end },
      });
    }
  }
  return kept;
}
