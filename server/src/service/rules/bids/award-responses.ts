import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment, brief, listAt } from './shared';

export default defineRule({
  meta: {
    id: 'bids/award-responses',
    severity: 'error',
    description: 'A bid answers every quality and social value award criterion that carries weight.',
    rationale:
      'Bids are scored against the award criteria and their weights; a quality or social value criterion with no answer scores nothing. Price criteria are scored on the prices, so they need no written answer.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’ (value for money "doesn\'t necessarily mean the cheapest")', answersTheSpecification, 'Procurement Act 2023 s.23 (award criteria)'],
    kinds: ['bid'],
    tags: ['bids', 'award'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const c of a.criteria) {
      if (!c.needsAnswer || c.answer) continue;
      ctx.report({
        message: `The award criterion '${c.id}' (${brief(c.title, 70)}, ${c.type}${c.weight !== undefined ? `, ${c.weight}% of the score` : ''}) has no answer, so it would score nothing: add { criterion: ${c.id}, response: … } under award_responses:`,
        at: listAt(ctx, 'award_responses'),
        related: [specLocation(a.specification, [...c.specPath, 'id'], `Award criterion '${c.id}' in the specification`)],
      });
    }
  },
});
