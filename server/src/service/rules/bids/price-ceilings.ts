import { defineRule } from '../types';
import { describePrice } from '../../bid/assess';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment } from './shared';

function what(tier?: string, lot?: string): string {
  return [tier ? `tier '${tier}'` : '', lot ? `lot '${lot}'` : ''].filter(Boolean).join(' in ') || 'the service';
}

export default defineRule({
  meta: {
    id: 'bids/price-ceilings',
    severity: 'error',
    description: 'Every price in a bid is within the specification\'s ceiling for its tier and lot, in the same unit.',
    rationale:
      'Price ceilings are the most the commissioner will pay for each level of need; a price above the ceiling is usually non-compliant and the bid can be rejected. NELCP set the fee "by the level of need, the placement requirements and outcomes", low, medium, high and specialist, each with its own ceiling. A price per night cannot be checked against a ceiling per week, so a different unit is a warning.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'DOMAIN.md section 4: "prices per tier (within ceilings)"', answersTheSpecification],
    kinds: ['bid'],
    tags: ['bids', 'value-for-money'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const p of a.prices) {
      const { price } = p;
      if (p.result === 'over' && p.binding) {
        const c = p.binding;
        ctx.report({
          message: `Your price for ${what(price.tier, price.lot)} (${describePrice(price.price, price.per)}) is above the specification's ceiling of ${describePrice(c.ceiling, c.per)}${what(c.tier, c.lot) !== what(price.tier, price.lot) ? ` for ${what(c.tier, c.lot)}` : ''}: bring it to ${describePrice(c.ceiling, c.per)} or less${c.lot && !price.lot ? `, or give a separate price for ${what(c.tier, c.lot)}` : ''}`,
          at: { path: [...price.path, 'price'], part: 'value' },
          related: [specLocation(a.specification, [...c.specPath, 'ceiling'], `The ceiling for ${what(c.tier, c.lot)}: ${describePrice(c.ceiling, c.per)}`)],
        });
      } else if (p.result === 'different-unit') {
        const c = p.otherUnit[0];
        ctx.report({
          message: `Your price for ${what(price.tier, price.lot)} is per ${price.per}, but the specification's ceiling is ${describePrice(c.ceiling, c.per)}: give the price per ${c.per} so it can be checked against the ceiling`,
          at: { path: [...price.path, 'per'], part: 'value' },
          severity: 'warning',
          related: p.otherUnit.map((x) => specLocation(a.specification, [...x.specPath, 'per'], `The ceiling for ${what(x.tier, x.lot)}: ${describePrice(x.ceiling, x.per)}`)),
        });
      }
    }
  },
});
