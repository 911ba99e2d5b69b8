import { isScalar, type Scalar } from 'yaml';
import { nodeAtPath, type DocumentKind, type PathSegment, type SourceDocument } from './document';
import { expressionPaths, schemas, type SchemaNode } from './schema-nav';

/** The kinds of thing a document declares with an id. */
export type DeclarationKind =
  | 'outcome'
  | 'indicator'
  | 'tier'
  | 'lot'
  | 'requirement'
  | 'criterion'
  | 'payment'
  | 'risk'
  | 'framework-outcome'
  | 'framework-indicator'
  | 'framework'
  | 'field';

export interface Declaration {
  id: string;
  kind: DeclarationKind;
  /** Path to the declaring object (the outcome, the indicator…); the id itself is at [...path, 'id']. */
  path: PathSegment[];
  /** Source offsets of the id value. */
  start: number;
  end: number;
  /** A human title for hovers: the statement, definition, label or title. */
  title?: string;
}

export type ReferenceTarget = DeclarationKind | 'taxonomy' | 'tier-model';

export interface Reference {
  id: string;
  target: ReferenceTarget;
  /** Where the reference resolves: in this document, or in the specification a bid answers. */
  scope: 'local' | 'specification';
  path: PathSegment[];
  start: number;
  end: number;
}

export interface ExpressionSite {
  kind: 'target' | 'threshold' | 'payment' | 'measure';
  text: string;
  path: PathSegment[];
  scalar: Scalar;
  /** Source offsets of the whole scalar, quotes included. */
  start: number;
  end: number;
  /** For an indicator's target or measure, or a bid commitment: the indicator it belongs to. */
  indicator?: string;
}

/** The typed view of a document that rules and editor features work from. Every item knows where it is. */
export interface DocumentModel {
  kind: DocumentKind | undefined;
  id: string | undefined;
  value: Record<string, unknown>;
  declarations: Declaration[];
  references: Reference[];
  expressions: ExpressionSite[];
}

// Paths use '*' for any list index. Declarations first, then references.
export const declarationPatterns: Record<DocumentKind, Array<[string, DeclarationKind]>> = {
  specification: [
    ['outcomes.*', 'outcome'],
    ['outcomes.*.indicators.*', 'indicator'],
    ['tiers.*', 'tier'],
    ['market.lots.*', 'lot'],
    ['requirements.*', 'requirement'],
    ['safeguarding.requirements.*', 'requirement'],
    ['value_for_money.award.criteria.*', 'criterion'],
    ['value_for_money.outcome_payments.*', 'payment'],
    ['risks.*', 'risk'],
    ['frameworks.*', 'framework'],
  ],
  framework: [
    ['outcomes.*', 'framework-outcome'],
    ['outcomes.*.indicators.*', 'framework-indicator'],
    ['tiers.*', 'tier'],
  ],
  bid: [],
  return: [],
};

export const referencePatterns: Record<DocumentKind, Array<[string, ReferenceTarget, 'local' | 'specification']>> = {
  specification: [
    ['theory_of_change.outcomes.*', 'outcome', 'local'],
    ['outcomes.*.tiers.*', 'tier', 'local'],
    ['outcomes.*.lots.*', 'lot', 'local'],
    ['outcomes.*.frameworks.*', 'taxonomy', 'local'],
    ['value_for_money.prices.*.tier', 'tier', 'local'],
    ['value_for_money.prices.*.lot', 'lot', 'local'],
    ['value_for_money.outcome_payments.*.outcomes.*', 'outcome', 'local'],
    ['value_for_money.award.criteria.*.outcomes.*', 'outcome', 'local'],
    ['market.lots.*.tiers.*', 'tier', 'local'],
    ['practice_features.*.feature', 'taxonomy', 'local'],
    ['tier_model', 'tier-model', 'local'],
  ],
  framework: [['outcomes.*.frameworks.*', 'taxonomy', 'local']],
  bid: [
    ['lots.*', 'lot', 'specification'],
    ['responses.*.outcome', 'outcome', 'specification'],
    ['responses.*.commitments.*.indicator', 'indicator', 'specification'],
    ['prices.*.tier', 'tier', 'specification'],
    ['prices.*.lot', 'lot', 'specification'],
    ['compliance.*.requirement', 'requirement', 'specification'],
    ['award_responses.*.criterion', 'criterion', 'specification'],
  ],
  return: [],
};

