// Data safety: fixes and code actions change only their own ranges and never leave broken YAML behind;
// lint and check-bid never write to their inputs.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, codeActions } from '../../server/src/service/features/actions';
import { LanguageService } from '../../server/src/service/service';
import { fileHost } from '../../cli/src/host';
import { examplePaths, root } from '../helpers';
import { commspec, examplesCopy } from '../cli/run';


const service = new LanguageService(fileHost());
const yamlErrors = (uri: string, text: string) => service.analyse(uri, text).findings.filter((f) => f.ruleId.startsWith('yaml/') && f.severity === 'error').length;

describe('every fix and code action on every example', () => {
  for (const file of examplePaths()) {
    it(`${path.relative(root, file)}: edits touch only their ranges and leave valid YAML`, () => {
      const original = readFileSync(file, 'utf8');
      let checked = 0;
      // the example as it is, and with baselines, data sources and comparators removed (so there is more to fix)
      const degraded = original.replace(/^\s+(baseline|data_source|comparator): .*\n/gm, '');
      // a bid with its first response removed (so the scaffold action applies)
      const first = original.indexOf('\n  - outcome:');
      const second = original.indexOf('\n  - outcome:', first + 1);
      const unanswered = first >= 0 && second > first ? original.slice(0, first) + original.slice(second) : original;
      for (const text of [original, degraded, unanswered]) checked += check(text);
      // frameworks and monitoring returns have no actions to offer; every other kind must have exercised some
      if (!/^kind: (?:framework|return)$/m.test(original)) expect(checked).toBeGreaterThan(0);
    });

    const check = (text: string): number => {
      const a = service.analyse(file, text);
      const before = yamlErrors(file, text);
      let checked = 0;
      const offsets = new Set<number>([0, ...a.findings.map((f) => f.offsets.start)]);
      for (const d of a.model.declarations) offsets.add(d.start);
      for (const offset of offsets) {
        for (const action of codeActions(a, { start: offset, end: offset })) {
          const edits = action.edits.get(file) ?? [];
          if (!edits.length) continue;
          checked++;
          const after = applyEdits(text, edits);
          // outside the edited ranges, the bytes are the same: compare the text before the first edit and after the last
          const sorted = [...edits].sort((x, y) => x.start - y.start);
          expect(after.slice(0, sorted[0].start)).toBe(text.slice(0, sorted[0].start));
          const tail = text.length - sorted[sorted.length - 1].end;
          expect(after.slice(after.length - tail)).toBe(text.slice(text.length - tail));
          expect(yamlErrors(file, after), action.title).toBeLessThanOrEqual(before);
        }
      }
      return checked;
    };
  }
});

describe('commands never write to their inputs', () => {
  it('lint and check-bid leave every example byte-for-byte as it was', () => {
    const dir = examplesCopy();
    const files = examplePaths().map((f) => path.join(dir, path.relative(root, f)));
    const before = files.map((f) => [readFileSync(f), statSync(f).mtimeMs] as const);
    commspec(['lint', 'examples', '--format', 'json'], { cwd: dir });
    commspec(['check-bid', 'examples/bids', 'examples/flawed/bids', '--format', 'json'], { cwd: dir });
    files.forEach((f, i) => {
      expect(readFileSync(f).equals(before[i][0]), f).toBe(true);
      expect(statSync(f).mtimeMs).toBe(before[i][1]);
    });
  });
});
