import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, text } from '../helpers';
import { escalationLines } from './shared';

export default defineRule({
  meta: {
    id: 'safeguarding/escalation',
    severity: 'error',
    description: 'The safeguarding section states an escalation route for concerns.',
    rationale:
      'When a worker is worried about a child, they must know who to tell, in what order and how fast: the designated safeguarding lead, children\'s social care, the LADO (local authority designated officer) for allegations against staff, and the police where a crime is suspected. Working Together to Safeguard Children requires clear escalation and allegation procedures. (The sector-led improvement pilots made the same point for their own work: agree "escalation where areas of concern are identified" before you start.)',
    evidence: ['Working Together to Safeguard Children 2023', 'LADO procedures (Working Together, chapter 2)', 'NFER 2012, section 2.2.3 ‘Establishing ground rules’; section 2.3.1 ‘Challenge and review process’ (by analogy: escalation in peer challenge)'],
    kinds: ['specification'],
    tags: ['safeguarding'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return; // safeguarding/section reports it
    const esc = sg.escalation;
    if (esc === undefined) {
      report({
        message: "The safeguarding section has no escalation route: add escalation: with who a concern goes to, in order (designated lead, children's social care, the LADO for allegations against staff, the police), and how fast the council is told",
        at: { path: ['safeguarding'], part: 'key' },
        fix: addToMap(doc, ['safeguarding'], escalationLines, 'Add an escalation route to complete'),
      });
      return;
    }
    const escObj = get.obj(esc);
    if (!escObj || text(escObj.route)) return;
    report({
      message: "The safeguarding escalation has no route: add route: with who a concern goes to, in order (designated lead, children's social care, the LADO for allegations against staff, the police)",
      at: { path: ['safeguarding', 'escalation'], part: 'key' },
      fix: addToMap(doc, ['safeguarding', 'escalation'], [escalationLines[1].trim()], 'Add an escalation route to complete'),
    });
  },
});
