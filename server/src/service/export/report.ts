import type { PathSegment } from '../document';
/**
 * A format-neutral reading of a commspec document: the headings, paragraphs, label/value lists and
 * tables a reader of the tender pack sees. The Markdown and Word writers both work from it, so the two
 * formats always carry the same content (the HTML renderer, which also drives the editor preview, has
 * its own richer markup).
 *
 * Pure: a model (or an analysis, for documents a specification links to) in, plain data out.
 */

import type { DocumentKind } from '../document';
import { get, type DocumentModel } from '../model';
import type { Analysis } from '../service';
import { taxonomies } from '../taxonomies';
import { date, label, money, number, priceUnit, quantity, taxonomyLabel, text } from '../render/format';

/** A run of text. `code` marks expressions and ids, shown in a fixed-width font. */
export interface Span {
  text: string;
  code?: boolean;
  strong?: boolean;
  muted?: boolean;
}
/** Inline content. Text may hold line breaks; writers keep them. */
export type Rich = Span[];

export interface FieldRow {
  label: string;
  value: Rich;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; content: Rich }
  | { type: 'fields'; rows: FieldRow[] }
  | { type: 'list'; items: Rich[] }
  | { type: 'table'; caption: string; head: string[]; rows: Rich[][]; numeric?: number[]; foot?: Rich[] };

export interface Report {
  kind: DocumentKind | undefined;
  /** `Service specification`, `Outcomes framework`, `Bid`. */
  kindWord: string;
  title: string;
  /** The facts shown under the title (and on the Word title page). */
  meta: FieldRow[];
  blocks: Block[];
  /** Document properties for the Word file. */
  properties: { subject: string; creator?: string; keywords: string[]; description?: string };
}

export type ReportInput = Analysis | DocumentModel;

function isAnalysis(input: ReportInput): input is Analysis {
  return (input as Analysis).model !== undefined && (input as Analysis).doc !== undefined;
}

// ------------------------------------------------------------------------------------------------
// Inline helpers.

const plain = (s: string | undefined): Rich | undefined => (s === undefined ? undefined : [{ text: s }]);
const code = (s: string | undefined): Rich | undefined => (s === undefined ? undefined : [{ text: s, code: true }]);
const muted = (s: string): Rich => [{ text: s, muted: true }];

/** Words followed by an id in brackets: `Stable homes (stable-homes)`. */
function named(words: string | undefined, id: string | undefined): Rich | undefined {
  if (words && id) return [{ text: words }, { text: ' (' }, { text: id, code: true }, { text: ')' }];
  if (words) return [{ text: words }];
  return code(id);
}

function joined(items: Array<Rich | undefined>, sep = '; '): Rich | undefined {
  const kept = items.filter((i): i is Rich => i !== undefined && i.length > 0);
  if (!kept.length) return undefined;
  const out: Rich = [];
  kept.forEach((r, i) => {
    if (i > 0) out.push({ text: sep });
    for (const span of r) out.push(span);
  });
  return out;
}

