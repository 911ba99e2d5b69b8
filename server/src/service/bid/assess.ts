import { groupThousands } from '../text';
import { priceUnit } from '../render/format';
import { documentCache } from '../doc-cache';
// The bid check: how a bid answers each part of the specification it names. Pure data, computed once
// per bid document and shared by the bid rules (which report on it), the compliance matrix and the
// comparison table (which tabulate it), so the editor, the CLI and the reports never disagree.
import type { PathSegment, SourceDocument } from '../document';
import { get, type DocumentModel } from '../model';
import type { Linked, LinkedDocument } from '../rules/types';
import { checkedExpressions } from '../rules/expressions/shared';
import { compareCommitment, type AmbitionComparison } from './ambition';
import { checkVersion, type VersionCheck } from './versions';

export type Status = 'met' | 'partial' | 'not-met' | 'missing';

export const statusWords: Record<Status, string> = { met: 'Met', partial: 'Partly met', 'not-met': 'Not met', missing: 'Missing' };

export interface RequirementCheck {
  id: string;
  text: string;
  /** `safeguarding` for `safeguarding.requirements`, else `requirement`. */
  kind: 'safeguarding' | 'requirement';
  mandatory: boolean;
  evidenceAsked?: string;
  specPath: PathSegment[];
  answer?: { path: PathSegment[]; value: string; explanation?: string; evidence?: string };
  /** Further answers to the same requirement. */
  duplicates: PathSegment[][];
  status: Status;
  reason: string;
}

export interface IndicatorCheck {
  id: string;
  outcome: string;
  definition: string;
  unit?: string;
  polarity?: 'higher' | 'lower';
  baseline?: number;
  specTarget?: string;
  specPath: PathSegment[];
  commitment?: { path: PathSegment[]; target: string };
  /** The comparison with the specification's target, when both could be read and the commitment has no errors. */
  ambition?: AmbitionComparison;
  /** The commitment's own expression errors (reported by the expressions rules). */
  errors?: string[];
  status: Status;
  reason: string;
}

export interface OutcomeCheck {
  id: string;
  statement: string;
  specPath: PathSegment[];
  lots: string[];
  /** Whether the outcome applies to the lots bid for (an outcome with no lots applies to all). */
  applies: boolean;
  response?: { path: PathSegment[]; approach?: string };
  duplicates: PathSegment[][];
  indicators: IndicatorCheck[];
  /** Commitments in this outcome's response to indicators of another outcome. */
  misplaced: Array<{ path: PathSegment[]; indicator: string; belongsTo: string }>;
  /** Further commitments to an indicator already committed to in a response to this outcome (the first is kept). */
  repeated: Array<{ path: PathSegment[]; indicator: string; target: string; first: { path: PathSegment[]; target: string } }>;
  status: Status;
  reason: string;
}

export interface Ceiling {
  tier?: string;
  lot?: string;
  ceiling: number;
  per: string;
  specPath: PathSegment[];
}

export interface BidPrice {
  tier?: string;
  lot?: string;
  price: number;
  per: string;
  path: PathSegment[];
}

/** One price of the bid against the ceilings that bind it. */
export interface PriceCheck {
  price: BidPrice;
  /** The lowest ceiling in the same unit among those that apply to this tier and lot. */
  binding?: Ceiling;
  /** Ceilings for this tier and lot in another unit, when none is in the bid's unit. */
  otherUnit: Ceiling[];
  result: 'within' | 'over' | 'different-unit' | 'no-ceiling';
}

/** One ceiling of the specification against the bid's prices. */
export interface CeilingCheck {
  ceiling: Ceiling;
  prices: BidPrice[];
  status: Status;
  reason: string;
}

export interface BudgetCheck {
  result: 'within' | 'over' | 'not-computable';
  reason: string;
  /** The part of the specification the budget figure comes from. */
  specPath?: PathSegment[];
}

export interface CriterionCheck {
  id: string;
  title: string;
  type: string;
  weight?: number;
  outcomes: string[];
  specPath: PathSegment[];
  /** Whether the bid must answer it in `award_responses` (quality and social value criteria with a weight above 0). */
  needsAnswer: boolean;
  answer?: { path: PathSegment[]; response: string };
  status: Status;
  reason: string;
}

