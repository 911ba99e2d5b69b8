import { expressionRule } from './make';

export default expressionRule({
  id: 'expressions/references',
  severity: 'error',
  description: 'Names in expressions refer to indicators, tiers, lots, outcomes or data fields that exist.',
  rationale:
    'A payment rule that pays "when placement-stabilty >= 85%" pays on nothing. Every name in an expression must be an indicator, tier, lot or outcome id, or a data field declared under fields:, in this document or its framework.',
  evidence: ['DOMAIN.md section 6: "identifiers must resolve to indicators, tiers and fields of the same document (or a referenced framework)"'],
});
