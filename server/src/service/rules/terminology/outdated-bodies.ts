import { defineRule } from '../types';
import { findInSource, matchCase, proseScalars } from '../helpers';

interface Term {
  re: RegExp;
  /** The current term, when one replaces it word for word. */
  replace?: (m: string) => string;
  message: (m: string) => string;
}

const terms: Term[] = [
  {
    re: /\b(Primary Care Trusts?|PCTs?)\b/,
    replace: (m) => (/^PCT/.test(m) ? (m.endsWith('s') ? 'ICBs' : 'ICB') : matchCase(m, m.endsWith('s') ? 'integrated care boards' : 'integrated care board')),
    message: (m) => `'${m}': primary care trusts were abolished in 2013, and their successors (clinical commissioning groups) in 2022. Health commissioning now sits with the integrated care board (ICB)`,
  },
  {
    re: /\b(Clinical Commissioning Groups?|CCGs?)\b/,
    replace: (m) => (/^CCG/.test(m) ? (m.endsWith('s') ? 'ICBs' : 'ICB') : matchCase(m, m.endsWith('s') ? 'integrated care boards' : 'integrated care board')),
    message: (m) => `'${m}': clinical commissioning groups were replaced by integrated care boards (ICBs) in July 2022`,
  },
  {
    re: /\bGovernment Offices?(?: for the Regions| for [A-Z][a-z]+(?: [A-Z][a-z]+)?)?\b/,
    message: (m) => `'${m}': the Government Offices for the regions were abolished in 2011. Name the body that now does the job, for example the Department for Education or the regional improvement and support arrangements`,
  },
  {
    re: /\bChildren'?s Trusts?(?: Boards?)?\b/,
    message: (m) => `'${m}': Children's Trusts are no longer statutory (the duty to have a Children's Trust Board was removed in 2010). Name the current body, for example the local safeguarding children partnership or the council's children and young people's partnership`,
  },
  {
    re: /\b(?:enhanced )?CRB(?: checks?| check(?:ed|ing)| disclosures?)?\b/i,
    replace: (m) => m.replace(/CRB/i, 'DBS'),
    message: (m) => `'${m}': CRB checks became DBS checks (Disclosure and Barring Service) in 2012. For work with children, ask for an enhanced DBS check with the children's barred list`,
  },
  {
    re: /\b(Local Safeguarding Children Boards?|LSCBs?)\b/,
    replace: (m) => (/^LSCB/.test(m) ? (m.endsWith('s') ? 'safeguarding children partnerships' : 'safeguarding children partnership') : matchCase(m, m.endsWith('s') ? 'local safeguarding children partnerships' : 'local safeguarding children partnership')),
    message: (m) => `'${m}': Local Safeguarding Children Boards were replaced by local safeguarding children partnerships (Children and Social Work Act 2017, Working Together 2018)`,
  },
];

export default defineRule({
  meta: {
    id: 'terminology/outdated-bodies',
    severity: 'hint',
    description: 'Names bodies and checks that no longer exist (PCTs, CCGs, Government Offices, statutory Children\'s Trusts, CRB checks, LSCBs) and suggests the current term.',
    rationale:
      'Specifications are often copied forward from older ones. The seeds record "the removal of Government Offices and Primary Care Trusts" and "Children\'s Trust\'s no longer being statutory", and speak of "basic CRB checks". A published specification that names abolished bodies confuses bidders about who does what today, and can make a safeguarding requirement unenforceable.',
    evidence: ['PwC 2011', 'PwC 2011, ‘Purpose of the evaluation’, p. 2', 'PwC 2011, ‘Engagement with the programme’, p. 46', 'IDeA 2009, section 2.2.4 ‘Efficiency’'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['terminology'],
    fixable: true,
  },
  check({ doc, report }) {
    for (const s of proseScalars(doc, { names: true })) {
      for (const term of terms) {
        if (!term.re.test(s.value)) continue;
        for (const hit of findInSource(doc, s, term.re)) {
          const m = hit.match[0];
          const replacement = term.replace?.(m);
          report({
            message: `${term.message(m)}${replacement ? `: write '${replacement}'` : ''}`,
            at: { start: hit.start, end: hit.end },
            fix: replacement ? { title: `Change to '${replacement}'`, edits: [{ start: hit.start, end: hit.end, newText: replacement }], safe: false } : undefined,
          });
        }
      }
    }
  },
});
