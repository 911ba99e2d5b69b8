import { get } from '../../model';
import { defineRule } from '../types';
import { indicators, listing, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'indicators/baseline-source',
    severity: 'warning',
    description: 'A baseline value says when it was measured and where the figure comes from.',
    rationale:
      'A baseline is only useful if it can be measured again the same way: bidders and evaluators need its date and source to compare like with like, and "many local authorities struggle to measure impact consistently". A figure with no date or source cannot be checked, refreshed or used to judge progress.',
    evidence: ['IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'PwC 2011, ‘Engagement with C4EO: Impact on outcomes’', 'NFER 2012, section 2.2.1 ‘Deciding the focus’'],
    kinds: ['specification'],
    tags: ['indicators'],
  },
  check({ model, report }) {
    for (const { path, ind, label } of indicators(model.value)) {
      const baseline = get.obj(ind.baseline);
      const value = get.num(baseline?.value);
      if (!baseline || value === undefined) continue;
      const missing: string[] = [];
      if (!text(baseline.date)) missing.push('no date (date:)');
      if (!text(baseline.source)) missing.push('no source (source:, for example the SSDA903 return 2024-25)');
      if (missing.length === 0) continue;
      report({
        message: `The baseline of ${label.replace(/^Indicator/, 'indicator')} (${value}) has ${listing(missing)}: say when it was measured and where the figure comes from, so it can be measured again the same way`,
        at: { path: [...path, 'baseline'], part: 'key' },
      });
    }
  },
});
