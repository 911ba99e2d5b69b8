import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { scaffoldResponses } from '../../bid/scaffold';
import { listing } from '../helpers';
import { answersTheSpecification, assessment, brief, lineOf, listAt, valueSpan } from './shared';

export default defineRule({
  meta: {
    id: 'bids/outcomes-answered',
    severity: 'error',
    description: 'A bid answers every outcome of the specification that applies to the lots it bids for, once.',
    rationale:
      'Commissioners buy outcomes, and score each outcome\'s response. A bid that skips an outcome, or answers the outcomes it prefers, is the "promote what they want to do" failure commissioners complain of: it leaves an outcome with no approach and no committed target. Outcomes with no lots: apply to every lot; outcomes for a lot the bid is not for need no answer.',
    evidence: [answersTheSpecification, 'DOMAIN.md section 4: a bid gives "a response to each outcome (approach, evidence of effect)"'],
    kinds: ['bid'],
    tags: ['bids', 'outcomes'],
    fixable: true,
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const o of a.outcomes) {
      if (o.applies && !o.response) {
        const inds = o.indicators.map((i) => `'${i.id}'`);
        ctx.report({
          message: `Outcome '${o.id}' (${brief(o.statement)}) is not answered: add a response under responses: with your approach${inds.length ? ` and a committed target for its ${inds.length === 1 ? 'indicator' : 'indicators'} ${listing(inds)}` : ''}`,
          at: listAt(ctx, 'responses'),
          related: [specLocation(a.specification, [...o.specPath, 'id'], `Outcome '${o.id}' in the specification`)],
          fix: scaffoldResponses(ctx.doc, ctx.model, ctx.linked, [o.id]),
        });
      }
      for (const d of o.duplicates) {
        const first = valueSpan(ctx, [...o.response!.path, 'outcome']);
        ctx.report({
          message: `Outcome '${o.id}' is answered twice${first ? ` (first on line ${lineOf(ctx, first.start)})` : ''}: merge the two responses into one, so the evaluators score one approach`,
          at: { path: [...d, 'outcome'], part: 'value' },
          severity: 'warning',
          related: [specLocation(a.specification, [...o.specPath, 'id'], `Outcome '${o.id}' in the specification`)],
        });
      }
    }
  },
});
