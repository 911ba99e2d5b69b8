import { get } from '../../model';
import { defineRule } from '../types';
import { contractStart, dayNumber, formatDay, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'safeguarding/review-date',
    severity: 'warning',
    description: 'The safeguarding policy has a review date, and training a refresh period.',
    rationale:
      'A policy is not enough: commissioners looked for safeguarding policies that providers "kept … up to date and stringently operated". Guidance, thresholds and local procedures change (Working Together was reissued in 2018 and 2023); a review date and a training refresh period keep the provider\'s practice current over a multi-year contract.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'Working Together to Safeguard Children 2023'],
    kinds: ['specification'],
    tags: ['safeguarding'],
  },
  check({ model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    const review = dayNumber(sg.policy_review);
    if (sg.policy_review === undefined) {
      report({
        message: 'The safeguarding section has no policy review date: add policy_review: with when the provider\'s safeguarding policy must next be reviewed',
        at: { path: ['safeguarding'], part: 'key' },
      });
    } else if (review !== undefined) {
      const start = contractStart(model.value);
      if (start !== undefined && review < start) {
        report({
          message: `The safeguarding policy review date (${formatDay(review)}) is before the contract starts (${formatDay(start)}): set a review date within the contract term`,
          at: { path: ['safeguarding', 'policy_review'], part: 'value' },
        });
      }
    }
    const training = get.obj(sg.training);
    if (training && text(training.requirement) && training.refresh === undefined) {
      report({
        message: "Safeguarding training has no refresh period: add refresh: under training:, for example '3 years'",
        at: { path: ['safeguarding', 'training'], part: 'key' },
      });
    }
  },
});
