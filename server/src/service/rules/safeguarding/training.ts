import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, text } from '../helpers';
import { trainingLines } from './shared';

export default defineRule({
  meta: {
    id: 'safeguarding/training',
    severity: 'warning',
    description: 'The safeguarding section requires training, not only checks.',
    rationale:
      'Commissioners of services for vulnerable children wanted to know that staff "not only have the basic CRB checks but that they are trained and skilled in working with vulnerable children". A DBS check says a person is not barred; it says nothing about whether they recognise neglect, exploitation or a disclosure.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’'],
    kinds: ['specification'],
    tags: ['safeguarding', 'workforce'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    const training = sg.training;
    const checks = get.arr(sg.checks).length;
    const lead = checks ? `The safeguarding section names ${checks} pre-employment check${checks > 1 ? 's' : ''} but no training` : 'The safeguarding section requires no training';
    if (training === undefined) {
      report({
        message: `${lead}: add training: with who must be trained, to what level, and how often it is refreshed`,
        at: { path: ['safeguarding'], part: 'key' },
        fix: addToMap(doc, ['safeguarding'], trainingLines, 'Add a training requirement to complete'),
      });
      return;
    }
    const t = get.obj(training);
    if (!t || text(t.requirement)) return;
    report({
      message: `${lead} requirement: add requirement: under training: with who must be trained and to what level`,
      at: { path: ['safeguarding', 'training'], part: 'key' },
      fix: addToMap(doc, ['safeguarding', 'training'], [trainingLines[1].trim()], 'Add a training requirement to complete'),
    });
  },
});
