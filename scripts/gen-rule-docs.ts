// Writes docs/rules/<category>/<name>.md for every rule and docs/rules/README.md, and removes pages of
// rules that no longer exist. Run: node scripts/run-ts.mjs scripts/gen-rule-docs.ts [--check]
// With --check it writes nothing and exits 1 when a page is missing or stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsDir, renderRuleDocs } from '../server/src/service/rules/render-docs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
const pages = renderRuleDocs(root);

function existingPages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? existingPages(full) : name.endsWith('.md') ? [full] : [];
  });
}

const stale: string[] = [];
let written = 0;
for (const [rel, content] of pages) {
  const file = path.join(root, rel);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(rel);
  if (check) continue;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  written++;
}
const wanted = new Set([...pages.keys()].map((rel) => path.join(root, rel)));
const orphans = existingPages(path.join(root, docsDir)).filter((f) => !wanted.has(f));
for (const f of orphans) {
  stale.push(path.relative(root, f));
  if (!check) rmSync(f);
}

if (check) {
  if (stale.length) {
    console.error(`Rule docs are out of date (${stale.length}): ${stale.join(', ')}\nRun: node scripts/run-ts.mjs scripts/gen-rule-docs.ts`);
    process.exit(1);
  }
  console.log(`Rule docs are up to date (${pages.size} pages).`);
} else {
  console.log(`Rule docs: ${pages.size} pages, ${written} written, ${orphans.length} removed.`);
}
