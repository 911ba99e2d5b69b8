import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, text } from '../helpers';

/**
 * Voluntary and community providers by name. "Voluntary" alone is not one: "attendance is voluntary" or
 * "a stay is voluntary after 18" say nothing about who provides the service.
 */
const vcsWords = /\b(voluntary(,| and| or|\/)? (and |or )?(community|sector|organisations?|organizations?|groups?|providers?|bodies|agenc(y|ies))|third[- ]sector|charit(y|ies)|charitable (organisations?|organizations?|trusts?|bodies|providers?|sector)|community (groups?|organisations?|organizations?|sector)|VCF?SE?|social enterprises?)\b/i;

/** Why the service looks open to voluntary and community providers, or undefined. */
function thirdSectorSignal(value: Record<string, unknown>): string | undefined {
  const vfm = get.obj(value.value_for_money);
  const market = get.obj(value.market);
  if (get.arr(get.obj(vfm?.social_value)?.themes).includes('voluntary-sector-support')) return 'its social value themes include voluntary-sector support';
  if (text(market?.small_providers)) return 'it sets out how small and voluntary providers can bid';
  if (get.str(get.obj(value.procurement)?.route) === 'grant' || get.str(vfm?.pricing_model) === 'grant') return 'it is grant funded';
  if (get.arr(market?.lots).length > 1) return 'it is divided into lots';
  for (const s of [value.summary, market?.engagement, get.obj(value.needs)?.summary]) {
    const m = vcsWords.exec(text(s) ?? '');
    if (m) return `it mentions ${/(s|ies|enterprises?|providers?)$/i.test(m[0]) && !/VCS$/i.test(m[0]) ? m[0] : `${m[0]} providers`}`;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'value-for-money/full-cost-recovery',
    severity: 'warning',
    description: 'Where prices are capped and voluntary or community providers may bid, the specification commits to full cost recovery.',
    rationale:
      'Councils\' cultural commissioning strategies made "a commitment to full cost recovery for third sector organisations": a price cap that covers only direct delivery makes a charity subsidise the council\'s service from its reserves or donations, and pushes small providers out of the market.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'IDeA 2009, section 3.2.4 ‘Working in partnership and commissioning jointly’'],
    kinds: ['specification'],
    tags: ['value-for-money', 'market'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const vfm = get.obj(model.value.value_for_money);
    if (!vfm || text(vfm.full_cost_recovery)) return;
    // a budget is not a cap on a price: only price ceilings (and capped rates) are
    const ceilings = get.arr(vfm.prices).filter((p) => get.num(get.obj(p)?.ceiling) !== undefined).length;
    if (ceilings === 0) return;
    const why = thirdSectorSignal(model.value);
    if (!why) return;
    report({
      message: `The specification caps ${ceilings} price${ceilings > 1 ? 's' : ''} (price ceilings under prices:) and the service is open to voluntary and community providers (${why}), but there is no full cost recovery statement: add full_cost_recovery: saying that prices cover the full cost of delivery, including overheads`,
      at: { path: ['value_for_money'], part: 'key' },
      fix: addToMap(doc, ['value_for_money'], ['full_cost_recovery: Prices cover the full cost of delivery, including management, supervision, training and a fair share of overheads'], 'Add a full cost recovery statement'),
    });
  },
});
