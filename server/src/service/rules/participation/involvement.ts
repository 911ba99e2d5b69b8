import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'participation/involvement',
    severity: 'warning',
    description: 'The specification says how children, young people, parents or carers shape, govern or evaluate the service.',
    rationale:
      'The NELCP partnership set out to "develop an active role for young people into the service shaping, governance and its evaluation" and to "offer young people the possibility to assess bids, and assist site visits"; good commissioning makes sure "the \'voice of the child\', and that of parents and carers is strongly heard". A specification silent on participation leaves it to chance.',
    evidence: ['Ipsos MORI 2019, ‘Project activities’, p. 12', 'Ipsos MORI 2019, ‘Project activities’, p. 12', 'IDeA 2009, section 3.2.2 ‘Children and Young People are involved in the process’', 'IDeA 2009, section 3.2.2 ‘Children and Young People are involved in the process’'],
    kinds: ['specification'],
    tags: ['participation'],
  },
  check({ model, report }) {
    const p = get.obj(model.value.participation);
    if (p && (text(p.statement) || get.arr(p.activities).length > 0)) return;
    report({
      message: p
        ? 'The participation section does not say how children and families take part: add a statement: and activities: (design, procurement, governance, delivery or evaluation), for example young people on the bid evaluation panel'
        : 'This specification does not say how children, young people, parents or carers are involved: add participation: with how they shape, govern and evaluate the service, for example young people on the bid evaluation panel',
      at: sectionAt(model.value, 'participation'),
    });
  },
});
