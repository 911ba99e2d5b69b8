import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment } from './shared';

export default defineRule({
  meta: {
    id: 'bids/partial-explained',
    severity: 'error',
    description: 'A partial compliance answer explains what is missing and when it will be met.',
    rationale:
      'A partial answer can be acceptable (a new home awaiting its first Ofsted inspection, say), but only if the evaluators can see what is missing and the plan and date to meet it. A bare "partial" cannot be scored and is read as not met.',
    evidence: [answersTheSpecification, 'schemas/src/bid.yaml: `partial` (explain what is missing and when it will be met)'],
    kinds: ['bid'],
    tags: ['bids', 'requirements'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const r of a.requirements) {
      if (r.answer?.value !== 'partial' || r.answer.explanation) continue;
      ctx.report({
        message: `Your answer to '${r.id}' is partial but does not say what is missing or when it will be met: add explanation: with what is missing, your plan and the date it will be met`,
        at: { path: [...r.answer.path, 'answer'], part: 'value' },
        related: [specLocation(a.specification, [...r.specPath, 'text'], `What '${r.id}' asks for`)],
      });
    }
  },
});
