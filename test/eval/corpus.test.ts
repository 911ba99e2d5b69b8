import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers';

// The realistic corpus (test/fixtures/realistic/) measured through the CLI by scripts/eval.mjs.
// Floors are set just below what was measured when the corpus was written; a change that loses
// planted defects or adds false alarms on it fails here.
const corpus = path.join(root, 'test/fixtures/realistic');
const floors = { recall: 0.7, precision: 0.83 };

interface Report {
  documents: Array<{ document: string; planted: number; found: number; findings: number; matched: number; missed: unknown[]; falseAlarms: Array<{ ruleId: string; line: number; message: string }> }>;
  totals: { planted: number; found: number; findings: number; matched: number; recall: number; precision: number };
}

function evaluate(folder = corpus, extra: string[] = []) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/eval.mjs'), folder, ...extra], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return r;
}

describe('realistic corpus evaluation', () => {
  const run = evaluate(corpus, ['--json']);
  const report = JSON.parse(run.stdout || '{}') as Report;

  it('measures every document (exit 0)', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const docs = readdirSync(corpus).filter((n) => n.endsWith('.commspec.yaml'));
    expect(report.documents.map((d) => d.document).sort()).toEqual(docs.sort());
  });

  it('holds at least twelve defective documents and their clean versions', () => {
    const defective = report.documents.filter((d) => d.planted > 0);
    const clean = report.documents.filter((d) => d.planted === 0);
    expect(defective.length).toBeGreaterThanOrEqual(12);
    expect(clean.length).toBeGreaterThanOrEqual(6);
  });

  it('prints the figures and stays above its floors', () => {
    const t = report.totals;
    console.log(`corpus: ${t.found}/${t.planted} planted defects found (recall ${(t.recall * 100).toFixed(1)}%), ${t.matched}/${t.findings} findings on a planted defect (precision ${(t.precision * 100).toFixed(1)}%)`);
    expect(t.recall).toBeGreaterThanOrEqual(floors.recall);
    expect(t.precision).toBeGreaterThanOrEqual(floors.precision);
  });

  it('a defects file naming a path that is not in the document is an error, not a silent miss', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commspec-eval-'));
    const doc = readdirSync(corpus).find((n) => n.endsWith('.commspec.yaml') && !n.includes('bid'))!;
    copyFileSync(path.join(corpus, doc), path.join(dir, 'a.commspec.yaml'));
    writeFileSync(path.join(dir, 'a.defects.yaml'), 'document: a.commspec.yaml\ndefects:\n  - { what: nothing there, at: no_such_section.field }\n');
    const r = evaluate(dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no_such_section\.field' names nothing/);
  });
});
