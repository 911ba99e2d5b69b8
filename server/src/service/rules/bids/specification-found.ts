import { defineRule } from '../types';
import { answersTheSpecification } from './shared';

export default defineRule({
  meta: {
    id: 'bids/specification-found',
    severity: 'error',
    description: 'The specification a bid answers can be found, is a specification, and has the id the bid gives.',
    rationale:
      'A bid is checked against the specification it answers: every outcome answered, every target at least as ambitious, every price within its ceiling. If the specification cannot be found none of that can be checked, and a bid that names the wrong document may answer a tender nobody published.',
    evidence: [answersTheSpecification, 'DOMAIN.md section 4: a bid "names the specification it answers (id and version)"'],
    kinds: ['bid'],
    tags: ['bids', 'references'],
  },
  check({ linked, report }) {
    for (const p of linked.problems) {
      if (p.path[0] !== 'specification') continue;
      report({
        message: linked.specification ? `${p.message}: correct the id, or the path if it points at the wrong file` : `${p.message}. Until it is found, this bid's answers cannot be checked against it`,
        at: { path: p.path, part: 'value' },
      });
    }
  },
});
