// Everything a user or bidder reads cites a report by its name, section and page, never by an
// internal reference such as "seed 002 L417": shipped files (schemas, taxonomies, docs, README, the
// extension's files, the rule texts in the built bundles) and the rendered examples.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec } from './cli/run';
import { examplePaths, root } from './helpers';
import { allRules } from '../server/src/service/rules/index';
import { reports } from '../server/src/service/sources';

const internal = /\bseeds? \d{3}\b|\bseed [0-9]{3} L\d+/i;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(json|ya?ml|md|js|cjs|html|txt)$/.test(name)) out.push(p);
  }
  return out;
}

describe('citations a reader can follow', () => {
  it('no shipped file carries an internal source reference', () => {
    const files = [...walk(path.join(root, 'schemas')), ...walk(path.join(root, 'docs')), ...walk(path.join(root, 'client')), ...walk(path.join(root, 'dist')), path.join(root, 'README.md'), path.join(root, 'examples', 'README.md')];
    const hits = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const m = internal.exec(text);
      return m ? [`${path.relative(root, f)}: …${text.slice(Math.max(0, m.index - 40), m.index + 30)}…`] : [];
    });
    expect(hits).toEqual([]);
  });

  it('every rule cites its evidence by a known report or by the title of a law or guidance', () => {
    for (const r of allRules) {
      for (const e of r.meta.evidence) {
        expect(internal.test(e), `${r.meta.id}: ${e}`).toBe(false);
        if (/^(PwC|SHM|Ipsos MORI|NFER|IDeA) /.test(e)) expect(reports.some((x) => e.startsWith(x.short)), `${r.meta.id}: ${e}`).toBe(true);
      }
    }
  });

  it('rendered examples and explain output carry no internal reference', () => {
    for (const file of examplePaths()) {
      const r = commspec(['render', file, '--format', 'html', '-o', '-']);
      expect(internal.exec(r.stdout)?.[0], file).toBeUndefined();
    }
    const r = commspec(['explain', 'value-for-money/share-at-risk']);
    expect(r.stdout).toMatch(/Sources:\n {2}Ipsos MORI 2019: Mollidor/);
    expect(internal.test(r.stdout)).toBe(false);
  });
});
