import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'references/framework-files',
    severity: 'error',
    description: 'Referenced framework documents exist, can be read, and carry the id they are referred to by.',
    rationale:
      'A specification that takes its outcomes or need tiers from the council\'s framework depends on that file. If the path is wrong, every tag and tier from it is unchecked, and the published document may point bidders at nothing.',
    evidence: ['DOMAIN.md section 4: a framework is "written once and referenced by every specification and bid, so ids resolve across files"'],
    kinds: ['specification'],
    tags: ['references', 'frameworks'],
  },
  check({ linked, report }) {
    for (const p of linked.problems) if (p.path[0] === 'frameworks') report({ message: p.message, at: { path: p.path, part: 'value' } });
  },
});
