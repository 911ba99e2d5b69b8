import type { Declaration, DeclarationKind, DocumentModel } from './model';
import { get } from './model';
import type { Linked } from './rules/types';
import { taxonomies } from './taxonomies';

/** Something an id can refer to, wherever it is declared. */
export interface Target {
  id: string;
  kind: DeclarationKind;
  title?: string;
  /** Where it is declared: a document uri and offsets, or a built-in taxonomy. */
  uri?: string;
  start?: number;
  end?: number;
  builtIn?: string;
  /** The declaring object's plain value (for indicators: unit, polarity, baseline). */
  value?: Record<string, unknown>;
}

export type Scope = Map<DeclarationKind, Map<string, Target>>;

function add(scope: Scope, t: Target): void {
  let m = scope.get(t.kind);
  if (!m) scope.set(t.kind, (m = new Map()));
  if (!m.has(t.id)) m.set(t.id, t);
}

function valueAt(root: Record<string, unknown>, d: Declaration): Record<string, unknown> | undefined {
  let v: unknown = root;
  for (const seg of d.path) v = (v as Record<string | number, unknown> | undefined)?.[seg];
  return get.obj(v);
}

function fromModel(scope: Scope, model: DocumentModel, uri: string, kinds?: readonly DeclarationKind[]): void {
  for (const d of model.declarations) {
    if (kinds && !kinds.includes(d.kind)) continue;
    add(scope, { id: d.id, kind: d.kind, title: d.title, uri, start: d.start, end: d.end, value: valueAt(model.value, d) });
  }
}

/**
 * What ids mean in a document: its own declarations, tiers taken through `tier_model`, and for a bid the
 * declarations of the specification it answers.
 */
export function buildScope(uri: string, model: DocumentModel, linked: Linked): { local: Scope; specification: Scope } {
  const local: Scope = new Map();
  fromModel(local, model, uri);
  const tierModel = get.str(model.value.tier_model);
  if (tierModel) {
    const framework = linked.frameworks.get(tierModel);
    if (framework) fromModel(local, framework.model, framework.uri, ['tier', 'field']);
    else {
      const t = taxonomies.get(tierModel);
      if (t?.kind === 'need-model') for (const c of t.codes) add(local, { id: c.code, kind: 'tier', title: c.label, builtIn: t.id, value: c as unknown as Record<string, unknown> });
    }
  }
  for (const fw of linked.frameworks.values()) fromModel(local, fw.model, fw.uri, ['field']);
  const specification: Scope = new Map();
  const spec = linked.specification;
  if (spec) {
    fromModel(specification, spec.model, spec.uri);
    const specScope = buildScope(spec.uri, spec.model, { frameworks: new Map(), problems: [] });
    for (const [kind, m] of specScope.local) for (const t of m.values()) add(specification, { ...t, kind });
  }
  return { local, specification };
}
