import { get } from '../../model';
import { defineRule } from '../types';
import { outcomes } from '../helpers';

export default defineRule({
  meta: {
    id: 'outcomes/long-term-horizon',
    severity: 'warning',
    description: 'At least one outcome looks beyond the first year (horizon medium or long).',
    rationale:
      'Changes in children\'s lives take time to show: "the time lag from impact on services to outcomes will vary across services", and commissioners need to define "what outcomes they expect to see over a much longer period of time" because "the difference you\'re trying to make is some years away". A specification whose outcomes are all short-term rewards quick wins and leaves the purpose of the service unmeasured.',
    evidence: ['PwC 2011, ‘Summary of programme lifecycle’, p. 9', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22'],
    kinds: ['specification'],
    tags: ['outcomes', 'review'],
  },
  check({ model, report }) {
    const all = outcomes(model.value);
    if (all.length === 0) return;
    const horizons = all.map(({ o }) => get.str(o.horizon)).filter((h): h is string => !!h);
    if (horizons.some((h) => h === 'medium' || h === 'long')) return;
    if (horizons.length > 0) {
      report({
        message: `Every outcome that states a horizon is short-term (within a year): give at least one outcome horizon: medium or long for the change the service exists to make, with the date it becomes measurable (measurable_from:)`,
        at: { path: ['outcomes'], part: 'key' },
      });
    } else if (!all.some(({ o }) => get.str(o.measurable_from))) {
      report({
        message: 'No outcome says when its change can be seen: add horizon: (short, medium or long) and measurable_from: to the outcomes, including at least one beyond the first year',
        at: { path: ['outcomes'], part: 'key' },
      });
    }
  },
});
