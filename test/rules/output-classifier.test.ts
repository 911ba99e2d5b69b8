import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../server/src/service/rules/outcomes/classify';
import { labelledStatements, measureClassifier } from '../../server/src/service/rules/outcomes/classifier-metrics';

const statements = labelledStatements(parse(readFileSync(path.resolve(__dirname, '../fixtures/outcome-statements.yaml'), 'utf8')));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('outcomes/output-not-outcome classifier', () => {
  const m = measureClassifier(statements);

  it('reads the whole labelled set', () => {
    expect(statements.length).toBe(152);
    expect(m.heldOut.n + m.development.n).toBe(152);
    // Every statement carries its half; the first 107 keep the even/odd halves they were measured on.
    expect(statements.every((s) => s.split === 'dev' || s.split === 'test')).toBe(true);
    expect(statements.slice(0, 107).every((s, i) => s.split === (i % 2 === 0 ? 'dev' : 'test'))).toBe(true);
  });

  it('reports precision and recall (output = positive class)', () => {
    for (const [name, c] of Object.entries(m)) {
      console.log(`${name.padEnd(12)} n=${c.n} tp=${c.tp} fp=${c.fp} fn=${c.fn} tn=${c.tn} precision=${pct(c.precision)} recall=${pct(c.recall)}`);
    }
    expect(m.all.tp + m.all.fp + m.all.fn + m.all.tn).toBe(152);
  });

  it('is precise on the whole set: few outcomes are flagged as outputs', () => {
    expect(m.all.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('is precise on the held-out half', () => {
    expect(m.heldOut.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('finds most outputs across the whole set', () => {
    expect(m.all.recall).toBeGreaterThanOrEqual(0.7);
  });

  it('explains what it found', () => {
    const c = classifyStatement('Deliver 40 parenting sessions a year across the borough');
    expect(c.label).toBe('output');
    expect(c.outputReasons.join(' ')).toMatch(/Deliver/);
    expect(classifyStatement('Children in care live in stable homes close to their community, where that is safe').label).toBe('outcome');
  });

  it('says outcome when there is nothing to go on', () => {
    expect(classifyStatement('').label).toBe('outcome');
    expect(classifyStatement('Stable homes').label).toBe('outcome');
  });
});
