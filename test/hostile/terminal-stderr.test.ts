// Issue 17 follow-up to item 8 (terminal injection): the findings on standard output were escaped, but the notes and
// errors on standard error ("applied N fixes", configuration errors, "was not linted: …", "No such file", check-bid's
// "Wrote …") printed file names and keys as they were, so ESC/CSI/OSC/BEL in a name or a key reached the terminal.
// Every line commspec writes to standard error now shows control characters as visible escapes.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { fixture, root } from '../helpers';

const minimal = fixture('language/minimal.commspec.yaml');
const fixable = minimal.replace('status: draft', 'status: draft\nsummary: Short breaks beds for disabled children');
/** OSC 0 (set the window title) ended by BEL, then CSI 2J (clear the screen). */
const evil = '\u001b]0;owned\u0007\u001b[2J';
const shownEvil = '\\x1b]0;owned\\x07\\x1b[2J';

/** Any control character a terminal acts on (C0 but the line breaks between lines, DEL, C1), or a bidi override. */
// eslint-disable-next-line no-control-regex
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function clean(stderr: string): void {
  expect(stderr).not.toMatch(raw);
}

describe('standard error never carries control characters from names and keys', () => {
  it('"applied N fixes" with a hostile file name', () => {
    const dir = workspace({ '.commspec.yaml': 'rules:\n  terminology/beds: warning\n', [`spec${evil}.commspec.yaml`]: fixable });
    const r = commspec(['lint', '.', '--fix'], { cwd: dir });
    expect(r.stderr).toContain(`commspec: spec${shownEvil}.commspec.yaml: applied 1 fix`);
    clean(r.stderr);
    expect(readFileSync(path.join(dir, `spec${evil}.commspec.yaml`), 'utf8')).toContain('Short breaks placements');
  });

  it('a configuration error naming a hostile key', () => {
    const dir = workspace({ '.commspec.yaml': `rules:\n  terminology/beds: warning\n"\\e]0;owned\\a\\e[2J": 1\n`, 'spec.commspec.yaml': minimal });
    const r = commspec(['lint', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/The configuration file .* has problems/);
    expect(r.stderr).toContain(shownEvil);
    clean(r.stderr);
  });

  it('a configuration error in a folder with a hostile name', () => {
    const dir = workspace({ [`team${evil}/.commspec.yaml`]: 'rules: [not, a, map]\n', [`team${evil}/spec.commspec.yaml`]: minimal });
    const r = commspec(['lint', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`team${shownEvil}`);
    clean(r.stderr);
  });

  it('"was not linted: it is a link … outside the workspace" with a hostile link name', () => {
    const away = mkdtempSync(path.join(os.tmpdir(), 'commspec-outside-'));
    writeFileSync(path.join(away, `victim${evil}.commspec.yaml`), minimal);
    const dir = workspace({ 'specs/a.commspec.yaml': minimal });
    symlinkSync(away, path.join(dir, 'specs', `vendor${evil}`));
    const r = commspec(['lint', 'specs', '--follow-symlinks'], { cwd: dir });
    expect(r.stderr).toMatch(/was not linted: it is a link to .*outside the workspace/);
    expect(r.stderr).toContain(`vendor${shownEvil}/victim${shownEvil}.commspec.yaml was not linted`);
    clean(r.stderr);
  });

  it('a usage error naming a hostile file', () => {
    const dir = workspace({});
    const r = commspec(['lint', `missing${evil}.commspec.yaml`], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`missing${shownEvil}.commspec.yaml`);
    clean(r.stderr);
  });

  it("check-bid's note on the report, for a bid with a hostile name", () => {
    const bids = path.join(root, 'test', 'fixtures', 'bids');
    const dir = workspace({
      'spec.commspec.yaml': readFileSync(path.join(bids, 'spec.commspec.yaml'), 'utf8'),
      [`bids/bid${evil}.commspec.yaml`]: readFileSync(path.join(bids, 'compliant-bid.commspec.yaml'), 'utf8').replace('./spec.commspec.yaml', '../spec.commspec.yaml'),
    });
    mkdirSync(path.join(dir, 'out'));
    const r = commspec(['check-bid', `bids/bid${evil}.commspec.yaml`, '--report', `out/m${evil}.md`], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Wrote the compliance matrix for bids/bid${shownEvil}.commspec.yaml to out/m${shownEvil}.md`);
    clean(r.stderr);
  });
});
