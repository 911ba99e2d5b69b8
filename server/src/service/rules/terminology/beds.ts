import { defineRule } from '../types';
import { findInSource, matchCase, proseScalars } from '../helpers';

/** "beds" preceded by one of these is a real bed, not a placement. */
const literal = /\b(hospital|inpatient|in-patient|bunk|single|double|twin|flower|raised|sofa|camp|tier 4|psychiatric|secure hospital|NHS|mental health)\s+$/i;

export default defineRule({
  meta: {
    id: 'terminology/beds',
    severity: 'hint',
    description: "Speaks of 'placements', not 'beds', for children's homes and foster care.",
    rationale:
      'Stakeholders in the NELCP evaluation noted that "\'beds\' is not the preferred terminology when speaking about placements". A child in a children\'s home is in a placement with a plan, not occupying a bed; the word shapes how a contract counts and fills places. The fix is a pure rename inside the text (hospital and in-patient beds are left alone).',
    evidence: ['Ipsos MORI 2019, ‘Co-production’, p. 21'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['terminology'],
    fixable: true,
  },
  check({ doc, report }) {
    for (const s of proseScalars(doc)) {
      if (!/\bbeds\b/i.test(s.value)) continue;
      for (const hit of findInSource(doc, s, /\bbeds\b/i)) {
        const before = doc.text.slice(Math.max(s.start, hit.start - 40), hit.start);
        if (literal.test(before)) continue;
        const replacement = matchCase(hit.match[0], 'placements');
        report({
          message: `Say '${replacement}', not '${hit.match[0]}': children are in placements with a plan, not beds`,
          at: { start: hit.start, end: hit.end },
          fix: { title: `Change to '${replacement}'`, edits: [{ start: hit.start, end: hit.end, newText: replacement }], safe: true },
        });
      }
    }
  },
});
