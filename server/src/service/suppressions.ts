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

const directiveRe = /#\s*commspec-(disable-next-line|disable-line|disable-file|disable|enable)\b([^\n\r]*)/;

/** Finds directives in comments: a `#` at the start of a line or after whitespace, outside quotes. */
export function findDirectives(lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  const text = lines.text;
  if (!text.includes('commspec-')) return out;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    if (!content.includes('commspec-')) continue;
    const hash = commentStart(content);
    if (hash < 0) continue;
    const m = directiveRe.exec(content.slice(hash));
    if (!m || m.index !== 0) continue;
    const [body, reason] = splitReason(m[2]);
    const rules = body.split(/[\s,]+/).filter(Boolean);
    out.push({ type: m[1] as Directive['type'], rules, reason, line, start: start + hash, end, used: false });
  }
  return out;
}

function splitReason(rest: string): [string, string | undefined] {
  const i = rest.indexOf('--');
  if (i < 0) return [rest.trim(), undefined];
  const reason = rest.slice(i + 2).trim();
  return [rest.slice(0, i).trim(), reason || undefined];
}

/** Index of the `#` that starts a comment on this line, ignoring `#` inside quotes; -1 if none. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:\[{,-]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
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