function words(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function human(v: unknown): string | undefined {
  return date(v)?.human ?? text(v);
}

function labels(v: unknown): Rich | undefined {
  return plain(
    get
      .arr(v)
      .map(label)
      .filter((s): s is string => s !== undefined)
      .join('; ') || undefined,
  );
}

/** Collects blocks, dropping empty ones. */
class Out {
  readonly blocks: Block[] = [];
  heading(level: 1 | 2 | 3, t: string): void {
    this.blocks.push({ type: 'heading', level, text: t });
  }
  prose(v: unknown): void {
    const t = text(v);
    if (t === undefined) return;
    for (const p of t.split(/\n\s*\n/)) {
      const s = p.trim();
      if (s) this.blocks.push({ type: 'paragraph', content: [{ text: s }] });
    }
  }
  para(content: Rich | undefined): void {
    if (content && content.length) this.blocks.push({ type: 'paragraph', content });
  }
  fields(rows: Array<[string, Rich | undefined]>): void {
    const kept = rows.filter((r): r is [string, Rich] => r[1] !== undefined && r[1].length > 0).map(([l, v]) => ({ label: l, value: v }));
    if (kept.length) this.blocks.push({ type: 'fields', rows: kept });
  }
  list(items: Array<Rich | undefined>): void {
    const kept = items.filter((i): i is Rich => i !== undefined && i.length > 0);
    if (kept.length) this.blocks.push({ type: 'list', items: kept });
  }
  table(caption: string, head: string[], rows: Array<Array<Rich | undefined>>, opts: { numeric?: number[]; foot?: Array<Rich | undefined> } = {}): void {
    if (!rows.length) return;
    const fill = (c: Rich | undefined): Rich => c ?? [];
    this.blocks.push({ type: 'table', caption, head, rows: rows.map((r) => r.map(fill)), numeric: opts.numeric, foot: opts.foot?.map(fill) });
  }
  get size(): number {
    return this.blocks.length;
  }
}

/** A top-level part: a heading followed by what `fill` writes, left out when `fill` writes nothing. */
function part(out: Out, title: string, fill: (o: Out) => void): void {
  const inner = new Out();
  fill(inner);
  if (!inner.size) return;
  out.heading(1, title);
  for (const b of inner.blocks) out.blocks.push(b);
}

// ------------------------------------------------------------------------------------------------
// Entry point.

export function buildReport(input: ReportInput): Report {
  const analysis = isAnalysis(input) ? input : undefined;
  const model = analysis ? analysis.model : (input as DocumentModel);
  const ctx: Ctx = { v: model.value ?? {}, analysis };
  switch (model.kind) {
    case 'specification':
      return specification(ctx);
    case 'framework':
      return frameworkReport(ctx);
    case 'bid':
      return bidReport(ctx);
    default: {
      const title = text(ctx.v.title) ?? 'Not a commspec document';
      const out = new Out();
      out.para(plain('This file does not say what kind of commspec document it is. Add kind: specification, kind: framework or kind: bid at the top.'));
      return { kind: undefined, kindWord: 'Document', title, meta: [], blocks: out.blocks, properties: { subject: 'commspec document', keywords: [] } };
    }
  }
}

interface Ctx {
  v: Record<string, unknown>;
  analysis: Analysis | undefined;
}

// ------------------------------------------------------------------------------------------------
// Specification.

export interface TierRow {
  id: string;
  label?: string;
  definition?: string;
  threshold?: string;
  stepUp?: string;
  stepDown?: string;
  review?: string;
  /** Where a tier declared in the document itself is (for the preview's scroll sync). */
  path?: PathSegment[];
}

/**
 * The specification's levels of need: its own, or those of the framework or built-in model it names.
 * Shared by the HTML renderer and the Markdown and Word exports, so they always show the same tiers.
 */
export function specificationTiers(v: Record<string, unknown>, analysis?: Analysis): { tiers: TierRow[]; source?: string } {
  const fromObjects = (list: unknown, own: boolean): TierRow[] =>
    get
      .arr(list)
      .map((t, i) => ({ t: get.obj(t), i }))
      .filter((x): x is { t: Record<string, unknown>; i: number } => x.t !== undefined && typeof x.t.id === 'string')
      .map(({ t, i }) => ({
        id: t.id as string,
        label: text(t.label),
        definition: text(t.definition),
        threshold: text(t.threshold),
        stepUp: text(t.step_up),
        stepDown: text(t.step_down),
        review: text(t.review),
        ...(own ? { path: ['tiers', i] } : {}),
      }));
  const own = fromObjects(v.tiers, true);
  if (own.length) return { tiers: own };
  const modelId = text(v.tier_model);
  if (!modelId) return { tiers: [] };
  const linked = analysis?.linked.frameworks.get(modelId);
  if (linked) {
    return { source: `The levels of need are taken from ${text(linked.model.value.title) ?? modelId} (${modelId}).`, tiers: fromObjects(linked.model.value.tiers, false) };
  }
  const taxonomy = taxonomies.get(modelId);
  if (taxonomy && taxonomy.kind === 'need-model') {
    return {
      source: `The levels of need are taken from ${taxonomy.title}.${taxonomy.note ? ' Councils adapt this model to their own threshold document.' : ''}`,
      tiers: taxonomy.codes.map((c) => ({ id: c.code, label: c.label, definition: c.description, threshold: c.entry, stepUp: c.step_up, stepDown: c.step_down })),
    };
  }
  return { tiers: [], source: `The levels of need are taken from the framework ${modelId}, which could not be read.` };
}

function termWords(term: Record<string, unknown> | undefined): string | undefined {
  if (!term) return undefined;
  const start = human(term.start);
  const end = human(term.end);
  const ext = get
    .arr(term.extensions)
    .map((e) => text(get.obj(e)?.duration))
    .filter((d): d is string => d !== undefined);
  if (!start && !end && !ext.length) return undefined;
  let s = start && end ? `${start} to ${end}` : start ? `From ${start}` : end ? `Until ${end}` : 'Term not stated';
  if (ext.length) s += `, with the option to extend by ${words(ext)}`;
  return s;
}

function baselineRich(b: Record<string, unknown> | undefined, unit: unknown): Rich | undefined {
  if (!b) return undefined;
  const bits: string[] = [];
  const value = quantity(b.value, unit);
  if (value !== undefined) bits.push(value);
  const d = human(b.date);
  if (d) bits.push(`at ${d}`);
  if (b.status !== undefined && (b.status !== 'measured' || value === undefined)) bits.push(`(${label(b.status)})`);
  const extra: string[] = [];
  if (text(b.source)) extra.push(`Source: ${text(b.source)}`);
  if (b.n !== undefined) extra.push(`Base: ${number(b.n)}`);
  if (text(b.note)) extra.push(text(b.note)!);
  const out: Rich = [];
  if (bits.length) out.push({ text: bits.join(' '), strong: value !== undefined });
  if (extra.length) out.push({ text: `${out.length ? '. ' : ''}${extra.join('. ')}` });
  return out.length ? out : undefined;
}

/** Just the baseline value (or its status) for the at-a-glance table. */
function baselineShort(b: Record<string, unknown> | undefined, unit: unknown): string | undefined {
  if (!b) return undefined;
  const value = quantity(b.value, unit);
  if (value !== undefined) {
    const d = human(b.date);
    return d ? `${value} (${d})` : value;
  }
  return label(b.status);
}

function comparatorRich(c: Record<string, unknown> | undefined, unit: unknown): Rich | undefined {
  if (!c) return undefined;
  const head = [label(c.type), quantity(c.value, unit)].filter(Boolean).join(': ');
  const src = text(c.source);
  return plain([head, src].filter(Boolean).join('. ') || undefined);
}

function outcomeStatements(v: Record<string, unknown>): Map<string, string> {
  const m = new Map<string, string>();
  for (const o of get.arr(v.outcomes).map(get.obj)) {
    const id = text(o?.id);
    const s = text(o?.statement);
    if (id && s && !m.has(id)) m.set(id, s);
  }
  return m;
}

function outcomeRefs(ids: unknown, statements: Map<string, string>): Rich[] {
  return get
    .arr(ids)
    .map(text)
    .filter((s): s is string => s !== undefined)
    .map((id) => named(statements.get(id), id)!);
}

function frameworkTags(ctx: Ctx, refs: unknown): Rich | undefined {
  return joined(
    get.arr(refs).map((r) => {
      const s = text(r);
      if (s === undefined) return undefined;
      const t = taxonomyLabel(s);
      if (t) return [{ text: `${t.label} (${t.framework})` }];
      const [fw, c] = s.split('/');
      const linked = ctx.analysis?.linked.frameworks.get(fw);
      const fo = linked ? get.arr(linked.model.value.outcomes).map(get.obj).find((o) => o && o.id === c) : undefined;
      if (fo && text(fo.statement)) return [{ text: `${text(fo.statement)} (${text(linked!.model.value.title) ?? fw})` }];
      return code(s);
    }),
  );
}

function milestonesTable(out: Out, caption: string, items: unknown): void {
  out.table(
    caption,
    ['Date', 'What happens', 'Type'],
    get.arr(items).map((m) => {
      const o = get.obj(m) ?? {};
      return [plain(human(o.date)), plain(text(o.description)), plain(label(o.type))];
    }),
  );
}

function requirementsTable(out: Out, caption: string, reqs: unknown): void {
  out.table(
    caption,
    ['Id', 'Requirement', 'Mandatory', 'Evidence required'],
    get.arr(reqs).map((r) => {
      const o = get.obj(r) ?? {};
      return [code(text(o.id)), plain(text(o.text)), plain(o.mandatory === false ? 'No' : 'Yes'), plain(text(o.evidence))];
    }),
  );
}

function specification(ctx: Ctx): Report {
  const v = ctx.v;
  const title = text(v.title) ?? text(v.id) ?? 'Untitled specification';
  const statements = outcomeStatements(v);
  const dates = get.obj(v.dates) ?? {};
  const commissioner = get.obj(v.commissioner);
  const meta: Array<[string, Rich | undefined]> = [
    ['Reference', plain(text(v.reference))],
    ['Specification id', code(text(v.id))],
    ['Version', plain(text(v.version))],
    ['Status', plain(label(v.status))],
    ['Type of service', plain(label(v.service_type))],
    ['Commissioner', plain(text(commissioner?.lead))],
    ['Tender deadline', plain(human(dates.tender_deadline))],
    ['Contract term', plain(termWords(get.obj(v.term)))],
  ];
  const out = new Out();
  part(out, 'Summary', (o) => o.prose(v.summary));
  part(out, 'Key dates', (o) => keyDates(o, v));
  part(out, 'Commissioner and partners', (o) => commissionerPart(o, commissioner));
  part(out, 'Needs and population', (o) => needsPart(o, get.obj(v.needs)));
  part(out, 'Levels of need', (o) => tiersPart(o, ctx));
  part(out, 'Theory of change', (o) => theoryPart(o, get.obj(v.theory_of_change), statements));
  part(out, 'Outcomes', (o) => outcomesPart(o, ctx));
  part(out, 'Practice features', (o) =>
    o.table(
      'DfE Innovation Programme features of practice',
      ['Feature', 'Applies', 'How, or why not'],
      get.arr(v.practice_features).map((p) => {
        const f = get.obj(p) ?? {};
        const ref = text(f.feature);
        const t = ref ? taxonomyLabel(ref) : undefined;
        return [t ? plain(t.label) : code(ref), plain(f.applies === true ? 'Yes' : f.applies === false ? 'No' : undefined), plain(text(f.reason))];
      }),
    ),
  );
  part(out, 'Safeguarding', (o) => safeguardingPart(o, get.obj(v.safeguarding)));
  part(out, 'Mandatory requirements', (o) => requirementsTable(o, 'Mandatory requirements', v.requirements));
  part(out, 'Value for money and award', (o) => valuePart(o, ctx, statements));
  part(out, 'Participation of children and families', (o) => participationPart(o, get.obj(v.participation)));
  part(out, 'Governance and contract management', (o) => governancePart(o, get.obj(v.governance)));
  part(out, 'Evaluation', (o) => evaluationPart(o, get.obj(v.evaluation)));
  part(out, 'Transitions and pathways', (o) => {
    const t = get.obj(v.transitions);
    if (!t) return;
    o.fields([
      ['Referral', plain(text(t.referral))],
      ['Matching', plain(text(t.matching))],
      ['Step-down', plain(text(t.step_down))],
      ['Staying put', plain(text(t.staying_put))],
      ['Leaving care', plain(text(t.leaving_care))],
      ['Transition to adult services', plain(text(t.adult_services))],
    ]);
  });
  part(out, 'Workforce', (o) => workforcePart(o, get.obj(v.workforce)));
  part(out, 'Market and lots', (o) => marketPart(o, get.obj(v.market)));
  part(out, 'Procurement', (o) => {
    const p = get.obj(v.procurement);
    if (!p) return;
    o.fields([
      ['Procurement route', plain(label(p.route))],
      ['Key performance indicator exemption', plain(text(p.kpi_exemption))],
    ]);
  });
  part(out, 'Risks', (o) =>
    o.table(
      'Risks and how they are managed',
      ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'],
      get.arr(v.risks).map((r) => {
        const x = get.obj(r) ?? {};
        return [plain(text(x.description)), plain(label(x.likelihood)), plain(label(x.impact)), plain(text(x.mitigation)), plain(text(x.owner))];
      }),
    ),
  );
  part(out, 'Mobilisation', (o) => {
    const m = get.obj(v.mobilisation);
    if (!m) return;
    o.prose(m.plan);
    milestonesTable(o, 'Mobilisation milestones', m.milestones);
  });
  part(out, 'Exit and sustainability', (o) => {
    const e = get.obj(v.exit);
    if (!e) return;
    o.fields([
      ['Exit plan', plain(text(e.plan))],
      ['Sustainability', plain(text(e.sustainability))],
    ]);
  });
  part(out, 'Data fields used in rules and measures', (o) => fieldsTable(o, v.fields));
  part(out, 'Frameworks used', (o) =>
    o.table(
      'Framework documents this specification uses',
      ['Framework', 'Title', 'Version', 'Where'],
      get.arr(v.frameworks).map((f) => {
        const x = get.obj(f) ?? {};
        const id = text(x.id);
        const linked = id ? ctx.analysis?.linked.frameworks.get(id) : undefined;
        return [code(id), plain(text(linked?.model.value.title)) ?? muted('Not read'), plain(text(x.version)), code(text(x.path))];
      }),
    ),
  );
  part(out, 'Version history', (o) =>
    o.table(
      'Changes in each version',
      ['Version', 'Date', 'Changes'],
      get.arr(v.history).map((h) => {
        const x = get.obj(h) ?? {};
        return [plain(text(x.version)), plain(human(x.date)), plain(get.arr(x.changes).map(text).filter(Boolean).join('\n') || undefined)];
      }),
    ),
  );

  const keywords = [text(v.id), text(v.reference), label(v.service_type), 'service specification', 'commspec'].filter((s): s is string => s !== undefined);
  return {
    kind: 'specification',
    kindWord: 'Service specification',
    title,
    meta: meta.filter((r): r is [string, Rich] => r[1] !== undefined).map(([l, x]) => ({ label: l, value: x })),
    blocks: out.blocks,
    properties: { subject: 'Service specification', creator: text(commissioner?.lead), keywords, description: text(v.summary) },
  };
}

function keyDates(o: Out, v: Record<string, unknown>): void {
  const d = get.obj(v.dates) ?? {};
  const term = get.obj(v.term) ?? {};
  const rows: Array<[string, unknown]> = [
    ['Publication', d.publication],
    ['Clarification questions close', d.clarification_deadline],
    ['Tender deadline', d.tender_deadline],
    ['Award', d.award],
    ['Contract start', d.contract_start],
    ['Initial term starts', term.start],
    ['Initial term ends', term.end],
  ];
  o.table(
    'Key dates',
    ['Event', 'Date'],
    rows.filter(([, x]) => human(x) !== undefined).map(([l, x]) => [plain(l), plain(human(x))]),
  );
  o.table(
    'Extension options',
    ['Length', 'Condition'],
    get.arr(term.extensions).map((e) => {
      const x = get.obj(e) ?? {};
      return [plain(text(x.duration)), plain(text(x.condition))];
    }),
  );
}

function commissionerPart(o: Out, c: Record<string, unknown> | undefined): void {
  if (!c) return;
  o.fields([
    ['Lead commissioner', plain(text(c.lead))],
    ['Type of commissioner', plain(label(c.type))],
    ['Commissioning level', plain(label(c.level))],
    ['Funding', plain(label(c.funding))],
    ["Lead's annual contribution", plain(money(c.contribution))],
    ['Partnership agreement', plain(text(c.agreement))],
  ]);
  const partners = get.arr(c.partners);
  o.table(
    'Partners',
    ['Partner', 'Role', 'Annual contribution', 'Accountable for'],
    partners.map((p) => {
      const x = get.obj(p) ?? {};
      return [plain(text(x.name)), plain(text(x.role)), plain(money(x.contribution)), plain(text(x.accountability))];
    }),
    {
      numeric: [2],
      foot: partners.some((p) => typeof get.obj(p)?.contribution === 'number')
        ? [plain('Total from partners'), [], plain(money(partners.reduce((s: number, p) => s + (get.num(get.obj(p)?.contribution) ?? 0), 0))), []]
        : undefined,
    },
  );
  o.table(
    'Contacts',
    ['Role', 'Name', 'Email'],
    get.arr(c.contacts).map((p) => {
      const x = get.obj(p) ?? {};
      return [plain(text(x.role)), plain(text(x.name)), plain(text(x.email))];
    }),
  );
}

function needsPart(o: Out, n: Record<string, unknown> | undefined): void {
  if (!n) return;
  o.prose(n.summary);
  const a = get.obj(n.assessment);
  const age = get.obj(n.age);
  let ageText: string | undefined;
  if (age) {
    const min = get.num(age.min);
    const max = get.num(age.max);
    if (min !== undefined || max !== undefined) ageText = min === -1 ? `From before birth to ${max ?? '?'} years` : `${min ?? '?'} to ${max ?? '?'} years`;
  }
  o.fields([
    ['Needs assessment', a ? plain([text(a.title), human(a.date) ? `(${human(a.date)})` : undefined, text(a.url)].filter(Boolean).join(' ') || undefined) : undefined],
    ['Ages', plain(ageText)],
    ['Eligibility', code(text(n.eligibility))],
    ['Target groups', labels(n.groups)],
    ['Area', plain(text(n.geography))],
  ]);
  o.table(
    'Evidence of need',
    ['Source', 'What it showed'],
    get.arr(n.sources).map((s) => {
      const x = get.obj(s) ?? {};
      return [plain(label(x.type)), plain(text(x.description))];
    }),
  );
  o.table(
    'Expected volumes',
    ['What is counted', 'Number', 'Period', 'Evidence'],
    get.arr(n.volumes).map((s) => {
      const x = get.obj(s) ?? {};
      return [plain(text(x.description)), plain(number(x.value)), plain(text(x.period)), plain(text(x.evidence))];
    }),
    { numeric: [1] },
  );
}

function priceCeilings(v: Record<string, unknown>, tier: string): string | undefined {
  const prices = get
    .arr(get.obj(v.value_for_money)?.prices)
    .map(get.obj)
    .filter((p): p is Record<string, unknown> => p !== undefined && p.tier === tier);
  if (!prices.length) return undefined;
  return prices
    .map((p) => `${money(p.ceiling) ?? '?'}${priceUnit(p) !== undefined ? ` per ${priceUnit(p)}` : ''}${text(p.lot) ? ` (${text(p.lot)})` : ''}`)
    .join('\n');
}

function tiersPart(o: Out, ctx: Ctx): void {
  const { tiers, source } = specificationTiers(ctx.v, ctx.analysis);
  if (source) o.para(plain(source));
  o.table(
    'Levels of need, access thresholds and price ceilings',
    ['Level of need', 'Definition', 'Access threshold', 'Step up', 'Step down', 'Re-tiering review', 'Price ceiling'],
    tiers.map((t) => [
      named(t.label, t.id),
      plain(t.definition),
      // built-in models describe entry in words; a specification's own thresholds are expressions
      get.arr(ctx.v.tiers).length ? code(t.threshold) : plain(t.threshold),
      plain(t.stepUp),
      plain(t.stepDown),
      plain(t.review),
      plain(priceCeilings(ctx.v, t.id)) ?? muted('No ceiling set'),
    ]),
  );
}

function theoryPart(o: Out, t: Record<string, unknown> | undefined, statements: Map<string, string>): void {
  if (!t) return;
  const strs = (x: unknown) => get.arr(x).map(text).filter((s): s is string => s !== undefined);
  if (text(t.rationale)) {
    o.heading(2, 'Rationale');
    o.prose(t.rationale);
  }
  for (const [title, key] of [
    ['Inputs', 'inputs'],
    ['Activities', 'activities'],
    ['Outputs', 'outputs'],
  ] as const) {
    const items = strs(t[key]);
    if (!items.length) continue;
    o.heading(2, title);
    o.list(items.map((i) => plain(i)));
  }
  const outs = outcomeRefs(t.outcomes, statements);
  if (outs.length) {
    o.heading(2, 'Outcomes');
    o.list(outs);
  }
}

function outcomesPart(o: Out, ctx: Ctx): void {
  const outcomes = get
    .arr(ctx.v.outcomes)
    .map(get.obj)
    .filter((x): x is Record<string, unknown> => x !== undefined);
  if (!outcomes.length) return;
  const glance: Array<Array<Rich | undefined>> = [];
  for (const oc of outcomes) {
    const inds = get.arr(oc.indicators).map(get.obj).filter((x): x is Record<string, unknown> => x !== undefined);
    const statement = plain(text(oc.statement) ?? text(oc.id));
    if (!inds.length) glance.push([statement, muted('No indicator yet'), undefined, undefined, undefined]);
    for (const ind of inds) {
      glance.push([statement, plain(text(ind.definition) ?? text(ind.id)), plain(baselineShort(get.obj(ind.baseline), ind.unit)), code(text(ind.target)), plain(text(ind.data_source))]);
    }
  }
  o.table('Outcomes and indicators at a glance', ['Outcome', 'Indicator', 'Baseline', 'Target', 'Data source'], glance);

  outcomes.forEach((oc, i) => {
    const id = text(oc.id);
    o.heading(2, text(oc.statement) ?? id ?? `Outcome ${i + 1}`);
    o.fields([
      ['Outcome id', code(id)],
      ['Who benefits', plain(label(oc.beneficiary))],
      ['Hard or soft', plain(label(oc.type))],
      ['Horizon', plain(label(oc.horizon))],
      ['Measurable from', plain(human(oc.measurable_from))],
      ['Levels of need', plain(get.arr(oc.tiers).map(text).filter(Boolean).join(', ') || undefined)],
      ['Lots', plain(get.arr(oc.lots).map(text).filter(Boolean).join(', ') || undefined)],
      ['Contributes to', frameworkTags(ctx, oc.frameworks)],
      ['Rationale', plain(text(oc.rationale))],
    ]);
    const inds = get.arr(oc.indicators).map(get.obj).filter((x): x is Record<string, unknown> => x !== undefined);
    if (!inds.length) o.para(muted('This outcome has no indicator yet.'));
    for (const ind of inds) {
      const iid = text(ind.id);
      o.heading(3, `Indicator: ${text(ind.definition) ?? iid ?? 'unnamed'}`);
      o.fields([
        ['Indicator id', code(iid)],
        ['Measure', code(text(ind.measure))],
        ['Unit', plain(label(ind.unit))],
        ['Which way is better', plain(label(ind.polarity))],
        ['Baseline', baselineRich(get.obj(ind.baseline), ind.unit)],
        ['Target', code(text(ind.target))],
        ['Data source', plain(text(ind.data_source))],
        ['Reported', plain(label(ind.frequency))],
        ['Type of measure', plain(label(ind.measure_type))],
        ['Comparator', comparatorRich(get.obj(ind.comparator), ind.unit)],
        ['Minimum base', ind.minimum_n !== undefined ? plain(`${number(ind.minimum_n)}; below it, counts are reported instead of percentages`) : undefined],
        ['Key performance indicator', plain(ind.kpi === true ? 'Yes (published under section 52 of the Procurement Act 2023)' : ind.kpi === false ? 'No' : undefined)],
        ['Progress', plain(label(ind.status))],
        ['Attribution', plain(label(ind.attribution))],
      ]);
    }
  });
}

function safeguardingPart(o: Out, s: Record<string, unknown> | undefined): void {
  if (!s) return;
  o.prose(s.statement);
  const training = get.obj(s.training);
  const escalation = get.obj(s.escalation);
  o.fields([
    ['Law and guidance', labels(s.statutory_basis)],
    ['Designated safeguarding lead', plain(text(s.designated_lead))],
    ['Checks before starting work', labels(s.checks)],
    ['Training', training ? plain([text(training.requirement), training.refresh !== undefined ? `Refreshed every ${text(training.refresh)}.` : undefined].filter(Boolean).join(' ') || undefined) : undefined],
    [
      'Escalation route',
      escalation
        ? plain(
            [
              text(escalation.route),
              escalation.lado === true ? 'Allegations against staff are referred to the local authority designated officer (LADO).' : escalation.lado === false ? 'Allegations against staff are not referred to the LADO.' : undefined,
              escalation.notification !== undefined ? `The commissioner is told of a serious incident within ${text(escalation.notification)}.` : undefined,
            ]
              .filter(Boolean)
              .join(' ') || undefined,
          )
        : undefined,
    ],
    ['Harms the service responds to', labels(s.scope)],
    ['Information sharing', plain(text(s.information_sharing))],
    ['Policy review by', plain(human(s.policy_review))],
  ]);
  requirementsTable(o, 'Safeguarding requirements every bid must answer', s.requirements);
}

function valuePart(o: Out, ctx: Ctx, statements: Map<string, string>): void {
  const vfm = get.obj(ctx.v.value_for_money);
  if (!vfm) return;
  const budget = get.obj(vfm.budget);
  o.fields([
    ['Annual budget', plain(money(budget?.annual))],
    ['Whole-term budget', plain(money(budget?.total))],
    ['Budget notes', plain(text(budget?.notes))],
    ['Pricing model', plain(label(vfm.pricing_model))],
    ['Full cost recovery', plain(text(vfm.full_cost_recovery))],
  ]);
  const tierLabels = new Map(specificationTiers(ctx.v, ctx.analysis).tiers.map((t) => [t.id, t.label ?? t.id]));
  o.table(
    'Price ceilings',
    ['Level of need', 'Lot', 'Ceiling', 'Per'],
    get.arr(vfm.prices).map((x) => {
      const p = get.obj(x) ?? {};
      const tier = text(p.tier);
      return [tier !== undefined ? named(tierLabels.get(tier), tier) : plain('All levels'), plain(text(p.lot) ?? 'All lots'), plain(money(p.ceiling)), plain(priceUnit(p))];
    }),
    { numeric: [2] },
  );
  const payments = get.arr(vfm.outcome_payments).map(get.obj).filter((x): x is Record<string, unknown> => x !== undefined);
  if (payments.length) {
    o.heading(2, 'Payment by results and innovation');
    for (const p of payments) {
      o.heading(3, `${label(p.type) ?? 'Outcome payment'}${text(p.id) ? `: ${text(p.id)}` : ''}`);
      o.fields([
        ['Payment rule', code(text(p.rule))],
        ['Cap', code(text(p.cap))],
        ['Basis', plain(text(p.basis))],
        ['Outcomes rewarded', joined(outcomeRefs(p.outcomes, statements))],
        ['What counts as innovation', plain(text(p.definition))],
      ]);
    }
  }
  const savings = get.obj(vfm.savings);
  if (savings) {
    o.heading(2, 'Savings');
    o.fields([
      ['Savings target', savings.target !== undefined ? plain(`${money(savings.target)} a year`) : undefined],
      ['How outcomes are protected', plain(text(savings.outcome_protection))],
    ]);
  }
  const award = get.obj(vfm.award);
  if (award) {
    o.heading(2, 'How bids are scored');
    o.fields([['Award method', plain(text(award.method))]]);
    const criteria = get.arr(award.criteria).map((c) => get.obj(c) ?? {});
    const total = criteria.reduce((s: number, c) => s + (get.num(c.weight) ?? 0), 0);
    o.table(
      'Award criteria and weights',
      ['Criterion', 'Type', 'Weight', 'Outcomes assessed'],
      criteria.map((c) => [named(text(c.title), text(c.id)), plain(label(c.type)), plain(get.num(c.weight) !== undefined ? `${number(c.weight)}%` : text(c.weight)), joined(outcomeRefs(c.outcomes, statements))]),
      { numeric: [2], foot: criteria.length ? [plain('Total'), [], plain(`${number(total)}%`), []] : undefined },
    );
  }
  const social = get.obj(vfm.social_value);
  if (social) {
    o.heading(2, 'Social value');
    o.fields([
      ['Themes', labels(social.themes)],
      ['Requirement', plain(text(social.requirement))],
    ]);
  }
}

function participationPart(o: Out, s: Record<string, unknown> | undefined): void {
  if (!s) return;
  o.prose(s.statement);
  o.table(
    'How children and families take part',
    ['Stage', 'Who', 'What they do'],
    get.arr(s.activities).map((a) => {
      const x = get.obj(a) ?? {};
      return [plain(label(x.stage)), plain(label(x.who)), plain(text(x.description))];
    }),
  );
  o.fields([['Data protection', plain(text(s.data_protection))]]);
}

function governancePart(o: Out, g: Record<string, unknown> | undefined): void {
  if (!g) return;
  const m = get.obj(g.monitoring);
  o.fields([
    ['Board', plain(text(g.board))],
    ['Terms of reference', plain(text(g.terms_of_reference))],
    ['Lead', plain(text(g.lead))],
    ['Deputy', plain(text(g.deputy))],
    ['Contract manager', plain(text(g.contract_manager))],
    ['Monitoring', m ? plain([label(m.frequency), text(m.method)].filter(Boolean).join(': ') || undefined) : undefined],
  ]);
  milestonesTable(o, 'Contract and outcome reviews', g.reviews);
}

function evaluationPart(o: Out, e: Record<string, unknown> | undefined): void {
  if (!e) return;
  o.fields([
    ['Plan', plain(text(e.plan))],
    ['Types of evaluation', labels(e.types)],
    ['Evaluator', plain(label(e.evaluator))],
    ['Outcomes measurable from', plain(human(e.outcomes_measurable_from))],
  ]);
  milestonesTable(o, 'Evaluation reports', e.reports);
}

function workforcePart(o: Out, w: Record<string, unknown> | undefined): void {
  if (!w) return;
  o.table(
    'Training',
    ['Training', 'Level', 'Mandatory', 'Provided by'],
    get.arr(w.training).map((t) => {
      const x = get.obj(t) ?? {};
      return [plain(text(x.title)), plain(text(x.level)), plain(x.mandatory === true ? 'Yes' : x.mandatory === false ? 'No' : undefined), plain(text(x.provided_by))];
    }),
  );
  o.fields([
    ['Qualifications', plain(text(w.qualifications))],
    ['Stability', plain(text(w.stability))],
  ]);
}

function marketPart(o: Out, m: Record<string, unknown> | undefined): void {
  if (!m) return;
  o.table(
    'Lots',
    ['Lot', 'Description', 'Annual value', 'Places', 'Levels of need'],
    get.arr(m.lots).map((l) => {
      const x = get.obj(l) ?? {};
      return [named(text(x.title), text(x.id)), plain(text(x.description)), plain(money(x.value)), plain(number(x.places)), plain(get.arr(x.tiers).map(text).filter(Boolean).join(', ') || undefined)];
    }),
    { numeric: [2, 3] },
  );
  o.fields([
    ['Consortium bids', plain(m.consortium_bids === true ? 'Welcome' : m.consortium_bids === false ? 'Not accepted' : undefined)],
    ['Subcontracting', plain(text(m.subcontracting))],
    ['Required accreditations', plain(get.arr(m.accreditations).map(text).filter(Boolean).join('; ') || undefined)],
    ['Small and voluntary-sector providers', plain(text(m.small_providers))],
    ['Market engagement', plain(text(m.engagement))],
  ]);
}

function fieldsTable(o: Out, fieldsValue: unknown): void {
  o.table(
    'Data fields',
    ['Name', 'Holds', 'Meaning', 'Value'],
    get.arr(fieldsValue).map((f) => {
      const x = get.obj(f) ?? {};
      return [code(text(x.name)), plain(label(x.unit)), plain(text(x.description)), plain(text(x.value))];
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// Framework.

function frameworkReport(ctx: Ctx): Report {
  const v = ctx.v;
  const title = text(v.title) ?? text(v.id) ?? 'Untitled framework';
  const period = get.obj(v.period);
  const fid = text(v.id);
  const meta: Array<[string, Rich | undefined]> = [
    ['Owner', plain(text(v.owner))],
    ['Framework id', code(fid)],
    ['Version', plain(text(v.version))],
    ['Status', plain(label(v.status))],
    ['Period', period && (period.start !== undefined || period.end !== undefined) ? plain(`${human(period.start) ?? '?'} to ${human(period.end) ?? '?'}`) : undefined],
  ];
  const out = new Out();
  part(out, 'Summary', (o) => o.prose(v.summary));
  part(out, 'Priority outcomes', (o) => {
    get
      .arr(v.outcomes)
      .map(get.obj)
      .filter((x): x is Record<string, unknown> => x !== undefined)
      .forEach((oc, i) => {
        const id = text(oc.id);
        o.heading(2, text(oc.statement) ?? id ?? `Priority ${i + 1}`);
        o.fields([
          ['Tag in specifications', code(id && fid ? `${fid}/${id}` : id)],
          ['Covers', plain(text(oc.description))],
          ['National frameworks', frameworkTags(ctx, oc.frameworks)],
        ]);
        o.table(
          'Shared indicators',
          ['Indicator', 'Unit', 'Which way is better', 'Baseline'],
          get.arr(oc.indicators).map((x) => {
            const ind = get.obj(x) ?? {};
            return [named(text(ind.definition), text(ind.id)), plain(label(ind.unit)), plain(label(ind.polarity)), baselineRich(get.obj(ind.baseline), ind.unit)];
          }),
        );
      });
  });
  part(out, 'Levels of need', (o) =>
    o.table(
      'Levels of need',
      ['Level of need', 'Definition', 'Access threshold', 'Step up', 'Step down', 'Re-tiering review'],
      get.arr(v.tiers).map((x) => {
        const t = get.obj(x) ?? {};
        return [named(text(t.label), text(t.id)), plain(text(t.definition)), code(text(t.threshold)), plain(text(t.step_up)), plain(text(t.step_down)), plain(text(t.review))];
      }),
    ),
  );
  part(out, 'Shared data fields', (o) => fieldsTable(o, v.fields));
  return {
    kind: 'framework',
    kindWord: 'Outcomes framework',
    title,
    meta: meta.filter((r): r is [string, Rich] => r[1] !== undefined).map(([l, x]) => ({ label: l, value: x })),
    blocks: out.blocks,
    properties: { subject: 'Outcomes framework', creator: text(v.owner), keywords: [fid, 'outcomes framework', 'commspec'].filter((s): s is string => s !== undefined), description: text(v.summary) },
  };
}

// ------------------------------------------------------------------------------------------------
// Bid.

function bidReport(ctx: Ctx): Report {
  const v = ctx.v;
  const title = text(v.title) ?? text(v.id) ?? 'Untitled bid';
  const specRef = get.obj(v.specification) ?? {};
  const spec = ctx.analysis?.linked.specification?.model.value;
  const bidder = get.obj(v.bidder) ?? {};
  const meta: Array<[string, Rich | undefined]> = [
    ['Bidder', plain(text(bidder.name))],
    ['Bid id', code(text(v.id))],
    ['Version', plain(text(v.version))],
    ['Status', plain(label(v.status))],
    ['Answers', plain([text(spec?.title), text(specRef.id), specRef.version !== undefined ? `version ${text(specRef.version)}` : undefined].filter(Boolean).join(', ') || undefined)],
  ];
  const specIndicators = new Map<string, Record<string, unknown>>();
  const specOutcomes = new Map<string, Record<string, unknown>>();
  for (const o of get.arr(spec?.outcomes).map(get.obj)) {
    if (!o || typeof o.id !== 'string') continue;
    specOutcomes.set(o.id, o);
    for (const ind of get.arr(o.indicators).map(get.obj)) if (ind && typeof ind.id === 'string') specIndicators.set(ind.id, ind);
  }
  const byId = (list: unknown): Map<string, Record<string, unknown>> => {
    const m = new Map<string, Record<string, unknown>>();
    for (const x of get.arr(list).map(get.obj)) if (x && typeof x.id === 'string') m.set(x.id, x);
    return m;
  };
  const specRequirements = byId([...get.arr(spec?.requirements), ...get.arr(get.obj(spec?.safeguarding)?.requirements)]);
  const specLots = byId(get.obj(spec?.market)?.lots);
  const specCriteria = byId(get.obj(get.obj(spec?.value_for_money)?.award)?.criteria);
  const specPrices = get.arr(get.obj(spec?.value_for_money)?.prices).map(get.obj).filter((p): p is Record<string, unknown> => p !== undefined);

  const out = new Out();
  part(out, 'Bidder', (o) => {
    o.fields([
      ['Organisation', plain(text(bidder.name))],
      ['Type', plain(label(bidder.type))],
      ['Registration', plain(text(bidder.registration))],
      ['Lots bid for', joined(get.arr(v.lots).map((l) => named(text(specLots.get(text(l) ?? '')?.title), text(l))))],
    ]);
    o.table(
      'Consortium members',
      ['Member', 'Role', 'Type', 'Delivers'],
      get.arr(bidder.members).map((x) => {
        const m = get.obj(x) ?? {};
        return [plain(text(m.name)), plain(label(m.role)), plain(label(m.type)), plain(text(m.delivers))];
      }),
    );
  });
  part(out, 'Responses to outcomes', (o) => {
    get
      .arr(v.responses)
      .map(get.obj)
      .filter((x): x is Record<string, unknown> => x !== undefined)
      .forEach((r, i) => {
        const oid = text(r.outcome);
        const so = oid ? specOutcomes.get(oid) : undefined;
        o.heading(2, text(so?.statement) ?? (oid ? `Outcome ${oid}` : `Response ${i + 1}`));
        o.fields([
          ['Outcome id', code(oid)],
          ['Approach', plain(text(r.approach))],
          ['Evidence of effect', plain(text(r.evidence))],
          ['Delivery model', plain(text(r.delivery_model))],
        ]);
        o.table(
          'Committed targets',
          ['Indicator', 'Committed target', "Specification's target"],
          get.arr(r.commitments).map((x) => {
            const c = get.obj(x) ?? {};
            const iid = text(c.indicator);
            const si = iid ? specIndicators.get(iid) : undefined;
            return [named(text(si?.definition), iid), code(text(c.target)), code(text(si?.target)) ?? muted(spec ? 'Not in the specification' : 'Specification not read')];
          }),
        );
      });
  });
  part(out, 'Prices', (o) =>
    o.table(
      'Prices bid',
      ['Level of need', 'Lot', 'Price', 'Per', 'Specification ceiling'],
      get.arr(v.prices).map((x) => {
        const p = get.obj(x) ?? {};
        const ceiling = specPrices.find((s) => (s.tier ?? null) === (p.tier ?? null) && (s.lot === undefined || s.lot === p.lot));
        return [plain(text(p.tier) ?? 'All levels'), plain(text(p.lot) ?? 'All lots'), plain(money(p.price)), plain(priceUnit(p)), ceiling ? plain(`${money(ceiling.ceiling)} per ${priceUnit(ceiling)}`) : undefined];
      }),
      { numeric: [2, 4] },
    ),
  );
  part(out, 'Compliance with requirements', (o) =>
    o.table(
      'Answers to requirements',
      ['Requirement', 'Answer', 'How it is met', 'Evidence'],
      get.arr(v.compliance).map((x) => {
        const c = get.obj(x) ?? {};
        const rid = text(c.requirement);
        return [named(text(specRequirements.get(rid ?? '')?.text), rid), plain(label(c.answer)), plain(text(c.explanation)), plain(text(c.evidence))];
      }),
    ),
  );
  part(out, 'Award criteria', (o) =>
    o.table(
      'Answers to award criteria',
      ['Criterion', 'Response'],
      get.arr(v.award_responses).map((x) => {
        const a = get.obj(x) ?? {};
        const cid = text(a.criterion);
        return [named(text(specCriteria.get(cid ?? '')?.title), cid), plain(text(a.response))];
      }),
    ),
  );
  part(out, 'Social value', (o) =>
    o.table(
      'Social value commitments',
      ['Commitment', 'Measure', 'Target'],
      get.arr(v.social_value).map((x) => {
        const s = get.obj(x) ?? {};
        return [plain(text(s.commitment)), plain(text(s.measure)), plain(text(s.target))];
      }),
    ),
  );
  part(out, 'Participation of children and young people', (o) => o.prose(v.participation));
  return {
    kind: 'bid',
    kindWord: 'Bid',
    title,
    meta: meta.filter((r): r is [string, Rich] => r[1] !== undefined).map(([l, x]) => ({ label: l, value: x })),
    blocks: out.blocks,
    properties: { subject: 'Bid', creator: text(bidder.name), keywords: [text(v.id), text(specRef.id), 'bid', 'commspec'].filter((s): s is string => s !== undefined) },
  };
}