export interface BidAssessment {
  bid: { uri: string; id?: string; title?: string; bidder?: string; bidderType?: string };
  specification: LinkedDocument & { id?: string; title?: string };
  version: VersionCheck;
  /** Lots of the specification. */
  specLots: string[];
  /** The lots the bid is for, as far as they exist in the specification (all of them when the bid names none). */
  lots: string[];
  requirements: RequirementCheck[];
  outcomes: OutcomeCheck[];
  ceilings: CeilingCheck[];
  prices: PriceCheck[];
  budget: BudgetCheck;
  criteria: CriterionCheck[];
}

const cache = documentCache<{ spec: LinkedDocument; result: BidAssessment }>('document');

/** Assesses a bid against the specification it is linked to; undefined when it is not a bid or the specification was not found. */
export function assessBid(doc: SourceDocument, model: DocumentModel, linked: Linked): BidAssessment | undefined {
  const spec = linked.specification;
  if (model.kind !== 'bid' || !spec) return undefined;
  const hit = cache.get(doc);
  if (hit && hit.spec === spec) return hit.result;
  const result = build(doc, model, linked, spec);
  cache.set(doc, { spec, result });
  return result;
}

const objects = (v: unknown) =>
  get
    .arr(v)
    .map((x, i) => ({ o: get.obj(x), i }))
    .filter((x): x is { o: Record<string, unknown>; i: number } => !!x.o);

const trimmed = (v: unknown) => {
  const s = get.str(v)?.trim();
  return s ? s : undefined;
};

function build(doc: SourceDocument, model: DocumentModel, linked: Linked, spec: LinkedDocument): BidAssessment {
  const b = model.value;
  const s = spec.model.value;
  const bidder = get.obj(b.bidder);
  const specLots = objects(get.obj(s.market)?.lots)
    .map(({ o }) => trimmed(o.id))
    .filter((x): x is string => !!x);
  const named = get.arr(b.lots).filter((x): x is string => typeof x === 'string');
  const lots = named.length ? named.filter((l) => specLots.includes(l)) : specLots;

  return {
    bid: { uri: doc.uri, id: model.id, title: trimmed(b.title), bidder: trimmed(bidder?.name), bidderType: trimmed(bidder?.type) },
    specification: { ...spec, id: spec.model.id, title: trimmed(s.title) },
    version: checkVersion(b, s),
    specLots,
    lots,
    requirements: requirements(b, s),
    outcomes: outcomes(doc, model, linked, s, lots, specLots),
    ...prices(b, s, lots, specLots),
    criteria: criteria(b, s, lots, specLots),
  };
}

// ---------------------------------------------------------------- requirements

function requirements(b: Record<string, unknown>, s: Record<string, unknown>): RequirementCheck[] {
  const answers = new Map<string, Array<{ o: Record<string, unknown>; i: number }>>();
  for (const a of objects(b.compliance)) {
    const id = trimmed(a.o.requirement);
    if (!id) continue;
    answers.set(id, [...(answers.get(id) ?? []), a]);
  }
  const out: RequirementCheck[] = [];
  const add = (list: unknown, base: PathSegment[], kind: RequirementCheck['kind']) => {
    for (const { o, i } of objects(list)) {
      const id = trimmed(o.id);
      if (!id) continue;
      const mandatory = kind === 'safeguarding' || o.mandatory !== false;
      const found = answers.get(id) ?? [];
      const first = found[0];
      const check: RequirementCheck = {
        id,
        text: trimmed(o.text) ?? id,
        kind,
        mandatory,
        evidenceAsked: trimmed(o.evidence),
        specPath: [...base, i],
        duplicates: found.slice(1).map((a) => ['compliance', a.i]),
        status: 'missing',
        reason: '',
      };
      if (!first) {
        check.reason = mandatory ? 'Not answered: every mandatory requirement needs an answer' : 'Not answered (this requirement is not mandatory)';
      } else {
        const value = trimmed(first.o.answer) ?? '';
        const explanation = trimmed(first.o.explanation);
        check.answer = { path: ['compliance', first.i], value, explanation, evidence: trimmed(first.o.evidence) };
        if (value === 'compliant') {
          check.status = 'met';
          check.reason = explanation ?? 'Compliant';
        } else if (value === 'partial') {
          check.status = 'partial';
          check.reason = explanation ? `Partly: ${explanation}` : 'Partly compliant, with no explanation of what is missing or when it will be met';
        } else if (value === 'not-compliant') {
          check.status = 'not-met';
          check.reason = `${explanation ? `${explanation} ` : ''}${mandatory ? '(a mandatory requirement: a bid that does not meet it is excluded)' : '(not mandatory)'}`.trim();
        } else {
          check.reason = 'The answer is not compliant, partial or not-compliant';
        }
      }
      out.push(check);
    }
  };
  add(get.obj(s.safeguarding)?.requirements, ['safeguarding', 'requirements'], 'safeguarding');
  add(s.requirements, ['requirements'], 'requirement');
  return out;
}

