import { get } from '../../model';
import { defineRule } from '../types';
import { money, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'value-for-money/savings-protection',
    severity: 'warning',
    description: 'A savings target says how outcomes are protected.',
    rationale:
      'Councils aimed to "deliver savings without harming frontline services" by "targeting services carefully to make efficiencies without damaging outcomes" — "intelligent commissioning and not salami slicing". A savings target with no statement of how outcomes are protected reads as a cut, and gives the contract manager no test for when a saving has gone too far.',
    evidence: ['PwC 2011, ‘Priorities for improvement’, p. 73', 'PwC 2011, ‘Priorities for improvement’, p. 73', 'PwC 2011, ‘Engagement with the programme: Impact on services’'],
    kinds: ['specification'],
    tags: ['value-for-money'],
  },
  check({ model, report }) {
    const savings = get.obj(get.obj(model.value.value_for_money)?.savings);
    if (!savings || text(savings.outcome_protection)) return;
    const target = get.num(savings.target);
    if (target === undefined || target <= 0) return;
    report({
      message: `The savings target of ${money(target)} a year says nothing about protecting outcomes: add outcome_protection: with how the saving is made without damaging outcomes for children, and which indicators show it has not`,
      at: { path: ['value_for_money', 'savings'], part: 'key' },
    });
  },
});
