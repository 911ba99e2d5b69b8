import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'value-for-money/award-weights',
    severity: 'error',
    description: 'Award criteria weights add up to 100.',
    rationale:
      'Bidders decide where to put their effort from the weights, and a published scoring model that does not add up invites challenge to the award. Weights are shares of the total score, in per cent.',
    evidence: ['DOMAIN.md section 7: award criteria weights sum to 100', 'Procurement Act 2023 s.23 (award criteria and their relative importance)'],
    kinds: ['specification'],
    tags: ['value-for-money', 'award'],
  },
  check({ model, report }) {
    const criteria = get.arr(get.obj(get.obj(model.value.value_for_money)?.award)?.criteria).map(get.obj).filter((c): c is Record<string, unknown> => !!c);
    const weights = criteria.map((c) => get.num(c.weight)).filter((w): w is number => w !== undefined);
    if (weights.length === 0 || weights.length < criteria.length) return; // a missing weight is a schema error
    const sum = Math.round(weights.reduce((a, b) => a + b, 0) * 100) / 100;
    if (Math.abs(sum - 100) < 0.01) return;
    report({
      message: `The award criteria weights add up to ${sum}, not 100: adjust them so that quality, price and social value together make 100`,
      at: { path: ['value_for_money', 'award', 'criteria'], part: 'key' },
    });
  },
});
