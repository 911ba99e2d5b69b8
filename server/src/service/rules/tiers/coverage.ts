import type { PathSegment } from '../../document';
import { get } from '../../model';
import { defineRule } from '../types';
import { outcomes, text } from '../helpers';
import { declaredTiers } from './shared';

const notServedWords = /\bnot (?:served|provided|covered|delivered|offered|part of (?:this|the) (?:service|contract))\b|\boutside (?:the scope of )?(?:this|the) (?:service|contract)\b|\bout of scope\b/i;

/** `served: false`, or a definition that says the service does not serve the tier. */
function notServed(tier: Record<string, unknown> | undefined): boolean {
  if (tier?.served === false) return true;
  if (tier?.served === true) return false;
  const d = text(tier?.definition);
  return !!d && notServedWords.test(d);
}

export default defineRule({
  meta: {
    id: 'tiers/coverage',
    severity: 'warning',
    description: 'Every need tier the service covers has at least one outcome.',
    rationale:
      'When outcomes name the tiers they apply to, a tier the service is priced and contracted for but that no outcome covers is a level of need where nothing is expected to change: the contract pays for places, not results. The NELCP fee was "determined by the level of need, the placement requirements and outcomes" — all three, for every level.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'DOMAIN.md section 3: outcomes name the tiers they apply to'],
    kinds: ['specification'],
    tags: ['tiers', 'outcomes'],
  },
  check({ model, report }) {
    const all = outcomes(model.value);
    // an outcome without tiers: applies to every tier
    if (all.length === 0 || all.some(({ o }) => !Array.isArray(o.tiers) || o.tiers.length === 0)) return;
    const covered = new Set(all.flatMap(({ o }) => get.arr(o.tiers).map((t) => text(t)).filter((t): t is string => !!t)));
    const inScope = new Map<string, PathSegment[]>();
    for (const { path, id, t: tier } of declaredTiers(model.value)) {
      // a tier the service says it does not serve marks where the service ends, and needs no outcome
      if (!id || inScope.has(id) || notServed(tier)) continue;
      inScope.set(id, [...path, 'id']);
    }
    get.arr(get.obj(model.value.market)?.lots).forEach((lot, i) =>
      get.arr(get.obj(lot)?.tiers).forEach((t, j) => {
        const id = text(t);
        if (id && !inScope.has(id)) inScope.set(id, ['market', 'lots', i, 'tiers', j]);
      }),
    );
    get.arr(get.obj(model.value.value_for_money)?.prices).forEach((p, i) => {
      const id = text(get.obj(p)?.tier);
      if (id && !inScope.has(id)) inScope.set(id, ['value_for_money', 'prices', i, 'tier']);
    });
    for (const [id, path] of inScope) {
      if (covered.has(id)) continue;
      report({
        message: `No outcome applies to the tier '${id}', which this service covers: add '${id}' to the tiers: of the outcomes it serves, or add an outcome for children at this level of need`,
        at: { path, part: 'value' },
      });
    }
  },
});
