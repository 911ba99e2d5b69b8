import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/duplicate-period',
    severity: 'error',
    description: 'A return gives each indicator at most one value for each period.',
    rationale:
      'Two values for the same indicator and period leave it open which one the contract is monitored on; the first is used and the second is reported, so that the provider can say which is right.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/duplicate-period');
  },
});
