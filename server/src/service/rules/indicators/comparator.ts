import { get } from '../../model';
import { defineRule } from '../types';
import { indicators } from '../helpers';

export default defineRule({
  meta: {
    id: 'indicators/comparator',
    severity: 'warning',
    description: 'Every indicator names a comparator: statistical neighbours, the region, England or the local trend.',
    rationale:
      'Councils are asked to look at outcomes "against national and relevant local comparators" and to "benchmark themselves against statistical and national and/or regional neighbours". Without a comparator a baseline of 61% could be excellent or poor, and a target could be set below what similar areas already achieve.',
    evidence: ['IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'PwC 2011, ‘The programmes: Centre for Excellence and Outcomes (C4EO)’', 'NFER 2012, section 2.2.1 ‘Deciding the focus’'],
    kinds: ['specification'],
    tags: ['indicators'],
  },
  check({ model, report }) {
    for (const { path, ind, label } of indicators(model.value)) {
      if (ind.comparator !== undefined) continue; // a malformed comparator is a schema error
      report({
        message: `${label} has no comparator: add comparator: with type: statistical-neighbours, regional, national or local-trend (and its value and source), so the baseline and target can be judged`,
        at: { path, part: 'container' },
      });
    }
  },
});
