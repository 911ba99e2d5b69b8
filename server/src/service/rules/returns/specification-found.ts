import { defineRule } from '../types';
import { monitoringGuide, returnsEvidence } from './shared';

export default defineRule({
  meta: {
    id: 'returns/specification-found',
    severity: 'error',
    description: 'The specification a return reports against can be found, is a specification, and has the id the return gives.',
    rationale:
      'A return is checked against the contract it reports on: its indicator ids, units, term, reporting frequencies and minimum base sizes all come from the specification. If the specification cannot be found none of that can be checked, and a return naming the wrong document is monitored against targets that were never agreed.',
    evidence: [returnsEvidence, monitoringGuide],
    kinds: ['return'],
    tags: ['returns', 'monitoring', 'references'],
  },
  check({ linked, report }) {
    for (const p of linked.problems) {
      if (p.path[0] !== 'specification') continue;
      report({
        message: linked.specification
          ? `${p.message}: correct the id, or the path if it points at the wrong file`
          : /is not a specification/.test(p.message)
            ? `${p.message}: point the path at the specification this return reports on`
            : `${p.message}. Until it is found, this return's values cannot be checked against the contract`,
        at: { path: p.path, part: 'value' },
      });
    }
  },
});