// ---------------------------------------------------------------- outcomes and indicators

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function outcomes(doc: SourceDocument, model: DocumentModel, linked: Linked, s: Record<string, unknown>, lots: string[], specLots: string[]): OutcomeCheck[] {
  const responses = new Map<string, Array<{ o: Record<string, unknown>; i: number }>>();
  for (const r of objects(model.value.responses)) {
    const id = trimmed(r.o.outcome);
    if (!id) continue;
    responses.set(id, [...(responses.get(id) ?? []), r]);
  }
  // which outcome each indicator of the specification belongs to
  const ownerOf = new Map<string, string>();
  for (const { o } of objects(s.outcomes)) for (const { o: ind } of objects(o.indicators)) if (trimmed(ind.id) && trimmed(o.id)) ownerOf.set(trimmed(ind.id)!, trimmed(o.id)!);
  const expressions = checkedExpressions(doc, model, linked);

  const out: OutcomeCheck[] = [];
  for (const { o, i } of objects(s.outcomes)) {
    const id = trimmed(o.id);
    if (!id) continue;
    const outcomeLots = get.arr(o.lots).filter((x): x is string => typeof x === 'string');
    const applies = outcomeLots.length === 0 || specLots.length === 0 || outcomeLots.some((l) => lots.includes(l));
    const found = responses.get(id) ?? [];
    const first = found[0];
    const check: OutcomeCheck = {
      id,
      statement: trimmed(o.statement) ?? id,
      specPath: ['outcomes', i],
      lots: outcomeLots,
      applies,
      response: first ? { path: ['responses', first.i], approach: trimmed(first.o.approach) } : undefined,
      duplicates: found.slice(1).map((r) => ['responses', r.i]),
      indicators: [],
      misplaced: [],
      repeated: [],
      status: 'missing',
      reason: '',
    };
    // commitments from every response to this outcome (a second response still commits)
    const commitments = new Map<string, { path: PathSegment[]; target: string }>();
    for (const r of found) {
      for (const { o: c, i: j } of objects(r.o.commitments)) {
        const ind = trimmed(c.indicator);
        const target = get.str(c.target);
        if (!ind || target === undefined) continue;
        const owner = ownerOf.get(ind);
        const path: PathSegment[] = ['responses', r.i, 'commitments', j];
        if (owner && owner !== id) check.misplaced.push({ path, indicator: ind, belongsTo: owner });
        else if (!commitments.has(ind)) commitments.set(ind, { path, target });
        else check.repeated.push({ path, indicator: ind, target, first: commitments.get(ind)! });
      }
    }
    for (const { o: ind, i: j } of objects(o.indicators)) {
      const indId = trimmed(ind.id);
      if (!indId) continue;
      const baseline = get.num(get.obj(ind.baseline)?.value);
      const polarity = ind.polarity === 'higher' || ind.polarity === 'lower' ? ind.polarity : undefined;
      const ic: IndicatorCheck = {
        id: indId,
        outcome: id,
        definition: trimmed(ind.definition) ?? indId,
        unit: trimmed(ind.unit),
        polarity,
        baseline,
        specTarget: trimmed(ind.target),
        specPath: ['outcomes', i, 'indicators', j],
        commitment: commitments.get(indId),
        status: 'missing',
        reason: '',
      };
      if (!ic.commitment) {
        ic.reason = first ? 'No committed target' : 'The outcome is not answered';
      } else {
        const site = expressions.find((e) => samePath(e.site.path, [...ic.commitment!.path, 'target']));
        const errors = site?.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) ?? [];
        if (errors.length) {
          ic.errors = errors;
          ic.status = 'partial';
          ic.reason = `The committed target has errors: ${errors[0]}`;
        } else if (!ic.specTarget) {
          ic.status = 'met';
          ic.reason = 'Committed (the specification sets no target to compare with)';
        } else {
          ic.ambition = compareCommitment(ic.commitment.target, ic.specTarget, { polarity, unit: ic.unit, baseline });
          const r = ic.ambition.result;
          ic.status = r === 'more' || r === 'equal' ? 'met' : r === 'less' ? 'not-met' : 'partial';
          ic.reason =
            r === 'more'
              ? `More ambitious than the specification: ${ic.ambition.reason}`
              : r === 'equal'
                ? 'As ambitious as the specification'
                : r === 'less'
                  ? `Less ambitious than the specification: ${ic.ambition.reason}`
                  : `Cannot be compared with the specification's target: ${ic.ambition.reason}`;
        }
      }
      check.indicators.push(ic);
    }
    if (!first) {
      check.reason = applies ? 'Not answered' : `Not required: the outcome is for ${outcomeLots.join(', ')}, which this bid is not for`;
    } else {
      const short = check.indicators.filter((x) => x.status !== 'met');
      check.status = short.length === 0 ? 'met' : 'partial';
      check.reason =
        short.length === 0
          ? check.indicators.length
            ? 'Answered, with a committed target for every indicator at least as ambitious as the specification'
            : 'Answered'
          : `Answered, but ${short.map((x) => `'${x.id}' ${x.status === 'missing' ? 'has no committed target' : x.status === 'not-met' ? 'is committed below the specification' : 'needs checking'}`).join('; ')}`;
    }
    out.push(check);
  }
  return out;
}

