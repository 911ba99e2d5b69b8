/**
 * A specification as an Open Contracting Data Standard (OCDS) 1.1 release package: one release with
 * the tender, its lots, items, award criteria and weights, the indicators as metrics (targets), the
 * safeguarding and mandatory requirements as criteria, milestones, the contract period and the
 * specification itself as a technical specifications document, with the UK profile fields that apply.
 *
 * Pure and deterministic: the same specification and options always give the same package. The ocid
 * is the registered prefix plus the specification id; the release id adds the version.
 *
 * See docs/exports.md for the field-by-field mapping.
 */

import { parseExpression, type Expr, type TargetExpr } from '../../../../grammar/src/index';
import { get, type DocumentModel } from '../model';
import { label, money, number, priceUnit, text } from '../render/format';
import { slug } from '../render/escape';
import { specificationTiers } from './report';
import type { Analysis } from '../service';

/** The OCDS test prefix: ocids made with it are known not to be real contracting processes. */
export const OCDS_TEST_PREFIX = 'ocds-213czf';

/** The extensions a commspec export declares, by the name of their folder in the reference data. */
export const OCDS_EXTENSIONS: ReadonlyArray<{ name: string; url: string }> = [
  { name: 'lots', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json' },
  { name: 'awardCriteria', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/master/extension.json' },
  { name: 'metrics', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/v1.1/extension.json' },
  { name: 'requirements', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_requirements_extension/master/extension.json' },
  { name: 'suitability', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_suitability_extension/master/extension.json' },
  { name: 'sustainability', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_sustainability_extension/master/extension.json' },
  { name: 'subcontracting', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_subcontracting_extension/master/extension.json' },
  // The UK profile, and the extensions it depends on.
  { name: 'uk', url: 'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json' },
  { name: 'bid', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json' },
  { name: 'communication', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_communication_extension/master/extension.json' },
  { name: 'location', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_location_extension/master/extension.json' },
  { name: 'otherRequirements', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_otherRequirements_extension/master/extension.json' },
  { name: 'performance_failures', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_performance_failures_extension/master/extension.json' },
  { name: 'techniques', url: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json' },
];

export interface OcdsOptions {
  /** The publisher's registered ocid prefix. Default: the OCDS test prefix `ocds-213czf`. */
  ocidPrefix?: string;
  /** The release date to use when the specification gives none (no publication date, no dated version). An ISO date-time. */
  fallbackDate?: string;
  /** The package's own URI. Default: a `urn:` made from the ocid and release id. */
  packageUri?: string;
  /** Where the published specification can be downloaded (the technical specifications document's url). */
  documentUrl?: string;
  /** The publisher's name. Default: the lead commissioner. */
  publisher?: string;
}

export interface OcdsExport {
  /** The release package, ready for JSON.stringify. */
  package: Record<string, unknown>;
  /** Things in the specification that could not be carried into OCDS, in the commissioner's words. */
  notes: string[];
}

export class OcdsExportError extends Error {}

// ------------------------------------------------------------------------------------------------
// Dates: commspec dates are days or months; OCDS wants date-times. Days are given in UK time.

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** The UK's offset from UTC at the start (or end) of a calendar day. */
function ukOffset(year: number, month: number, day: number, end: boolean): string {
  const march = lastSunday(year, 3);
  const october = lastSunday(year, 10);
  const key = month * 100 + day;
  const start = 300 + march;
  const stop = 1000 + october;
  // Clocks change at 01:00 UTC on the last Sundays of March and October.
  const summer = key > start && key < stop ? true : key === start ? end : key === stop ? !end : false;
  return summer ? '+01:00' : '+00:00';
}

/** `2027-03-31` → `2027-03-31T00:00:00+01:00` (or `T23:59:59` for an end date); a month means its first or last day. */
export function ocdsDateTime(v: unknown, end: boolean): string | undefined {
  const s = typeof v === 'string' ? v.trim() : undefined;
  const m = s ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s) : null;
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] !== undefined ? Number(m[3]) : end ? daysInMonth : 1;
  if (day < 1 || day > daysInMonth) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${end ? '23:59:59' : '00:00:00'}${ukOffset(year, month, day, end)}`;
}

function dayOf(v: unknown, end: boolean): Date | undefined {
  const s = ocdsDateTime(v, end);
  return s ? new Date(`${s.slice(0, 10)}T00:00:00Z`) : undefined;
}

/** Whole months from the start day to the day after the end day, when the term is a whole number of months. */
function wholeMonths(start: Date, end: Date): number | undefined {
  const after = new Date(end.getTime() + 86400000);
  const months = (after.getUTCFullYear() - start.getUTCFullYear()) * 12 + (after.getUTCMonth() - start.getUTCMonth());
  const back = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()));
  return back.getTime() === after.getTime() && months > 0 ? months : undefined;
}

function addDuration(d: Date, duration: string): Date | undefined {
  const m = /^(\d+(?:\.\d+)?) (hour|day|week|month|year)s?$/.exec(duration.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const r = new Date(d.getTime());
  switch (m[2]) {
    case 'day':
      r.setUTCDate(r.getUTCDate() + n);
      return r;
    case 'week':
      r.setUTCDate(r.getUTCDate() + 7 * n);
      return r;
    case 'month':
      if (!Number.isInteger(n)) return undefined;
      r.setUTCMonth(r.getUTCMonth() + n);
      return r;
    case 'year':
      if (!Number.isInteger(n)) return undefined;
      r.setUTCFullYear(r.getUTCFullYear() + n);
      return r;
    default:
      return undefined;
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// ------------------------------------------------------------------------------------------------
// Code lists.

const tenderStatus: Record<string, { status: string; tag: string }> = {
  draft: { status: 'planning', tag: 'planning' },
  consultation: { status: 'planning', tag: 'planning' },
  published: { status: 'active', tag: 'tender' },
  awarded: { status: 'complete', tag: 'tender' },
  retired: { status: 'withdrawn', tag: 'tenderUpdate' },
};

const procurementMethod: Record<string, string | undefined> = {
  open: 'open',
  'competitive-flexible': 'selective',
  'framework-call-off': 'selective',
  'dynamic-market': 'selective',
  'direct-award': 'direct',
  grant: undefined,
};

const milestoneTypes: Record<string, string> = { reporting: 'reporting', payment: 'payment', review: 'assessment', delivery: 'delivery', engagement: 'engagement' };

/** UN/CEFACT Recommendation 20 codes for indicator units. */
const units: Record<string, { name: string; id?: string }> = {
  percent: { name: 'percent', id: 'P1' },
  count: { name: 'count', id: 'C62' },
  days: { name: 'days', id: 'DAY' },
  weeks: { name: 'weeks', id: 'WEE' },
  months: { name: 'months', id: 'MON' },
  score: { name: 'score' },
  rate: { name: 'rate per 10,000 children' },
};

const durationUnits: Record<string, { name: string; id: string }> = {
  day: { name: 'days', id: 'DAY' },
  week: { name: 'weeks', id: 'WEE' },
  month: { name: 'months', id: 'MON' },
  quarter: { name: 'quarters', id: 'QAN' },
  year: { name: 'years', id: 'ANN' },
};

/** Social value themes as sustainability goals (open codelist sustainabilityGoal). */
const sustainabilityGoals: Record<string, string> = {
  'local-employment': 'economic.localEconomyPromotion',
  'skills-and-training': 'social',
  'local-supply-chain': 'economic.localEconomyPromotion',
  environment: 'environmental',
  'community-wellbeing': 'social',
  'equality-and-inclusion': 'social',
  'voluntary-sector-support': 'social.smeInclusion',
};

const comparisonWords: Record<string, string> = { '>=': 'atLeast', '>': 'moreThan', '<=': 'atMost', '<': 'lessThan', '=': 'exactly', '!=': 'not' };

// ------------------------------------------------------------------------------------------------

const gbp = (amount: number) => ({ amount, currency: 'GBP' });

/** Drops undefined values and empty arrays and objects, so optional fields are left out rather than null. */
function compact<T>(v: T): T {
  if (Array.isArray(v)) return v.map(compact).filter((x) => x !== undefined) as unknown as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const c = compact(x);
      if (c === undefined) continue;
      if (Array.isArray(c) && c.length === 0) continue;
      if (c && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return out as T;
  }
  return v;
}

function sentence(parts: Array<string | undefined>): string | undefined {
  const kept = parts
    .filter((p): p is string => p !== undefined && p.trim() !== '')
    .map((p) => p.trim().replace(/[.;:,]$/, ''))
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1));
  return kept.length ? kept.join('. ') + '.' : undefined;
}

const frequencyWords: Record<string, [string, string]> = {
  monthly: ['Monthly', 'every month'],
  quarterly: ['Quarterly', 'every quarter'],
  termly: ['Termly', 'every school term'],
  'six-monthly': ['Six-monthly', 'every six months'],
  annually: ['Annual', 'every year'],
  'at-exit': ['Exit', 'when each child leaves the service'],
};

function isUrl(s: string | undefined): s is string {
  if (!s) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** What a target asks for, in OCDS terms. */
export interface TargetObservation {
  measure?: number | string;
  amount?: number;
  unit?: { name: string; id?: string };
  endDate?: string;
  comparison?: string;
  window?: string;
  change?: string;
  problem?: string;
}

function literalUnit(e: Expr): { value: number; unit?: { name: string; id?: string }; money?: boolean } | undefined {
  switch (e.type) {
    case 'paren':
      return literalUnit(e.inner);
    case 'number':
      return { value: e.value };
    case 'percent':
      return { value: e.value, unit: e.points ? { name: 'percentage points' } : units.percent };
    case 'money':
      return { value: e.value, money: true };
    case 'count':
      return { value: e.value, unit: { name: e.noun, id: 'C62' } };
    case 'duration':
      return { value: e.value, unit: durationUnits[e.unit] };
    case 'negate': {
      const inner = literalUnit(e.operand);
      return inner && { ...inner, value: e.times % 2 === 1 ? -inner.value : inner.value };
    }
    case 'per': {
      const inner = literalUnit(e.operand);
      if (!inner) return undefined;
      if (e.basis.kind === 'number') return { value: inner.value, unit: { name: `per ${e.basis.value.toLocaleString('en-GB')}` } };
      return inner;
    }
    default:
      return undefined;
  }
}

/** Reads a target expression into the measure, unit and date of an OCDS observation. */
export function targetObservation(target: string, indicatorUnit: unknown, baseline: number | undefined): TargetObservation {
  const parsed = parseExpression(target, 'target');
  if (!parsed.ast || parsed.ast.type !== 'target' || parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { problem: `the target '${target}' cannot be read; fix it first (commspec lint shows where)` };
  }
  const t = parsed.ast as TargetExpr;
  const out: TargetObservation = {};
  if (t.deadline?.type === 'date') out.endDate = ocdsDateTime(t.deadline.text, true);
  if (t.window?.type === 'duration') out.window = `${t.window.value} ${t.window.unit}${t.window.value === 1 ? '' : 's'}`;
  const fallbackUnit = typeof indicatorUnit === 'string' ? units[indicatorUnit] : undefined;
  const place = (l: { value: number; unit?: { name: string; id?: string }; money?: boolean }) => {
    if (l.money || indicatorUnit === 'money') out.amount = l.value;
    else {
      out.measure = l.value;
      out.unit = l.unit ?? fallbackUnit;
    }
  };
  const f = t.form;
  if (f.mode === 'compare') {
    out.comparison = comparisonWords[f.op];
    const l = literalUnit(f.value);
    if (!l) return { ...out, problem: `the level in '${target}' is not a fixed number, so it is given as text` , measure: target };
    place(l);
  } else if (f.mode === 'between') {
    out.comparison = 'between';
    const lo = literalUnit(f.low);
    const hi = literalUnit(f.high);
    if (!lo || !hi) return { ...out, measure: target, problem: `the range in '${target}' is not fixed numbers, so it is given as text` };
    out.measure = `${lo.value} to ${hi.value}`;
    out.unit = lo.unit ?? fallbackUnit;
  } else {
    out.comparison = f.direction === 'reduce' ? 'atMost' : 'atLeast';
    out.change = target.slice(f.directionSpan.start, (f.fromBaseline ?? f.amount.span).end);
    const amount = literalUnit(f.amount);
    if (!amount || baseline === undefined) {
      return { ...out, measure: target, unit: fallbackUnit, problem: baseline === undefined ? `'${target}' is a change from the baseline, which has no value yet, so it is given as text` : `the change in '${target}' is not a fixed number` };
    }
    const sign = f.direction === 'reduce' ? -1 : 1;
    // `reduce by 10%` is 10% of the baseline; `reduce by 5 percentage points` (or by 3, in the indicator's unit) is absolute.
    const relative = amount.unit?.id === 'P1';
    const level = relative ? baseline * (1 + (sign * amount.value) / 100) : baseline + sign * amount.value;
    out.measure = round(level);
    out.unit = fallbackUnit;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------

/** Builds the OCDS release package for a specification. Throws OcdsExportError when the document is not a specification. */
export function toOcds(input: DocumentModel | Analysis, options: OcdsOptions = {}): OcdsExport {
  const analysis = (input as Analysis).model !== undefined && (input as Analysis).doc !== undefined ? (input as Analysis) : undefined;
  const model = analysis ? analysis.model : (input as DocumentModel);
  if (model.kind !== 'specification') throw new OcdsExportError(`OCDS export is for specifications; this document is ${model.kind ? `a ${model.kind}` : 'not a commspec document'}`);
  const v = model.value;
  const notes: string[] = [];
  const specId = text(v.id);
  if (!specId) throw new OcdsExportError('The specification has no id, so no ocid can be made: add id: at the top');
  const prefix = options.ocidPrefix ?? OCDS_TEST_PREFIX;
  if (!/^ocds-[a-z0-9]{6}$/.test(prefix)) throw new OcdsExportError(`'${prefix}' is not an ocid prefix: a registered prefix is 'ocds-' followed by six letters or digits, for example ocds-213czf`);
  const ocid = `${prefix}-${specId}`;
  const version = text(v.version);
  const releaseId = `${specId}-${version ?? '0'}`;
  const title = text(v.title) ?? specId;
  const dates = get.obj(v.dates) ?? {};
  const term = get.obj(v.term) ?? {};
  const commissioner = get.obj(v.commissioner) ?? {};
  const vfm = get.obj(v.value_for_money) ?? {};
  const budget = get.obj(vfm.budget) ?? {};
  const market = get.obj(v.market) ?? {};
  const status = tenderStatus[text(v.status) ?? ''] ?? { status: 'planning', tag: 'planning' };

  // Release date: the date of this version, else the publication date, else the caller's date.
  const thisVersion = get.arr(v.history).map(get.obj).find((h) => h && version !== undefined && text(h.version) === version);
  const releaseDate = ocdsDateTime(thisVersion?.date, false) ?? ocdsDateTime(dates.publication, false) ?? options.fallbackDate;
  if (!releaseDate) throw new OcdsExportError('The specification has no publication date and no dated version, so the release has no date: add dates: publication:');

  // Parties.
  const leadName = text(commissioner.lead) ?? 'Lead commissioner';
  const buyerId = slug(leadName);
  const contact = get.arr(commissioner.contacts).map(get.obj).find((c) => c && (text(c.email) || text(c.name)));
  const parties: Record<string, unknown>[] = [
    {
      id: buyerId,
      name: leadName,
      roles: ['buyer', 'procuringEntity'],
      contactPoint: contact ? { name: text(contact.name) ?? text(contact.role), email: text(contact.email) } : undefined,
      roleDetails: sentence([text(commissioner.level) ? `${label(commissioner.level)} commissioning` : undefined, text(commissioner.funding) ? label(commissioner.funding) : undefined, text(commissioner.agreement)]),
    },
  ];
  const seen = new Set([buyerId]);
  for (const p of get.arr(commissioner.partners).map(get.obj)) {
    const name = text(p?.name);
    if (!p || !name) continue;
    let id = slug(name);
    for (let i = 2; seen.has(id); i++) id = `${slug(name)}-${i}`;
    seen.add(id);
    parties.push({
      id,
      name,
      roles: typeof p.contribution === 'number' && p.contribution > 0 ? ['funder'] : ['interestedParty'],
      roleDetails: sentence([text(p.role), typeof p.contribution === 'number' ? `Contributes ${money(p.contribution)} a year` : undefined, text(p.accountability)]),
    });
  }

  // Contract period.
  const start = dayOf(term.start ?? dates.contract_start, false);
  const end = dayOf(term.end, true);
  let maxExtent = end;
  for (const e of get.arr(term.extensions).map(get.obj)) {
    const d = text(e?.duration);
    if (!maxExtent || !d) continue;
    const next = addDuration(new Date(maxExtent.getTime() + 86400000), d);
    maxExtent = next ? new Date(next.getTime() - 86400000) : maxExtent;
  }
  const months = start && end ? wholeMonths(start, end) : undefined;
  const contractPeriod = {
    startDate: start ? ocdsDateTime(isoDay(start), false) : undefined,
    endDate: end ? ocdsDateTime(isoDay(end), true) : undefined,
    maxExtentDate: maxExtent && maxExtent !== end ? ocdsDateTime(isoDay(maxExtent), true) : undefined,
    durationInDays: start && end ? Math.round((end.getTime() - start.getTime()) / 86400000) + 1 : undefined,
    durationInMonths: months,
  };

  // Lots: the specification's, or one for the whole contract so award criteria have a home.
  const criteria = get.arr(get.obj(vfm.award)?.criteria).map(get.obj).filter((c): c is Record<string, unknown> => c !== undefined);
  const awardCriteria = criteria.length
    ? {
        criteria: criteria.map((c) => ({
          type: c.type === 'price' ? 'price' : 'quality',
          name: text(c.title) ?? label(c.type) ?? text(c.id),
          description: sentence([
            text(c.id) ? `Criterion ${text(c.id)} of the specification` : undefined,
            c.type === 'social-value' ? 'Social value' : undefined,
            get.arr(c.outcomes).length ? `Scores the responses to the outcomes ${get.arr(c.outcomes).map(text).filter(Boolean).join(', ')}` : undefined,
          ]),
          numbers: typeof c.weight === 'number' ? [{ number: c.weight, weight: 'percentageExact' }] : undefined,
        })),
      }
    : undefined;
  const termYears = months !== undefined ? months / 12 : undefined;
  const suitability = text(market.small_providers) ? { sme: true, vcse: true } : undefined;
  const declaredLots = get.arr(market.lots).map(get.obj).filter((l): l is Record<string, unknown> => l !== undefined && typeof l.id === 'string');
  const lots = declaredLots.length
    ? declaredLots.map((l) => ({
        id: l.id as string,
        title: text(l.title),
        description: sentence([
          text(l.description),
          typeof l.value === 'number' ? `Annual value ${money(l.value)}` : undefined,
          typeof l.places === 'number' ? `${number(l.places)} places` : undefined,
          get.arr(l.tiers).length ? `Levels of need: ${get.arr(l.tiers).map(text).filter(Boolean).join(', ')}` : undefined,
        ]),
        status: status.status,
        value: typeof l.value === 'number' && termYears !== undefined ? gbp(round(l.value * termYears)) : undefined,
        contractPeriod,
        awardCriteria,
        suitability,
      }))
    : [{ id: 'whole-contract', title: `${title} (not divided into lots)`, status: status.status, value: typeof budget.total === 'number' ? gbp(budget.total) : undefined, contractPeriod, awardCriteria, suitability }];
  if (declaredLots.length && declaredLots.some((l) => typeof l.value === 'number') && termYears === undefined) {
    notes.push('Lot values are annual and the contract term is not a whole number of months, so the lots carry no total value');
  }

  // Items: one for each price ceiling (and lot it applies to).
  const { tiers } = specificationTiers(v, analysis);
  const tierLabel = new Map(tiers.map((t) => [t.id, t.label ?? t.id]));
  const service = label(v.service_type) ?? 'Service';
  const items: Record<string, unknown>[] = [];
  const itemIds = new Set<string>();
  const addItem = (base: string, item: Record<string, unknown>) => {
    let id = base;
    for (let i = 2; itemIds.has(id); i++) id = `${base}-${i}`;
    itemIds.add(id);
    items.push({ id, ...item });
  };
  for (const p of get.arr(vfm.prices).map(get.obj)) {
    if (!p || typeof p.ceiling !== 'number') continue;
    const tier = text(p.tier);
    const per = priceUnit(p);
    const lotIds = text(p.lot) ? [text(p.lot)!] : declaredLots.length ? declaredLots.filter((l) => !tier || !get.arr(l.tiers).length || get.arr(l.tiers).includes(tier)).map((l) => l.id as string) : ['whole-contract'];
    for (const lot of lotIds) {
      addItem([tier ?? 'all-levels', lot !== 'whole-contract' ? lot : undefined, per?.replace(/ /g, '-')].filter(Boolean).join('-'), {
        description: sentence([`${service}${tier ? `, ${tierLabel.get(tier) ?? tier} level of need` : ''}: maximum price per ${per ?? 'unit'} (price ceiling)`]),
        unit: { name: per, value: gbp(p.ceiling) },
        relatedLot: lot,
      });
    }
  }
  if (!items.length) {
    for (const l of lots) addItem(`${l.id}-service`, { description: sentence([`${service}: ${text(v.summary) ?? title}`]), relatedLot: l.id });
  }

  // Targets: each indicator a metric, with its baseline, target and comparator as observations.
  const targets: Record<string, unknown>[] = [];
  for (const o of get.arr(v.outcomes).map(get.obj)) {
    if (!o) continue;
    const oid = text(o.id);
    for (const ind of get.arr(o.indicators).map(get.obj)) {
      const iid = text(ind?.id);
      if (!ind || !iid) continue;
      const unit = ind.unit;
      const baseline = get.obj(ind.baseline);
      const baseValue = get.num(baseline?.value);
      const unitCode = typeof unit === 'string' ? units[unit] : undefined;
      const common = { outcome: oid, indicator: iid, polarity: ind.polarity === 'higher' ? 'higherIsBetter' : ind.polarity === 'lower' ? 'lowerIsBetter' : undefined };
      const observations: Record<string, unknown>[] = [];
      if (baseline) {
        observations.push({
          id: `${iid}-baseline`,
          period: ocdsDateTime(baseline.date, true) ? { endDate: ocdsDateTime(baseline.date, true) } : undefined,
          ...(unit === 'money' && baseValue !== undefined ? { value: gbp(baseValue) } : { measure: baseValue, unit: baseValue !== undefined ? unitCode : undefined }),
          notes: sentence([
            baseValue === undefined ? `Baseline ${label(baseline.status ?? 'to-be-established')?.toLowerCase()}` : undefined,
            text(baseline.source) ? `Source: ${text(baseline.source)}` : undefined,
            typeof baseline.n === 'number' ? `Base: ${baseline.n}` : undefined,
            text(baseline.note),
          ]),
          dimensions: compact({ observationType: 'baseline', ...common, baselineStatus: text(baseline.status) }),
        });
      }
      const targetText = text(ind.target);
      if (targetText) {
        const t = targetObservation(targetText, unit, baseValue);
        if (t.problem) notes.push(`Indicator ${iid}: ${t.problem}`);
        observations.push({
          id: `${iid}-target`,
          period: t.endDate ? { startDate: contractPeriod.startDate, endDate: t.endDate } : contractPeriod.startDate || contractPeriod.endDate ? { startDate: contractPeriod.startDate, endDate: contractPeriod.endDate } : undefined,
          ...(t.amount !== undefined ? { value: gbp(t.amount) } : { measure: t.measure, unit: t.unit }),
          notes: sentence([`Target: ${targetText}`, t.window ? `Measured over any ${t.window}` : undefined, ind.kpi === true ? 'A key performance indicator (Procurement Act 2023, section 52)' : undefined]),
          dimensions: compact({
            observationType: 'target',
            ...common,
            comparison: t.comparison,
            window: t.window,
            change: t.change,
            keyPerformanceIndicator: ind.kpi === true ? 'true' : ind.kpi === false ? 'false' : undefined,
          }),
        });
      }
      const comparator = get.obj(ind.comparator);
      const cValue = get.num(comparator?.value);
      if (comparator && cValue !== undefined) {
        observations.push({
          id: `${iid}-comparator`,
          ...(unit === 'money' ? { value: gbp(cValue) } : { measure: cValue, unit: unitCode }),
          notes: sentence([`Comparator: ${label(comparator.type)}`, text(comparator.source)]),
          dimensions: compact({ observationType: 'comparator', ...common, comparator: text(comparator.type) }),
        });
      }
      targets.push({
        id: iid,
        title: text(ind.definition) ?? iid,
        description: sentence([
          text(o.statement) ? `Outcome: ${text(o.statement)}` : undefined,
          text(ind.measure) ? `Measure: ${text(ind.measure)}` : undefined,
          label(ind.unit) ? `Unit: ${label(ind.unit)}` : undefined,
          label(ind.polarity),
          text(ind.data_source) ? `Data source: ${text(ind.data_source)}` : undefined,
          label(ind.frequency) ? `Reported: ${label(ind.frequency)?.toLowerCase()}` : undefined,
          typeof ind.minimum_n === 'number' ? `Reported as a percentage only for ${ind.minimum_n} or more` : undefined,
        ]),
        observations,
      });
    }
  }

  // Criteria: safeguarding and mandatory requirements.
  const requirement = (r: Record<string, unknown>) => ({
    id: text(r.id),
    title: text(r.text),
    description: text(r.evidence) ? `Evidence required: ${text(r.evidence)}` : undefined,
    dataType: 'boolean',
    expectedValue: r.mandatory === false ? undefined : true,
  });
  const sg = get.obj(v.safeguarding);
  const criteriaOut: Record<string, unknown>[] = [];
  if (sg) {
    const groups: Record<string, unknown>[] = [];
    const sgReqs = get.arr(sg.requirements).map(get.obj).filter((r): r is Record<string, unknown> => r !== undefined && typeof r.id === 'string');
    if (sgReqs.length) groups.push({ id: 'safeguarding-requirements', description: 'Safeguarding requirements every bid must answer', requirements: sgReqs.map(requirement) });
    const checks = get.arr(sg.checks).map(text).filter((c): c is string => c !== undefined);
    if (checks.length) {
      groups.push({
        id: 'safeguarding-checks',
        description: 'Checks before staff and volunteers start work with children',
        requirements: checks.map((c) => ({ id: `check-${c}`, title: label(c), dataType: 'boolean', expectedValue: true })),
      });
    }
    const training = get.obj(sg.training);
    const escalation = get.obj(sg.escalation);
    const standards = [
      text(sg.designated_lead) ? { id: 'designated-safeguarding-lead', title: `A designated safeguarding lead: ${text(sg.designated_lead)}`, dataType: 'boolean', expectedValue: true } : undefined,
      training && text(training.requirement) ? { id: 'safeguarding-training', title: sentence([text(training.requirement), text(training.refresh) ? `Refreshed every ${text(training.refresh)}` : undefined]), dataType: 'boolean', expectedValue: true } : undefined,
      escalation && text(escalation.route) ? { id: 'escalation-route', title: `Concerns are escalated: ${text(escalation.route)}`, dataType: 'boolean', expectedValue: true } : undefined,
      escalation?.lado === true ? { id: 'lado-referral', title: 'Allegations against staff are referred to the local authority designated officer (LADO)', dataType: 'boolean', expectedValue: true } : undefined,
      escalation && text(escalation.notification) ? { id: 'incident-notification', title: `The commissioner is told of a serious incident within ${text(escalation.notification)}`, dataType: 'boolean', expectedValue: true } : undefined,
      ...get.arr(sg.statutory_basis).map((b) => (text(b) ? { id: `complies-with-${text(b)}`, title: `Complies with ${label(b)}`, dataType: 'boolean', expectedValue: true } : undefined)),
    ].filter((x) => x !== undefined);
    if (standards.length) groups.push({ id: 'safeguarding-standards', description: 'Safeguarding standards the provider must meet', requirements: standards });
    if (groups.length) {
      criteriaOut.push({
        id: 'safeguarding',
        title: 'Safeguarding',
        description: sentence([text(sg.statement), get.arr(sg.scope).length ? `Harms the service must respond to: ${get.arr(sg.scope).map(label).filter(Boolean).join(', ')}` : undefined]),
        relatesToTenderer: true,
        requirementGroups: groups,
      });
    }
  }
  const reqs = get.arr(v.requirements).map(get.obj).filter((r): r is Record<string, unknown> => r !== undefined && typeof r.id === 'string');
  if (reqs.length) {
    const mandatory = reqs.filter((r) => r.mandatory !== false);
    const other = reqs.filter((r) => r.mandatory === false);
    criteriaOut.push({
      id: 'requirements',
      title: 'Requirements every bid must answer',
      relatesToTenderer: true,
      requirementGroups: [
        mandatory.length ? { id: 'mandatory-requirements', description: 'Mandatory: a bid that does not meet one is excluded', requirements: mandatory.map(requirement) } : undefined,
        other.length ? { id: 'other-requirements', description: 'Answered by every bid, but not grounds for exclusion', requirements: other.map(requirement) } : undefined,
      ].filter((g) => g !== undefined),
    });
  }

  // Milestones: dated reviews, reports and mobilisation steps; the payment clauses; reporting by frequency.
  const milestones: Record<string, unknown>[] = [];
  const milestoneIds = new Set<string>();
  const addMilestone = (base: string, m: Record<string, unknown>) => {
    let id = base;
    for (let i = 2; milestoneIds.has(id); i++) id = `${base}-${i}`;
    milestoneIds.add(id);
    milestones.push({ id, ...m });
  };
  const dated = (list: unknown, prefix: string, defaultType: string) => {
    get
      .arr(list)
      .map(get.obj)
      .forEach((m, i) => {
        if (!m) return;
        addMilestone(`${prefix}-${i + 1}`, { title: text(m.description), type: milestoneTypes[text(m.type) ?? ''] ?? defaultType, dueDate: ocdsDateTime(m.date, true), status: 'scheduled' });
      });
  };
  dated(get.obj(v.mobilisation)?.milestones, 'mobilisation', 'delivery');
  dated(get.obj(v.governance)?.reviews, 'review', 'assessment');
  dated(get.obj(v.evaluation)?.reports, 'evaluation-report', 'reporting');
  for (const p of get.arr(vfm.outcome_payments).map(get.obj)) {
    if (!p || !text(p.id)) continue;
    addMilestone(`payment-${text(p.id)}`, {
      title: `${label(p.type) ?? 'Outcome payment'}: ${text(p.id)}`,
      type: 'payment',
      description: sentence([
        text(p.rule) ? `Rule: ${text(p.rule)}` : undefined,
        text(p.cap) ? `Cap: ${text(p.cap)}` : undefined,
        text(p.basis),
        get.arr(p.outcomes).length ? `Rewards the outcomes ${get.arr(p.outcomes).map(text).filter(Boolean).join(', ')}` : undefined,
        text(p.definition) ? `Innovation means: ${text(p.definition)}` : undefined,
      ]),
      status: 'scheduled',
    });
  }
  const byFrequency = new Map<string, string[]>();
  for (const o of get.arr(v.outcomes).map(get.obj)) {
    for (const ind of get.arr(o?.indicators).map(get.obj)) {
      const f = text(ind?.frequency);
      const id = text(ind?.id);
      if (!f || !id) continue;
      byFrequency.set(f, [...(byFrequency.get(f) ?? []), id]);
    }
  }
  for (const [f, ids] of byFrequency) {
    const [adjective, when] = frequencyWords[f] ?? [label(f) ?? f, f];
    addMilestone(`reporting-${f}`, { title: `${adjective} outcome reporting`, type: 'reporting', description: `The provider reports ${when} on the indicators ${ids.join(', ')}.`, status: 'scheduled' });
  }

  // Documents.
  const documents = [
    {
      id: 'service-specification',
      documentType: 'technicalSpecifications',
      title: `${title}: service specification${version ? `, version ${version}` : ''}`,
      description: sentence([text(v.summary), 'Published as a commspec document (YAML)']),
      url: isUrl(options.documentUrl) ? options.documentUrl : undefined,
      datePublished: ocdsDateTime(dates.publication, false),
      dateModified: ocdsDateTime(thisVersion?.date, false),
      format: 'application/yaml',
      language: 'en',
    },
  ];
  if (options.documentUrl && !isUrl(options.documentUrl)) notes.push(`'${options.documentUrl}' is not a web address, so the specification document has no url`);
  const needs = get.obj(v.needs);
  const assessment = get.obj(needs?.assessment);

  // Social value as sustainability.
  const social = get.obj(vfm.social_value);
  const themes = get.arr(social?.themes).map(text).filter((t): t is string => t !== undefined && sustainabilityGoals[t] !== undefined);
  const strategies = [criteria.some((c) => c.type === 'social-value') ? 'awardCriteria' : undefined, text(social?.requirement) ? 'contractPerformanceConditions' : undefined].filter((s): s is string => s !== undefined);
  const sustainability = themes.map((t) => ({ goal: sustainabilityGoals[t], description: sentence([`Social value: ${label(t)}`, text(social?.requirement)]), strategies: strategies.length ? strategies : undefined }));

  // Award criteria in the core codelist.
  const types = new Set(criteria.map((c) => (c.type === 'price' ? 'price' : 'quality')));
  const awardCriteriaCode = !criteria.length ? undefined : types.size === 2 ? 'ratedCriteria' : types.has('price') ? 'priceOnly' : 'qualityOnly';
  const awardDetails = sentence([
    text(get.obj(vfm.award)?.method),
    criteria.length ? criteria.map((c) => `${text(c.title) ?? label(c.type)} ${typeof c.weight === 'number' ? `${c.weight}%` : ''}`.trim()).join('; ') : undefined,
  ]);

  const route = text(get.obj(v.procurement)?.route);
  const riskDetails = get
    .arr(v.risks)
    .map(get.obj)
    .filter((r): r is Record<string, unknown> => r !== undefined && text(r.description) !== undefined)
    .map((r) => sentence([text(r.description), r.likelihood !== undefined ? `Likelihood ${text(r.likelihood)}, impact ${text(r.impact) ?? 'not stated'}` : undefined, text(r.mitigation) ? `Mitigation: ${text(r.mitigation)}` : undefined]))
    .join('\n');
  const accreditations = get.arr(market.accreditations).map(text).filter(Boolean);

  const tender = {
    id: text(v.reference) ?? specId,
    title,
    description: text(v.summary),
    status: status.status,
    procuringEntity: { id: buyerId, name: leadName },
    items,
    value: typeof budget.total === 'number' ? gbp(budget.total) : undefined,
    procurementMethod: route ? procurementMethod[route] : undefined,
    procurementMethodDetails: route ? label(route) : undefined,
    mainProcurementCategory: 'services',
    awardCriteria: awardCriteriaCode,
    awardCriteriaDetails: awardDetails,
    eligibilityCriteria: accreditations.length ? `Required accreditations: ${accreditations.join('; ')}.` : undefined,
    tenderPeriod: { startDate: ocdsDateTime(dates.publication, false), endDate: ocdsDateTime(dates.tender_deadline, true) },
    enquiryPeriod: { startDate: ocdsDateTime(dates.publication, false), endDate: ocdsDateTime(dates.clarification_deadline, true) },
    awardPeriod: { endDate: ocdsDateTime(dates.award, true) },
    contractPeriod,
    documents,
    milestones,
    lots,
    targets,
    criteria: criteriaOut,
    suitability,
    subcontractingTerms: text(market.subcontracting) ? { description: text(market.subcontracting) } : undefined,
    hasSustainability: sustainability.length ? true : undefined,
    sustainability,
    riskDetails: riskDetails || undefined,
  };

  const release = {
    ocid,
    id: releaseId,
    date: releaseDate,
    tag: [status.tag],
    initiationType: 'tender',
    language: 'en',
    parties,
    buyer: { id: buyerId, name: leadName },
    planning: {
      rationale: text(get.obj(v.theory_of_change)?.rationale) ?? text(needs?.summary),
      budget: typeof budget.total === 'number' || text(budget.notes) ? { description: sentence([text(budget.notes), typeof budget.annual === 'number' ? `Annual budget ${money(budget.annual)}` : undefined]), amount: typeof budget.total === 'number' ? gbp(budget.total) : undefined, project: title } : undefined,
      documents: assessment
        ? [{ id: 'needs-assessment', documentType: 'needsAssessment', title: text(assessment.title), datePublished: ocdsDateTime(assessment.date, false), url: isUrl(text(assessment.url)) ? text(assessment.url) : undefined }]
        : undefined,
    },
    tender,
  };

  const pkg = {
    uri: options.packageUri ?? `urn:commspec:${ocid}:${releaseId}`,
    version: '1.1',
    extensions: OCDS_EXTENSIONS.map((e) => e.url),
    publishedDate: releaseDate,
    publisher: { name: options.publisher ?? leadName },
    releases: [compact(release)],
  };
  return { package: pkg, notes };
}
