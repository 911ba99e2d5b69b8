import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt } from '../helpers';

export default defineRule({
  meta: {
    id: 'needs/target-groups',
    severity: 'warning',
    description: 'The specification names the groups of children and families it is for.',
    rationale:
      'Commissioners are asked to "look within the overall picture at outcomes for particular groups of young people" — looked-after children, asylum-seeking children, some BME groups, disabled children. Naming the target groups lets bidders show experience with them and lets the council check the service reaches them.',
    evidence: ['IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'IDeA 2009, section 3.1 ‘The priorities for children and young people’'],
    kinds: ['specification'],
    tags: ['needs'],
  },
  check({ model, report }) {
    const needs = get.obj(model.value.needs);
    if (get.arr(needs?.groups).length > 0) return;
    if (needs?.groups !== undefined && !Array.isArray(needs.groups)) return; // wrong type: a schema error
    report({
      message: 'The specification does not name the groups it serves: add needs.groups:, for example [looked-after, care-leavers, disabled]',
      at: needs ? { path: ['needs'], part: 'key' } : sectionAt(model.value, 'needs'),
    });
  },
});
