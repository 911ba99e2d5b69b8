import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt } from '../helpers';

export default defineRule({
  meta: {
    id: 'needs/assessment',
    severity: 'warning',
    description: 'The specification refers to the needs assessment it rests on.',
    rationale:
      '"The Needs Assessment is the basis for defining desired outcomes." The commissioning cycle runs from current outcomes and needs to priorities and only then to purchasing; a specification that cannot point to its needs assessment cannot show why these outcomes, for these children, at this volume.',
    evidence: ['IDeA 2009, section 3.2.1 ‘Outcome focused – based on an analysis of need’', 'IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'IDeA 2009, section 3.3 ‘What are the commissioning procedures?’'],
    kinds: ['specification'],
    tags: ['needs'],
  },
  check({ model, report }) {
    const needs = get.obj(model.value.needs);
    if (needs?.assessment !== undefined) return;
    report({
      message: 'The specification does not name the needs assessment it rests on: add needs.assessment: with its title and date (and a link where it is published)',
      at: needs ? { path: ['needs'], part: 'key' } : sectionAt(model.value, 'needs'),
    });
  },
});
