import { defineRule } from '../types';
import { text } from '../helpers';
import { declaredTiers } from './shared';

export default defineRule({
  meta: {
    id: 'tiers/definition',
    severity: 'warning',
    description: 'Every need tier has a definition a referrer and a provider would both recognise.',
    rationale:
      'There are no national tier codes: each council sets its own levels of need, and "local authorities which set these thresholds are more familiar with their definitions compared with service providers". Providers in the NELCP bids reported "a lack of clarity in understanding where a child should be placed, depending on their needs". A label such as "High" is not a definition.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'IDeA 2009, section 3.2.10 ‘Levels of need and graduated responses’'],
    kinds: ['specification', 'framework'],
    tags: ['tiers'],
  },
  check({ model, report }) {
    for (const { path, t, label } of declaredTiers(model.value)) {
      if (text(t.definition)) continue;
      report({
        message: `${label} has no definition: add definition: describing the needs of a child or family at this level, in words a referrer and a provider would both recognise`,
        at: { path, part: 'container' },
      });
    }
  },
});
