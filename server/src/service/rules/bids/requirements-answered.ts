import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment, brief, lineOf, listAt, valueSpan } from './shared';

export default defineRule({
  meta: {
    id: 'bids/requirements-answered',
    severity: 'error',
    description: 'A bid answers every mandatory requirement and every safeguarding requirement of the specification, once.',
    rationale:
      'Mandatory and safeguarding requirements are pass or fail: an unanswered one is read as not met, and the bid is excluded. Safeguarding is "a core, statutory function" whatever the design of the service, so every safeguarding requirement is mandatory.',
    evidence: ['PwC 2011, ‘Priorities for improvement’, p. 73', 'IDeA 2009, section 2.2.4 ‘Efficiency’', answersTheSpecification, 'DOMAIN.md section 4: "a compliance answer for each safeguarding requirement"'],
    kinds: ['bid'],
    tags: ['bids', 'requirements', 'safeguarding'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const r of a.requirements) {
      const related = [specLocation(a.specification, [...r.specPath, 'id'], `${r.kind === 'safeguarding' ? 'Safeguarding requirement' : 'Requirement'} '${r.id}' in the specification`)];
      if (!r.answer && r.mandatory) {
        ctx.report({
          message: `The ${r.kind === 'safeguarding' ? 'safeguarding' : 'mandatory'} requirement '${r.id}' (${brief(r.text)}) is not answered: add { requirement: ${r.id}, answer: compliant, explanation: … } under compliance:${r.evidenceAsked ? `, with the evidence asked for (${brief(r.evidenceAsked, 60)})` : ''}`,
          at: listAt(ctx, 'compliance'),
          related,
        });
      }
      for (const d of r.duplicates) {
        const first = r.answer ? valueSpan(ctx, [...r.answer.path, 'requirement']) : undefined;
        ctx.report({
          message: `Requirement '${r.id}' is answered twice${first ? ` (first on line ${lineOf(ctx, first.start)})` : ''}: keep one answer, so it is clear which one you commit to`,
          at: { path: [...d, 'requirement'], part: 'value' },
          severity: 'warning',
          related,
        });
      }
    }
  },
});
