/**
 * What changed between two versions of a specification, in commissioner terms: outcomes added or
 * removed, statements reworded, indicator targets raised or lowered (judged with the expression
 * language's `compareAmbition`, so a lower number on a lower-is-better indicator is a raised target),
 * baselines, price ceilings, requirements, award weights and dates moved. For clarification notices
 * during a tender, and for bid checks ("what changed since the version this bid answered").
 *
 * Pure: two models in, a list of changes out. Works on partly invalid documents.
 */

import { compareAmbition, parseExpression } from '../../../../grammar/src/index';
import { get, type DocumentModel } from '../model';
import { date, label, money, number, priceUnit, quantity, text } from '../render/format';
import { escapeMarkdown } from './markdown';
import { collapseBreaksAndSpace } from './whitespace';

export interface SpecChange {
  /** The part of the specification, as its heading reads: `Outcomes`, `Indicators`, `Prices`… */
  section: string;
  /** A stable code for programs: `outcome-added`, `indicator-target-raised`, `price-ceiling-lowered`… */
  code: string;
  /** The id of the item concerned (outcome, indicator, tier, requirement, criterion, lot, payment), when it has one. */
  id?: string;
  /** What changed, in a sentence a bidder can read. */
  message: string;
  /** The old and new values as text, when there are both or either. */
  before?: string;
  after?: string;
  /** Where the item is in the new document (or in the old one, when it was removed). */
  path: Array<string | number>;
}

type Obj = Record<string, unknown>;
type Path = Array<string | number>;

/** A value as a reader sees it. */
function show(v: unknown, kind?: 'money' | 'date'): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (kind === 'money' && typeof v === 'number') return money(v);
  if (kind === 'date') return date(v)?.human ?? text(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return text(v);
  if (Array.isArray(v)) return v.map((x) => show(x)).filter(Boolean).join(', ') || undefined;
  if (typeof v === 'object') {
    return (
      Object.entries(v as Obj)
        .map(([k, x]) => `${k.replace(/_/g, ' ')}: ${show(x) ?? ''}`)
        .join('; ') || undefined
    );
  }
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Obj = {};
    for (const k of Object.keys(v as Obj).sort()) out[k] = canonical((v as Obj)[k]);
    return out;
  }
  return v;
}

function byId(list: unknown): Map<string, { item: Obj; index: number }> {
  const m = new Map<string, { item: Obj; index: number }>();
  get.arr(list).forEach((x, index) => {
    const item = get.obj(x);
    const id = text(item?.id);
    if (item && id && !m.has(id)) m.set(id, { item, index });
  });
  return m;
}

const dayValue = (v: unknown): number | undefined => {
  const d = date(v);
  if (!d) return undefined;
  const [y, m, day] = d.iso.split('-').map(Number);
  return Date.UTC(y, m - 1, day ?? 1);
};

/** Collects changes. */
class Changes {
  readonly list: SpecChange[] = [];

  add(c: SpecChange): void {
    this.list.push(c);
  }

  /** A text field: added, removed or reworded. */
  text(section: string, code: string, what: string, before: unknown, after: unknown, path: Path, id?: string): void {
    if (same(before, after)) return;
    const b = show(before);
    const a = show(after);
    if (b === undefined && a === undefined) return;
    if (b === undefined) this.add({ section, code: `${code}-added`, id, message: `${what} added`, after: a, path });
    else if (a === undefined) this.add({ section, code: `${code}-removed`, id, message: `${what} removed`, before: b, path });
    else this.add({ section, code: `${code}-changed`, id, message: `${what} changed`, before: b, after: a, path });
  }

  /** A number: raised or lowered. */
  amount(section: string, code: string, what: string, before: unknown, after: unknown, path: Path, kind?: 'money', id?: string, unit?: unknown): void {
    if (same(before, after)) return;
    const b = get.num(before);
    const a = get.num(after);
    if (b !== undefined && a !== undefined) {
      const fmt = (x: unknown) => (unit !== undefined ? (quantity(x, unit) ?? show(x)) : show(x, kind));
      this.add({ section, code: `${code}-${a > b ? 'raised' : 'lowered'}`, id, message: `${what} ${a > b ? 'raised' : 'lowered'}`, before: fmt(before), after: fmt(after), path });
    } else this.text(section, code, what, kind ? show(before, kind) : before, kind ? show(after, kind) : after, path, id);
  }

