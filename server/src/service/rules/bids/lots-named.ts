import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { get } from '../../model';
import { documentAt } from '../helpers';

export default defineRule({
  meta: {
    id: 'bids/lots-named',
    severity: 'warning',
    description: 'Where the specification is divided into lots, the bid says which lots it is for.',
    rationale:
      'Lots let smaller providers bid for part of a contract. A bid that names no lots is read as a bid for all of them, which decides which outcomes and prices it must answer; saying so explicitly avoids a bid being evaluated for lots the provider never meant to deliver.',
    evidence: ['IDeA 2009, section 2.2.1 ‘Positioning, organisation and sector collaboration’', 'IDeA 2009, section 3.2.4 ‘Working in partnership and commissioning jointly’', 'schemas/src/bid.yaml: lots (leave out only when the specification has no lots)'],
    kinds: ['bid'],
    tags: ['bids', 'market'],
  },
  check({ model, linked, report }) {
    const spec = linked.specification;
    if (!spec || get.arr(model.value.lots).length > 0) return;
    const lots = get
      .arr(get.obj(spec.model.value.market)?.lots)
      .map((l) => get.str(get.obj(l)?.id))
      .filter((x): x is string => !!x);
    if (lots.length === 0) return;
    report({
      message: `The specification is divided into lots (${lots.join(', ')}) but this bid does not say which it is for, so it is checked as a bid for all of them: add lots: [${lots.join(', ')}] or just the lots you bid for`,
      at: documentAt(model.value),
      related: [specLocation(spec, ['market', 'lots'], 'The lots of the specification', 'key')],
    });
  },
});
