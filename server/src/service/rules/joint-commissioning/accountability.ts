import { get } from '../../model';
import { defineRule } from '../types';
import { listing, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'joint-commissioning/accountability',
    severity: 'warning',
    description: 'Each commissioning partner has a role and states what it is accountable for.',
    rationale:
      '"A partner-wide and council-wide understanding of roles and responsibilities is vital", and the PCT in one area was "emphatic about the need to have \'clear articulated benefits\' with any pooled budgets". A partner listed without a role or an accountability is a funder nobody can hold to anything, and a source of dispute when performance slips.',
    evidence: ['PwC 2011, ‘Engagement with the programme: Impact on outcomes’', 'SHM 2009, section 1 ‘Starting Points for the Support Programme’, p. 5', 'SHM 2009, section 2.2 ‘Structures and governance arrangements’, p. 12'],
    kinds: ['specification'],
    tags: ['joint-commissioning'],
  },
  check({ model, report }) {
    get.arr(get.obj(model.value.commissioner)?.partners).forEach((item, i) => {
      const p = get.obj(item);
      if (!p) return;
      const missing: string[] = [];
      if (!text(p.role)) missing.push('a role (role:)');
      if (!text(p.accountability)) missing.push('what it is accountable for (accountability:)');
      if (missing.length === 0) return;
      report({
        message: `The partner ${text(p.name) ?? `${i + 1}`} does not state ${listing(missing, 'or')}: say what it does in the arrangement and what it answers for`,
        at: { path: ['commissioner', 'partners', i], part: 'container' },
      });
    });
  },
});
