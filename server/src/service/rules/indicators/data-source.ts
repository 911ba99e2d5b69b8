import { defineRule } from '../types';
import { indicators, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'indicators/data-source',
    severity: 'warning',
    description: 'Every indicator says where its data comes from.',
    rationale:
      'An indicator nobody can collect is not monitored. Naming the data source (a statutory return, the provider\'s monthly returns, a validated questionnaire) tells bidders what they must record and report, and lets the council check that "LA level data on key performance indicators" will exist when the review comes.',
    evidence: ['seed 003 L281', 'seed 000 L1040'],
    kinds: ['specification'],
    tags: ['indicators'],
  },
  check({ model, report }) {
    for (const { path, ind, label } of indicators(model.value)) {
      if (text(ind.data_source)) continue;
      report({
        message: `${label} does not say where its data comes from: add data_source:, for example 'SSDA903 return', 'provider monthly returns' or 'Strengths and Difficulties Questionnaire'`,
        at: { path, part: 'container' },
      });
    }
  },
});
