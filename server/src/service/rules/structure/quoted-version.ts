import { isScalar } from 'yaml';
import { nodeAtPath, type PathSegment } from '../../document';
import { matchPaths } from '../../model';
import { resolveSchema, schemas, type SchemaNode } from '../../schema-nav';
import type { DocumentKind } from '../../document';
import { defineRule } from '../types';

/**
 * Every path pattern ('*' for list items) the schema types as a version (`$ref: '#/$defs/version'`):
 * the document's own version, its history, the specification a bid answers, framework links.
 */
function versionPaths(root: SchemaNode): string[] {
  const out: string[] = [];
  const walk = (node: SchemaNode | undefined, path: string[], depth: number) => {
    if (!node || depth > 14) return;
    if (node.$ref === '#/$defs/version') {
      out.push(path.join('.'));
      return;
    }
    const n = resolveSchema(root, node);
    if (!n) return;
    for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, [...path, k], depth + 1);
    if (n.items) walk(n.items, [...path, '*'], depth + 1);
    for (const a of n.anyOf ?? []) walk(a, path, depth + 1);
  };
  walk(root, [], 0);
  return [...new Set(out)];
}
/** "version: 1.10", or for a framework link "The link to framework 'havering-cyp' gives version: 1.10, which". */
function linkLabel(value: Record<string, unknown>, path: PathSegment[], written: string): string {
  if (path[0] !== 'frameworks' || path.length !== 3) return `version: ${written}`;
  const link = (value.frameworks as unknown[])[path[1] as number] as Record<string, unknown> | undefined;
  const id = typeof link?.id === 'string' ? `'${link.id}'` : Number(path[1]) + 1;
  return `The link to framework ${id} gives version: ${written}, which`;
}
const versionPathsByKind = new Map<DocumentKind, string[]>();

export default defineRule({
  meta: {
    id: 'structure/quoted-version',
    severity: 'warning',
    description: 'A version number that YAML would change (1.10, 2.0) is written in quotes.',
    rationale:
      'Unquoted, `version: 1.10` is read as the number 1.1 and `version: 2.0` as 2, so version 1.10 of a specification looks like version 1.1 to every tool that reads it: a bid answering "1.10" would be told it answers the wrong version, and the published history loses the difference between 1.1 and 1.10. In quotes, the version is kept exactly as written.',
    evidence: ['YAML 1.2 core schema: a plain scalar that matches the float pattern is a number'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['structure'],
    fixable: true,
  },
  check({ doc, model, report }) {
    if (!model.kind) return;
    let patterns = versionPathsByKind.get(model.kind);
    if (!patterns) versionPathsByKind.set(model.kind, (patterns = versionPaths(schemas[model.kind])));
    const paths: PathSegment[][] = patterns.flatMap((p) => matchPaths(model.value, p).map((m) => m.path));
    for (const path of paths) {
      const { node } = nodeAtPath(doc.yaml, path);
      if (!isScalar(node) || typeof node.value !== 'number' || !node.range) continue;
      const written = doc.text.slice(node.range[0], node.range[1]);
      if (written === String(node.value)) continue;
      report({
        message: `${linkLabel(model.value, path, written)} is read as the number ${String(node.value)}, so ${written} and ${String(node.value)} look the same to every tool: write it in quotes, "${written}"`,
        at: { start: node.range[0], end: node.range[1] },
        fix: { title: `Quote the version: "${written}"`, edits: [{ start: node.range[0], end: node.range[1], newText: `"${written}"` }], safe: true },
      });
    }
  },
});
