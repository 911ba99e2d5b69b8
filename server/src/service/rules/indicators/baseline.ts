import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, indicators, listing, text } from '../helpers';

const noFigure = ['insufficient-evidence', 'to-be-established'];

export default defineRule({
  meta: {
    id: 'indicators/baseline',
    severity: 'warning',
    description: 'Every indicator has a baseline value, or says there is not enough evidence yet and how the baseline will be set.',
    rationale:
      'Commissioners are told to "look at the current pattern of outcomes for children and young people in their area, and recent trends, against national and relevant local comparators" before setting targets. Without a baseline a target cannot be judged ambitious or timid, and a bid cannot show the difference it will make. Having no reliable figure yet is a normal answer ("not enough evidence to answer"): say so with status: insufficient-evidence or to-be-established, and how it will be measured.',
    evidence: ['IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'PwC 2011, ‘Phase 1: planning and design’, p. 10', 'PwC 2011, ‘Engagement with C4EO: Impact on outcomes’', 'PwC 2011, ‘Engagement with C4EO: Impact on outcomes’'],
    kinds: ['specification'],
    tags: ['indicators'],
    fixable: true,
  },
  check({ doc, model, report }) {
    for (const { path, ind, label } of indicators(model.value)) {
      const baseline = get.obj(ind.baseline);
      if (!baseline) continue; // a missing or malformed baseline is a schema error
      const status = get.str(baseline.status);
      if (get.num(baseline.value) !== undefined) continue;
      if (status && noFigure.includes(status)) {
        if (text(baseline.note)) continue;
        report({
          message: `${label} has no baseline figure yet (${status}) but does not say how it will be established: add note: with how and when the baseline will be measured`,
          at: { path: [...path, 'baseline'], part: 'key' },
          fix: addToMap(doc, [...path, 'baseline'], ['note: Measured over the first three months of the contract from the same data source as the target'], 'Add a note on how the baseline will be set'),
        });
        continue;
      }
      const date = text(baseline.date) ?? (typeof baseline.date === 'number' ? String(baseline.date) : undefined);
      const source = text(baseline.source);
      if (status === 'measured' || date || source) {
        // the figure exists (it was measured, on a date, from a source) and was left out: marking it
        // as to be established would throw away a baseline the commissioner already has
        const facts = listing([date ? `date (${date})` : '', source ? `source (${source})` : ''].filter(Boolean));
        const has = status === 'measured' ? `a measured baseline${facts ? ` with a ${facts}` : ''}` : `a baseline ${facts}`;
        report({
          message: `${label} has ${has} but no figure: add value: with the figure${source ? ` from ${source}` : ''}${date ? ` for ${date}` : ''}`,
          at: { path: [...path, 'baseline'], part: 'key' },
        });
        continue;
      }
      const lines = status ? ['note: Measured over the first three months of the contract from the same data source as the target'] : ['status: to-be-established', 'note: Measured over the first three months of the contract from the same data source as the target'];
      report({
        message: `${label} has no baseline value: give the current value with its date and source, or, if there is no reliable figure yet, status: insufficient-evidence or to-be-established with a note on how it will be measured`,
        at: { path: [...path, 'baseline'], part: 'key' },
        fix: addToMap(doc, [...path, 'baseline'], lines, 'Mark the baseline as to be established'),
      });
    }
  },
});