  /** A date: moved earlier or later. */
  date(section: string, code: string, what: string, before: unknown, after: unknown, path: Path, id?: string): void {
    if (same(before, after)) return;
    const b = dayValue(before);
    const a = dayValue(after);
    if (b !== undefined && a !== undefined && a !== b) {
      this.add({ section, code: `${code}-moved`, id, message: `${what} moved ${a > b ? 'later' : 'earlier'}`, before: show(before, 'date'), after: show(after, 'date'), path });
    } else this.text(section, code, what, show(before, 'date') ?? before, show(after, 'date') ?? after, path, id);
  }

  /** A list of codes: which were added and which removed. */
  set(section: string, code: string, what: string, before: unknown, after: unknown, path: Path, id?: string, words: (s: string) => string = (s) => label(s) ?? s): void {
    const b = get.arr(before).map(text).filter((s): s is string => s !== undefined);
    const a = get.arr(after).map(text).filter((s): s is string => s !== undefined);
    const added = a.filter((x) => !b.includes(x));
    const removed = b.filter((x) => !a.includes(x));
    if (added.length) this.add({ section, code: `${code}-added`, id, message: `${what}: added ${added.map(words).join(', ')}`, before: b.map(words).join(', ') || undefined, after: a.map(words).join(', '), path });
    if (removed.length) this.add({ section, code: `${code}-removed`, id, message: `${what}: removed ${removed.map(words).join(', ')}`, before: b.map(words).join(', '), after: a.map(words).join(', ') || undefined, path });
  }
}

