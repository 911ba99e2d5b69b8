import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment, listAt } from './shared';

export default defineRule({
  meta: {
    id: 'bids/within-budget',
    severity: 'error',
    description: 'Where the cost can be worked out (prices per week, night or year and lots with a number of places), even the bid\'s lowest prices fit the lot values and the annual budget.',
    rationale:
      'Value for money "doesn\'t necessarily mean the cheapest", but a bid whose cheapest price for every place already costs more than the lot or the pooled budget cannot be afforded at any mix of needs. The check is deliberately conservative: it uses the lowest price for every place, so it only fires when no mix of needs could fit.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'Ipsos MORI 2019, ‘Cost per placement model’, p. 29', answersTheSpecification],
    kinds: ['bid'],
    tags: ['bids', 'value-for-money'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a || a.budget.result !== 'over') return;
    ctx.report({
      message: `${a.budget.reason}: the bid cannot be afforded at any mix of needs; review your prices`,
      at: listAt(ctx, 'prices'),
      related: a.budget.specPath ? [specLocation(a.specification, a.budget.specPath, 'The budget in the specification')] : undefined,
    });
  },
});
