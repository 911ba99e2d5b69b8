import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/range',
    severity: 'error',
    description: "Every value lies within its indicator's unit: a percentage from 0 to 100, a count, amount or duration of 0 or more.",
    rationale:
      'A percentage of 140 or a negative count is a mistake in the return, not a result; taken at face value it would put an outcome on track, or off track, and move a payment. A value between 0 and 1 for a percentage is flagged as a warning: it is usually a fraction (0.85) meant as 85%.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/range');
  },
});
