import { defineRule } from '../types';
import { indicators, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'indicators/data-source',
    severity: 'warning',
    description: 'Every indicator says where its data comes from.',
    rationale:
      'An indicator nobody can collect is not monitored. Naming the data source (a statutory return, the provider\'s monthly returns, a validated questionnaire) tells bidders what they must record and report, and lets the council check that "LA level data on key performance indicators" will exist when the review comes.',
    evidence: ['NFER 2012, section 2.2.1 ‘Deciding the focus’', 'PwC 2011, ‘Engagement with C4EO: Impact on outcomes’'],
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
