import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment } from './shared';

export default defineRule({
  meta: {
    id: 'bids/target-ambition',
    severity: 'error',
    description: 'Every committed target is at least as ambitious as the specification\'s, respecting units and polarity; one that cannot be compared is a warning that says why.',
    rationale:
      'The specification\'s target is the minimum the commissioner will accept. A bid that commits to less (a lower minimum for an indicator where higher is better, a higher maximum where lower is better, a smaller reduction, or a later date) does not answer the specification, however good its approach. Targets are compared in their units: a reduction from the baseline is worked out from the specification\'s baseline value before it is compared with a level.',
    evidence: [answersTheSpecification, 'DOMAIN.md section 4: "each at least as ambitious as the specification\'s minimum, respecting polarity"', 'Ipsos MORI 2019, ‘Innovation’, p. 27 (payments depend on these levels)'],
    kinds: ['bid'],
    tags: ['bids', 'indicators', 'expressions'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const o of a.outcomes) {
      for (const i of o.indicators) {
        const c = i.commitment;
        if (!c || !i.ambition || !i.specTarget) continue;
        const related = [specLocation(a.specification, [...i.specPath, 'target'], `The specification's target for '${i.id}': ${i.specTarget}`)];
        if (i.ambition.result === 'less') {
          ctx.report({
            message: `Your committed target for '${i.id}' (${c.target}) is less ambitious than the specification's (${i.specTarget}): ${i.ambition.advice ?? 'commit to at least the specification\'s target'}`,
            at: { path: [...c.path, 'target'], part: 'value' },
            related,
          });
        } else if (i.ambition.result === 'incomparable') {
          ctx.report({
            message: `Your committed target for '${i.id}' (${c.target}) cannot be compared with the specification's (${i.specTarget}): ${i.ambition.reason}. Write it in the same form and unit as the specification's target so the evaluators can see it is at least as ambitious`,
            at: { path: [...c.path, 'target'], part: 'value' },
            severity: 'warning',
            related,
          });
        }
      }
    }
  },
});
