import { expressionRule } from './make';

export default expressionRule({
  id: 'expressions/syntax',
  severity: 'error',
  description: 'Targets, thresholds, payment rules and measures are written in the expression language.',
  rationale:
    'A target that cannot be read cannot be monitored, and a payment rule that cannot be read cannot be paid. Writing them as checked expressions (">= 85% by 2027-03-31") means the commissioner, the provider and the contract manager read the same thing.',
  evidence: ['DOMAIN.md section 6', 'Ipsos MORI 2019, ‘Innovation’, p. 27 (the 7% innovation clause)'],
});
