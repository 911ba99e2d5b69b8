// The compliance matrix: every requirement, outcome, indicator target, price and award criterion of the
// specification, the bid's answer to it, and whether it is met, with the reason. And the comparison table
// of several bids for the same specification. Pure data; bid/report.ts renders it as Markdown and HTML.
import type { PathSegment, SourceDocument } from '../document';
import { nodeAtPath } from '../document';
import type { Analysis } from '../service';
import { assessBid, describePrice, type BidAssessment, type Status } from './assess';
import type { VersionCheck } from './versions';

export type SectionId = 'requirements' | 'outcomes' | 'indicators' | 'prices' | 'criteria';

export interface MatrixRow {
  /** Unique within the specification, the same for every bid: `requirement:sg-checks`, `indicator:placement-stability`, `price:high//week`. */
  key: string;
  /** The id (or for a price, its tier and lot) as the specification gives it. */
  id: string;
  /** The requirement text, outcome statement, indicator definition, or criterion title. */
  title: string;
  /** What the specification asks: `Mandatory`, `>= 85% by 2028-08-31`, `At most £6,200 per week`. */
  asked: string;
  /** The bid's answer, in short; empty when there is none. */
  answer: string;
  status: Status;
  reason: string;
  /** 1-based lines of the answer in the bid and of the item in the specification, when known. */
  bidLine?: number;
  specLine?: number;
}

export interface MatrixSection {
  id: SectionId;
  title: string;
  /** The heading of the first column. */
  itemHeading: string;
  rows: MatrixRow[];
}

