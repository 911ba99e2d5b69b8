import { expressionRule } from './make';

export default expressionRule({
  id: 'expressions/dates',
  severity: 'error',
  description: 'Dates in expressions are real dates, inside the contract term when one is declared.',
  rationale:
    'A target due after the contract ends cannot be enforced, and one due before it starts cannot be met. Outcome changes take time to show (PwC 2011, ‘Summary of programme lifecycle’, p. 9), so target dates need to sit where the contract can still see them.',
  evidence: ['PwC 2011, ‘Summary of programme lifecycle’, p. 9', 'DOMAIN.md section 6: "dates matter"'],
});