/** Every concrete path in `value` matching a dotted pattern with '*' for list items, with the value found there. */
export function matchPaths(value: unknown, pattern: string): Array<{ path: PathSegment[]; value: unknown }> {
  const parts = pattern.split('.');
  let frontier: Array<{ path: PathSegment[]; value: unknown }> = [{ path: [], value }];
  for (const part of parts) {
    const next: Array<{ path: PathSegment[]; value: unknown }> = [];
    for (const { path, value: v } of frontier) {
      if (part === '*') {
        if (Array.isArray(v)) v.forEach((item, i) => next.push({ path: [...path, i], value: item }));
      } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, part)) {
        next.push({ path: [...path, part], value: (v as Record<string, unknown>)[part] });
      }
    }
    frontier = next;
  }
  return frontier;
}

function titleOf(v: Record<string, unknown>): string | undefined {
  for (const k of ['statement', 'definition', 'label', 'title', 'text', 'description']) {
    if (typeof v[k] === 'string') return v[k] as string;
  }
  return undefined;
}

const expressionCache = new Map<SchemaNode, ReturnType<typeof expressionPaths>>();

/** Builds the typed model. Works on partly valid documents: whatever has the right shape is taken. */
export function buildModel(doc: SourceDocument): DocumentModel {
  const value = (doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value) ? doc.value : {}) as Record<string, unknown>;
  const kind = doc.kind;
  const model: DocumentModel = { kind, id: typeof value.id === 'string' ? value.id : undefined, value, declarations: [], references: [], expressions: [] };
  if (!kind) return model;

  for (const [pattern, dkind] of declarationPatterns[kind]) {
    for (const { path, value: v } of matchPaths(value, pattern)) {
      if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
      const id = (v as Record<string, unknown>).id;
      if (typeof id !== 'string' || !id) continue;
      const { node } = nodeAtPath(doc.yaml, [...path, 'id']);
      const r = node?.range;
      model.declarations.push({ id, kind: dkind, path, start: r?.[0] ?? 0, end: r?.[1] ?? 0, title: titleOf(v as Record<string, unknown>) });
    }
  }
  for (const { path, value: v } of matchPaths(value, 'fields.*')) {
    const name = (v as Record<string, unknown> | undefined)?.name;
    if (typeof name !== 'string') continue;
    const r = nodeAtPath(doc.yaml, [...path, 'name']).node?.range;
    model.declarations.push({ id: name, kind: 'field', path, start: r?.[0] ?? 0, end: r?.[1] ?? 0, title: (v as Record<string, unknown>).description as string | undefined });
  }
  for (const [pattern, target, scope] of referencePatterns[kind]) {
    for (const { path, value: v } of matchPaths(value, pattern)) {
      if (typeof v !== 'string' || !v) continue;
      const r = nodeAtPath(doc.yaml, path).node?.range;
      if (!r) continue;
      model.references.push({ id: v, target, scope, path, start: r[0], end: r[1] });
    }
  }
  const schema = schemas[kind];
  let sites = expressionCache.get(schema);
  if (!sites) {
    sites = expressionPaths(schema);
    expressionCache.set(schema, sites);
  }
  for (const site of sites) {
    for (const { path, value: v } of matchPaths(value, site.path.join('.'))) {
      if (typeof v !== 'string') continue;
      const { node } = nodeAtPath(doc.yaml, path);
      if (!isScalar(node) || !node.range) continue;
      let indicator: string | undefined;
      const parent = path.slice(0, -1);
      const owner = matchOwner(value, parent);
      if (owner && path[path.length - 1] !== 'rule' && path[path.length - 1] !== 'cap' && path[path.length - 1] !== 'threshold') {
        indicator = typeof owner.indicator === 'string' ? owner.indicator : typeof owner.id === 'string' ? owner.id : undefined;
      }
      model.expressions.push({ kind: site.kind, text: v, path, scalar: node, start: node.range[0], end: node.range[1], indicator });
    }
  }
  return model;
}

function matchOwner(root: Record<string, unknown>, path: PathSegment[]): Record<string, unknown> | undefined {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Small safe accessors for rules, which must cope with values of the wrong type. */
export const get = {
  obj(v: unknown): Record<string, unknown> | undefined {
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  },
  arr(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
  },
  str(v: unknown): string | undefined {
    return typeof v === 'string' ? v : undefined;
  },
  num(v: unknown): number | undefined {
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  },
};
