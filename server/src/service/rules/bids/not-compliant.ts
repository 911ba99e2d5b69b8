import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment } from './shared';

export default defineRule({
  meta: {
    id: 'bids/not-compliant',
    severity: 'error',
    description: 'A bid is not `not-compliant` with a mandatory or safeguarding requirement (a warning for a requirement that is not mandatory).',
    rationale:
      'A bid that does not meet a mandatory requirement is excluded, however strong the rest of it is. Saying so before submission lets the provider meet the requirement, form a consortium with someone who does, or ask the commissioner a clarification question in time.',
    evidence: [answersTheSpecification, 'IDeA 2009, section 2.2.1 ‘Positioning, organisation and sector collaboration’ (consortia let providers bring in the expertise they lack)'],
    kinds: ['bid'],
    tags: ['bids', 'requirements'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const r of a.requirements) {
      if (r.answer?.value !== 'not-compliant') continue;
      ctx.report({
        message: r.mandatory
          ? `Your answer to the ${r.kind === 'safeguarding' ? 'safeguarding' : 'mandatory'} requirement '${r.id}' is not-compliant: a bid that does not meet a mandatory requirement is excluded. Meet it (alone, with a partner or a subcontractor), or ask the commissioner before you submit`
          : `Your answer to '${r.id}' is not-compliant; it is not mandatory, so the bid is not excluded, but say in explanation: how you will cover it`,
        at: { path: [...r.answer.path, 'answer'], part: 'value' },
        severity: r.mandatory ? undefined : 'warning',
        related: [specLocation(a.specification, [...r.specPath, 'text'], `What '${r.id}' asks for`)],
      });
    }
  },
});
