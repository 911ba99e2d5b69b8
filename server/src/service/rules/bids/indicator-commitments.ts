import { get } from '../../model';
import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment, lineOf, valueSpan } from './shared';

export default defineRule({
  meta: {
    id: 'bids/indicator-commitments',
    severity: 'error',
    description: 'A response commits to one target for every indicator of the outcome it answers, and only for that outcome\'s indicators.',
    rationale:
      'An outcome is measured by its indicators; a response that describes an approach but commits to no target for one of them cannot be held to it in the contract, and a commitment filed under the wrong outcome is easily missed by the evaluators scoring that outcome.',
    evidence: [answersTheSpecification, 'DOMAIN.md section 4: a bid gives "its committed indicator targets (each at least as ambitious as the specification\'s minimum)"', 'Ipsos MORI 2019, ‘Project activities’, p. 12'],
    kinds: ['bid'],
    tags: ['bids', 'indicators'],
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    for (const o of a.outcomes) {
      if (!o.response) continue;
      const response = get.obj(get.arr(ctx.model.value.responses)[o.response.path[1] as number]);
      const hasCommitments = !!response && Object.prototype.hasOwnProperty.call(response, 'commitments');
      for (const i of o.indicators) {
        if (i.commitment) continue;
        ctx.report({
          message: `Your response to '${o.id}' commits to no target for its indicator '${i.id}'${i.specTarget ? ` (the specification's target is ${i.specTarget})` : ''}: add { indicator: ${i.id}, target: … } under commitments:, at least as ambitious as the specification's`,
          at: hasCommitments ? { path: [...o.response.path, 'commitments'], part: 'key' } : { path: [...o.response.path, 'outcome'], part: 'value' },
          related: [specLocation(a.specification, [...i.specPath, i.specTarget ? 'target' : 'id'], `Indicator '${i.id}' in the specification`)],
        });
      }
      for (const r of o.repeated) {
        const first = valueSpan(ctx, [...r.first.path, 'target']);
        const same = r.target.trim() === r.first.target.trim();
        ctx.report({
          message: `Indicator '${r.indicator}' has two committed targets for '${o.id}': ${first ? `line ${lineOf(ctx, first.start)} says` : 'the first says'} ${r.first.target.trim()}${same ? ' and this repeats it: remove this one' : ` and this says ${r.target.trim()}; keep one, so it is clear which target you commit to`}`,
          at: { path: [...r.path, 'indicator'], part: 'value' },
          severity: 'warning',
        });
      }
      for (const m of o.misplaced) {
        const owner = a.outcomes.find((x) => x.id === m.belongsTo);
        ctx.report({
          message: `'${m.indicator}' is an indicator of outcome '${m.belongsTo}', not '${o.id}': move this commitment to your response to '${m.belongsTo}'`,
          at: { path: [...m.path, 'indicator'], part: 'value' },
          related: owner ? [specLocation(a.specification, [...owner.specPath, 'id'], `Outcome '${m.belongsTo}' in the specification`)] : undefined,
        });
      }
    }
  },
});
