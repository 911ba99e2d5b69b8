import { parseExpression } from '../../../../../grammar/src/index';
import { isScalar } from 'yaml';
import { nodeAtPath } from '../../document';
import { get } from '../../model';
import type { Fix } from '../../findings';
import { defineRule } from '../types';
import { indicators, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'indicators/target-date',
    severity: 'warning',
    description: 'Every indicator target says by when it must be met (or over what rolling period).',
    rationale:
      'A target without a date cannot be missed, so it cannot be managed: the contract manager needs to know when to check it, and outcomes take time to show ("the time lag from impact on services to outcomes will vary"). Write the date into the target, for example ">= 85% by 2027-03-31", or a rolling period such as "<= 2 moves in 12 months".',
    evidence: ['PwC 2011, ‘Summary of programme lifecycle’, p. 9', 'Ipsos MORI 2019, ‘Changes to evaluation methods’, p. 19', 'DOMAIN.md section 3: a target with a date'],
    kinds: ['specification'],
    tags: ['indicators', 'expressions'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const termEnd = text(get.obj(model.value.term)?.end);
    for (const { path, ind, label } of indicators(model.value)) {
      const target = text(ind.target);
      if (!target) continue;
      const parsed = parseExpression(target, 'target');
      if (parsed.diagnostics.some((d) => d.severity === 'error') || parsed.ast?.type !== 'target') continue; // expressions/syntax reports it
      if (parsed.ast.deadline || parsed.ast.window) continue;
      report({
        message: `The target of ${label.replace(/^Indicator/, 'indicator')} ('${target}') has no date: add 'by' and the date it must be met${termEnd ? `, for example '${target} by ${termEnd}'` : ", for example '>= 85% by 2027-03-31'"}`,
        at: { path: [...path, 'target'], part: 'value' },
        fix: termEnd ? addDeadline(doc.text, nodeAtPath(doc.yaml, [...path, 'target']).node, termEnd) : undefined,
      });
    }
  },
});

/** Appends " by <date>" inside a single-line target scalar. */
function addDeadline(source: string, node: unknown, date: string): Fix | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (source.slice(start, end).includes('\n')) return undefined;
  let at: number;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') at = end - 1;
  else if (node.type === 'PLAIN') at = end;
  else return undefined;
  while (at > start && /\s/.test(source[at - 1])) at--;
  return { title: `Set the target date to the end of the contract (${date})`, edits: [{ start: at, end: at, newText: ` by ${date}` }], safe: false };
}
