import { defineRule } from '../types';
import { describePrice } from '../../bid/assess';
import { specLocation } from '../../bid/locate';
import { listing } from '../helpers';
import { answersTheSpecification, assessment, listAt } from './shared';

export default defineRule({
  meta: {
    id: 'bids/prices-given',
    severity: 'warning',
    description: 'A bid gives a price for every tier and lot the specification sets a ceiling for, in the lots it bids for.',
    rationale:
      'Where the fee depends on the level of need, the commissioner needs a price for each level to compare bids and to place children: a bid with no price for the specialist tier leaves the most expensive placements unpriced, and the price evaluation cannot be completed.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29', answersTheSpecification],
    kinds: ['bid'],
    tags: ['bids', 'value-for-money'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    const missing = a.ceilings.filter((c) => c.status === 'missing');
    if (missing.length === 0) return;
    const names = missing.map((m) => `${[m.ceiling.tier ? `tier '${m.ceiling.tier}'` : '', m.ceiling.lot ? `lot '${m.ceiling.lot}'` : ''].filter(Boolean).join(' in ') || 'the service'} (ceiling ${describePrice(m.ceiling.ceiling, m.ceiling.per)})`);
    ctx.report({
      message: `No price for ${listing(names)}: add ${missing.length === 1 ? 'it' : 'them'} under prices:, each within its ceiling`,
      at: listAt(ctx, 'prices'),
      related: missing.map((m) => specLocation(a.specification, m.ceiling.specPath, `Ceiling of ${describePrice(m.ceiling.ceiling, m.ceiling.per, m.ceiling.tier, m.ceiling.lot)}`, 'container')),
    });
  },
});
