// Editor support: the ids of the specification a bid answers, with titles, for completion and hovers.
import type { PathSegment } from '../document';
import { get, type DocumentModel } from '../model';
import type { Linked, LinkedDocument } from '../rules/types';
import { buildScope } from '../scope';

export type SpecificationIdKind = 'outcome' | 'indicator' | 'requirement' | 'criterion' | 'tier' | 'lot';

export interface SpecificationId {
  kind: SpecificationIdKind;
  id: string;
  /** The outcome statement, indicator definition, requirement text, criterion, tier or lot title. */
  title: string;
  /** A short second line: the indicator's target, whether a requirement is mandatory, a criterion's weight. */
  detail?: string;
  /** For an indicator: the outcome it belongs to. */
  outcome?: string;
  /** Whether the bid already answers it (responses, commitments, compliance, award responses, lots). */
  answered: boolean;
}

const str = (v: unknown) => {
  const s = get.str(v)?.trim();
  return s ? s : undefined;
};

function idsIn(list: unknown, key: string): Set<string> {
  return new Set(
    get
      .arr(list)
      .map((x) => str(get.obj(x)?.[key]))
      .filter((x): x is string => !!x),
  );
}

/** Every id a bid can refer to in its specification, in the specification's order, marked answered or not. */
export function specificationIds(spec: LinkedDocument, bid?: DocumentModel): SpecificationId[] {
  const s = spec.model.value;
  const b = bid?.value ?? {};
  const answeredOutcomes = idsIn(b.responses, 'outcome');
  const committed = new Set(get.arr(b.responses).flatMap((r) => [...idsIn(get.obj(r)?.commitments, 'indicator')]));
  const answeredRequirements = idsIn(b.compliance, 'requirement');
  const answeredCriteria = idsIn(b.award_responses, 'criterion');
  const bidLots = new Set(get.arr(b.lots).filter((x): x is string => typeof x === 'string'));
  const pricedTiers = idsIn(b.prices, 'tier');
  const out: SpecificationId[] = [];

  for (const item of get.arr(s.outcomes)) {
    const o = get.obj(item);
    const id = str(o?.id);
    if (!o || !id) continue;
    const lots = get.arr(o.lots).filter((x): x is string => typeof x === 'string');
    out.push({ kind: 'outcome', id, title: str(o.statement) ?? id, detail: lots.length ? `Lots: ${lots.join(', ')}` : undefined, answered: answeredOutcomes.has(id) });
    for (const x of get.arr(o.indicators)) {
      const ind = get.obj(x);
      const iid = str(ind?.id);
      if (!ind || !iid) continue;
      const target = str(ind.target);
      out.push({ kind: 'indicator', id: iid, title: str(ind.definition) ?? iid, detail: target ? `Minimum target: ${target}` : undefined, outcome: id, answered: committed.has(iid) });
    }
  }
  const requirement = (list: unknown, safeguarding: boolean) => {
    for (const x of get.arr(list)) {
      const r = get.obj(x);
      const id = str(r?.id);
      if (!r || !id) continue;
      const mandatory = safeguarding || r.mandatory !== false;
      out.push({ kind: 'requirement', id, title: str(r.text) ?? id, detail: `${safeguarding ? 'Safeguarding requirement' : mandatory ? 'Mandatory requirement' : 'Requirement (not mandatory)'}${str(r.evidence) ? `; evidence: ${str(r.evidence)}` : ''}`, answered: answeredRequirements.has(id) });
    }
  };
  requirement(get.obj(s.safeguarding)?.requirements, true);
  requirement(s.requirements, false);
  for (const x of get.arr(get.obj(get.obj(s.value_for_money)?.award)?.criteria)) {
    const c = get.obj(x);
    const id = str(c?.id);
    if (!c || !id) continue;
    const weight = get.num(c.weight);
    out.push({ kind: 'criterion', id, title: str(c.title) ?? id, detail: `${str(c.type) ?? 'criterion'}${weight !== undefined ? `, ${weight}% of the score` : ''}`, answered: answeredCriteria.has(id) });
  }
  const tiers = buildScope(spec.uri, spec.model, { frameworks: new Map(), problems: [] }).local.get('tier');
  for (const t of tiers?.values() ?? []) out.push({ kind: 'tier', id: t.id, title: t.title ?? t.id, answered: pricedTiers.has(t.id) });
  for (const x of get.arr(get.obj(s.market)?.lots)) {
    const l = get.obj(x);
    const id = str(l?.id);
    if (!l || !id) continue;
    out.push({ kind: 'lot', id, title: str(l.title) ?? id, answered: bidLots.has(id) });
  }
  return out;
}

/**
 * The ids that fit at a place in a bid: outcomes at `responses[i].outcome`, the indicators of that response's
 * outcome at `responses[i].commitments[j].indicator`, requirements at `compliance[i].requirement`, criteria at
 * `award_responses[i].criterion`, tiers and lots at `prices[i].tier`/`.lot`, lots at `lots[i]`. Ids already
 * answered elsewhere come last. Empty when the place takes no specification id or the specification is unknown.
 */
export function bidIdCompletions(model: DocumentModel, linked: Linked, path: readonly PathSegment[]): SpecificationId[] {
  const spec = linked.specification;
  if (!spec || model.kind !== 'bid') return [];
  const all = specificationIds(spec, model);
  const p = path.map((x) => (typeof x === 'number' ? '*' : x)).join('.');
  let kind: SpecificationIdKind | undefined;
  let filter: (x: SpecificationId) => boolean = () => true;
  if (p === 'responses.*.outcome') kind = 'outcome';
  else if (p === 'responses.*.commitments.*.indicator') {
    kind = 'indicator';
    const outcome = str(get.obj(get.arr(model.value.responses)[path[1] as number])?.outcome);
    if (outcome && all.some((x) => x.kind === 'outcome' && x.id === outcome)) filter = (x) => x.outcome === outcome;
  } else if (p === 'compliance.*.requirement') kind = 'requirement';
  else if (p === 'award_responses.*.criterion') kind = 'criterion';
  else if (p === 'prices.*.tier') kind = 'tier';
  else if (p === 'prices.*.lot' || p === 'lots.*') kind = 'lot';
  if (!kind) return [];
  const fits = all.filter((x) => x.kind === kind && filter(x));
  return [...fits.filter((x) => !x.answered), ...fits.filter((x) => x.answered)];
}
