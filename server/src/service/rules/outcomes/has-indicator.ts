import { defineRule } from '../types';
import { outcomes } from '../helpers';

export default defineRule({
  meta: {
    id: 'outcomes/has-indicator',
    severity: 'error',
    description: 'Every outcome has at least one indicator.',
    rationale:
      'An outcome without an indicator cannot be monitored, paid for or reviewed: the partnership in the NELCP evaluation set out to "identify what success will look like and relevant outcome indicators" before contracting, and robust performance management "against locally agreed targets" was what made outcome commissioning work.',
    evidence: ['Ipsos MORI 2019, ‘Project activities’, p. 12', 'PwC 2011, ‘Engagement with the programme: Impact on outcomes’'],
    kinds: ['specification'],
    tags: ['outcomes', 'indicators'],
  },
  check({ model, report }) {
    for (const { path, o, label } of outcomes(model.value)) {
      // a missing indicators: key is reported by the schema; an empty list is not
      if (!Array.isArray(o.indicators) || o.indicators.length > 0) continue;
      report({
        message: `${label} has no indicator: add one under indicators: with a definition, a baseline and a target, so progress on it can be measured`,
        at: { path: [...path, 'indicators'], part: 'key' },
      });
    }
  },
});
