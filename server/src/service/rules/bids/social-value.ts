import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { get } from '../../model';
import { documentAt } from '../helpers';

export default defineRule({
  meta: {
    id: 'bids/social-value',
    severity: 'warning',
    description: 'Where the specification asks for social value, the bid makes social value commitments (each with a measure).',
    rationale:
      'Commissioners look for "added value" such as "local employment opportunities for young people"; where social value is an award criterion or a stated requirement, a bid with no commitments under social_value: leaves nothing to hold the provider to. The bid schema already requires each commitment to have a measure.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'Procurement Act 2023 (social value in the award criteria)'],
    kinds: ['bid'],
    tags: ['bids', 'value-for-money'],
  },
  check({ model, linked, report }) {
    const spec = linked.specification;
    if (!spec || get.arr(model.value.social_value).length > 0) return;
    const vfm = get.obj(spec.model.value.value_for_money);
    const criteria = get.arr(get.obj(vfm?.award)?.criteria).map(get.obj);
    const i = criteria.findIndex((c) => c?.type === 'social-value' && (get.num(c.weight) ?? 1) > 0);
    const asked = get.obj(vfm?.social_value);
    if (i < 0 && !asked) return;
    const where = i >= 0 ? `a social value award criterion worth ${get.num(criteria[i]?.weight) ?? 'some'}% of the score` : 'social value';
    report({
      message: `The specification asks for ${where}, but this bid makes no social value commitments: add social_value: with each commitment, how it will be measured and the level committed to`,
      at: documentAt(model.value),
      related: [i >= 0 ? specLocation(spec, ['value_for_money', 'award', 'criteria', i, 'id'], 'The social value criterion') : specLocation(spec, ['value_for_money', 'social_value'], 'What the specification asks for', 'key')],
    });
  },
});
