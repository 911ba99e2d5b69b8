import { defineRule } from '../types';
import { proseScalars } from '../helpers';
import { findIdentifyingData } from '../classifiers/identifying';

export default defineRule({
  meta: {
    id: 'participation/identifying-data',
    severity: 'error',
    description: 'A specification meant for publication, or a bid, holds no information that identifies a child: no names with ages or schools, no photographs of named children, no case detail.',
    rationale:
      'Published specifications must not carry identifiable data about children. The NELCP evaluators warned young people that in a small group "we would not be able to ensure full anonymity"; a name with an age, a school or an estate, or the story of one family, identifies a child to anyone who knows them, and a tender is published to every bidder and the public. Bids are no different: a case study is read by every evaluator and can be released under the Freedom of Information Act, and the provider needs a lawful basis to share a child\'s story at all. Use aggregate figures and unattributed quotes. The check uses a classifier of identifying details and speaks only where a child could be singled out.',
    evidence: ['Ipsos MORI 2019, ‘Acknowledgements’, p. 6', 'Ipsos MORI 2019, ‘Children and young people engagement’, p. 25', 'Data Protection Act 2018', 'UK GDPR article 5', 'Freedom of Information Act 2000'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['participation', 'data', 'classifier'],
  },
  check({ doc, model, report }) {
    const bid = model.kind === 'bid';
    for (const s of proseScalars(doc)) {
      if (s.path[0] === 'commissioner' && s.path[1] === 'contacts') continue; // named adult officers
      if (s.path[0] === 'bidder') continue; // the organisations bidding and their people
      const spans = findIdentifyingData(s.value);
      for (const span of spans) {
        const phrase = s.value.slice(span.start, span.end);
        const src = doc.text.slice(s.start, s.end);
        const at = src.indexOf(phrase);
        report({
          message: bid
            ? `This may identify a child (${span.why}): a bid is read by every evaluator and can be released under the Freedom of Information Act, so it must not. Remove it, or tell the story without the name, age, school or place ('a 15-year-old girl we supported')`
            : `This may identify a child (${span.why}): a published specification must not. Remove it, or say it in aggregate ('three young people aged 14 to 16')`,
          at: at >= 0 ? { start: s.start + at, end: s.start + at + phrase.length } : { start: s.start, end: s.end },
        });
      }
    }
  },
});
