import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/small-base',
    severity: 'warning',
    description: "A percentage is based on at least the number of children the indicator's minimum_n asks for (10 when it gives none).",
    rationale:
      'With only a handful of children one placement move swings a percentage by ten points or more; a status worked out from so few is noise, not a trend, and should be read with caution before it is used to judge the provider or a payment.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/small-base');
  },
});
