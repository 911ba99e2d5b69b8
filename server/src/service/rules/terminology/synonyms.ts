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

/** A term as a pattern that also finds its regular plural: "peer review" finds "peer reviews", "agency" "agencies". */
function termPattern(term: string): string {
  const t = escape(term);
  if (/[^aeiou]y$/i.test(term)) return `${t.slice(0, -1)}(?:y|ies)`;
  if (/(s|x|z|ch|sh)$/i.test(term)) return `${t}(?:es)?`;
  return `${t}s?`;
}

/** The regular plural of a term ("peer challenge" → "peer challenges"), for a fix that replaces a plural. */
function plural(term: string): string {
  if (/[^aeiou]y$/i.test(term)) return `${term.slice(0, -1)}ies`;
  if (/(ss|x|z|ch|sh)$/i.test(term)) return `${term}es`;
  if (/s$/i.test(term)) return term; // already plural: "short breaks"
  return `${term}s`;
}

/** True when a found word is the plural of the configured term rather than the term itself. */
const isPlural = (found: string, term: string) => found.toLowerCase() !== term.toLowerCase();

export default defineRule({
  meta,
  check(ctx) {
    const pairs = option<string[]>(ctx, meta, 'pairs')
      .map((p) => p.split('|').map((t) => t.trim()))
      .filter((p) => p.length === 2 && p[0] && p[1]);
    const prose = proseScalars(ctx.doc);
    const all = prose.map((s) => s.value).join('\n');
    for (const [a, b] of pairs) {
      const [pa, pb] = [termPattern(a), termPattern(b)];
      const reA = new RegExp(`\\b${pa}\\b`, 'i');
      const reB = new RegExp(`\\b${pb}\\b`, 'i');
      if (!reA.test(all) || !reB.test(all)) continue;
      const defined = new RegExp(`\\b(${pa}|${pb})\\b["')]*\\s*(\\(|means?|is defined|are defined|refers? to|(is|are) also (called|known as)|also (called|known as)|or ["']?(${pa}|${pb})|and (${pa}|${pb}) (are|mean) the same)`, 'i');
      if (defined.test(all)) continue;
      // report the first use of whichever term appears second, and offer to use the first throughout
      const hitsA = occurrences(ctx.doc, prose, reA);
      const hitsB = occurrences(ctx.doc, prose, reB);
      if (!hitsA.length || !hitsB.length) continue;
      const [keep, drop, dropHits] = hitsA[0].start <= hitsB[0].start ? [a, b, hitsB] : [b, a, hitsA];
      const word = (h: { text: string }) => {
        const w = isPlural(h.text, drop) ? plural(keep) : keep;
        return /^[A-Z]/.test(h.text) ? w[0].toUpperCase() + w.slice(1) : w;
      };
      ctx.report({
        message: `'${keep}' and '${drop}' are both used without saying whether they mean the same thing: use one term throughout, or define it where it first appears`,
        at: { start: dropHits[0].start, end: dropHits[0].end },
        fix: { title: `Use '${keep}' throughout`, edits: dropHits.map((h) => ({ start: h.start, end: h.end, newText: word(h) })), safe: false },
      });
    }
  },
});

function occurrences(doc: Parameters<typeof findInSource>[0], prose: TextScalar[], re: RegExp): Array<{ start: number; end: number; text: string }> {
  return prose.flatMap((s) => findInSource(doc, s, re).map((h) => ({ start: h.start, end: h.end, text: h.match[0] })));
}
