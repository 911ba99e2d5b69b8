import { get } from '../../model';
import { defineRule } from '../types';

const times = new Set(['week', 'night', 'hour', 'year']);

export default defineRule({
  meta: {
    id: 'value-for-money/price-period',
    severity: 'error',
    description: 'A period is given only for a price per placement, child, family or session.',
    rationale:
      'A price per placement, child, family or session can cover a week, a month or a year (for example £4,300 per family per year), and `period:` says which. A price that is already per week, night, hour or year has no second period: "per week per year" cannot be priced, checked against a ceiling or compared between bids.',
    evidence: ['commspec price ceilings and bid prices: `per` and `period` together make the unit that ceilings and bid prices are compared in'],
    kinds: ['specification', 'bid'],
    tags: ['value-for-money', 'prices'],
  },
  check({ model, report }) {
    const list = model.kind === 'bid' ? { items: model.value.prices, path: ['prices'] } : { items: get.obj(model.value.value_for_money)?.prices, path: ['value_for_money', 'prices'] };
    get.arr(list.items).forEach((item, i) => {
      const p = get.obj(item);
      const per = get.str(p?.per);
      const period = get.str(p?.period);
      if (!per || !period || !times.has(per)) return;
      report({
        message: `This price is per ${per}, which is already a time, so 'period: ${period}' cannot apply: remove period:, or make per: what the price is for (placement, child, family or session) and keep period: ${period}`,
        at: { path: [...list.path, i, 'period'], part: 'value' },
      });
    });
  },
});
