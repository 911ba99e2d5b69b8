import { get } from '../../model';

export const jointFunding = ['pooled', 'aligned', 'section-75'];

/** Why the commissioning is joint, or undefined when it is a single commissioner. */
export function jointReason(commissioner: Record<string, unknown> | undefined): string | undefined {
  const funding = get.str(commissioner?.funding);
  const type = get.str(commissioner?.type);
  if (funding === 'section-75') return 'the money is pooled under a section 75 agreement';
  if (funding === 'pooled') return 'the budget is pooled';
  if (funding === 'aligned') return 'partners align their budgets';
  if (type === 'partnership') return 'a partnership commissions it';
  if (type === 'joint-commissioning-unit') return 'a joint commissioning unit commissions it';
  return undefined;
}
