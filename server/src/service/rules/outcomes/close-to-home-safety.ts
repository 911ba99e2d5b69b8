import { isScalar } from 'yaml';
import { nodeAtPath } from '../../document';
import type { Fix } from '../../findings';
import { defineRule } from '../types';
import { outcomes, text } from '../helpers';

const locality =
  /\b(close to (home|their (home|homes|community|communities|family|families|school|schools|area)|the (community|family))|near (to )?(home|their (home|homes|family|families))|in[- ]borough|within (the )?(borough|sub-region|local area)|within \d+ miles|placed locally|local placements?)\b/i;
const safety = /\b(safe|safely|safety|where (this|it|that) is in (their|the child's) best interests|best interests)\b/i;

export default defineRule({
  meta: {
    id: 'outcomes/close-to-home-safety',
    severity: 'warning',
    description: 'An outcome about staying close to home or the community says it applies only where that is safe.',
    rationale:
      'Placing children near home keeps school, family and friends together, but stakeholders in the NELCP evaluation stressed that staying "close to the community" is only a desirable outcome "where this is safe": for a child at risk of exploitation or harm at home, distance can be the protection. An unqualified locality target pushes providers to place locally when they should not.',
    evidence: ['Ipsos MORI 2019, ‘Clarity of the NELCP purpose and objectives’, p. 26'],
    kinds: ['specification', 'framework'],
    tags: ['outcomes', 'safeguarding'],
    fixable: true,
  },
  check({ doc, model, report }) {
    for (const { path, o, label } of outcomes(model.value)) {
      const statement = text(o.statement);
      if (!statement) continue;
      const m = locality.exec(statement);
      if (!m || safety.test(statement)) continue;
      report({
        message: `${label} asks for children to be '${m[0]}' without saying 'where that is safe': add the qualifier, so no provider is pushed to place a child near a risk`,
        at: { path: [...path, 'statement'], part: 'value' },
        fix: appendQualifier(doc.text, nodeAtPath(doc.yaml, [...path, 'statement']).node),
      });
    }
  },
});

/** Inserts ", where that is safe" before a single-line statement's final full stop (plain or quoted scalars only). */
function appendQualifier(source: string, node: unknown): Fix | undefined {
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const [start, end] = node.range;
  const raw = source.slice(start, end);
  if (raw.includes('\n')) return undefined;
  let at: number;
  if (node.type === 'PLAIN') {
    // a plain value inside { } or [ ] cannot take a comma: leave it to the commissioner
    const after = /^[ \t]*([,}\]])/.exec(source.slice(end));
    if (after) return undefined;
    at = end;
  }
  else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') at = end - 1;
  else return undefined;
  while (at > start && /\s/.test(source[at - 1])) at--;
  if (source[at - 1] === '.') at--;
  return { title: "Add 'where that is safe'", edits: [{ start: at, end: at, newText: ', where that is safe' }], safe: false };
}
