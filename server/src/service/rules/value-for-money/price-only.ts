import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'value-for-money/price-only',
    severity: 'warning',
    description: 'Bids are not scored on price alone, or on price and social value with no quality criterion.',
    rationale:
      'Value for money "doesn\'t necessarily mean the cheapest services". A price-only award cannot tell a provider who will improve outcomes from one who will only fill places, and gives bidders no reason to answer the outcomes at all.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’'],
    kinds: ['specification'],
    tags: ['value-for-money', 'award'],
  },
  check({ model, report }) {
    const criteria = get.arr(get.obj(get.obj(model.value.value_for_money)?.award)?.criteria).map(get.obj).filter((c): c is Record<string, unknown> => !!c);
    const scored = criteria.filter((c) => (get.num(c.weight) ?? 0) > 0);
    // social value scores what else the contract brings, not how the outcomes will be achieved: price and
    // social value with no weighted quality criterion still leaves the outcomes unjudged
    if (scored.length === 0 || scored.some((c) => !['price', 'social-value'].includes(get.str(c.type) ?? ''))) return;
    if (!scored.some((c) => get.str(c.type) === 'price')) return;
    const socialValue = scored.some((c) => get.str(c.type) === 'social-value');
    report({
      message: socialValue
        ? 'Bids are scored on price and social value only: no quality criterion judges how the provider will achieve the outcomes; add quality criteria that score the response to the outcomes and safeguarding, and weight them'
        : 'Bids are scored on price alone: add quality criteria that score the response to the outcomes and safeguarding (and social value), and weight them',
      at: { path: ['value_for_money', 'award', 'criteria'], part: 'key' },
    });
  },
});
