import { parseExpression, type Expr } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { defineRule } from '../types';
import { listing, text } from '../helpers';

/** Periods an amount can be "per" and stay bounded: £20,000 per year is a ceiling, £1,200 per child is not. */
const periods = /^(year|annum|month|quarter|week|day|term|contract|clause)s?$/i;
/** Limiting wording before an amount or share: "up to 3%", "no more than £20,000", "a maximum of 5% of annual_fee". */
const limitWords = /\b(up to|no more than|not more than|a maximum of|maximum of|not exceeding|not to exceed|at most|capped at|limited to|subject to a (maximum|cap) of)\s+([£$€]\s?\d[\d,.]*\s?(k|m|bn|million|thousand)?|\d[\d,.]*\s?(%|percent|per cent))/i;
/** Per-unit wording after a limited amount: "per child", "for each young person". */
const perUnitAfter = /^(\s*of\s+\w+)?\s*(per|for each|for every|each)\s+([a-z]+(\s+person|\s+people)?)/i;

/** An amount "per child" (or a share of something per child): the total it pays has no ceiling. */
function perUnit(e: Expr | undefined): boolean {
  if (!e) return false;
  if (e.type === 'per') return (e.basis.kind === 'noun' && !periods.test(e.basis.name)) || perUnit(e.operand);
  if (e.type === 'of') return perUnit(e.part) || perUnit(e.whole);
  return false;
}

/**
 * Whether the payment rule itself caps what the clause pays: a `capped at` clause, or an amount or share
 * introduced by "up to", "no more than", "a maximum of", "not exceeding". A limit on each payment
 * ("up to £1,200 per child") caps no total: it is returned as perUnit.
 */
function capInRule(rule: string): { capped: boolean; perUnit?: string } {
  const parsed = parseExpression(rule, 'payment');
  const ast = parsed.ast;
  if (ast?.type === 'payment' && ast.cap !== undefined) return { capped: true };
  if (ast?.type === 'payment' && ast.upTo && !parsed.diagnostics.some((d) => d.severity === 'error')) {
    if (!perUnit(ast.amount)) return { capped: true };
    return { capped: false, perUnit: `up to ${rule.slice(ast.amount.span.start, ast.amount.span.end)}` };
  }
  // wording the expression grammar does not read ("no more than 3% of annual_fee"): read the text
  const m = limitWords.exec(rule);
  if (!m) return { capped: false };
  const unit = perUnitAfter.exec(rule.slice(m.index + m[0].length));
  if (unit && !periods.test(unit[3])) return { capped: false, perUnit: `${m[0]}${unit[0]}`.trim() };
  return { capped: true };
}

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
      const cap = rule ? capInRule(rule) : { capped: false };
      const missing: string[] = [];
      if (!text(p.cap) && !cap.capped) {
        missing.push(cap.perUnit
          ? `a cap on the total (its rule limits each payment, '${cap.perUnit}', but not how many are paid; cap:, the most the clause can pay in all, for example '£50,000 per year')`
          : "a cap (cap:, the most it can pay, for example '7% of annual_fee')");
      }
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
