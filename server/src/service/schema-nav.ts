import specificationSchema from '../../../schemas/specification.schema.json';
import frameworkSchema from '../../../schemas/framework.schema.json';
import bidSchema from '../../../schemas/bid.schema.json';
import configSchema from '../../../schemas/config.schema.json';
import returnSchema from '../../../schemas/return.schema.json';
import type { PathSegment } from './document';

/** A JSON Schema node as commspec writes them (a subset of draft 2020-12 plus annotations). */
export interface SchemaNode {
  $ref?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | false;
  prefixItems?: SchemaNode[];
  anyOf?: SchemaNode[];
  pattern?: string;
  patternErrorMessage?: string;
  errorMessage?: string;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  format?: string;
  'x-entity'?: string;
  'x-expression'?: 'target' | 'threshold' | 'payment' | 'measure';
  $defs?: Record<string, SchemaNode>;
}

export type SchemaName = 'specification' | 'framework' | 'bid' | 'return' | 'config';

export const schemas: Record<SchemaName, SchemaNode> = {
  specification: specificationSchema as SchemaNode,
  framework: frameworkSchema as SchemaNode,
  bid: bidSchema as SchemaNode,
  config: configSchema as SchemaNode,
  /** A provider's monitoring return (`commspec monitor`). */
  return: returnSchema as SchemaNode,
};

const resolved = new WeakMap<SchemaNode, WeakMap<SchemaNode, SchemaNode | null>>();

/**
 * Follows $ref (local `#/...` pointers only) and merges the referring node's annotations over the target's.
 * Results are remembered per schema node (schemas do not change) and frozen, as they are shared.
 */
export function resolveSchema(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  if (!node.$ref) return node;
  let byNode = resolved.get(root);
  if (!byNode) resolved.set(root, (byNode = new WeakMap()));
  const hit = byNode.get(node);
  if (hit !== undefined) return hit ?? undefined;
  let current: SchemaNode | undefined = node;
  let guard = 0;
  let overlay: SchemaNode = {};
  while (current?.$ref && guard++ < 32) {
    const { $ref, ...rest } = current;
    overlay = { ...rest, ...overlay };
    current = pointer(root, $ref);
  }
  const out = current ? Object.freeze({ ...current, ...overlay }) : undefined;
  byNode.set(node, out ?? null);
  return out;
}

function pointer(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node as SchemaNode | undefined;
}

/** The schema node that describes the value at a path in a document, or undefined where the schema says nothing. */
export function schemaAtPath(root: SchemaNode, path: readonly PathSegment[]): SchemaNode | undefined {
  let node = resolveSchema(root, root);
  for (const seg of path) {
    if (!node) return undefined;
    node = childSchema(root, node, seg);
  }
  return node;
}

export function childSchema(root: SchemaNode, node: SchemaNode, seg: PathSegment): SchemaNode | undefined {
  if (typeof seg === 'number') {
    if (node.prefixItems && seg < node.prefixItems.length) return resolveSchema(root, node.prefixItems[seg]);
    if (node.items) return resolveSchema(root, node.items);
    const alt = node.anyOf?.find((a) => resolveSchema(root, a)?.items);
    return alt ? resolveSchema(root, resolveSchema(root, alt)!.items as SchemaNode) : undefined;
  }
  const prop = node.properties?.[seg];
  if (prop) return resolveSchema(root, prop);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return resolveSchema(root, node.additionalProperties);
  return undefined;
}

/** Property names allowed in an object schema. */
export function propertyNames(root: SchemaNode, node: SchemaNode | undefined): string[] {
  const resolved = resolveSchema(root, node);
  return resolved?.properties ? Object.keys(resolved.properties) : [];
}

/** Every path pattern (with '*' for list items) whose value is an expression, with its expression kind. */
export function expressionPaths(root: SchemaNode): Array<{ path: PathSegment[]; kind: NonNullable<SchemaNode['x-expression']> }> {
  const out: Array<{ path: PathSegment[]; kind: NonNullable<SchemaNode['x-expression']> }> = [];
  const walk = (node: SchemaNode | undefined, path: PathSegment[], depth: number) => {
    const n = resolveSchema(root, node);
    if (!n || depth > 12) return;
    if (n['x-expression']) out.push({ path, kind: n['x-expression'] });
    for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, [...path, k], depth + 1);
    if (n.items) walk(n.items, [...path, '*'], depth + 1);
  };
  walk(root, [], 0);
  return out;
}
