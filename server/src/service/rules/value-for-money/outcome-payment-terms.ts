import { parseExpression } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { defineRule } from '../types';
import { listing, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'value-for-money/outcome-payment-terms',
    severity: 'error',
    description: 'A payment-by-results or innovation clause states a cap, a basis and the outcomes it rewards.',
    rationale:
      'The NELCP contracts included "an innovation clause operating on a payment-by-results basis", paying providers "up to an additional seven percent of their total income if they develop innovative approaches to improve outcomes for young people". Each part matters: without a cap the council\'s liability is open, without a basis nobody can verify what is paid for, and without the outcomes it rewards the payment can reward activity.',
    evidence: ['Ipsos MORI 2019, ‘Innovation’, p. 27'],
    kinds: ['specification'],
    tags: ['value-for-money', 'payment'],
  },
  check({ model, report }) {
    get.arr(get.obj(model.value.value_for_money)?.outcome_payments).forEach((item, i) => {
      const p = get.obj(item);
      if (!p) return;
      const id = text(p.id);
      const name = `${get.str(p.type) === 'innovation' ? 'Innovation payment' : 'Outcome payment'}${id ? ` '${id}'` : ` ${i + 1}`}`;
      const rule = text(p.rule);
      const capInRule = rule ? (() => {
        const parsed = parseExpression(rule, 'payment');
        return parsed.ast?.type === 'payment' && parsed.ast.cap !== undefined;
      })() : false;
      const missing: string[] = [];
      if (!text(p.cap) && !capInRule) missing.push("a cap (cap:, the most it can pay, for example '7% of annual_fee')");
      if (!text(p.basis)) missing.push('a basis (basis:, how achievement is evidenced and verified before payment)');
      if (get.arr(p.outcomes).length === 0) missing.push('the outcomes it rewards (outcomes:, their ids)');
      if (missing.length === 0) return;
      report({
        message: `${name} does not state ${listing(missing, 'or', '; ')}: add ${missing.length > 1 ? 'them' : 'it'}, so the council's liability is capped and every payment is for a verified outcome`,
        at: { path: ['value_for_money', 'outcome_payments', i], part: 'container' },
      });
    });
  },
});
