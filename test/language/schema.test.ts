import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSchemas } from '../../scripts/schemas.mjs';
import { nodeAtPath, readDocument, type PathSegment } from '../../server/src/service/document';
import { resolveSchema, schemas, type SchemaNode } from '../../server/src/service/schema-nav';
import { analyse, examplePaths, root } from '../helpers';

describe('the JSON Schemas', () => {
  it('are generated from schemas/src (run node scripts/schemas.mjs after editing the sources)', () => {
    for (const [name, text] of Object.entries(generateSchemas())) {
      expect(readFileSync(path.join(root, 'schemas', name), 'utf8'), name).toBe(text);
    }
  });

  it('compile under ajv strict mode, draft 2020-12, with an $id', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false });
    ajv.addVocabulary(['x-entity', 'x-expression', 'patternErrorMessage', 'errorMessage']);
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema.$id, name).toMatch(/^https:\/\/.+\.schema\.json$/);
      expect(() => ajv.compile(schema), name).not.toThrow();
    }
  });

  it('give every property a title and a description for commissioners', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      const walk = (node: SchemaNode | undefined, where: string, depth: number) => {
        if (!node || depth > 20) return;
        for (const [key, raw] of Object.entries(node.properties ?? {})) {
          const prop = resolveSchema(schema, raw)!;
          if (!prop.title || !prop.description || /description:/.test(prop.title)) missing.push(`${name}:${where}.${key}`);
          walk(prop, `${where}.${key}`, depth + 1);
          if (prop.items) walk(resolveSchema(schema, prop.items), `${where}.${key}[]`, depth + 1);
        }
      };
      walk(resolveSchema(schema, schema), '', 0);
      for (const [defName, def] of Object.entries(schema.$defs ?? {})) walk(def, `$defs.${defName}`, 0);
    }
    expect(missing).toEqual([]);
  });
});

const openMaps = ['periods.*.values', 'periods.*.fields', 'periods.*.claims'];

/** The non-flawed examples, read from disk. */
function goodExamples(): Array<{ file: string; text: string }> {
  return examplePaths({ flawed: false }).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

describe('every part of the schema, valid and invalid', () => {
  const examples = goodExamples();

  it('has examples of every kind', () => {
    const kinds = new Set(examples.map((e) => readDocument(e.file, e.text).kind));
    expect([...kinds].sort()).toEqual(['bid', 'framework', 'return', 'specification']);
  });

  for (const { file, text } of examples) {
    const rel = path.relative(root, file);
    it(`${rel} has no schema or YAML findings`, () => {
      const findings = analyse(text, file).findings.filter((f) => /^(yaml|schema)\//.test(f.ruleId));
      expect(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`)).toEqual([]);
    });

    it(`${rel}: every section and field rejects a wrong type and an unknown key, at the right line`, () => {
      const base = readDocument(file, text);
      const seen = new Set<string>();
      const failures: string[] = [];
      let checked = 0;
      const visit = (value: unknown, p: PathSegment[]) => {
        const pattern = p.map((s) => (typeof s === 'number' ? '*' : s)).join('.');
        // maps keyed by the specification's own ids (a return's values:, fields: and claims:) take any
        // key by design, and a value may be a number or a mapping: `commspec monitor` checks the keys
        // against the specification. The map itself is still mutated below; its entries are not.
        if (openMaps.some((m) => pattern.startsWith(`${m}.`))) return;
        if (p.length && !seen.has(pattern) && p[p.length - 1] !== 'kind' && p[p.length - 1] !== 'commspec') {
          seen.add(pattern);
          checked++;
          // wrong type: objects and lists become a number, scalars become a list
          const wrong = value !== null && typeof value === 'object' ? 42 : ['not', 'this'];
          const doc = parseDocument(text);
          doc.setIn(p, wrong);
          const mutated = doc.toString();
          const reread = readDocument(file, mutated);
          const node = nodeAtPath(reread.yaml, p);
          const expectedLine = reread.lines.positionAt((node.node?.range ?? node.pair?.key as never)?.[0] ?? 0).line;
          const hits = analyse(mutated, file).findings.filter((f) => f.ruleId.startsWith('schema/'));
          if (!hits.some((f) => f.range.start.line === expectedLine)) failures.push(`wrong type at ${pattern}: ${hits.map((f) => `${f.range.start.line + 1}:${f.message}`).join(' | ') || 'no finding'}`);
          if (value !== null && typeof value === 'object' && !Array.isArray(value) && !openMaps.includes(pattern)) {
            const doc2 = parseDocument(text);
            doc2.setIn([...p, 'zz_unknown'], 'x');
            const m2 = doc2.toString();
            const r2 = readDocument(file, m2);
            const keyNode = nodeAtPath(r2.yaml, [...p, 'zz_unknown']).pair?.key as { range?: number[] } | undefined;
            const line = r2.lines.positionAt(keyNode?.range?.[0] ?? 0).line;
            const h2 = analyse(m2, file).findings.filter((f) => f.ruleId === 'schema/unknown-key');
            if (!h2.some((f) => f.range.start.line === line && f.message.includes("'zz_unknown'"))) failures.push(`unknown key in ${pattern}`);
          }
        }
        if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...p, i]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...p, k]);
      };
      visit(base.value, []);
      expect(failures).toEqual([]);
      // a return is small by design (periods of values); every other kind has more than 20 parts
      expect(checked).toBeGreaterThan(base.kind === 'return' ? 10 : 20);
    });
  }
});
