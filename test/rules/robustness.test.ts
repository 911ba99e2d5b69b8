import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { effectiveRules } from '../../server/src/service/config';
import { allRules } from '../../server/src/service/rules/index';
import { readDocument } from '../../server/src/service/document';
import { buildModel } from '../../server/src/service/model';
import { runRules } from '../../server/src/service/rules/engine';
import { fixtureFolders, fixturesRoot } from './harness';

const metas = allRules.map((r) => r.meta);

/** Every path in a document, with whether its node is a container. */
function paths(node: unknown, at: Array<string | number> = [], out: Array<{ path: Array<string | number>; container: boolean }> = []) {
  if (isMap(node)) {
    if (at.length) out.push({ path: at, container: true });
    for (const p of node.items) paths(p.value, [...at, String((p.key as { value?: unknown })?.value)], out);
  } else if (isSeq(node)) {
    if (at.length) out.push({ path: at, container: true });
    node.items.forEach((v, i) => paths(v, [...at, i], out));
  } else if (isScalar(node) && at.length) out.push({ path: at, container: false });
  return out;
}

function isSeqAt(text: string, path: Array<string | number>): boolean {
  return isSeq(parseDocument(text).getIn(path, true));
}

/** The document with the value at `path` replaced by a value of the wrong type. */
function mutate(text: string, path: Array<string | number>, value: unknown): string {
  const doc = parseDocument(text);
  doc.setIn(path, doc.createNode(value) as Node);
  return doc.toString();
}

const sources = [
  path.resolve(__dirname, '../../examples/ne-london-residential.commspec.yaml'),
  path.resolve(__dirname, '../../examples/early-help-family-support.commspec.yaml'),
  ...['value-for-money/outcome-payment-terms', 'joint-commissioning/funding', 'tiers/coverage', 'safeguarding/review-date'].map((f) => path.join(fixturesRoot, f, 'fail.commspec.yaml')),
].filter((f) => existsSync(f));

describe('rules on documents with values of the wrong type', () => {
  it('has documents to mutate', () => {
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(fixtureFolders().length).toBeGreaterThan(0);
  });

  for (const file of sources) {
    it(`no rule throws when any value in ${path.basename(file)} has the wrong type`, () => {
      const text = readFileSync(file, 'utf8');
      const settings = effectiveRules(metas, [{ dir: '/', value: { extends: 'all' } }], file);
      const failures: string[] = [];
      let runs = 0;
      for (const { path: p, container } of paths(parseDocument(text).contents)) {
        if (p[0] === 'commspec' || p[0] === 'kind') continue;
        // maps and lists down to the depth rules read (outcome → indicator → baseline), and top-level values
        if (p.length > (container ? 5 : 2)) continue;
        const variants: unknown[] = container ? [isSeqAt(text, p) ? { a: 1 } : ['a list', 3], 'a string'] : [['a list']];
        for (const v of variants) {
          // the rules alone (no schema validation): they must cope with whatever the schema would reject
          const doc = readDocument(file, mutate(text, p, v));
          const found = runRules(allRules, doc, buildModel(doc), { frameworks: new Map(), problems: [] }, settings);
          runs++;
          for (const f of found) if (f.ruleId.startsWith('internal/')) failures.push(`${p.join('.')} = ${JSON.stringify(v)}: ${f.message}`);
        }
      }
      expect(failures).toEqual([]);
      expect(runs).toBeGreaterThan(20);
    }, 240_000);
  }
});

describe('structure/quoted-version in a bid', () => {
  it("reports the answered version written as a number that YAML shortens, and the fix keeps what was written", async () => {
    const { LanguageService } = await import('../../server/src/service/service');
    const text = 'commspec: 1\nkind: bid\nid: b\nversion: "1.0"\nspecification:\n  id: s\n  version: 1.10\n';
    const a = new LanguageService().analyse('/x/bid.commspec.yaml', text);
    const f = a.findings.find((x) => x.ruleId === 'structure/quoted-version');
    expect(f?.message).toBe('version: 1.10 is read as the number 1.1, so 1.10 and 1.1 look the same to every tool: write it in quotes, "1.10"');
    expect(f?.range.start).toEqual({ line: 6, character: 11 });
    const e = f!.fix!.edits[0];
    expect(text.slice(0, e.start) + e.newText + text.slice(e.end)).toContain('  version: "1.10"\n');
  });
});
