import { parseExpression, type Expr } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { addMonths, contractStart, dayNumber, money, option, termYears, text } from '../helpers';
import { defineRule, type Rule, type RuleMeta } from '../types';

const meta: RuleMeta = {
  id: 'value-for-money/share-at-risk',
  severity: 'warning',
  description: 'The share of the provider\'s income paid on results is proportionate, or the specification says why it is larger.',
  rationale:
    'The North-East London Commissioning Partnership paid up to an additional seven per cent of a provider\'s total income on results, on top of the standard fee. A much larger share at risk changes who can bid: a small or voluntary provider cannot carry the risk of not being paid for work already done, and a provider under pressure to earn its results payment may choose the children most likely to succeed. The threshold is configurable; the default leaves room above the seven per cent the evidence shows.',
  evidence: ['Ipsos MORI 2019, ‘Innovation’, p. 27', 'IDeA 2009, section 2.2.4 ‘Efficiency’'],
  kinds: ['specification'],
  tags: ['value-for-money', 'payment-by-results'],
  options: {
    max_percent: { type: 'number', default: 10, description: "The largest share of the provider's possible income, in per cent, that may be paid on results without a stated rationale." },
  },
};

interface Clause {
  id: string;
  /** Pounds a year, when it can be worked out. */
  perYear?: number;
  how?: string;
}

const perYearOf: Record<string, number> = { year: 1, month: 12, quarter: 4, week: 52, day: 365 };

/** The yearly amount of a cap, when it can be worked out: `7% of annual_fee`, `£75,000 per year`. */
function yearly(e: Expr | undefined, base: number | undefined, years: number | undefined): { amount: number; how: string } | undefined {
  if (!e) return undefined;
  switch (e.type) {
    case 'payment':
      return yearly(e.cap ?? e.amount, base, years);
    case 'paren':
      return yearly(e.inner, base, years);
    case 'of':
      if (e.part.type === 'percent' && base !== undefined && e.whole.type === 'identifier') return { amount: (e.part.value / 100) * base, how: `${e.part.value}% of ${e.whole.name}` };
      return undefined;
    case 'per':
      if (e.operand.type === 'money' && e.basis.kind === 'period' && perYearOf[e.basis.unit]) return { amount: e.operand.value * perYearOf[e.basis.unit], how: `${money(e.operand.value)} per ${e.basis.unit}` };
      return undefined;
    case 'money':
      if (years && years > 0) return { amount: e.value / years, how: `${money(e.value)} over the term` };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The initial term in years, counted in calendar months when it runs whole months (1 April 2026 to
 * 31 March 2031 is 5 years, not 1,826 days / 365.25), so yearly sums come out as the document states them.
 */
function years(value: Record<string, unknown>): number | undefined {
  const start = contractStart(value);
  const end = dayNumber(get.obj(value.term)?.end);
  if (start === undefined || end === undefined || end <= start) return termYears(value);
  for (let m = 1; m <= 1200; m++) {
    const d = addMonths(start, m);
    if (d === end + 1) return m / 12;
    if (d > end + 1) break;
  }
  return termYears(value);
}

export default {
  meta,
  check(ctx) {
    const { model, report } = ctx;
    const vfm = get.obj(model.value.value_for_money);
    const payments = get.arr(vfm?.outcome_payments).map(get.obj);
    if (!vfm || payments.length === 0 || text(vfm.results_rationale)) return;
    const term = years(model.value);
    const budget = get.obj(vfm.budget);
    const total = get.num(budget?.total);
    const annual = get.num(budget?.annual) ?? (total !== undefined && term ? total / term : undefined);
    if (annual === undefined || annual <= 0) return;
    const clauses: Clause[] = [];
    payments.forEach((p, i) => {
      if (!p) return;
      const src = text(p.cap) ?? text(p.rule);
      const parsed = src ? parseExpression(src, 'payment') : undefined;
      const y = parsed && !parsed.diagnostics.some((d) => d.severity === 'error') ? yearly(parsed.ast, annual, term) : undefined;
      clauses.push({ id: text(p.id) ?? `payment ${i + 1}`, perYear: y?.amount, how: y?.how });
    });
    const known = clauses.filter((c) => c.perYear !== undefined);
    if (known.length === 0) return;
    const results = known.reduce((n, c) => n + c.perYear!, 0);
    const share = (results / (annual + results)) * 100;
    const max = option<number>(ctx, meta, 'max_percent');
    if (share <= max) return;
    const unknown = clauses.length - known.length;
    // enough decimals that a share just over the limit does not read as equal to it
    let places = 1;
    while (places < 3 && Number(share.toFixed(places)) <= max) places++;
    report({
      message: `${unknown ? 'At least ' : 'Up to '}${money(results)} a year (${known.map((c) => `${c.id}: ${c.how}`).join('; ')}) is paid on results: ${share.toFixed(places)}% of the provider's possible income, above ${max}% (the North-East London partnership used up to 7%). Lower the caps, or add results_rationale: under value_for_money: saying why this share is right and how smaller providers can carry it`,
      at: { path: ['value_for_money', 'outcome_payments'], part: 'key' },
    });
  },
} satisfies Rule;
