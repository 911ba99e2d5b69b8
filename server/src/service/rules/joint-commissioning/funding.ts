import { get } from '../../model';
import { defineRule } from '../types';
import { text } from '../helpers';
import { jointFunding } from './shared';

export default defineRule({
  meta: {
    id: 'joint-commissioning/funding',
    severity: 'warning',
    description: 'Joint commissioning states the funding mechanism, each partner\'s contribution, and the agreement behind a pooled budget.',
    rationale:
      'Areas debated "whether Trusts should operate with aligned budgets or pooled budgets", and pooled budgets needed "clear articulated benefits". A section 75 or pooled arrangement needs its agreement named; every partner\'s contribution should be stated so bidders and auditors can see who pays for what; and partners who contribute need the mechanism (pooled, aligned or section 75) said.',
    evidence: ['SHM 2009, section 2.2 ‘Structures and governance arrangements’, p. 12', 'SHM 2009, section 1 ‘Starting Points for the Support Programme’, p. 5', 'PwC 2011, ‘Engagement with the programme: Impact on outcomes’', 'Ipsos MORI 2019, ‘Governance’, p. 23'],
    kinds: ['specification'],
    tags: ['joint-commissioning', 'value-for-money'],
  },
  check({ model, report }) {
    const c = get.obj(model.value.commissioner);
    if (!c) return;
    const funding = get.str(c.funding);
    const partners = get.arr(c.partners).map(get.obj);
    const contributing = partners.some((p) => get.num(p?.contribution) !== undefined && get.num(p?.contribution)! > 0);
    if (contributing && (funding === undefined || funding === 'single')) {
      report({
        message: `Partners contribute money, but the funding is ${funding === 'single' ? "described as 'single'" : 'not described'}: set commissioner.funding: to pooled, aligned or section-75, and name the agreement`,
        at: funding ? { path: ['commissioner', 'funding'], part: 'value' } : { path: ['commissioner'], part: 'key' },
      });
      return;
    }
    if (!funding || !jointFunding.includes(funding)) return;
    if ((funding === 'pooled' || funding === 'section-75') && !text(c.agreement)) {
      report({
        message: `The budget is ${funding === 'section-75' ? 'pooled under section 75' : 'pooled'}, but no agreement is named: add commissioner.agreement: with the ${funding === 'section-75' ? 'section 75 agreement' : 'pooling agreement'} and who signed it`,
        at: { path: ['commissioner', 'funding'], part: 'value' },
      });
    }
    partners.forEach((p, i) => {
      if (!p || get.num(p.contribution) !== undefined) return;
      report({
        message: `The partner ${text(p.name) ?? `${i + 1}`} does not state its contribution to the ${funding} budget: add contribution: with what it pays each year (0 if it contributes in kind)`,
        at: { path: ['commissioner', 'partners', i], part: 'container' },
      });
    });
  },
});
