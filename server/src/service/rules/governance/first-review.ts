import { get } from '../../model';
import { defineRule, type RuleMeta } from '../types';
import { addMonths, contractStart, dayNumber, formatDay, option, sectionAt } from '../helpers';

const meta: RuleMeta = {
  id: 'governance/first-review',
  severity: 'warning',
  description: 'The first contract or outcome review falls within about a year of the contract starting.',
  rationale:
    'Support was most likely to show "an impact on improving outcomes over the next 12 months", and a first review inside the first year is the council\'s chance to see whether mobilisation worked, whether referrals match the volumes forecast, and whether the indicators are being collected, while there is still time to put things right.',
  evidence: ['PwC 2011, ‘Findings: Commissioning Support Programme (CSP)’', 'PwC 2011, ‘Summary of programme lifecycle’, p. 9'],
  kinds: ['specification'],
  tags: ['governance', 'review'],
  options: {
    months: { type: 'number', default: 12, description: 'When the first review should fall, in months after the contract starts; a review in the month after that is still accepted.' },
  },
};

export default defineRule({
  meta,
  check(ctx) {
    const months = option<number>(ctx, meta, 'months');
    const g = get.obj(ctx.model.value.governance);
    const reviews = get.arr(g?.reviews)
      .map((r, i) => ({ i, day: dayNumber(get.obj(r)?.date) }))
      .filter((r): r is { i: number; day: number } => r.day !== undefined)
      .sort((a, b) => a.day - b.day);
    if (reviews.length === 0) {
      ctx.report({
        message: `No review date is set: add governance.reviews: with a first outcome review within ${months} months of the contract starting`,
        at: g ? (g.reviews !== undefined ? { path: ['governance', 'reviews'], part: 'key' } : { path: ['governance'], part: 'key' }) : sectionAt(ctx.model.value, 'governance'),
      });
      return;
    }
    const start = contractStart(ctx.model.value);
    if (start === undefined) return;
    const latest = addMonths(start, months);
    const first = reviews[0];
    // 'about a year': a first annual review in the month after the anniversary (the first year's
    // returns are in) is what the rule asks for, not a defect
    if (first.day <= addMonths(start, months + 1)) return;
    ctx.report({
      message: `The first review (${formatDay(first.day)}) is more than ${months} months after the contract starts (${formatDay(start)}): add a review by ${formatDay(latest)}, so problems show while there is time to act`,
      at: { path: ['governance', 'reviews', first.i, 'date'], part: 'value' },
    });
  },
});
