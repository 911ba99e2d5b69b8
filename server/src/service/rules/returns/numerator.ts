import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/numerator',
    severity: 'error',
    description: 'For a percentage or a rate, the numerator is not larger than the denominator, and the denominator is not 0.',
    rationale:
      'The children counted in the numerator are among those in the denominator: a numerator above it, or a denominator of 0, means the two were taken from different cohorts or periods, and no percentage can be worked out from them.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/numerator');
  },
});
