import { get } from '../../model';
import { defineRule, type RuleMeta } from '../types';
import { option } from '../helpers';

const meta: RuleMeta = {
  id: 'market/accreditations',
  severity: 'warning',
  description: 'The list of accreditations every bidder must hold is short.',
  rationale:
    'Commissioners of cultural services for children said they "weren\'t seeking a long list of \'badges\'": each mandatory accreditation costs a small provider money and months, and together they shut out exactly the local and voluntary organisations a council wants to reach. Ask only for the accreditations the service needs, and accept evidence of equivalent standards for the rest.',
  evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'IDeA 2009, section 3.2.4 ‘Working in partnership and commissioning jointly’'],
  kinds: ['specification'],
  tags: ['market'],
  options: {
    max: { type: 'number', default: 3, description: 'The most mandatory accreditations before the list counts as long.' },
  },
};

export default defineRule({
  meta,
  check(ctx) {
    const max = option<number>(ctx, meta, 'max');
    const list = get.arr(get.obj(ctx.model.value.market)?.accreditations);
    if (list.length <= max) return;
    ctx.report({
      message: `Bidders must hold ${list.length} accreditations: a long list shuts out small and voluntary providers. Keep the ones this service needs (at most ${max}), and accept evidence of equivalent standards for the rest`,
      at: { path: ['market', 'accreditations'], part: 'key' },
    });
  },
});
