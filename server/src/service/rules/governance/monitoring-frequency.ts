import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, sectionAt } from '../helpers';

export default defineRule({
  meta: {
    id: 'governance/monitoring-frequency',
    severity: 'warning',
    description: 'The governance section says how often performance is reviewed with the provider.',
    rationale:
      'Commissioners reported "nowhere near enough capacity to manage the contracts" they had let. Stating the monitoring frequency up front (monthly, quarterly…) sizes the contract management the council must resource and tells the provider when it will report.',
    evidence: ['SHM 2009, section 3.2 ‘The Capacity Crunch’, p. 21', 'PwC 2011, ‘Engagement with the programme: Impact on outcomes’'],
    kinds: ['specification'],
    tags: ['governance'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const g = get.obj(model.value.governance);
    const monitoring = g?.monitoring;
    const m = get.obj(monitoring);
    if (m && m.frequency !== undefined) return;
    if (monitoring !== undefined && !m) return; // wrong type: a schema error
    report({
      message: 'The specification does not say how often the contract is monitored: add monitoring: with frequency: (monthly, quarterly, six-monthly or annually) and how (returns, meetings, visits) under governance:',
      at: m ? { path: ['governance', 'monitoring'], part: 'key' } : sectionAt(model.value, 'governance'),
      fix: m ? addToMap(doc, ['governance', 'monitoring'], ['frequency: quarterly'], 'Monitor quarterly') : g ? addToMap(doc, ['governance'], ['monitoring:', '  frequency: quarterly'], 'Monitor quarterly') : undefined,
    });
  },
});