// ---------------------------------------------------------------- prices and budget

/** A year's cost of one place, from a price in each unit (a place is a placement: `places` counts them). */
const annualFactor: Record<string, number> = { week: 52, night: 365, year: 1, 'placement per week': 52, 'placement per month': 12, 'placement per year': 1 };

function money(n: number): string {
  return `£${groupThousands(n)}`;
}

export function describePrice(amount: number, per: string, tier?: string, lot?: string): string {
  const where = [tier ? `tier '${tier}'` : '', lot ? `lot '${lot}'` : ''].filter(Boolean).join(', ');
  return `${money(amount)} per ${per}${where ? ` (${where})` : ''}`;
}

function prices(b: Record<string, unknown>, s: Record<string, unknown>, lots: string[], specLots: string[]): Pick<BidAssessment, 'ceilings' | 'prices' | 'budget'> {
  const vfm = get.obj(s.value_for_money);
  const lotTiers = new Map<string, string[] | undefined>();
  for (const { o } of objects(get.obj(s.market)?.lots)) {
    const id = trimmed(o.id);
    if (id) lotTiers.set(id, Array.isArray(o.tiers) ? o.tiers.filter((t): t is string => typeof t === 'string') : undefined);
  }
  const ceilings: Ceiling[] = [];
  for (const { o, i } of objects(vfm?.prices)) {
    const ceiling = get.num(o.ceiling);
    const per = priceUnit(o, trimmed);
    if (ceiling === undefined || !per) continue;
    ceilings.push({ tier: trimmed(o.tier), lot: trimmed(o.lot), ceiling, per, specPath: ['value_for_money', 'prices', i] });
  }
  const bidPrices: BidPrice[] = [];
  for (const { o, i } of objects(b.prices)) {
    const price = get.num(o.price);
    const per = priceUnit(o, trimmed);
    if (price === undefined || !per) continue;
    bidPrices.push({ tier: trimmed(o.tier), lot: trimmed(o.lot), price, per, path: ['prices', i] });
  }
  // a ceiling matters when its lot is bid for and its tier is served in a lot bid for
  const served = (c: Ceiling) => {
    if (specLots.length === 0) return true;
    if (c.lot && !lots.includes(c.lot)) return false;
    if (!c.tier) return true;
    return (c.lot ? [c.lot] : lots).some((l) => {
      const t = lotTiers.get(l);
      return !t || t.length === 0 || t.includes(c.tier!);
    });
  };
  const overlaps = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || x === y;
  // a price for a named lot replaces, for that lot, a price the bid gives for every lot
  const specificFor = (c: Ceiling) => !!c.lot && bidPrices.some((q) => q.lot === c.lot && overlaps(q.tier, c.tier));
  const covers = (p: BidPrice, c: Ceiling) => overlaps(p.tier, c.tier) && (p.lot === undefined ? !specificFor(c) : overlaps(p.lot, c.lot));

  const priceChecks: PriceCheck[] = bidPrices.map((p): PriceCheck => {
    const applicable = ceilings.filter((c) => covers(p, c) && (!c.lot || specLots.length === 0 || lots.includes(c.lot) || p.lot === c.lot));
    const same = applicable.filter((c) => c.per === p.per).sort((x, y) => x.ceiling - y.ceiling);
    if (same.length) return { price: p, binding: same[0], otherUnit: [], result: p.price > same[0].ceiling + 1e-9 ? 'over' : 'within' };
    if (applicable.length) return { price: p, otherUnit: applicable, result: 'different-unit' };
    return { price: p, otherUnit: [], result: 'no-ceiling' };
  });

  const ceilingChecks: CeilingCheck[] = ceilings.filter(served).map((c): CeilingCheck => {
    const matching = bidPrices.filter((p) => covers(p, c));
    const same = matching.filter((p) => p.per === c.per);
    const label = describePrice(c.ceiling, c.per);
    if (matching.length === 0) return { ceiling: c, prices: [], status: 'missing', reason: `No price given; the ceiling is ${label}` };
    if (same.length === 0) return { ceiling: c, prices: matching, status: 'partial', reason: `Priced per ${matching[0].per}, but the ceiling is ${label}: they cannot be compared` };
    const over = same.filter((p) => p.price > c.ceiling + 1e-9);
    if (over.length) return { ceiling: c, prices: same, status: 'not-met', reason: `${describePrice(over[0].price, over[0].per)} is above the ceiling of ${label} by ${money(Math.round((over[0].price - c.ceiling) * 100) / 100)}` };
    return { ceiling: c, prices: same, status: 'met', reason: `Within the ceiling of ${label}` };
  });

  return { ceilings: ceilingChecks, prices: priceChecks, budget: budget(s, bidPrices, lots, specLots) };
}

