import { defineRule } from '../types';
import { findInSource, proseScalars } from '../helpers';

interface Term {
  re: RegExp;
  /** The current term, when one replaces it word for word; `start` is true at the start of a sentence. */
  replace?: (m: string, start: boolean) => string;
  /** True when this occurrence names something that still exists: not reported. */
  current?: (m: string, before: string, after: string) => boolean;
  message: (m: string) => string;
}

const small = /^(of|for|and|the|in|on|to|a|an)$/i;

/**
 * The current term written in the case style of the words it replaces: title case for title case
 * ("Primary Care Trusts" → "Integrated Care Boards"), capitals for capitals, a capital first letter
 * only for a sentence begun that way, and lower case otherwise.
 */
function inStyle(original: string, current: string, start: boolean): string {
  if (original.length > 1 && original === original.toUpperCase() && /[A-Z]/.test(original) && /\s/.test(original)) return current.toUpperCase();
  const words = original.split(/\s+/).filter((w) => !small.test(w));
  if (words.length > 1 && words.every((w) => /^[A-Z]/.test(w))) {
    return current.split(' ').map((w, i) => (i > 0 && small.test(w) ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
  }
  if (/^[A-Z]/.test(original) || start) return current[0].toUpperCase() + current.slice(1);
  return current;
}

/** An acronym's expansion: lower case, with a capital only where it begins a sentence. */
const expanded = (current: string, start: boolean) => (start ? current[0].toUpperCase() + current.slice(1) : current);

/** Words that may stand before "Children's Trust" without making it a named organisation. */
const notAName = /^(the|a|an|our|its|their|his|her|each|every|this|that|these|those|local|new|any|all|with|and|or|to|of|by|for|from|in|on|at|as|under|within|through|via|statutory|former|existing|joint|wider|county|borough|city|district|area|council|children|young)$/i;

const terms: Term[] = [
  {
    re: /\b([Pp]rimary [Cc]are [Tt]rusts?|PCTs?)\b/,
    replace: (m, start) => (/^PCT/.test(m) ? (m.endsWith('s') ? 'ICBs' : 'ICB') : inStyle(m, m.endsWith('s') ? 'integrated care boards' : 'integrated care board', start)),
    message: (m) => `'${m}': primary care trusts were abolished in 2013, and their successors (clinical commissioning groups) in 2022. Health commissioning now sits with the integrated care board (ICB)`,
  },
  {
    re: /\b([Cc]linical [Cc]ommissioning [Gg]roups?|CCGs?)\b/,
    replace: (m, start) => (/^CCG/.test(m) ? (m.endsWith('s') ? 'ICBs' : 'ICB') : inStyle(m, m.endsWith('s') ? 'integrated care boards' : 'integrated care board', start)),
    message: (m) => `'${m}': clinical commissioning groups were replaced by integrated care boards (ICBs) in July 2022`,
  },
  {
    re: /\bGovernment Offices?(?: for the Regions| for [A-Z][a-z]+(?: [A-Z][a-z]+)?)?\b/,
    message: (m) => `'${m}': the Government Offices for the regions were abolished in 2011. Name the body that now does the job, for example the Department for Education or the regional improvement and support arrangements`,
  },
  {
    re: /\bChildren['’]?s Trusts?(?: Boards?)?\b/,
    // "Birmingham Children's Trust" is a company that runs children's social care today; the statutory
    // partnership is "the Children's Trust", "Children's Trusts" in general, or a Children's Trust Board
    current: (m, before, after) => {
      if (/Boards?$/.test(m) || /^\s+(arrangements|partnerships?|partners|executive|plan)\b/i.test(after)) return false;
      const words = before.match(/[\p{L}'’-]+|[^\s\p{L}]/gu) ?? [];
      const last = words[words.length - 1];
      return last !== undefined && /^\p{Lu}/u.test(last) && !notAName.test(last);
    },
    message: (m) => `'${m}': Children's Trusts are no longer statutory (the duty to have a Children's Trust Board was removed in 2010). Name the current body, for example the local safeguarding children partnership or the council's children and young people's partnership (a council's arm's-length trust is named in full, for example 'Sandwell Children's Trust')`,
  },
  {
    re: /\b(?:enhanced )?CRB(?: checks?| check(?:ed|ing)| disclosures?)?\b/i,
    replace: (m) => m.replace(/CRB/i, 'DBS'),
    message: (m) => `'${m}': CRB checks became DBS checks (Disclosure and Barring Service) in 2012. For work with children, ask for an enhanced DBS check with the children's barred list`,
  },
  {
    re: /\b([Ll]ocal [Ss]afeguarding [Cc]hildren(?:['’]?s)? [Bb]oards?|LSCBs?)\b/,
    replace: (m, start) =>
      /^LSCB/.test(m)
        ? expanded(m.endsWith('s') ? 'safeguarding children partnerships' : 'safeguarding children partnership', start)
        : inStyle(m, m.endsWith('s') ? 'local safeguarding children partnerships' : 'local safeguarding children partnership', start),
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
          const before = doc.text.slice(s.start, hit.start).replace(/^(["']|[|>][-+0-9]*)/, '');
          if (term.current?.(m, before, doc.text.slice(hit.end, s.end))) continue;
          const start = !/\S/.test(before) || /[.!?:]["'’”)]?\s+$/.test(before);
          const replacement = term.replace?.(m, start);
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
