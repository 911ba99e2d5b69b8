import { get } from '../../model';
import { defineRule } from '../types';
import { text } from '../helpers';

export default defineRule({
  meta: {
    id: 'governance/deputy',
    severity: 'warning',
    description: 'A named lead has a deputy.',
    rationale:
      'The NELCP evaluation found that "reliance on one person to lead the project implementation poses a risk not only in terms of capacity", and Directors of Children\'s Services were "staying for only around 18 months". A multi-year contract will outlast its lead; a deputy keeps decisions and knowledge in the council.',
    evidence: ['Ipsos MORI 2019, ‘Local authority and service provider engagement’, p. 24', 'Ipsos MORI 2019, ‘Local authority and service provider engagement’, p. 24', 'Ipsos MORI 2019, ‘Governance’, p. 23', 'PwC 2011, ‘Engagement with the programme’, p. 46'],
    kinds: ['specification'],
    tags: ['governance'],
  },
  check({ model, report }) {
    const g = get.obj(model.value.governance);
    if (!text(g?.lead) || text(g?.deputy)) return;
    report({
      message: `The contract lead (${text(g?.lead)}) has no deputy: add deputy: with the role that stands in, so the contract does not rely on one person`,
      at: { path: ['governance', 'lead'], part: 'key' },
    });
  },
});
