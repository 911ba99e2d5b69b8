import { option } from '../helpers';
import { defineRule, type Rule, type RuleMeta } from '../types';
import { population, sayAges } from '../sense/ages';
import { describeKind, serviceKind } from '../sense/service-type';

const meta: RuleMeta = {
  id: 'transitions/care-leaver-age',
  severity: 'warning',
  description: 'A service for care leavers supports them beyond 18: to 21, or to 25 for personal adviser support.',
  rationale:
    'Leaving care is not an event at 18. Young people in foster care can stay put to 21, and care leavers are entitled to a personal adviser up to 25 (Children and Social Work Act 2017). A care-leaver service that stops at 18 ends support at the moment the council\'s duties as corporate parent continue.',
  evidence: ['Ipsos MORI 2019, section 2 ‘Project theory of change: Outcomes’, p. 14', 'Children and Social Work Act 2017, section 3', 'Children (Leaving Care) Act 2000'],
  kinds: ['specification'],
  tags: ['transitions', 'care-leavers'],
  options: {
    min_upper_age: { type: 'number', default: 21, description: 'The oldest age a care-leaver service must reach at least.' },
  },
};

export default {
  meta,
  check(ctx) {
    const { model, report } = ctx;
    const kind = serviceKind(model.value);
    if (kind.type !== 'leaving-care') return;
    const pop = population(model.value);
    if (!pop) return;
    // Care leavers are 16 or over: an inferred type for a service that takes younger children comes
    // from a passing mention ("works with the leaving care team"), not from what the service is.
    if (kind.inferred && pop.lo < 16) return;
    const min = option<number>(ctx, meta, 'min_upper_age');
    if (pop.hi >= min) return;
    report({
      message: `This is ${describeKind(kind)}, but it supports young people aged ${sayAges(pop)} only: care leavers are entitled to support beyond 18 (staying put to 21, a personal adviser to 25), so extend the age range to at least ${min}`,
      at: pop.path[0] === 'needs' && pop.path[1] === 'age' ? { path: ['needs', 'age', 'max'], part: 'value' } : { path: pop.path, part: 'value' },
    });
  },
} satisfies Rule;
