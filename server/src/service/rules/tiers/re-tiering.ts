import { defineRule } from '../types';
import { listing, text } from '../helpers';
import { declaredTiers } from './shared';

export default defineRule({
  meta: {
    id: 'tiers/re-tiering',
    severity: 'warning',
    description: 'Every need tier says how a child moves up or down when their needs change (step-up, step-down or a re-tiering review).',
    rationale:
      'Providers asked "what would happen if a child was placed in a \'low\' needs placement, but it then transpired that the child should have been placed in \'medium\' needs home". Without a route between tiers, a placement priced at the wrong level stays wrong, and the child pays for it. Each tier needs a step-up route (unless it is the highest), a step-down route (unless it is the lowest), or a review period.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'Ipsos MORI 2019, ‘Cost per placement model’, p. 29'],
    kinds: ['specification', 'framework'],
    tags: ['tiers'],
  },
  check({ model, report }) {
    const tiers = declaredTiers(model.value);
    if (tiers.length < 2) return;
    tiers.forEach(({ path, t, label }, i) => {
      if (text(t.review)) return;
      const missing: string[] = [];
      if (i < tiers.length - 1 && !text(t.step_up)) missing.push('how a child steps up when needs increase (step_up:)');
      if (i > 0 && !text(t.step_down)) missing.push('how a child steps down when needs reduce (step_down:)');
      if (missing.length === 0) return;
      report({
        message: `${label} does not say ${listing(missing)}: add the route and who decides, or review: with how often a child's tier is reviewed`,
        at: { path, part: 'container' },
      });
    });
  },
});
