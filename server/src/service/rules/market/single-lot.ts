import { get } from '../../model';
import { defineRule, type RuleMeta } from '../types';
import { addToMap, money, option, sectionAt, termYears, text } from '../helpers';

const meta: RuleMeta = {
  id: 'market/single-lot',
  severity: 'warning',
  description: 'A large contract let as a single lot allows consortium bids or subcontracting.',
  rationale:
    'Commissioners saw "a tendency towards larger commissions and therefore implications for smaller organisations", with "national organisations being better organised (and resourced) to bid" and "big machinery to engage in commissioning which many smaller organisations don\'t have". Local providers answered by "setting up formal consortia with legal identities" — but only where the specification lets them, and with time: NELCP bidders had "too little time to form a consortium".',
  evidence: ['IDeA 2009, section 2.2.1 ‘Positioning, organisation and sector collaboration’', 'IDeA 2009, section 3.2.4 ‘Working in partnership and commissioning jointly’', 'IDeA 2009, section 3.5 ‘How are Children and Young People’s Services engaging with cultural organisations?’', 'IDeA 2009, section 2.2.1 ‘Positioning, organisation and sector collaboration’', 'Ipsos MORI 2019, ‘Local authority and service provider engagement’, p. 24'],
  kinds: ['specification'],
  tags: ['market'],
  fixable: true,
  options: {
    largeLot: { type: 'number', default: 1_000_000, description: 'Annual value (£) from which a single lot counts as large.' },
  },
};

export default defineRule({
  meta,
  check(ctx) {
    const large = option<number>(ctx, meta, 'largeLot');
    const v = ctx.model.value;
    const market = get.obj(v.market);
    const lots = get.arr(market?.lots);
    if (lots.length > 1) return;
    if (market?.consortium_bids === true || text(market?.subcontracting)) return;
    const budget = get.obj(get.obj(v.value_for_money)?.budget);
    const years = termYears(v);
    const total = get.num(budget?.total);
    const annual = get.num(get.obj(lots[0])?.value) ?? get.num(budget?.annual) ?? (total !== undefined && years ? total / years : undefined);
    if (annual === undefined || annual < large) return;
    ctx.report({
      message: `This contract is let as a single lot worth about ${money(annual)} a year with no route for consortium bids or subcontracting: set consortium_bids: true or describe subcontracting: under market:, or divide it into lots, so small and local providers can take part`,
      at: market ? { path: ['market'], part: 'key' } : sectionAt(v, 'market'),
      fix: market && market.consortium_bids === undefined ? addToMap(ctx.doc, ['market'], ['consortium_bids: true'], 'Allow consortium bids') : undefined,
    });
  },
});
