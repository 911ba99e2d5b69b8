import { defineRule, type Rule, type RuleMeta } from '../types';
import { checkedExpressions } from './shared';

/** The expression rules share one parse and check; each reports the diagnostics in its own group. */
export function expressionRule(meta: Omit<RuleMeta, 'kinds'>): Rule {
  return defineRule({
    meta: { ...meta, kinds: ['specification', 'framework', 'bid'], tags: ['expressions', ...(meta.tags ?? [])] },
    check({ doc, model, linked, report }) {
      for (const c of checkedExpressions(doc, model, linked)) {
        for (const d of c.diagnostics) {
          if (d.rule !== meta.id) continue;
          const start = c.toSource(d.span.start);
          const end = Math.max(start, c.toSource(d.span.end));
          report({ message: d.message, at: { start, end: end > start ? end : Math.min(start + 1, c.site.end) }, severity: d.severity === 'error' ? undefined : d.severity });
        }
      }
    },
  });
}
