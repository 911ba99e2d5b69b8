import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'market/small-providers',
    severity: 'info',
    description: 'The specification says what is done to let small and voluntary-sector providers bid.',
    rationale:
      'Larger commissions have "implications for smaller organisations", and "larger national organisations have big machinery to engage in commissioning which many smaller organisations don\'t have". Lots, proportionate turnover thresholds, bidders\' days and consortium routes keep the local voluntary sector in the market; saying so in the specification shows bidders they are welcome.',
    evidence: ['IDeA 2009, section 3.2.4 ‘Working in partnership and commissioning jointly’', 'IDeA 2009, section 3.5 ‘How are Children and Young People’s Services engaging with cultural organisations?’', 'IDeA 2009, section 2.2.1 ‘Positioning, organisation and sector collaboration’'],
    kinds: ['specification'],
    strictOnly: true,
    tags: ['market'],
  },
  check({ model, report }) {
    const market = get.obj(model.value.market);
    if (text(market?.small_providers)) return;
    report({
      message: 'The specification does not say how small and voluntary-sector providers can bid: add market.small_providers:, for example lots, proportionate turnover thresholds, a bidders\' day or consortium bids',
      at: sectionAt(model.value, 'market'),
    });
  },
});
