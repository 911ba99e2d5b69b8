import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/service/rules/index';
import { parse } from 'yaml';
import { docsDir, labelledStatementsFile, renderRuleDocs } from '../../server/src/service/rules/render-docs';
import { classifierSets } from '../../server/src/service/rules/classifiers/sets';
import { measureSplits, readLabelledSet } from '../../server/src/service/rules/classifiers/metrics';
import { labelledStatements, measureClassifier } from '../../server/src/service/rules/outcomes/classifier-metrics';

const root = path.resolve(__dirname, '../..');
const pages = renderRuleDocs(root);
const regenerate = 'run: node scripts/run-ts.mjs scripts/gen-rule-docs.ts';

function mdFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? mdFiles(full) : n.endsWith('.md') ? [path.relative(root, full).split(path.sep).join('/')] : [];
  });
}

describe('rule documentation', () => {
  it('renders a page for every registered rule and an index', () => {
    for (const r of allRules) expect(pages.has(`${docsDir}/${r.meta.id}.md`), r.meta.id).toBe(true);
    expect(pages.has(`${docsDir}/README.md`)).toBe(true);
    const index = pages.get(`${docsDir}/README.md`)!;
    for (const r of allRules) expect(index).toContain(`[${r.meta.id}](${r.meta.id}.md)`);
  });

  it('each page has the rationale, evidence, examples from the fixtures, options and fix', () => {
    for (const r of allRules) {
      const page = pages.get(`${docsDir}/${r.meta.id}.md`)!;
      expect(page).toContain(r.meta.rationale);
      for (const e of r.meta.evidence) expect(page).toContain(e);
      expect(page, r.meta.id).toContain('## Example: flagged');
      expect(page, r.meta.id).toContain('## Example: passes');
      expect(page).not.toMatch(/#\s*expect:/);
      for (const name of Object.keys(r.meta.options ?? {})) expect(page).toContain(`\`${name}\``);
    }
  });

  it('the output-not-outcome page carries the measured classifier figures', () => {
    const page = pages.get(`${docsDir}/outcomes/output-not-outcome.md`)!;
    const m = measureClassifier(labelledStatements(parse(readFileSync(path.join(root, labelledStatementsFile), 'utf8'))));
    expect(m.all.n).toBeGreaterThan(100);
    expect(page).toContain(`| held out (odd index) | ${m.heldOut.n} | ${m.heldOut.tp} | ${m.heldOut.fp} |`);
    expect(page).toContain(`| whole set | ${m.all.n} |`);
  });

  it('each classifier rule page carries the figures measured on its labelled set', () => {
    for (const set of classifierSets) {
      const items = readLabelledSet(parse(readFileSync(path.join(root, set.file), 'utf8')), set.labels, set.key);
      const m = measureSplits(items, set.positive, set.flag);
      for (const rule of set.rules) {
        const page = pages.get(`${docsDir}/${rule}.md`)!;
        expect(page, rule).toContain(`| held out (test half) | ${m.test.n} | ${m.test.tp} | ${m.test.fp} |`);
        expect(page, rule).toContain(`| whole set | ${items.length} |`);
      }
    }
  });

  it('every page on disk is current (no page missing or stale)', () => {
    const problems: string[] = [];
    for (const [rel, content] of pages) {
      const file = path.join(root, rel);
      if (!existsSync(file)) problems.push(`missing: ${rel}`);
      else if (readFileSync(file, 'utf8') !== content) problems.push(`stale: ${rel}`);
    }
    expect(problems, regenerate).toEqual([]);
  });

  it('no page on disk belongs to a rule that no longer exists', () => {
    expect(mdFiles(path.join(root, docsDir)).filter((f) => !pages.has(f)), regenerate).toEqual([]);
  });
});