function plainReason(reason: string): string {
  return reason
    .replace(/\bthe bid's\b/g, "the new target's")
    .replace(/\bthe bid\b/g, 'the new target')
    .replace(/\bthe specification's\b/g, "the old target's")
    .replace(/\bthe specification\b/g, 'the old target')
    .replace(/\bbid: /g, 'new target: ')
    .replace(/\bspecification: /g, 'old target: ');
}

function outcomesAndIndicators(c: Changes, o: Obj, n: Obj): void {
  const oldOutcomes = byId(o.outcomes);
  const newOutcomes = byId(n.outcomes);
  for (const [id, { item, index }] of oldOutcomes) {
    if (!newOutcomes.has(id)) c.add({ section: 'Outcomes', code: 'outcome-removed', id, message: `Outcome '${id}' removed`, before: text(item.statement), path: ['outcomes', index] });
  }
  for (const [id, { item, index }] of newOutcomes) {
    const path: Path = ['outcomes', index];
    const old = oldOutcomes.get(id)?.item;
    if (!old) {
      c.add({ section: 'Outcomes', code: 'outcome-added', id, message: `Outcome '${id}' added`, after: text(item.statement), path });
      continue;
    }
    const what = `Outcome '${id}'`;
    c.text('Outcomes', 'outcome-statement', `${what}: statement`, old.statement, item.statement, [...path, 'statement'], id);
    c.text('Outcomes', 'outcome-beneficiary', `${what}: who benefits`, label(old.beneficiary), label(item.beneficiary), [...path, 'beneficiary'], id);
    c.text('Outcomes', 'outcome-type', `${what}: hard or soft`, label(old.type), label(item.type), [...path, 'type'], id);
    c.text('Outcomes', 'outcome-horizon', `${what}: horizon`, label(old.horizon), label(item.horizon), [...path, 'horizon'], id);
    c.date('Outcomes', 'outcome-measurable-from', `${what}: measurable from`, old.measurable_from, item.measurable_from, [...path, 'measurable_from'], id);
    c.set('Outcomes', 'outcome-tiers', `${what}: levels of need`, old.tiers, item.tiers, [...path, 'tiers'], id, (s) => s);
    c.set('Outcomes', 'outcome-lots', `${what}: lots`, old.lots, item.lots, [...path, 'lots'], id, (s) => s);
    c.set('Outcomes', 'outcome-frameworks', `${what}: framework outcomes`, old.frameworks, item.frameworks, [...path, 'frameworks'], id, (s) => s);
    c.text('Outcomes', 'outcome-rationale', `${what}: rationale`, old.rationale, item.rationale, [...path, 'rationale'], id);
  }

  // Indicators are matched by id across outcomes, so moving one to another outcome is one change.
  const indicators = (v: Obj) => {
    const m = new Map<string, { item: Obj; outcome: string | undefined; path: Path }>();
    get.arr(v.outcomes).forEach((x, i) => {
      const oc = get.obj(x);
      get.arr(oc?.indicators).forEach((y, j) => {
        const ind = get.obj(y);
        const id = text(ind?.id);
        if (ind && id && !m.has(id)) m.set(id, { item: ind, outcome: text(oc?.id), path: ['outcomes', i, 'indicators', j] });
      });
    });
    return m;
  };
  const oldInds = indicators(o);
  const newInds = indicators(n);
  for (const [id, { item, path, outcome }] of oldInds) {
    if (!newInds.has(id)) c.add({ section: 'Indicators', code: 'indicator-removed', id, message: `Indicator '${id}' removed${outcome ? ` from outcome '${outcome}'` : ''}`, before: text(item.definition), path });
  }
  for (const [id, { item, path, outcome }] of newInds) {
    const prev = oldInds.get(id);
    if (!prev) {
      c.add({ section: 'Indicators', code: 'indicator-added', id, message: `Indicator '${id}' added${outcome ? ` to outcome '${outcome}'` : ''}`, after: [text(item.definition), text(item.target) ? `(target ${text(item.target)})` : undefined].filter(Boolean).join(' '), path });
      continue;
    }
    const old = prev.item;
    const what = `Indicator '${id}'`;
    if (prev.outcome !== outcome) c.add({ section: 'Indicators', code: 'indicator-moved', id, message: `${what} moved to another outcome`, before: prev.outcome, after: outcome, path });
    c.text('Indicators', 'indicator-definition', `${what}: definition`, old.definition, item.definition, [...path, 'definition'], id);
    c.text('Indicators', 'indicator-measure', `${what}: measure`, old.measure, item.measure, [...path, 'measure'], id);
    c.text('Indicators', 'indicator-unit', `${what}: unit`, label(old.unit), label(item.unit), [...path, 'unit'], id);
    c.text('Indicators', 'indicator-polarity', `${what}: which way is better`, label(old.polarity), label(item.polarity), [...path, 'polarity'], id);
    targetChange(c, id, old, item, [...path, 'target']);
    const ob = get.obj(old.baseline) ?? {};
    const nb = get.obj(item.baseline) ?? {};
    c.amount('Indicators', 'indicator-baseline', `${what}: baseline`, ob.value, nb.value, [...path, 'baseline', 'value'], undefined, id, item.unit);
    c.date('Indicators', 'indicator-baseline-date', `${what}: baseline date`, ob.date, nb.date, [...path, 'baseline', 'date'], id);
    c.text('Indicators', 'indicator-baseline-source', `${what}: baseline source`, ob.source, nb.source, [...path, 'baseline', 'source'], id);
    c.amount('Indicators', 'indicator-baseline-n', `${what}: baseline base size`, ob.n, nb.n, [...path, 'baseline', 'n'], undefined, id);
    c.text('Indicators', 'indicator-baseline-status', `${what}: baseline status`, label(ob.status), label(nb.status), [...path, 'baseline', 'status'], id);
    c.text('Indicators', 'indicator-data-source', `${what}: data source`, old.data_source, item.data_source, [...path, 'data_source'], id);
    c.text('Indicators', 'indicator-frequency', `${what}: reporting frequency`, label(old.frequency), label(item.frequency), [...path, 'frequency'], id);
    c.text('Indicators', 'indicator-measure-type', `${what}: type of measure`, label(old.measure_type), label(item.measure_type), [...path, 'measure_type'], id);
    c.text('Indicators', 'indicator-comparator', `${what}: comparator`, old.comparator, item.comparator, [...path, 'comparator'], id);
    c.amount('Indicators', 'indicator-minimum-n', `${what}: minimum base`, old.minimum_n, item.minimum_n, [...path, 'minimum_n'], undefined, id);
    c.text('Indicators', 'indicator-kpi', `${what}: key performance indicator`, old.kpi, item.kpi, [...path, 'kpi'], id);
    c.text('Indicators', 'indicator-attribution', `${what}: attribution`, label(old.attribution), label(item.attribution), [...path, 'attribution'], id);
  }
}

function targetChange(c: Changes, id: string, old: Obj, item: Obj, path: Path): void {
  const before = text(old.target);
  const after = text(item.target);
  if (before === after) return;
  const what = `Indicator '${id}': target`;
  if (!before || !after) {
    c.text('Indicators', 'indicator-target', what, before, after, path, id);
    return;
  }
  const polarity = item.polarity === 'higher' || item.polarity === 'lower' ? item.polarity : undefined;
  const verdict = compareAmbition(parseExpression(after, 'target'), parseExpression(before, 'target'), polarity);
  const reason = plainReason(verdict.reason);
  if (verdict.result === 'more') c.add({ section: 'Indicators', code: 'indicator-target-raised', id, message: `${what} raised (more demanding): ${reason}`, before, after, path });
  else if (verdict.result === 'less') c.add({ section: 'Indicators', code: 'indicator-target-lowered', id, message: `${what} lowered (less demanding): ${reason}`, before, after, path });
  else if (verdict.result === 'equal') c.add({ section: 'Indicators', code: 'indicator-target-reworded', id, message: `${what} reworded (equally demanding)`, before, after, path });
  else c.add({ section: 'Indicators', code: 'indicator-target-changed', id, message: `${what} changed: ${reason}`, before, after, path });
}

function tiersPart(c: Changes, o: Obj, n: Obj): void {
  c.text('Levels of need', 'tier-model', 'Tier model', o.tier_model, n.tier_model, ['tier_model']);
  const ot = byId(o.tiers);
  const nt = byId(n.tiers);
  for (const [id, { item, index }] of ot) if (!nt.has(id)) c.add({ section: 'Levels of need', code: 'tier-removed', id, message: `Level of need '${id}' removed`, before: text(item.label), path: ['tiers', index] });
  for (const [id, { item, index }] of nt) {
    const old = ot.get(id)?.item;
    const path: Path = ['tiers', index];
    if (!old) {
      c.add({ section: 'Levels of need', code: 'tier-added', id, message: `Level of need '${id}' added`, after: text(item.label), path });
      continue;
    }
    const what = `Level of need '${id}'`;
    for (const [key, words] of [
      ['label', 'label'],
      ['definition', 'definition'],
      ['threshold', 'access threshold'],
      ['step_up', 'step-up route'],
      ['step_down', 'step-down route'],
      ['review', 're-tiering review'],
    ] as const) {
      c.text('Levels of need', `tier-${key.replace('_', '-')}`, `${what}: ${words}`, old[key], item[key], [...path, key], id);
    }
  }
}

function valuePart(c: Changes, o: Obj, n: Obj): void {
  const ov = get.obj(o.value_for_money) ?? {};
  const nv = get.obj(n.value_for_money) ?? {};
  const ob = get.obj(ov.budget) ?? {};
  const nb = get.obj(nv.budget) ?? {};
  const p = (...k: Path): Path => ['value_for_money', ...k];
  c.amount('Budget and prices', 'budget-annual', 'Annual budget', ob.annual, nb.annual, p('budget', 'annual'), 'money');
  c.amount('Budget and prices', 'budget-total', 'Whole-term budget', ob.total, nb.total, p('budget', 'total'), 'money');
  c.text('Budget and prices', 'budget-notes', 'Budget notes', ob.notes, nb.notes, p('budget', 'notes'));
  c.text('Budget and prices', 'pricing-model', 'Pricing model', label(ov.pricing_model), label(nv.pricing_model), p('pricing_model'));
  c.text('Budget and prices', 'full-cost-recovery', 'Full cost recovery', ov.full_cost_recovery, nv.full_cost_recovery, p('full_cost_recovery'));

  const priceKey = (x: Obj) => `${text(x.tier) ?? ''}|${text(x.lot) ?? ''}|${priceUnit(x) ?? ''}`;
  const priceWords = (x: Obj) => [text(x.tier) ? `level of need '${text(x.tier)}'` : 'all levels of need', text(x.lot) ? `lot '${text(x.lot)}'` : undefined].filter(Boolean).join(', ') + (priceUnit(x) ? `, per ${priceUnit(x)}` : '');
  const prices = (v: Obj) => {
    const m = new Map<string, { item: Obj; index: number }>();
    get.arr(v.prices).forEach((x, index) => {
      const item = get.obj(x);
      if (item && !m.has(priceKey(item))) m.set(priceKey(item), { item, index });
    });
    return m;
  };
  const op = prices(ov);
  const np = prices(nv);
  for (const [k, { item, index }] of op) if (!np.has(k)) c.add({ section: 'Budget and prices', code: 'price-ceiling-removed', id: text(item.tier), message: `Price ceiling for ${priceWords(item)} removed`, before: show(item.ceiling, 'money'), path: p('prices', index) });
  for (const [k, { item, index }] of np) {
    const old = op.get(k)?.item;
    if (!old) c.add({ section: 'Budget and prices', code: 'price-ceiling-added', id: text(item.tier), message: `Price ceiling for ${priceWords(item)} added`, after: show(item.ceiling, 'money'), path: p('prices', index) });
    else c.amount('Budget and prices', 'price-ceiling', `Price ceiling for ${priceWords(item)}`, old.ceiling, item.ceiling, p('prices', index, 'ceiling'), 'money', text(item.tier));
  }

  const opay = byId(ov.outcome_payments);
  const npay = byId(nv.outcome_payments);
  for (const [id, { item, index }] of opay) if (!npay.has(id)) c.add({ section: 'Outcome payments', code: 'payment-removed', id, message: `${label(item.type) ?? 'Outcome payment'} '${id}' removed`, before: text(item.rule), path: p('outcome_payments', index) });
  for (const [id, { item, index }] of npay) {
    const old = opay.get(id)?.item;
    const path = p('outcome_payments', index);
    if (!old) {
      c.add({ section: 'Outcome payments', code: 'payment-added', id, message: `${label(item.type) ?? 'Outcome payment'} '${id}' added`, after: text(item.rule), path });
      continue;
    }
    const what = `Payment '${id}'`;
    c.text('Outcome payments', 'payment-type', `${what}: type`, label(old.type), label(item.type), [...path, 'type'], id);
    c.text('Outcome payments', 'payment-rule', `${what}: payment rule`, old.rule, item.rule, [...path, 'rule'], id);
    c.text('Outcome payments', 'payment-cap', `${what}: cap`, old.cap, item.cap, [...path, 'cap'], id);
    c.text('Outcome payments', 'payment-basis', `${what}: basis`, old.basis, item.basis, [...path, 'basis'], id);
    c.set('Outcome payments', 'payment-outcomes', `${what}: outcomes rewarded`, old.outcomes, item.outcomes, [...path, 'outcomes'], id, (s) => s);
    c.text('Outcome payments', 'payment-definition', `${what}: definition of innovation`, old.definition, item.definition, [...path, 'definition'], id);
  }

  const os = get.obj(ov.savings) ?? {};
  const ns = get.obj(nv.savings) ?? {};
  c.amount('Budget and prices', 'savings-target', 'Savings target', os.target, ns.target, p('savings', 'target'), 'money');
  c.text('Budget and prices', 'savings-outcome-protection', 'How outcomes are protected from savings', os.outcome_protection, ns.outcome_protection, p('savings', 'outcome_protection'));

  const oa = get.obj(ov.award) ?? {};
  const na = get.obj(nv.award) ?? {};
  c.text('Award criteria', 'award-method', 'Award method', oa.method, na.method, p('award', 'method'));
  const oc = byId(oa.criteria);
  const nc = byId(na.criteria);
  for (const [id, { item, index }] of oc) if (!nc.has(id)) c.add({ section: 'Award criteria', code: 'criterion-removed', id, message: `Award criterion '${id}' removed`, before: [text(item.title), get.num(item.weight) !== undefined ? `${item.weight}%` : undefined].filter(Boolean).join(', '), path: p('award', 'criteria', index) });
  for (const [id, { item, index }] of nc) {
    const old = oc.get(id)?.item;
    const path = p('award', 'criteria', index);
    if (!old) {
      c.add({ section: 'Award criteria', code: 'criterion-added', id, message: `Award criterion '${id}' added`, after: [text(item.title), get.num(item.weight) !== undefined ? `${item.weight}%` : undefined].filter(Boolean).join(', '), path });
      continue;
    }
    const what = `Award criterion '${id}'`;
    if (!same(old.weight, item.weight)) {
      const b = get.num(old.weight);
      const a = get.num(item.weight);
      if (a !== undefined && b !== undefined) c.add({ section: 'Award criteria', code: `award-weight-${a > b ? 'raised' : 'lowered'}`, id, message: `${what}: weight ${a > b ? 'raised' : 'lowered'}`, before: `${number(b)}%`, after: `${number(a)}%`, path: [...path, 'weight'] });
      else c.text('Award criteria', 'award-weight', `${what}: weight`, old.weight, item.weight, [...path, 'weight'], id);
    }
    c.text('Award criteria', 'criterion-title', `${what}: title`, old.title, item.title, [...path, 'title'], id);
    c.text('Award criteria', 'criterion-type', `${what}: type`, label(old.type), label(item.type), [...path, 'type'], id);
    c.set('Award criteria', 'criterion-outcomes', `${what}: outcomes assessed`, old.outcomes, item.outcomes, [...path, 'outcomes'], id, (s) => s);
  }

  const osv = get.obj(ov.social_value) ?? {};
  const nsv = get.obj(nv.social_value) ?? {};
  c.set('Award criteria', 'social-value-themes', 'Social value themes', osv.themes, nsv.themes, p('social_value', 'themes'));
  c.text('Award criteria', 'social-value-requirement', 'Social value requirement', osv.requirement, nsv.requirement, p('social_value', 'requirement'));
}

function requirementsPart(c: Changes, section: string, what: string, before: unknown, after: unknown, path: Path): void {
  const o = byId(before);
  const n = byId(after);
  for (const [id, { item, index }] of o) if (!n.has(id)) c.add({ section, code: 'requirement-removed', id, message: `${what} '${id}' removed`, before: text(item.text), path: [...path, index] });
  for (const [id, { item, index }] of n) {
    const old = o.get(id)?.item;
    const p: Path = [...path, index];
    if (!old) {
      c.add({ section, code: 'requirement-added', id, message: `${what} '${id}' added`, after: text(item.text), path: p });
      continue;
    }
    c.text(section, 'requirement-text', `${what} '${id}'`, old.text, item.text, [...p, 'text'], id);
    const om = old.mandatory !== false;
    const nm = item.mandatory !== false;
    if (om !== nm) c.add({ section, code: nm ? 'requirement-made-mandatory' : 'requirement-made-optional', id, message: nm ? `${what} '${id}' is now mandatory: a bid that does not meet it is excluded` : `${what} '${id}' is no longer mandatory`, before: om ? 'Mandatory' : 'Not mandatory', after: nm ? 'Mandatory' : 'Not mandatory', path: [...p, 'mandatory'] });
    c.text(section, 'requirement-evidence', `${what} '${id}': evidence required`, old.evidence, item.evidence, [...p, 'evidence'], id);
  }
}

function safeguardingPart(c: Changes, o: Obj, n: Obj): void {
  const os = get.obj(o.safeguarding) ?? {};
  const ns = get.obj(n.safeguarding) ?? {};
  const p = (...k: Path): Path => ['safeguarding', ...k];
  const S = 'Safeguarding';
  c.text(S, 'safeguarding-statement', 'Safeguarding statement', os.statement, ns.statement, p('statement'));
  c.set(S, 'safeguarding-statutory-basis', 'Law and guidance the provider must follow', os.statutory_basis, ns.statutory_basis, p('statutory_basis'));
  c.text(S, 'safeguarding-designated-lead', 'Designated safeguarding lead', os.designated_lead, ns.designated_lead, p('designated_lead'));
  c.set(S, 'safeguarding-checks', 'Checks before starting work', os.checks, ns.checks, p('checks'));
  const ot = get.obj(os.training) ?? {};
  const nt = get.obj(ns.training) ?? {};
  c.text(S, 'safeguarding-training', 'Safeguarding training', ot.requirement, nt.requirement, p('training', 'requirement'));
  c.text(S, 'safeguarding-training-refresh', 'Safeguarding training refresh', ot.refresh, nt.refresh, p('training', 'refresh'));
  const oe = get.obj(os.escalation) ?? {};
  const ne = get.obj(ns.escalation) ?? {};
  c.text(S, 'safeguarding-escalation', 'Escalation route', oe.route, ne.route, p('escalation', 'route'));
  c.text(S, 'safeguarding-lado', 'Referral of allegations to the LADO', oe.lado, ne.lado, p('escalation', 'lado'));
  c.text(S, 'safeguarding-notification', 'Serious incident notification time', oe.notification, ne.notification, p('escalation', 'notification'));
  c.set(S, 'safeguarding-scope', 'Harms the service responds to', os.scope, ns.scope, p('scope'));
  c.text(S, 'safeguarding-information-sharing', 'Information sharing', os.information_sharing, ns.information_sharing, p('information_sharing'));
  c.date(S, 'safeguarding-policy-review', 'Safeguarding policy review date', os.policy_review, ns.policy_review, p('policy_review'));
  requirementsPart(c, S, 'Safeguarding requirement', os.requirements, ns.requirements, p('requirements'));
}

function marketPart(c: Changes, o: Obj, n: Obj): void {
  const om = get.obj(o.market) ?? {};
  const nm = get.obj(n.market) ?? {};
  const S = 'Market and lots';
  const ol = byId(om.lots);
  const nl = byId(nm.lots);
  for (const [id, { item, index }] of ol) if (!nl.has(id)) c.add({ section: S, code: 'lot-removed', id, message: `Lot '${id}' removed`, before: text(item.title), path: ['market', 'lots', index] });
  for (const [id, { item, index }] of nl) {
    const old = ol.get(id)?.item;
    const path: Path = ['market', 'lots', index];
    if (!old) {
      c.add({ section: S, code: 'lot-added', id, message: `Lot '${id}' added`, after: text(item.title), path });
      continue;
    }
    c.text(S, 'lot-title', `Lot '${id}': title`, old.title, item.title, [...path, 'title'], id);
    c.text(S, 'lot-description', `Lot '${id}': description`, old.description, item.description, [...path, 'description'], id);
    c.amount(S, 'lot-value', `Lot '${id}': annual value`, old.value, item.value, [...path, 'value'], 'money', id);
    c.amount(S, 'lot-places', `Lot '${id}': places`, old.places, item.places, [...path, 'places'], undefined, id);
    c.set(S, 'lot-tiers', `Lot '${id}': levels of need`, old.tiers, item.tiers, [...path, 'tiers'], id, (s) => s);
  }
  c.text(S, 'consortium-bids', 'Consortium bids allowed', om.consortium_bids, nm.consortium_bids, ['market', 'consortium_bids']);
  c.text(S, 'subcontracting', 'Subcontracting', om.subcontracting, nm.subcontracting, ['market', 'subcontracting']);
  c.set(S, 'accreditations', 'Required accreditations', om.accreditations, nm.accreditations, ['market', 'accreditations'], undefined, (s) => s);
  c.text(S, 'small-providers', 'Support for small providers', om.small_providers, nm.small_providers, ['market', 'small_providers']);
  c.text(S, 'market-engagement', 'Market engagement', om.engagement, nm.engagement, ['market', 'engagement']);
}

/** The sections compared field by field without special rules, with their headings. */
const otherSections: Array<[string, string]> = [
  ['commissioner', 'Commissioner and partners'],
  ['needs', 'Needs and population'],
  ['fields', 'Data fields'],
  ['theory_of_change', 'Theory of change'],
  ['practice_features', 'Practice features'],
  ['participation', 'Participation'],
  ['governance', 'Governance and contract management'],
  ['evaluation', 'Evaluation'],
  ['transitions', 'Transitions and pathways'],
  ['workforce', 'Workforce'],
  ['procurement', 'Procurement'],
  ['risks', 'Risks'],
  ['mobilisation', 'Mobilisation'],
  ['exit', 'Exit and sustainability'],
  ['frameworks', 'Frameworks used'],
];

function genericPart(c: Changes, key: string, section: string, o: Obj, n: Obj): void {
  const before = o[key];
  const after = n[key];
  if (same(before, after)) return;
  const code = key.replace(/_/g, '-');
  const words = (k: string) => k.replace(/_/g, ' ');
  const bo = get.obj(before);
  const ao = get.obj(after);
  if (bo || ao) {
    const keys = [...new Set([...Object.keys(bo ?? {}), ...Object.keys(ao ?? {})])];
    for (const k of keys) {
      const b = bo?.[k];
      const a = ao?.[k];
      if (same(b, a)) continue;
      if (Array.isArray(b) || Array.isArray(a)) listChange(c, section, `${code}-${k.replace(/_/g, '-')}`, `${section}: ${words(k)}`, b, a, [key, k]);
      else c.text(section, `${code}-${k.replace(/_/g, '-')}`, `${section}: ${words(k)}`, b, a, [key, k]);
    }
    return;
  }
  listChange(c, section, code, section, before, after, [key]);
}

function listChange(c: Changes, section: string, code: string, what: string, before: unknown, after: unknown, path: Path): void {
  const b = get.arr(before);
  const a = get.arr(after);
  const bs = b.map((x) => JSON.stringify(canonical(x)));
  const as = a.map((x) => JSON.stringify(canonical(x)));
  const added = a.filter((_, i) => !bs.includes(as[i]));
  const removed = b.filter((_, i) => !as.includes(bs[i]));
  for (const x of removed) c.add({ section, code: `${code}-item-removed`, message: `${what}: item removed`, before: show(x), path });
  for (const x of added) c.add({ section, code: `${code}-item-added`, message: `${what}: item added`, after: show(x), path: [...path, a.indexOf(x)] });
  if (!added.length && !removed.length) c.add({ section, code: `${code}-reordered`, message: `${what}: order changed`, path });
}

/** Lists the changes from `oldModel` to `newModel`, both specifications, grouped by section in document order. */
export function diffSpecifications(oldModel: DocumentModel, newModel: DocumentModel): SpecChange[] {
  const o = oldModel.value ?? {};
  const n = newModel.value ?? {};
  const c = new Changes();
  const I = 'Identity and status';
  c.text(I, 'id', 'Specification id', o.id, n.id, ['id']);
  c.text(I, 'title', 'Title', o.title, n.title, ['title']);
  c.text(I, 'reference', 'Tender reference', o.reference, n.reference, ['reference']);
  c.text(I, 'version', 'Version', o.version, n.version, ['version']);
  c.text(I, 'status', 'Status', label(o.status), label(n.status), ['status']);
  c.text(I, 'summary', 'Summary', o.summary, n.summary, ['summary']);
  c.text(I, 'service-type', 'Type of service', label(o.service_type), label(n.service_type), ['service_type']);

  const D = 'Dates';
  const od = get.obj(o.dates) ?? {};
  const nd = get.obj(n.dates) ?? {};
  for (const [key, words] of [
    ['publication', 'Publication date'],
    ['clarification_deadline', 'Clarification deadline'],
    ['tender_deadline', 'Tender deadline'],
    ['award', 'Award date'],
    ['contract_start', 'Contract start'],
  ] as const) {
    c.date(D, `date-${key.replace('_', '-')}`, words, od[key], nd[key], ['dates', key]);
  }
  const ot = get.obj(o.term) ?? {};
  const nt = get.obj(n.term) ?? {};
  c.date(D, 'term-start', 'Contract term start', ot.start, nt.start, ['term', 'start']);
  c.date(D, 'term-end', 'Contract term end', ot.end, nt.end, ['term', 'end']);
  if (!same(ot.extensions, nt.extensions)) listChange(c, D, 'term-extensions', 'Extension options', ot.extensions, nt.extensions, ['term', 'extensions']);

  outcomesAndIndicators(c, o, n);
  tiersPart(c, o, n);
  valuePart(c, o, n);
  requirementsPart(c, 'Requirements', 'Mandatory requirement', o.requirements, n.requirements, ['requirements']);
  safeguardingPart(c, o, n);
  marketPart(c, o, n);
  for (const [key, section] of otherSections) genericPart(c, key, section, o, n);

  // Sections in the order a reader meets them.
  const order = [I, D, 'Outcomes', 'Indicators', 'Levels of need', 'Safeguarding', 'Requirements', 'Budget and prices', 'Outcome payments', 'Award criteria', 'Market and lots', ...otherSections.map(([, s]) => s)];
  return c.list.map((x, i) => ({ x, i })).sort((a, b) => order.indexOf(a.x.section) - order.indexOf(b.x.section) || a.i - b.i).map(({ x }) => x);
}

// ------------------------------------------------------------------------------------------------
// Formatting.

export interface DiffLabels {
  /** How to name the two versions, e.g. `version 1.1` and `version 1.2` (default: from the documents). */
  from: string;
  to: string;
  /** The specification's id or title. */
  name: string;
}

export function diffLabels(oldModel: DocumentModel, newModel: DocumentModel): DiffLabels {
  const v = (m: DocumentModel, fallback: string) => (text(m.value.version) ? `version ${text(m.value.version)}` : fallback);
  let from = v(oldModel, 'the old version');
  let to = v(newModel, 'the new version');
  if (from === to) {
    from = `${from} (old file)`;
    to = `${to} (new file)`;
  }
  return { from, to, name: text(newModel.value.title) ?? text(newModel.value.id) ?? text(oldModel.value.id) ?? 'the specification' };
}

function grouped(changes: SpecChange[]): Map<string, SpecChange[]> {
  const m = new Map<string, SpecChange[]>();
  for (const c of changes) m.set(c.section, [...(m.get(c.section) ?? []), c]);
  return m;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatDiffText(changes: SpecChange[], labels: DiffLabels): string {
  const head = `Changes to ${labels.name} from ${labels.from} to ${labels.to}: ${changes.length ? plural(changes.length, 'change', 'changes') : 'no changes'}`;
  const lines = [head];
  for (const [section, list] of grouped(changes)) {
    lines.push('', section);
    for (const c of list) {
      lines.push(`  - ${c.message}`);
      if (c.before !== undefined) lines.push(`      was: ${collapseBreaksAndSpace(c.before, ' ')}`);
      if (c.after !== undefined) lines.push(`      now: ${collapseBreaksAndSpace(c.after, ' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

function cell(s: string | undefined): string {
  if (s === undefined) return '';
  return escapeMarkdown(collapseBreaksAndSpace(s).trim()).replace(/\n/g, '<br>');
}

export function formatDiffMarkdown(changes: SpecChange[], labels: DiffLabels): string {
  const out = [`## Changes to ${escapeMarkdown(labels.name)} from ${escapeMarkdown(labels.from)} to ${escapeMarkdown(labels.to)}`, ''];
  if (!changes.length) {
    out.push('No changes.');
    return out.join('\n') + '\n';
  }
  out.push(`${plural(changes.length, 'change', 'changes')}.`);
  for (const [section, list] of grouped(changes)) {
    out.push('', `### ${escapeMarkdown(section)}`, '', '| Change | Was | Now |', '| --- | --- | --- |');
    for (const c of list) out.push(`| ${cell(c.message)} | ${cell(c.before)} | ${cell(c.after)} |`);
  }
  return out.join('\n') + '\n';
}

export function formatDiffJson(changes: SpecChange[], oldModel: DocumentModel, newModel: DocumentModel): string {
  const who = (m: DocumentModel) => ({ id: text(m.value.id) ?? null, version: text(m.value.version) ?? null, title: text(m.value.title) ?? null });
  return JSON.stringify({ from: who(oldModel), to: who(newModel), count: changes.length, changes }, null, 2) + '\n';
}