/** Whether the bid's cheapest prices for the places on offer already exceed the budget, where that can be worked out. */
function budget(s: Record<string, unknown>, bidPrices: BidPrice[], lots: string[], specLots: string[]): BudgetCheck {
  const vfm = get.obj(s.value_for_money);
  const annual = get.num(get.obj(vfm?.budget)?.annual);
  const lotInfo = new Map<string, { places?: number; value?: number; i: number }>();
  objects(get.obj(s.market)?.lots).forEach(({ o, i }) => {
    const id = trimmed(o.id);
    if (id) lotInfo.set(id, { places: get.num(o.places), value: get.num(o.value), i });
  });
  const annualised = bidPrices.filter((p) => annualFactor[p.per] !== undefined);
  if (annualised.length === 0) return { result: 'not-computable', reason: 'The prices are not per week, night or year (or per placement per week, month or year), so a yearly cost cannot be worked out' };
  if (specLots.length === 0 || lots.length === 0) return { result: 'not-computable', reason: 'The specification gives no lots with a number of places, so a yearly cost cannot be worked out' };
  let low = 0;
  let high = 0;
  // A lot that cannot be costed (hourly prices, no number of places) is left out, not allowed to
  // hide an overspend in the lots that can: whatever it costs only adds to the total.
  const uncosted: string[] = [];
  for (const lot of lots) {
    const info = lotInfo.get(lot);
    const forLot = annualised.filter((p) => !p.lot || p.lot === lot).map((p) => p.price * annualFactor[p.per]);
    if (!info?.places || forLot.length === 0) {
      uncosted.push(lot);
      continue;
    }
    const lotLow = info.places * Math.min(...forLot);
    const lotHigh = info.places * Math.max(...forLot);
    if (info.value !== undefined && lotLow > info.value + 1e-6) {
      return {
        result: 'over',
        reason: `Even at the bid's lowest price, ${info.places} places in lot '${lot}' cost ${money(Math.round(lotLow))} a year, more than the lot's annual value of ${money(info.value)}`,
        specPath: ['market', 'lots', info.i, 'value'],
      };
    }
    low += lotLow;
    high += lotHigh;
  }
  const notCosted = (list: string[]) => `${list.length === 1 ? 'lot' : 'lots'} ${list.map((l) => `'${l}'`).join(', ')}`;
  if (uncosted.length === lots.length) {
    return { result: 'not-computable', reason: `${notCosted(uncosted).replace(/^l/, 'L')} ${uncosted.length === 1 ? 'gives' : 'give'} no number of places, or the bid has no weekly price for ${uncosted.length === 1 ? 'it' : 'them'}, so a yearly cost cannot be worked out` };
  }
  const costed = uncosted.length ? 'the places in the lots that can be costed' : 'the places in the lots bid for';
  const besides = uncosted.length ? ` (${notCosted(uncosted)} could not be costed: no number of places or no weekly price)` : '';
  const range = low === high ? money(Math.round(low)) : `between ${money(Math.round(low))} and ${money(Math.round(high))}`;
  if (annual !== undefined && low > annual + 1e-6) {
    return { result: 'over', reason: `Even at the bid's lowest prices, ${costed} cost ${money(Math.round(low))} a year, more than the annual budget of ${money(annual)}${besides}`, specPath: ['value_for_money', 'budget', 'annual'] };
  }
  const against = annual !== undefined ? `, against an annual budget of ${money(annual)}` : '';
  return { result: 'within', reason: `${costed[0].toUpperCase()}${costed.slice(1)} would cost ${range} a year, depending on the mix of needs${against}${besides}`, specPath: annual !== undefined ? ['value_for_money', 'budget', 'annual'] : undefined };
}

