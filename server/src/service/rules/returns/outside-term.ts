import { defineRule } from '../types';
import { monitoringGuide, reportMonitorFindings, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/outside-term',
    severity: 'warning',
    description: 'Every period a return reports ends within the contract term the specification gives.',
    rationale:
      'A period outside the term is usually a mistyped year; if it is not, its values fall outside what the contract pays for, and no target or payment clause applies to them.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring'],
  },
  check(ctx) {
    reportMonitorFindings(ctx, 'returns/outside-term');
  },
});
