import { get } from '../../model';
import { defineRule } from '../types';
import { text } from '../helpers';

export default defineRule({
  meta: {
    id: 'value-for-money/innovation-definition',
    severity: 'warning',
    description: 'An innovation payment defines what counts as innovation.',
    rationale:
      'In the NELCP evaluation "one stakeholder questioned the partnership\'s definition of innovation" and providers found "the contract specification was not clear in its ask for innovation from providers". An innovation payment nobody can define is either never claimed or always disputed.',
    evidence: ['Ipsos MORI 2019, ‘Innovation’, p. 27', 'Ipsos MORI 2019, ‘Innovation’, p. 27'],
    kinds: ['specification'],
    tags: ['value-for-money', 'payment'],
  },
  check({ model, report }) {
    get.arr(get.obj(model.value.value_for_money)?.outcome_payments).forEach((item, i) => {
      const p = get.obj(item);
      if (!p || get.str(p.type) !== 'innovation' || text(p.definition)) return;
      const id = text(p.id);
      report({
        message: `Innovation payment${id ? ` '${id}'` : ''} does not say what counts as innovation: add definition:, for example 'a practice new to the partnership that is tested with an evaluation plan agreed with the council'`,
        at: { path: ['value_for_money', 'outcome_payments', i], part: 'container' },
      });
    });
  },
});