// ---------------------------------------------------------------- award criteria

function criteria(b: Record<string, unknown>, s: Record<string, unknown>, lots: string[], specLots: string[]): CriterionCheck[] {
  // the lots each outcome of the specification is for (none listed: every lot)
  const lotsOf = new Map<string, string[]>();
  for (const { o } of objects(s.outcomes)) {
    const id = trimmed(o.id);
    if (id) lotsOf.set(id, get.arr(o.lots).filter((x): x is string => typeof x === 'string'));
  }
  /** The lots a criterion scores, when every outcome it scores is for named lots only. */
  const onlyFor = (outcomes: string[]): string[] | undefined => {
    if (outcomes.length === 0 || specLots.length === 0) return undefined;
    const all = outcomes.map((id) => lotsOf.get(id));
    if (all.some((l) => !l || l.length === 0)) return undefined;
    return [...new Set(all.flat() as string[])];
  };
  const answers = new Map<string, { path: PathSegment[]; response: string }>();
  for (const { o, i } of objects(b.award_responses)) {
    const id = trimmed(o.criterion);
    const response = trimmed(o.response);
    if (id && response && !answers.has(id)) answers.set(id, { path: ['award_responses', i], response });
  }
  const hasPrices = get.arr(b.prices).length > 0;
  const out: CriterionCheck[] = [];
  for (const { o, i } of objects(get.obj(get.obj(s.value_for_money)?.award)?.criteria)) {
    const id = trimmed(o.id);
    if (!id) continue;
    const type = trimmed(o.type) ?? '';
    const weight = get.num(o.weight);
    const scoredOutcomes = get.arr(o.outcomes).filter((x): x is string => typeof x === 'string');
    const scoresLots = onlyFor(scoredOutcomes);
    const otherLots = scoresLots !== undefined && !scoresLots.some((l) => lots.includes(l));
    const needsAnswer = (type === 'quality' || type === 'social-value') && (weight === undefined || weight > 0) && !otherLots;
    const answer = answers.get(id);
    const c: CriterionCheck = {
      id,
      title: trimmed(o.title) ?? id,
      type,
      weight,
      outcomes: scoredOutcomes,
      specPath: ['value_for_money', 'award', 'criteria', i],
      needsAnswer,
      answer,
      status: 'missing',
      reason: '',
    };
    if (type === 'price') {
      c.status = hasPrices ? 'met' : 'missing';
      c.reason = hasPrices ? 'Scored on the prices given' : 'No prices given';
      if (answer) c.status = hasPrices ? 'met' : 'partial';
    } else if (answer) {
      c.status = 'met';
      c.reason = 'Answered';
    } else {
      c.reason = needsAnswer
        ? 'Not answered: it is scored, so an unanswered criterion scores nothing'
        : otherLots
          ? `Not required: it scores outcomes of ${scoresLots!.join(', ')}, which this bid is not for`
          : 'Not answered (it carries no weight)';
    }
    out.push(c);
  }
  return out;
}
