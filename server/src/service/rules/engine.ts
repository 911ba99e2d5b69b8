import type { SourceDocument } from '../document';
import type { EffectiveRules } from '../config';
import type { Finding } from '../findings';
import type { DocumentModel } from '../model';
import { containerRange, keyRange, valueRange } from '../validate';
import type { Linked, Report, Rule } from './types';

/** Runs the enabled rules over one document. A rule that throws becomes a finding; it never stops the others. */
export function runRules(rules: readonly Rule[], doc: SourceDocument, model: DocumentModel, linked: Linked, settings: EffectiveRules): Finding[] {
  const out: Finding[] = [];
  if (!model.kind) return out;
  for (const rule of rules) {
    if (!rule.meta.kinds.includes(model.kind)) continue;
    const setting = settings.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    const report = (r: Report) => {
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
      const finalSeverity = r.severity && severity === 'error' ? r.severity : severity;
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
  }
  return out;
}
