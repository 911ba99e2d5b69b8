import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/value',
    severity: 'error',
    description: "Every value can be read as a number in its indicator's unit: not text, not a percentage for a count, and matching its numerator and denominator when both are given.",
    rationale:
      'A value that cannot be read cannot be compared with its target, and is left out of the status and the payments; a value that disagrees with its own numerator and denominator means one of them is wrong.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/value');
  },
});
