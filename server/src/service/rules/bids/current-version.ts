import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { answersTheSpecification, assessment, valueSpan } from './shared';

export default defineRule({
  meta: {
    id: 'bids/current-version',
    severity: 'error',
    description: 'A bid answers the current version of its specification; when it does not, the changes since are listed.',
    rationale:
      'Councils reissue specifications during a tender (after clarification questions, or when the needs analysis changes the expected demand). A bid written against an earlier version may answer outcomes, targets or prices that have since changed, and is easily marked down or rejected. The specification\'s history: says what changed in each version, so the bid can be brought up to date.',
    evidence: [answersTheSpecification, 'Ipsos MORI 2019, ‘Project activities’, p. 12 (the needs analysis cut the expected demand during the tender)', 'DOMAIN.md section 4: a bid names the specification it answers "(id and version)"'],
    kinds: ['bid'],
    tags: ['bids', 'versions'],
    fixable: true,
  },
  check(ctx) {
    const a = assessment(ctx);
    if (!a) return;
    const v = a.version;
    if (v.relation !== 'older' && v.relation !== 'newer') return;
    const spec = a.specification;
    const name = spec.id ? `'${spec.id}'` : 'the specification';
    const related = [specLocation(spec, ['version'], `The specification is at version ${v.current}`)];
    let message: string;
    if (v.relation === 'newer') {
      message = `This bid says it answers version ${v.answered} of ${name}, but the specification file is at version ${v.current}: check that you are reading the published version, and give the version you answered`;
    } else {
      const listed = v.changes.map((h) => `${h.version}${h.date ? ` (${h.date})` : ''}: ${h.changes.length ? h.changes.map((c) => c.replace(/[.\s]+$/, '')).join('; ') : 'no changes listed'}`);
      for (const h of v.changes) related.push(specLocation(spec, h.path, `Changes in version ${h.version}`, 'container'));
      const what = listed.length
        ? `What changed since ${v.answered}: ${listed.join('. ')}.`
        : v.hasHistory
          ? `The specification's history: lists no changes after ${v.answered}; ask the commissioner what changed.`
          : 'The specification does not list its changes (it has no history:), so ask the commissioner what changed.';
      message = `This bid answers version ${v.answered} of ${name}, but the specification is now at version ${v.current}. ${what} Check your answers against the current version, then change version: to "${v.current}"`;
    }
    const span = valueSpan(ctx, ['specification', 'version']);
    ctx.report({
      message,
      at: { path: ['specification', 'version'], part: 'value' },
      related,
      fix: span && v.relation === 'older' ? { title: `Answer version ${v.current} (after checking the changes)`, edits: [{ ...span, newText: JSON.stringify(v.current) }], safe: false } : undefined,
    });
  },
});
