import { defineRule, type RuleMeta } from '../types';
import { findInSource, option, proseScalars, type TextScalar } from '../helpers';

const meta: RuleMeta = {
  id: 'terminology/synonyms',
  severity: 'hint',
  description: "Flags pairs of near-synonyms (such as 'peer challenge' and 'peer review') used in one document without saying whether they mean the same thing.",
  rationale:
    'The sector-led improvement pilots found "the phrases \'peer challenge\' and \'peer review\' are used interchangeably". In a contract, two names suggest two things: a provider may reasonably ask which one it must do. Use one term, or define it where it first appears ("peer challenge (also called peer review) means …").',
  evidence: ['NFER 2012, section 1.2 ‘Purpose of the evaluation and methods’', 'NFER 2012, section 4.2 ‘Recommendations for the CIB and LGA’'],
  kinds: ['specification', 'framework', 'bid'],
  tags: ['terminology'],
  fixable: true,
  options: {
    pairs: { type: 'string[]', default: ['peer challenge|peer review'], description: "Pairs of terms that should not be mixed without a definition, each written 'first|second'." },
  },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineRule({
  meta,
  check(ctx) {
    const pairs = option<string[]>(ctx, meta, 'pairs')
      .map((p) => p.split('|').map((t) => t.trim()))
      .filter((p) => p.length === 2 && p[0] && p[1]);
    const prose = proseScalars(ctx.doc);
    const all = prose.map((s) => s.value).join('\n');
    for (const [a, b] of pairs) {
      const reA = new RegExp(`\\b${escape(a)}\\b`, 'i');
      const reB = new RegExp(`\\b${escape(b)}\\b`, 'i');
      if (!reA.test(all) || !reB.test(all)) continue;
      const defined = new RegExp(`\\b(${escape(a)}|${escape(b)})\\b["')]*\\s*(\\(|means|is defined|refers to|also (called|known as)|or ["']?(${escape(a)}|${escape(b)})|and (${escape(a)}|${escape(b)}) (are|mean) the same)`, 'i');
      if (defined.test(all)) continue;
      // report the first use of whichever term appears second, and offer to use the first throughout
      const hitsA = occurrences(ctx.doc, prose, reA);
      const hitsB = occurrences(ctx.doc, prose, reB);
      if (!hitsA.length || !hitsB.length) continue;
      const [keep, drop, dropHits] = hitsA[0].start <= hitsB[0].start ? [a, b, hitsB] : [b, a, hitsA];
      ctx.report({
        message: `'${keep}' and '${drop}' are both used without saying whether they mean the same thing: use one term throughout, or define it where it first appears`,
        at: { start: dropHits[0].start, end: dropHits[0].end },
        fix: { title: `Use '${keep}' throughout`, edits: dropHits.map((h) => ({ start: h.start, end: h.end, newText: /^[A-Z]/.test(h.text) ? keep[0].toUpperCase() + keep.slice(1) : keep })), safe: false },
      });
    }
  },
});

function occurrences(doc: Parameters<typeof findInSource>[0], prose: TextScalar[], re: RegExp): Array<{ start: number; end: number; text: string }> {
  return prose.flatMap((s) => findInSource(doc, s, re).map((h) => ({ start: h.start, end: h.end, text: h.match[0] })));
}
