import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/unknown-indicator',
    severity: 'error',
    description: 'Every indicator id (or data field, or payment clause) a return gives a value for is one the specification defines.',
    rationale:
      'A value filed under an id the contract does not have is never compared with any target and never counts towards a payment, so an outcome can look unreported, or a payment unearned, because of a typing slip. The check names the nearest id the specification does define.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/unknown-indicator');
  },
});
