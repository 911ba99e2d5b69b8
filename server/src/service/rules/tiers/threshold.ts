import { defineRule } from '../types';
import { text } from '../helpers';
import { declaredTiers } from './shared';

export default defineRule({
  meta: {
    id: 'tiers/threshold',
    severity: 'warning',
    description: 'Every need tier states its access threshold: the condition that admits a child to it.',
    rationale:
      'Councils publish threshold documents because the same child can be placed at different levels by different people; "revised threshold levels for access to services" were part of what changed practice. A threshold written as an expression (for example "age in 11..17 and assessed_need in [high, specialist]") can be checked against the data fields and shown to bidders.',
    evidence: ['PwC 2011, ‘Priorities for improvement’, p. 73', 'Ipsos MORI 2019, ‘Cost per placement model’, p. 29'],
    kinds: ['specification', 'framework'],
    tags: ['tiers'],
  },
  check({ model, report }) {
    for (const { path, t, label } of declaredTiers(model.value)) {
      if (text(t.threshold)) continue;
      report({
        message: `${label} has no access threshold: add threshold: with the condition that admits a child to this tier, for example 'assessed_need in [high, specialist]'`,
        at: { path, part: 'container' },
      });
    }
  },
});
