import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'outcomes/at-least-one',
    severity: 'error',
    description: 'A specification declares at least one outcome.',
    rationale:
      'Commissioning exists to improve outcomes for children: it is "the overall process by which services are planned and delivered with a view to … driving continuous improvements in outcomes". A specification with no outcomes can only buy activity, and gives bidders nothing to answer and the contract manager nothing to hold the provider to.',
    evidence: ['PwC 2011, ‘The programmes: Commissioning Support Programme (CSP)’', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22'],
    kinds: ['specification'],
    tags: ['outcomes'],
  },
  check({ model, report }) {
    const list = model.value.outcomes;
    // a missing outcomes: key is a schema error already; here the list is there but empty
    if (!Array.isArray(list) || get.arr(list).length > 0) return;
    report({
      message: 'This specification declares no outcomes: add at least one under outcomes:, saying what will change for children, young people or families, with an indicator to measure it',
      at: { path: ['outcomes'], part: 'key' },
    });
  },
});