export interface ComplianceMatrix {
  bid: { uri: string; id?: string; title?: string; bidder?: string; bidderType?: string; lots: string[] };
  specification: { uri: string; id?: string; title?: string; version?: string };
  version: VersionCheck;
  sections: MatrixSection[];
  counts: Record<Status, number>;
  /** Other things the reader should know: the version answered, the budget, outcomes for lots not bid for. */
  notes: string[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function lineAt(doc: SourceDocument | undefined, path: PathSegment[] | undefined): number | undefined {
  if (!doc || !path) return undefined;
  const { node, pair } = nodeAtPath(doc.yaml, path);
  const r = (pair?.key as { range?: number[] } | undefined)?.range ?? node?.range;
  return r ? doc.lines.positionAt(r[0]).line + 1 : undefined;
}

/** Builds the matrix from an assessment (the bid's document is used for line numbers only). */
export function buildMatrix(a: BidAssessment, bidDoc?: SourceDocument): ComplianceMatrix {
  const specDoc = a.specification.doc;
  const requirements: MatrixRow[] = a.requirements.map((r) => ({
    key: `requirement:${r.id}`,
    id: r.id,
    title: oneLine(r.text),
    asked: `${r.kind === 'safeguarding' ? 'Safeguarding requirement (mandatory)' : r.mandatory ? 'Mandatory' : 'Not mandatory'}${r.evidenceAsked ? `; evidence: ${oneLine(r.evidenceAsked)}` : ''}`,
    answer: r.answer ? `${r.answer.value}${r.answer.evidence ? ` (evidence: ${oneLine(r.answer.evidence)})` : ''}` : '',
    status: r.status,
    reason: oneLine(r.reason),
    bidLine: lineAt(bidDoc, r.answer?.path),
    specLine: lineAt(specDoc, [...r.specPath, 'id']),
  }));

  const applying = a.outcomes.filter((o) => o.applies || o.response);
  const outcomes: MatrixRow[] = applying.map((o) => ({
    key: `outcome:${o.id}`,
    id: o.id,
    title: oneLine(o.statement),
    asked: o.lots.length ? `A response (lots ${o.lots.join(', ')})` : 'A response',
    answer: o.response?.approach ? shorten(o.response.approach) : '',
    status: o.status,
    reason: oneLine(o.reason),
    bidLine: lineAt(bidDoc, o.response?.path),
    specLine: lineAt(specDoc, [...o.specPath, 'id']),
  }));

  const indicators: MatrixRow[] = applying.flatMap((o) =>
    o.indicators.map((i) => ({
      key: `indicator:${i.id}`,
      id: i.id,
      title: oneLine(i.definition),
      asked: i.specTarget ?? 'No target set',
      answer: i.commitment?.target ?? '',
      status: i.status,
      reason: oneLine(i.reason),
      bidLine: lineAt(bidDoc, i.commitment ? [...i.commitment.path, 'target'] : undefined),
      specLine: lineAt(specDoc, [...i.specPath, 'target']),
    })),
  );

  const prices: MatrixRow[] = a.ceilings.map((c) => {
    const { tier, lot, per } = c.ceiling;
    return {
      key: `price:${tier ?? ''}/${lot ?? ''}/${per}`,
      id: [tier ? `tier ${tier}` : '', lot ? `lot ${lot}` : ''].filter(Boolean).join(', ') || 'all tiers',
      title: tier || lot ? `Price for ${[tier ? `the ${tier} tier` : '', lot ? `lot ${lot}` : ''].filter(Boolean).join(' in ')}` : 'Price',
      asked: `At most ${describePrice(c.ceiling.ceiling, per)}`,
      answer: c.prices.map((p) => describePrice(p.price, p.per, c.ceiling.tier ? undefined : p.tier, c.ceiling.lot ? undefined : p.lot)).join('; '),
      status: c.status,
      reason: oneLine(c.reason),
      bidLine: lineAt(bidDoc, c.prices[0]?.path),
      specLine: lineAt(specDoc, c.ceiling.specPath),
    };
  });

  const criteria: MatrixRow[] = a.criteria.map((c) => ({
    key: `criterion:${c.id}`,
    id: c.id,
    title: oneLine(c.title),
    asked: `${c.type || 'criterion'}${c.weight !== undefined ? `, ${c.weight}% of the score` : ''}${c.type === 'price' ? ' (scored on the prices)' : ''}`,
    answer: c.answer ? shorten(c.answer.response) : c.type === 'price' && c.status === 'met' ? 'The prices given' : '',
    status: c.status,
    reason: oneLine(c.reason),
    bidLine: lineAt(bidDoc, c.answer?.path),
    specLine: lineAt(specDoc, [...c.specPath, 'id']),
  }));

  const sections: MatrixSection[] = [
    { id: 'requirements', title: 'Mandatory and safeguarding requirements', itemHeading: 'Requirement', rows: requirements },
    { id: 'outcomes', title: 'Outcomes', itemHeading: 'Outcome', rows: outcomes },
    { id: 'indicators', title: 'Indicator targets', itemHeading: 'Indicator', rows: indicators },
    { id: 'prices', title: 'Prices', itemHeading: 'Price', rows: prices },
    { id: 'criteria', title: 'Award criteria', itemHeading: 'Criterion', rows: criteria },
  ];
  const counts: Record<Status, number> = { met: 0, partial: 0, 'not-met': 0, missing: 0 };
  for (const s of sections) for (const r of s.rows) counts[r.status]++;

  const notes: string[] = [];
  const v = a.version;
  if (v.relation === 'same') notes.push(`The bid answers the current version of the specification (${v.current}).`);
  else if (v.relation === 'older') {
    const changes = v.changes.map((h) => `${h.version}: ${h.changes.map((c) => c.replace(/[.\s]+$/, '')).join('; ') || 'no changes listed'}`);
    notes.push(`The bid answers version ${v.answered}, but the specification is at version ${v.current}.${changes.length ? ` Changes since: ${changes.join('. ')}.` : ' The specification does not list what changed.'}`);
  } else if (v.relation === 'newer') notes.push(`The bid names version ${v.answered}, but the specification file is at version ${v.current}.`);
  else notes.push('The version answered could not be compared: the bid or the specification gives no version.');
  if (a.budget.result !== 'not-computable') notes.push(`Budget: ${a.budget.reason}.`);
  for (const o of a.outcomes.filter((x) => !x.applies && !x.response)) notes.push(`Outcome '${o.id}' is for ${o.lots.join(', ')}, which this bid is not for, so it needs no answer.`);

  return {
    bid: { uri: a.bid.uri, id: a.bid.id, title: a.bid.title, bidder: a.bid.bidder, bidderType: a.bid.bidderType, lots: a.lots },
    specification: { uri: a.specification.uri, id: a.specification.id, title: a.specification.title, version: v.current },
    version: v,
    sections,
    counts,
    notes,
  };
}

/** The first sentence of a text, or its first 160 characters: the matrix is an overview, the bid holds the full text. */
export function shorten(text: string, max = 160): string {
  const one = oneLine(text);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(one)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** The matrix of an analysed bid, or undefined when it is not a bid or its specification was not found. */
export function complianceMatrix(analysis: Pick<Analysis, 'doc' | 'model' | 'linked'>): ComplianceMatrix | undefined {
  const a = assessBid(analysis.doc, analysis.model, analysis.linked);
  return a ? buildMatrix(a, analysis.doc) : undefined;
}

// ---------------------------------------------------------------- comparison of several bids

export interface ComparisonCell {
  status: Status;
  answer: string;
  reason: string;
}

export interface ComparisonRow {
  key: string;
  id: string;
  title: string;
  asked: string;
  /** One cell per bid, in the order of `bids`; undefined when the item is not part of that bid's matrix (an outcome for a lot it is not for). */
  cells: Array<ComparisonCell | undefined>;
}

export interface Comparison {
  specification: ComplianceMatrix['specification'];
  bids: Array<{ uri: string; id?: string; title?: string; bidder?: string; lots: string[]; counts: Record<Status, number>; version: VersionCheck }>;
  sections: Array<{ id: SectionId; title: string; itemHeading: string; rows: ComparisonRow[] }>;
}

/** Lines up the matrices of several bids for one specification: one row per item, one column per bid. */
export function buildComparison(matrices: readonly ComplianceMatrix[]): Comparison {
  const first = matrices[0];
  const sectionIds: SectionId[] = ['requirements', 'outcomes', 'indicators', 'prices', 'criteria'];
  const sections = sectionIds.map((id) => {
    const template = first?.sections.find((s) => s.id === id);
    const rows = new Map<string, ComparisonRow>();
    matrices.forEach((m, col) => {
      for (const r of m.sections.find((s) => s.id === id)?.rows ?? []) {
        let row = rows.get(r.key);
        if (!row) {
          row = { key: r.key, id: r.id, title: r.title, asked: r.asked, cells: matrices.map(() => undefined) };
          rows.set(r.key, row);
        }
        row.cells[col] = { status: r.status, answer: r.answer, reason: r.reason };
      }
    });
    return { id, title: template?.title ?? id, itemHeading: template?.itemHeading ?? 'Item', rows: [...rows.values()] };
  });
  return {
    specification: first?.specification ?? { uri: '' },
    bids: matrices.map((m) => ({ uri: m.bid.uri, id: m.bid.id, title: m.bid.title, bidder: m.bid.bidder, lots: m.bid.lots, counts: m.counts, version: m.version })),
    sections,
  };
}
