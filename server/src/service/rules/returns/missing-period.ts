import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/missing-period',
    severity: 'warning',
    description: 'Each indicator is reported as often as its frequency says, from the first period on, with no gaps.',
    rationale:
      'An indicator the contract asks for quarterly but the return leaves out cannot be judged on track or off track for those quarters, and a payment that depends on it cannot be worked out. Gaps are easier to chase at the next review than at the end of the contract.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/missing-period');
  },
});
