import { expressionRule } from './make';

export default expressionRule({
  id: 'expressions/types',
  severity: 'error',
  description: 'Expressions compare like with like: percentages with percentages, money with money, counts with counts.',
  rationale:
    'Comparing a percentage with an amount of money, or putting a date where a count belongs, is always a drafting slip, and one that survives into a signed contract when nobody checks. Percentages over 100 are flagged for the same reason.',
  evidence: ['DOMAIN.md section 6: "Units matter (%, £, days, counts, rates)"'],
});
