// Issue 17 follow-up to item 4 (no unbounded spreads): the unified diff of --fix-dry-run spread every line of a hunk
// into one push(...) call, so a fix replacing a value written over 210,000 lines (a double-quoted scalar continued
// with escaped line breaks) overflowed the call stack and the CLI exited 2 with a stack trace instead of the diff.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { fixture } from '../helpers';

const lines = 210_000;
// "enhanced-dbs", written over 210,002 lines: each `\` ends a line without adding anything to the value
const scalar = '"enhanced-\\\n' + '      \\\n'.repeat(lines) + '      dbs"';
const text = fixture('language/minimal.commspec.yaml') + `safeguarding:\n  statement: The provider keeps children safe.\n  checks:\n    - ${scalar}\n`;

describe('--fix-dry-run on a fix spanning more than 200,000 lines', () => {
  it('prints the whole diff and leaves the file alone', { timeout: 30_000 }, () => {
    const dir = workspace({ 'a.commspec.yaml': text });
    const started = Date.now();
    const r = commspec(['lint', 'a.commspec.yaml', '--fix-dry-run'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|unexpected problem/);
    expect(r.status).not.toBe(2);
    const out = r.stdout.split('\n');
    expect(out).toContain('--- a/a.commspec.yaml');
    expect(out).toContain('+    - enhanced-dbs-with-barred-list');
    expect(out.filter((l) => l === '-      \\').length).toBe(lines);
    expect(readFileSync(path.join(dir, 'a.commspec.yaml'), 'utf8')).toBe(text);
  });
});
