import { get } from '../../model';
import { defineRule, type RuleMeta } from '../types';
import { contractValue, documentAt, indicators, money, option, text } from '../helpers';

/** What section 52 of the Procurement Act 2023 itself says: the options may set a council's own, stricter, policy. */
const ACT_THRESHOLD = 5_000_000;
const ACT_MINIMUM = 3;

/** The rule being applied, credited to the Act only where the figures are the Act's. */
function basis(threshold: number, minimum: number): string {
  const act = 'the Procurement Act 2023 (section 52)';
  if (threshold === ACT_THRESHOLD && minimum === ACT_MINIMUM) return `over the ${money(ACT_THRESHOLD)} at which ${act} requires at least ${ACT_MINIMUM} key performance indicators`;
  if (threshold === ACT_THRESHOLD) return `over the ${money(ACT_THRESHOLD)} above which ${act} requires key performance indicators, and this council's minimum is ${minimum} (the Act requires at least ${ACT_MINIMUM})`;
  const own = `over this council's threshold of ${money(threshold)} for key performance indicators`;
  const actual = `the Procurement Act 2023, section 52, requires at least ${ACT_MINIMUM} ${threshold < ACT_THRESHOLD ? 'only ' : ''}above ${money(ACT_THRESHOLD)}`;
  if (minimum === ACT_MINIMUM) return `${own} (${actual})`;
  return `${own}, and this council's minimum is ${minimum} (${actual})`;
}

const meta: RuleMeta = {
  id: 'value-for-money/contract-kpis',
  severity: 'warning',
  description: 'A contract worth more than £5 million marks at least three key performance indicators, or states why not.',
  rationale:
    'Section 52 of the Procurement Act 2023 requires a contracting authority to set at least three key performance indicators for a public contract with an estimated value over £5 million, and to publish them, unless it considers they could not be appropriately assessed. The value is taken from the whole-term budget, or the annual budget times the initial term (extensions are not counted, so a contract near the threshold may need checking by hand).',
  evidence: ['Procurement Act 2023 s.52', 'Procurement Act 2023 s.52(2) (exemption where KPIs could not be appropriately assessed)'],
  kinds: ['specification'],
  tags: ['value-for-money', 'indicators', 'procurement'],
  options: {
    threshold: { type: 'number', default: 5_000_000, description: 'Contract value (£, whole term) above which KPIs are required.' },
    minimum: { type: 'number', default: 3, description: 'How many indicators must be marked kpi: true.' },
  },
};

export default defineRule({
  meta,
  check(ctx) {
    const threshold = option<number>(ctx, meta, 'threshold');
    const minimum = option<number>(ctx, meta, 'minimum');
    const value = contractValue(ctx.model.value);
    if (!value || value.amount <= threshold) return;
    if (text(get.obj(ctx.model.value.procurement)?.kpi_exemption)) return;
    const kpis = indicators(ctx.model.value).filter(({ ind }) => ind.kpi === true).length;
    if (kpis >= minimum) return;
    const budget = get.obj(get.obj(ctx.model.value.value_for_money)?.budget);
    ctx.report({
      message: `This contract is worth about ${money(value.amount)} (${value.how}), ${basis(threshold, minimum)}, but ${kpis === 0 ? 'no indicator is' : kpis === 1 ? 'only 1 indicator is' : `only ${kpis} indicators are`} marked kpi: true: mark at least ${minimum}, or give procurement.kpi_exemption: with the reason`,
      at: budget ? { path: ['value_for_money', 'budget'], part: 'key' } : documentAt(ctx.model.value),
    });
  },
});
