import { get } from '../../model';
import { defineRule, type RuleMeta } from '../types';
import { indicators, option, text } from '../helpers';

/** Who or what an indicator counts, from the start of its definition ("Parent carers using short breaks …"). */
const subjects =
  /\b(parent carers|foster carers|kinship carers|young carers|special guardians|adopters|young people|young adults|care leavers|children(?!['’]s)|babies|infants|pupils|students|learners|mothers|fathers|parents|carers|families|households|adults|staff|practitioners|social workers|workers|volunteers|mentors|providers|schools|settings|referrals|assessments|plans|placements|cases|contacts|visits|episodes|reviews|sessions|breaks)\b/i;

function counted(definition: string | undefined): string {
  const m = subjects.exec((definition ?? '').slice(0, 80));
  return m ? m[1].toLowerCase() : 'people or cases';
}

const meta: RuleMeta = {
  id: 'indicators/base-n',
  severity: 'warning',
  description: 'A percentage indicator says how many children, families or cases its baseline counts, and that number is not small.',
  rationale:
    'Percentages on small numbers swing widely: one child more or less moves a rate of 20 children by five points. The national evaluation of the Commissioning Support Programme marked a base of 47 with "Please note the small base. Use caution when analysing the results." State the base (baseline n:) and the smallest number the indicator is reported on as a percentage (minimum_n:), below which counts are reported instead.',
  evidence: ['PwC 2011, ‘Engagement with C4EO’, p. 21', 'PwC 2011, ‘Engagement with C4EO’, p. 21', 'IDeA 2009, section 4.2 ‘Evaluation’'],
  kinds: ['specification'],
  tags: ['indicators'],
  options: {
    smallBase: { type: 'number', default: 50, description: 'A baseline counting fewer children than this is a small base (the evaluation flagged 47 as small).' },
  },
};

export default defineRule({
  meta,
  check(ctx) {
    const small = option<number>(ctx, meta, 'smallBase');
    for (const { path, ind, label } of indicators(ctx.model.value)) {
      if (get.str(ind.unit) !== 'percent') continue;
      const baseline = get.obj(ind.baseline);
      const n = get.num(baseline?.n);
      const min = get.num(ind.minimum_n);
      if (n === undefined && min === undefined) {
        ctx.report({
          message: `${label} is a percentage but says nothing about how many ${counted(text(ind.definition))} it counts: add n: to the baseline and minimum_n: (the smallest number it is reported on as a percentage)`,
          at: { path, part: 'container' },
        });
      } else if (n !== undefined && n < small && !(min !== undefined && min <= n)) {
        ctx.report({
          message: `The baseline of ${label.replace(/^Indicator/, 'indicator')} is a percentage of only ${n}: a small base swings widely. Set minimum_n: to the smallest number it is reported on as a percentage, and read changes with caution`,
          at: { path: [...path, 'baseline', 'n'], part: 'value' },
        });
      }
    }
  },
});
