import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/service/rules/index';
import { docsDir, renderRuleDocs } from '../../server/src/service/rules/render-docs';

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
    expect(page).toMatch(/\| held out \(odd index\) \| 53 \|/);
    expect(page).toMatch(/\| whole set \| 107 \|/);
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
