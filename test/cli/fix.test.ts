import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, examplesCopy, workspace } from './run';
import { onlyRules } from './scenario';
import { fixture } from '../helpers';

const flawedRel = 'examples/flawed/activity-led-youth-service.commspec.yaml';

/** The expected result of replacing [start, end) and nothing else. */
function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

describe('--fix', () => {
  it("renames 'beds' to 'placements' in the flawed example and changes no other byte", () => {
    const dir = examplesCopy();
    const file = path.join(dir, flawedRel);
    const before = readFileSync(file, 'utf8');
    const others = ['examples/ne-london-residential.commspec.yaml', 'examples/flawed/broken-schema.commspec.yaml'].map((f) => [f, readFileSync(path.join(dir, f))] as const);
    const at = before.indexOf('Emergency beds') + 'Emergency '.length;
    expect(before.slice(at, at + 4)).toBe('beds');

    const r = commspec(['lint', 'examples/flawed', '--fix', '-f', 'json'], { cwd: dir });
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(splice(before, at, at + 4, 'placements'));
    expect(r.stderr).toContain(`commspec: ${flawedRel}: applied 1 fix`);
    // re-linted after fixing: the finding is gone, the others remain, so the exit code still reflects them
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    const mine = results.find((x) => x.filePath === file)!;
    expect(mine.messages.map((m) => m.ruleId)).not.toContain('terminology/beds');
    expect(mine.messages.length).toBeGreaterThan(0);
    expect(r.status).toBe(1);
    for (const [f, bytes] of others) expect(readFileSync(path.join(dir, f)).equals(bytes)).toBe(true);

    // running again finds nothing more to fix and writes nothing
    const again = commspec(['lint', 'examples/flawed', '--fix'], { cwd: dir });
    expect(again.stderr).not.toMatch(/applied/);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('keeps a byte-order mark and CRLF line endings, fixing several places in one file', () => {
    const text = fixture('language/minimal.commspec.yaml')
      .replace('status: draft', 'status: draft\nsummary: Six beds for some, four beds for others, and hospital beds stay')
      .replace(/\n/g, '\r\n');
    const dir = workspace({ '.commspec.yaml': onlyRules({ 'terminology/beds': 'warning' }), 'a.commspec.yaml': '\uFEFF' + text });
    const r = commspec(['lint', '--fix'], { cwd: dir });
    expect(r.status).toBe(0);
    const bytes = readFileSync(path.join(dir, 'a.commspec.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(text.replace('Six beds for some, four beds for others', 'Six placements for some, four placements for others'));
  });

  it('does not apply fixes that are not marked safe', () => {
    // 'Local Safeguarding Children Board' has a suggested replacement, but not a safe one (the wording around it may need to change)
    const text = fixture('language/minimal.commspec.yaml').replace('status: draft', "status: draft\nsummary: Reports to the Local Safeguarding Children Board");
    const dir = workspace({ '.commspec.yaml': onlyRules({ 'terminology/outdated-bodies': 'warning' }), 'a.commspec.yaml': text });
    const report = JSON.parse(commspec(['lint', '-f', 'json'], { cwd: dir }).stdout);
    expect(report[0].messages).toEqual([expect.objectContaining({ ruleId: 'terminology/outdated-bodies', fix: expect.objectContaining({ safe: false }) })]);
    const r = commspec(['lint', '--fix'], { cwd: dir });
    expect(r.stderr).not.toMatch(/applied/);
    expect(readFileSync(path.join(dir, 'a.commspec.yaml'), 'utf8')).toBe(text);
  });

  it('refuses to rewrite a file that is not valid UTF-8', () => {
    const dir = workspace({ '.commspec.yaml': onlyRules({ 'terminology/beds': 'warning' }) });
    const text = fixture('language/minimal.commspec.yaml').replace('status: draft', 'status: draft\nsummary: Emergency beds');
    // a comment holding a byte that is not UTF-8: reading turns it into U+FFFD, so writing the text back would change it
    const bad = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from('# bad '), Buffer.from([0xff, 0x0a])]);
    const file = path.join(dir, 'a.commspec.yaml');
    writeFileSync(file, bad);
    const r = commspec(['lint', '--fix'], { cwd: dir });
    expect(readFileSync(file).equals(bad)).toBe(true);
    expect(r.stderr).toMatch(/a\.commspec\.yaml: the fixes were not written: the file is not valid UTF-8/);
  });

  it('cannot write back to standard input, and cannot be combined with --fix-dry-run', () => {
    const stdin = commspec(['lint', '--stdin', '--fix'], { input: 'commspec: 1\n' });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toMatch(/--fix cannot write back to standard input: use --fix-dry-run/);
    const both = commspec(['lint', 'examples', '--fix', '--fix-dry-run']);
    expect(both.status).toBe(2);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff of the safe fixes and writes nothing', async () => {
    const dir = examplesCopy();
    const file = path.join(dir, flawedRel);
    const before = readFileSync(file);
    const r = commspec(['lint', 'examples/flawed', '--fix-dry-run', '-o', 'report.json', '-f', 'json'], { cwd: dir });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`^--- a/${flawedRel}\\n\\+\\+\\+ b/${flawedRel}\\n@@ -\\d+,7 \\+\\d+,7 @@\\n`));
    expect(r.stdout).toContain('\n-    - { description: Emergency beds for 16 and 17 year olds');
    expect(r.stdout).toContain('\n+    - { description: Emergency placements for 16 and 17 year olds');
    expect(r.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toHaveLength(2);
    // the report describes the document as it would be after the fixes
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(report.find((x) => x.filePath === file)!.messages.map((m) => m.ruleId)).not.toContain('terminology/beds');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/fix-dry-run.diff');
  });

  it('works on standard input', () => {
    const text = fixture('language/minimal.commspec.yaml').replace('status: draft', 'status: draft\nsummary: Emergency beds');
    const r = commspec(['lint', '--stdin', '--stdin-filename', 'draft.commspec.yaml', '--fix-dry-run', '--rule', 'terminology/beds:warning', '-q'], { input: text });
    expect(r.stdout).toMatch(/^--- a\/draft\.commspec\.yaml\n\+\+\+ b\/draft\.commspec\.yaml\n/);
    expect(r.stdout).toContain('+summary: Emergency placements');
  });
});
