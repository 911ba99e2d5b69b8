import { expressionRule } from './make';

export default expressionRule({
  id: 'expressions/dates',
  severity: 'error',
  description: 'Dates in expressions are real dates, inside the contract term when one is declared.',
  rationale:
    'A target due after the contract ends cannot be enforced, and one due before it starts cannot be met. Outcome changes take time to show (seed 000 L448), so target dates need to sit where the contract can still see them.',
  evidence: ['seed 000 L448', 'DOMAIN.md section 6: "dates matter"'],
});
