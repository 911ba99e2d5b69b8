import { get } from '../../model';
import { defineRule } from '../types';
import { jointReason } from './shared';

export default defineRule({
  meta: {
    id: 'joint-commissioning/partners',
    severity: 'warning',
    description: 'Joint commissioning (pooled, aligned or section 75 funding, or a partnership) names the partners.',
    rationale:
      'Joint commissioning through "section 75 arrangements, joint commissioning frameworks" only works when "a partner-wide and council-wide understanding of roles and responsibilities" exists; the Children\'s Trusts struggled with "a lack of clarity about the purpose and responsibilities". A specification that says the money is pooled but not with whom leaves bidders unsure who they answer to.',
    evidence: ['PwC 2011, ‘Engagement with the programme: Impact on outcomes’', 'PwC 2011, ‘Engagement with the programme: Impact on outcomes’', 'SHM 2009, section 2.2 ‘Structures and governance arrangements’, p. 12', 'SHM 2009, section 2.2 ‘Structures and governance arrangements’, p. 12'],
    kinds: ['specification'],
    tags: ['joint-commissioning'],
  },
  check({ model, report }) {
    const c = get.obj(model.value.commissioner);
    const why = jointReason(c);
    if (!why || get.arr(c?.partners).length > 0) return;
    if (c?.partners !== undefined && !Array.isArray(c.partners)) return; // wrong type: a schema error
    report({
      message: `This is joint commissioning (${why}), but no partners are named: add commissioner.partners: with each partner's name, role, annual contribution and what it is accountable for`,
      at: { path: ['commissioner', c?.funding !== undefined ? 'funding' : 'type'], part: 'value' },
    });
  },
});
