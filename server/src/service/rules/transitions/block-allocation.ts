import { get } from '../../model';
import { defineRule } from '../types';
import { listing, sectionAt, text } from '../helpers';

const placementServices = ['residential-care', 'fostering', 'leaving-care'];
/**
 * Wording for a provider saying no to a referral. "Objectives", "objective" and "challenging behaviour"
 * are not refusals: only "object to", "objects", "objection", and challenges to a decision count.
 */
const refusal = /\b(refus(e|es|ed|ing|als?)|declin(e|es|ed|ing)\b(?!\s+(health|numbers|rates?|trend))|reject(s|ed|ing|ions?)?|object(s|ed|ing)?\s+to|objects|objections?|turn(s|ed|ing)?\s+(\w+\s+){0,2}(down|away)|challeng(e|es|ed)\s+(\w+\s+)?(a|an|the|any|this|that|their|its)\s+(referral|match\w*|allocation|decision|placement)|disput(e|es|ed)|not (able|suitable|willing) to accept|(cannot|can't|can not|unable to|does not|doesn't|may not|will not|won't) accept|says? no)\b/i;

export default defineRule({
  meta: {
    id: 'transitions/block-allocation',
    severity: 'warning',
    description: 'A block contract sets out how children are referred, matched to places, and what happens when a provider refuses a referral.',
    rationale:
      'In the NELCP block contracts "placements are not perceived to be fairly allocated"; the partnership wanted to "place the children and young people with the greatest level of need, with little power by providers to object", while providers felt "perceived pressure to fill vacant placements, raising the risk of not placing a child in a suitable environment". A single referral process and "placement matching" were central. Block contracts need the referral, matching and refusal rules in writing.',
    evidence: ['Ipsos MORI 2019, ‘Outputs’, p. 14', 'Ipsos MORI 2019, ‘Co-production’, p. 21', 'Ipsos MORI 2019, ‘Local authority and service provider engagement’, p. 24', 'Ipsos MORI 2019, ‘Innovation’, p. 27'],
    kinds: ['specification'],
    tags: ['transitions', 'value-for-money'],
  },
  check({ model, report }) {
    if (get.str(get.obj(model.value.value_for_money)?.pricing_model) !== 'block') return;
    const t = get.obj(model.value.transitions);
    const missing: string[] = [];
    if (!text(t?.referral)) missing.push('how children are referred (referral:)');
    const matching = text(t?.matching);
    // refusal rules matter where a provider can turn a child away from a home: placement services
    const placements = placementServices.includes(get.str(model.value.service_type) ?? '');
    // a block contract for a community service (youth work, kinship support) buys a team, not
    // places: with no places declared there is nothing to match children to
    const hasPlaces = placements || get.str(model.value.service_type) === 'short-breaks' || get.arr(get.obj(model.value.market)?.lots).some((l) => get.num(get.obj(l)?.places) !== undefined);
    if (!matching) {
      if (hasPlaces) missing.push(placements ? 'how a child is matched to a placement, and what happens when the provider declines a referral (matching:)' : 'how children are matched or allocated to places (matching:)');
    } else if (placements && !refusal.test(matching)) missing.push('what happens when the provider declines a referral (in matching:)');
    if (missing.length === 0) return;
    report({
      message: `This is a block contract, but the specification does not say ${listing(missing)}: set out the allocation rules so places are filled fairly and never with an unsuitable match`,
      at: t ? { path: ['transitions'], part: 'key' } : sectionAt(model.value, 'transitions'),
    });
  },
});
