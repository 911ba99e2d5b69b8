import { get } from '../../model';
import { defineRule } from '../types';
import { addTopLevel, documentAt } from '../helpers';
import { sectionLines } from './shared';

export default defineRule({
  meta: {
    id: 'safeguarding/section',
    severity: 'error',
    description: "A children's service specification has a safeguarding section.",
    rationale:
      'Safeguarding is "a core, statutory function for the local authority regardless of the future design or commissioning of other children\'s services", and "organisations require robust Safeguarding Policies". Every provider of a service to children is under the section 11 duty (Children Act 2004) and Working Together to Safeguard Children; the specification is where the council says how that duty is met in this service.',
    evidence: ['PwC 2011, ‘Priorities for improvement’, p. 73', 'IDeA 2009, section 3.1 ‘The priorities for children and young people’', 'IDeA 2009, section 3.2.11 ‘Contract compliance’', 'Children Act 2004 s.11', 'Working Together to Safeguard Children 2023'],
    kinds: ['specification'],
    tags: ['safeguarding'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const sg = model.value.safeguarding;
    if (sg !== undefined && sg !== null && !get.obj(sg)) return; // wrong type: a schema error
    if (get.obj(sg) && Object.keys(get.obj(sg)!).length > 0) return;
    const absent = sg === undefined;
    report({
      message: absent
        ? 'This specification has no safeguarding section: add safeguarding: with the statutory basis, checks, training, the escalation route (including the LADO) and the harms the service must respond to'
        : 'The safeguarding section is empty: say how children are kept safe, with the statutory basis, checks, training, the escalation route (including the LADO) and the harms the service must respond to',
      at: absent ? documentAt(model.value) : { path: ['safeguarding'], part: 'key' },
      fix: absent ? addTopLevel(doc, sectionLines, 'Add a safeguarding section to complete') : undefined,
    });
  },
});
