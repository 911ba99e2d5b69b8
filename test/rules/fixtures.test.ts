import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/service/rules/index';
import { analyseFile, applyEdits, expectedLines, fixtureConfigs, fixtureFiles, fixtureFolders, fixturesRoot, linesOf, markedRules, structural } from './harness';

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
      const { fail, pass } = fixtureFiles(ruleId);
      const run = (file: string, text: string) => analyseFile(file, text, fixtureConfigs(text, ruleId));

      for (const failFile of fail) {
        const name = path.basename(failFile);
        it(`${name}: findings start exactly on the lines marked # expect`, () => {
          const text = readFileSync(failFile, 'utf8');
          const expected = expectedLines(text, ruleId);
          expect(expected.length, 'a fail fixture marks at least one expected finding').toBeGreaterThan(0);
          const a = run(failFile, text);
          expect(linesOf(a.findings, ruleId).map((l) => l + 1)).toEqual(expected.map((l) => l + 1));
        });

        it(`${name}: each fix yields valid YAML and removes a finding of this rule`, () => {
          const text = readFileSync(failFile, 'utf8');
          const before = run(failFile, text).findings.filter((f) => f.ruleId === ruleId);
          for (const f of before.filter((x) => x.fix)) {
            const fixed = applyEdits(text, f.fix!.edits);
            const after = run(failFile, fixed);
            expect(after.findings.filter(structural).map((x) => `${x.ruleId}: ${x.message}\n${fixed}`)).toEqual([]);
            expect(after.findings.filter((x) => x.ruleId === ruleId).length, `${f.fix!.title}\n${fixed}`).toBeLessThan(before.length);
          }
        });

        const fixedFile = failFile.replace(/\.commspec\.yaml$/, '.fixed.yaml');
        if (existsSync(fixedFile)) {
          it(`${name}: all of this rule's fixes together give ${path.basename(fixedFile)} byte for byte`, () => {
            let text = readFileSync(failFile, 'utf8');
            // Apply one fix at a time and re-analyse, as \`commspec lint --fix\` does, until none is left.
            for (let round = 0; round < 20; round++) {
              const f = run(failFile, text).findings.find((x) => x.ruleId === ruleId && x.fix);
              if (!f) break;
              text = applyEdits(text, f.fix!.edits);
            }
            expect(text).toBe(readFileSync(fixedFile, 'utf8'));
          });
        }
      }

      for (const passFile of pass) {
        it(`${path.basename(passFile)}: no finding of this rule`, () => {
          const text = readFileSync(passFile, 'utf8');
          expect(expectedLines(text, ruleId)).toEqual([]);
          const a = run(passFile, text);
          expect(a.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}: ${f.message}`)).toEqual([]);
        });
      }

      it('every file is valid YAML and valid against the schema, and names only real rules', () => {
        for (const file of [...fail, ...pass]) {
          const text = readFileSync(file, 'utf8');
          const a = run(file, text);
          expect(a.findings.filter(structural).map((f) => `${path.basename(file)}:${f.range.start.line + 1} ${f.ruleId}: ${f.message}`)).toEqual([]);
          expect(a.findings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([]);
          expect(markedRules(text).filter((id) => !ruleIds.has(id))).toEqual([]);
        }
      });
    });
  }
});
