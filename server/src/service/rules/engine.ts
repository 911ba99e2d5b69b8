import type { SourceDocument } from '../document';
import type { EffectiveRules } from '../config';
import type { Finding, Severity } from '../findings';
import type { DocumentModel } from '../model';
import { containerRange, keyRange, valueRange } from '../validate';
import type { Linked, Report, Rule } from './types';

/**
 * At most this many findings of one rule are kept for one document; the rest are counted in one summary finding.
 * A hostile document (a 260 KB measure `a.a.a.…`) can otherwise make a rule report one finding per character,
 * which no one reads and which costs memory, time and, in every front door, the other results.
 */
export const maxFindingsPerRule = 100;

/** "1234567" → "1,234,567", without depending on the locale of the machine. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The one finding that stands for the findings of a rule left out of a document. */
export function summaryMessage(ruleId: string, omitted: number): string {
  return `… and ${thousands(omitted)} more ${omitted === 1 ? 'finding' : 'findings'} of ${ruleId} in this document, not listed: fix the ones above first (only the first ${maxFindingsPerRule} of each check are shown)`;
}

/** Runs the enabled rules over one document. A rule that throws becomes a finding; it never stops the others. */
export function runRules(rules: readonly Rule[], doc: SourceDocument, model: DocumentModel, linked: Linked, settings: EffectiveRules): Finding[] {
  const out: Finding[] = [];
  if (!model.kind) return out;
  for (const rule of rules) {
    if (!rule.meta.kinds.includes(model.kind)) continue;
    const setting = settings.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    let kept = 0;
    let omitted = 0;
    let firstOmitted: { start: number; end: number; severity: Severity } | undefined;
    const report = (r: Report) => {
      const finalSeverity = r.severity && severity === 'error' ? r.severity : severity;
      if (kept >= maxFindingsPerRule && omitted > 0) {
        omitted++; // only counted: no range is worked out for a finding that will not be shown
        return;
      }
      let start: number;
      let end: number;
      if ('path' in r.at) {
        const span = r.at.part === 'key' ? keyRange(doc, r.at.path) : r.at.part === 'container' ? containerRange(doc, r.at.path) : valueRange(doc, r.at.path);
        start = span.start;
        end = span.end;
      } else {
        start = Math.max(0, Math.min(r.at.start, doc.text.length));
        end = Math.max(start, Math.min(r.at.end, doc.text.length));
      }
      if (kept >= maxFindingsPerRule) {
        omitted++;
        firstOmitted = { start, end, severity: finalSeverity };
        return;
      }
      kept++;
      out.push({ ruleId: rule.meta.id, severity: finalSeverity, message: r.message, range: doc.lines.range(start, end), offsets: { start, end }, fix: r.fix, related: r.related });
    };
    try {
      rule.check({ doc, model, linked, options: setting?.options ?? {}, report });
    } catch (e) {
      out.push({
        ruleId: 'internal/rule-failed',
        severity: 'error',
        message: `The check ${rule.meta.id} failed on this document (${(e as Error).message}). Please report this; the other checks ran.`,
        range: doc.lines.range(0, 0),
        offsets: { start: 0, end: 0 },
      });
    }
    if (firstOmitted) {
      const { start, end } = firstOmitted;
      out.push({ ruleId: rule.meta.id, severity: firstOmitted.severity, message: summaryMessage(rule.meta.id, omitted), range: doc.lines.range(start, end), offsets: { start, end } });
    }
  }
  return out;
}
