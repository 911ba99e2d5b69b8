import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/service/rules/index';
import { analyseFile, applyEdits, expectedLines, fixtureFolders, fixturesRoot, linesOf, markedRules, structural } from './harness';

const ruleIds = new Set(allRules.map((r) => r.meta.id));
const folders = fixtureFolders();

describe('rule fixtures', () => {
  it('every registered rule has a fixture folder with a fail and a pass file', () => {
    const missing = [...ruleIds].filter((id) => !existsSync(path.join(fixturesRoot, id, 'fail.commspec.yaml')) || !existsSync(path.join(fixturesRoot, id, 'pass.commspec.yaml')));
    expect(missing).toEqual([]);
  });

  it('every fixture folder names a registered rule', () => {
    expect(folders.filter((f) => !ruleIds.has(f))).toEqual([]);
  });

  for (const ruleId of folders) {
    describe(ruleId, () => {
      const failFile = path.join(fixturesRoot, ruleId, 'fail.commspec.yaml');
      const passFile = path.join(fixturesRoot, ruleId, 'pass.commspec.yaml');

      it('fail: findings start exactly on the lines marked # expect', () => {
        const text = readFileSync(failFile, 'utf8');
        const expected = expectedLines(text, ruleId);
        expect(expected.length, 'a fail fixture marks at least one expected finding').toBeGreaterThan(0);
        const a = analyseFile(failFile, text);
        expect(linesOf(a.findings, ruleId).map((l) => l + 1)).toEqual(expected.map((l) => l + 1));
      });

      it('pass: no finding of this rule', () => {
        const text = readFileSync(passFile, 'utf8');
        expect(expectedLines(text, ruleId)).toEqual([]);
        const a = analyseFile(passFile, text);
        expect(a.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}: ${f.message}`)).toEqual([]);
      });

      it('both files are valid YAML and valid against the schema, and name only real rules', () => {
        for (const file of [failFile, passFile]) {
          const text = readFileSync(file, 'utf8');
          const a = analyseFile(file, text);
          expect(a.findings.filter(structural).map((f) => `${path.basename(file)}:${f.range.start.line + 1} ${f.ruleId}: ${f.message}`)).toEqual([]);
          expect(a.findings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([]);
          expect(markedRules(text).filter((id) => !ruleIds.has(id))).toEqual([]);
        }
      });

      it('each fix yields valid YAML and removes a finding of this rule', () => {
        const text = readFileSync(failFile, 'utf8');
        const before = analyseFile(failFile, text).findings.filter((f) => f.ruleId === ruleId);
        for (const f of before.filter((x) => x.fix)) {
          const fixed = applyEdits(text, f.fix!.edits);
          const after = analyseFile(failFile, fixed);
          expect(after.findings.filter(structural).map((x) => `${x.ruleId}: ${x.message}\n${fixed}`)).toEqual([]);
          expect(after.findings.filter((x) => x.ruleId === ruleId).length, `${f.fix!.title}\n${fixed}`).toBeLessThan(before.length);
        }
      });
    });
  }
});
