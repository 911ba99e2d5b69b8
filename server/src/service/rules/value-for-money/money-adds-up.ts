import { get } from '../../model';
import { listing, money, option, termYears, text } from '../helpers';
import { defineRule, type Rule, type RuleMeta } from '../types';

const meta: RuleMeta = {
  id: 'value-for-money/money-adds-up',
  severity: 'warning',
  description: 'The money agrees with itself: the annual budget over the term makes the total, partners\' contributions make the pooled budget, and the lots fit within the budget.',
  rationale:
    'Bidders price from the figures in the specification, and auditors check them. When the annual budget times the term is not the whole-term total, when the partners\' contributions do not add up to the pooled budget they are said to fund, or when the lots are worth more than the contract, someone has made a mistake that will surface as a clarification question, a challenge, or a contract the council cannot pay for. Joint commissioning needs each partner\'s contribution stated and reconciled.',
  evidence: ['PwC 2011, ‘Engagement with the programme: Impact on outcomes’', 'SHM 2009, section 2.2 ‘Structures and governance arrangements’, p. 12', 'Ipsos MORI 2019, ‘Governance’, p. 23'],
  kinds: ['specification'],
  tags: ['value-for-money', 'joint-commissioning'],
  options: {
    tolerance_percent: { type: 'number', default: 2, description: 'How far two figures may differ, in per cent, before they are said to disagree (rounding, part years).' },
  },
};

const differ = (a: number, b: number, tol: number) => Math.abs(a - b) > (tol / 100) * Math.max(Math.abs(a), Math.abs(b));

// budget.notes saying why the years differ (the message asks for exactly this), so the total is not annual × term
const explained = /\b(part[- ]years?|taper\w*|phas(?:e|ed|es|ing)\b|in stages|staged|ramp\w*[- ]up|uplift\w*|inflation|indexation|index-linked|increas\w*|decreas\w*|reduc\w*|(?:first|final|last) year|year (?:one|1)\b|differ\w*|var(?:y|ies|ying))/i;

export default {
  meta,
  check(ctx) {
    const { model, report } = ctx;
    const tol = option<number>(ctx, meta, 'tolerance_percent');
    const vfm = get.obj(model.value.value_for_money);
    const budget = get.obj(vfm?.budget);
    const annual = get.num(budget?.annual);
    const total = get.num(budget?.total);
    const years = termYears(model.value);

    // the annual budget over the initial term
    if (annual !== undefined && total !== undefined && years !== undefined && years >= 0.9 && !explained.test(text(budget?.notes) ?? '')) {
      const whole = annual * years;
      if (differ(whole, total, tol)) {
        const y = Math.round(years * 10) / 10;
        report({
          message: `The whole-term budget (${money(total)}) is not the annual budget over the ${y}-year term (${money(annual)} × ${y} = ${money(whole)}): correct one of them, or say in budget.notes: why they differ (for example a part year or a taper)`,
          at: { path: ['value_for_money', 'budget', 'total'], part: 'value' },
        });
      }
    }

    // partners' contributions against a pooled budget
    const c = get.obj(model.value.commissioner);
    const funding = get.str(c?.funding);
    if (c && annual !== undefined && (funding === 'pooled' || funding === 'section-75')) {
      const partners = get.arr(c.partners).map(get.obj);
      const amounts = partners.map((p) => get.num(p?.contribution));
      const lead = get.num(c.contribution);
      if (amounts.length > 0 && amounts.every((a) => a !== undefined)) {
        const sum = (amounts as number[]).reduce((a, b) => a + b, 0) + (lead ?? 0);
        const parts = [...(lead !== undefined ? [`${text(c.lead) ?? 'the lead'} ${money(lead)}`] : []), ...partners.map((p, i) => `${text(p?.name) ?? `partner ${i + 1}`} ${money(amounts[i]!)}`)];
        if (lead !== undefined ? differ(sum, annual, tol) : sum > annual * (1 + tol / 100)) {
          report({
            message: `The contributions to the pooled budget (${listing(parts.length > 4 ? [...parts.slice(0, 3), `${parts.length - 3} more`] : parts)}) come to ${money(sum)} a year, but the annual budget is ${money(annual)}: make them agree${lead === undefined ? ', and state the lead commissioner\'s own contribution (commissioner.contribution:)' : ''}`,
            at: { path: ['commissioner', 'partners'], part: 'key' },
          });
        }
      }
    }

    // lots against the contract
    const lots = get.arr(get.obj(model.value.market)?.lots).map(get.obj);
    const values = lots.map((l) => get.num(l?.value));
    if (annual !== undefined && values.length > 1 && values.every((v) => v !== undefined)) {
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      if (sum > annual * (1 + tol / 100)) {
        report({
          message: `The ${values.length} lots are worth ${money(sum)} a year together, more than the annual budget of ${money(annual)}: correct the lot values or the budget`,
          at: { path: ['market', 'lots'], part: 'key' },
        });
      }
    }
  },
} satisfies Rule;
