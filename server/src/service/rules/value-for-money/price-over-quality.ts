import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'value-for-money/price-over-quality',
    severity: 'warning',
    description: 'Price does not carry more weight than quality in the award criteria.',
    rationale:
      'Value for money "doesn\'t necessarily mean the cheapest". When price carries more of the score than quality, the cheapest compliant bid wins almost whatever it says about outcomes and safeguarding, and providers learn to bid low rather than well. Children\'s services tenders usually weight quality at 60 to 80 per cent.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’'],
    kinds: ['specification'],
    tags: ['value-for-money', 'award'],
  },
  check({ model, report }) {
    const criteria = get.arr(get.obj(get.obj(model.value.value_for_money)?.award)?.criteria).map(get.obj);
    let price = 0;
    let quality = 0;
    let firstPrice = -1;
    criteria.forEach((c, i) => {
      const w = get.num(c?.weight) ?? 0;
      const t = get.str(c?.type);
      if (t === 'price') {
        price += w;
        if (firstPrice < 0 && w > 0) firstPrice = i;
      } else if (t === 'quality') quality += w;
    });
    if (firstPrice < 0 || quality === 0 || price <= quality) return; // price alone is value-for-money/price-only
    report({
      message: `Price carries ${price}% of the score and quality ${quality}%, so price will decide the award: weight quality (the response to the outcomes and safeguarding) above price, for example 60% quality and 30% price`,
      at: { path: ['value_for_money', 'award', 'criteria', firstPrice, 'weight'], part: 'value' },
    });
  },
});
