import { expressionRule } from './make';

export default expressionRule({
  id: 'expressions/target-direction',
  severity: 'warning',
  description: "A target's unit and direction agree with its indicator's unit and polarity.",
  rationale:
    'A "higher is better" indicator with a "<=" target rewards getting worse. This usually means the polarity or the operator is wrong; either way the provider will be held to the wrong thing.',
  evidence: ['DOMAIN.md section 3: indicators have a polarity (higher or lower is better)'],
});
