import type { Expr } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { text } from '../helpers';
import { defineRule } from '../types';
import { thresholdAst } from '../sense/bounds';
import { fieldsAndBounds, holds, type Assignment } from '../sense/evaluate-threshold';
import { ageField, declaredFields, fieldRange } from '../sense/fields';
import { textsUnder } from '../sense/prose';

const MAX_POINTS = 60_000;
const tieBreak = /\b(higher|highest|more intensive|greater) (?:tier|level|band)s? (?:of need )?(?:applies|takes precedence|is used|wins)|meets? (?:the )?(?:thresholds? (?:of|for) )?more than one (?:tier|level|threshold)|more than one (?:tier|level|threshold)[^.]{0,60}\b(?:higher|highest)\b/i;

interface Tier {
  id: string;
  index: number;
  ast: Expr;
}

/** Candidate values for a field: each bound and its neighbours, inside the field's scale. */
function candidates(unit: string | undefined, bounds: Set<number>, range?: { min: number; max: number }): Array<number | boolean> | undefined {
  if (unit === 'boolean') return [false, true];
  if (unit && !['number', 'count', 'years', 'percent', 'money', 'duration'].includes(unit)) return undefined;
  const whole = unit === 'count' || unit === 'years' || unit === 'number' || [...bounds].every(Number.isInteger);
  const step = whole ? 1 : 0.5;
  const vals = new Set<number>();
  for (const b of bounds) for (const v of [b - step, b, b + step]) vals.add(v);
  let lo = Math.min(...bounds);
  let hi = Math.max(...bounds) + step;
  if (unit === 'count' || unit === 'percent' || unit === 'money' || unit === 'years') lo = Math.max(0, Math.min(lo, 0));
  if (range && Number.isFinite(range.min)) lo = range.min;
  if (range && Number.isFinite(range.max)) hi = range.max;
  const out = [...vals].filter((v) => v >= lo && v <= hi);
  if (!out.includes(lo) && Number.isFinite(lo)) out.push(lo);
  return out.sort((a, b) => a - b);
}

function describe(a: Assignment, names: string[]): string {
  return names.map((n) => {
    const v = a.get(n);
    return typeof v === 'boolean' ? (v ? n : `not ${n}`) : `${n} ${v}`;
  }).join(', ');
}

export default defineRule({
  meta: {
    id: 'tiers/partition',
    severity: 'warning',
    description: 'Need tier thresholds neither overlap nor leave gaps: every child in the population meets exactly one, or the specification says which tier applies.',
    rationale:
      'Cost-per-placement models price by level of need, so the tier a child is placed in decides the fee. When two thresholds admit the same child, the provider and the council can each argue for the tier that suits them; when no threshold admits a child, a referral falls between levels and waits. Tiers should partition the need scale, or say which tier applies where a child meets more than one.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29', 'Ipsos MORI 2019, ‘Cost per placement model’, p. 29'],
    kinds: ['specification'],
    tags: ['tiers'],
  },
  check({ doc, model, report }) {
    const tiers: Tier[] = [];
    get.arr(model.value.tiers).forEach((t, index) => {
      const o = get.obj(t);
      const th = text(o?.threshold);
      const ast = th ? thresholdAst(th) : undefined;
      if (o && ast) tiers.push({ id: text(o.id) ?? `tier ${index + 1}`, index, ast });
    });
    if (tiers.length < 2) return;
    const fields = declaredFields(model.value);
    const bounds = new Map<string, Set<number>>();
    for (const t of tiers) fieldsAndBounds(t.ast, bounds);
    // a child the service is not for is not a gap
    const elig = text(get.obj(model.value.needs)?.eligibility);
    const eligibility = elig ? thresholdAst(elig) : undefined;
    // the population's ages bound the age field
    const age = ageField(fields);
    const pop = get.obj(get.obj(model.value.needs)?.age);
    const popRange = get.num(pop?.min) !== undefined && get.num(pop?.max) !== undefined ? { min: get.num(pop!.min)!, max: get.num(pop!.max)! } : undefined;
    const names = [...bounds.keys()];
    const grid: Array<Array<number | boolean>> = [];
    for (const n of names) {
      const c = candidates(fields.get(n), bounds.get(n)!.size ? bounds.get(n)! : new Set([0]), n === age ? popRange : fieldRange(model.value, n));
      if (!c || c.length === 0) return; // a field this check cannot enumerate (text, a collection): no judgement
      grid.push(c);
    }
    const total = grid.reduce((n, g) => n * g.length, 1);
    if (total > MAX_POINTS) return;
    const allowOverlap = textsUnder(doc, 'tiers', 'tier_model', 'needs', 'transitions').some((s) => tieBreak.test(s.value));
    const overlaps = new Map<string, Assignment>();
    let gap: Assignment | undefined;
    const idx = new Array(names.length).fill(0);
    for (let p = 0; p < total; p++) {
      const a = new Map<string, number | boolean>();
      names.forEach((n, i) => a.set(n, grid[i][idx[i]]));
      const met: Tier[] = [];
      let unknown = false;
      for (const t of tiers) {
        const h = holds(t.ast, a);
        if (h === undefined) unknown = true;
        else if (h) met.push(t);
      }
      if (!unknown) {
        if (met.length === 0 && !gap && (!eligibility || holds(eligibility, a) !== false)) gap = a;
        if (met.length > 1 && !allowOverlap) {
          for (let i = 0; i < met.length; i++) for (let j = i + 1; j < met.length; j++) {
            const key = `${met[i].index}:${met[j].index}`;
            if (!overlaps.has(key)) overlaps.set(key, a);
          }
        }
      }
      for (let k = names.length - 1; k >= 0; k--) {
        if (++idx[k] < grid[k].length) break;
        idx[k] = 0;
      }
    }
    for (const [key, a] of overlaps) {
      const [i, j] = key.split(':').map(Number);
      const ti = tiers.find((t) => t.index === i)!;
      const tj = tiers.find((t) => t.index === j)!;
      report({
        message: `The thresholds of tiers '${ti.id}' and '${tj.id}' overlap: a child with ${describe(a, names)} meets both. Make them exclusive, or say which tier applies when a child meets more than one (for example 'the higher tier applies')`,
        at: { path: ['tiers', j, 'threshold'], part: 'value' },
      });
    }
    if (gap) {
      report({
        message: `No tier's threshold admits a child with ${describe(gap, names)}: close the gap between the thresholds, so every referral has a level of need and a price`,
        at: { path: ['tiers'], part: 'key' },
      });
    }
  },
});
