// Issue 17, items 8 and 9: keys, values and file names holding ESC/CSI/OSC/BEL reached the terminal in the stylish
// output (retitling or clearing it, or hiding findings), and a backtick in a file name broke the Markdown
// formatter's code span. Every human-readable format now shows control characters as visible escapes, and
// code spans use a fence longer than the longest run of backticks inside.
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers';
import { commspec, workspace } from '../cli/run';

const minimal = fixture('language/minimal.commspec.yaml');
// a YAML double-quoted key: OSC 0 (set the window title) ended by BEL, CSI 2J (clear the screen), the 8-bit CSI,
// a bidirectional override, and a line break that would forge a line of output
const hostileKey = '"\\e]0;owned\\a\\e[2J\\u009b31m\\u202e\\nfake.commspec.yaml"';
const hostileFile = 'evil\u001b[2J\u0007.commspec.yaml';

/** Any control character a terminal acts on (C0 but the line breaks between lines of output, DEL, C1), or a bidi override. */
// eslint-disable-next-line no-control-regex
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileWorkspace(): string {
  const dir = workspace({ 'spec.commspec.yaml': minimal.replace('status: draft', `status: draft\n${hostileKey}: 1`) });
  // a file name with ESC and BEL (allowed by POSIX file systems)
  const files = workspace({ [hostileFile]: minimal.replace('status: draft', 'status: drafted') });
  for (const f of readdirSync(files)) renameSync(path.join(files, f), path.join(dir, f));
  return dir;
}

describe('control characters never reach the terminal', () => {
  for (const format of ['stylish', 'markdown', 'github']) {
    it(`--format ${format} shows them as visible escapes`, () => {
      const dir = hostileWorkspace();
      const r = commspec(['lint', '.', '-f', format], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stdout).not.toMatch(raw);
      // the key is still recognisable, in a form that can be searched for in the file (as Markdown renders it)
      const shown = format === 'markdown' ? r.stdout.replace(/\\(.)/g, '$1') : r.stdout;
      expect(shown).toContain('\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202e');
      expect(r.stdout).toContain('evil\\x1b[2J\\x07.commspec.yaml'); // in a code span in Markdown, where \\ is literal
      // the line break in the key does not start a line of its own
      expect(r.stdout.split('\n').some((l) => l.startsWith('fake.commspec.yaml'))).toBe(false);
    });
  }

  it('stylish with colour on keeps its own colours and escapes only the document text', () => {
    const dir = hostileWorkspace();
    const r = commspec(['lint', '.', '--color'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r.status).toBe(1);
    const withoutOwnColours = r.stdout.replace(/\u001b\[\d+(;\d+)*m/g, '');
    expect(withoutOwnColours).not.toMatch(raw);
    expect(withoutOwnColours).toContain('\\x1b]0;owned\\x07');
  });
});

/** The code spans of a Markdown line, read as CommonMark reads them: a run of n backticks up to the next run of exactly n. */
function codeSpans(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`' || (i > 0 && line[i - 1] === '\\')) {
      i++;
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let j = i + n;
    let close = -1;
    while (j < line.length) {
      const k = line.indexOf(fence, j);
      if (k < 0) break;
      let m = 0;
      while (line[k + m] === '`') m++;
      if (m === n) {
        close = k;
        break;
      }
      j = k + m;
    }
    if (close < 0) {
      i += n;
      continue;
    }
    let content = line.slice(i + n, close);
    if (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
    out.push(content);
    i = close + n;
  }
  return out;
}

describe('the Markdown formatter holds any file name in a code span', () => {
  it('uses a fence longer than the longest run of backticks, padding names that start or end with one', () => {
    const names = ['`lead.commspec.yaml', 'a``b`.commspec.yaml', 'x```y.commspec.yaml'];
    const dir = workspace(Object.fromEntries(names.map((n) => [n, minimal.replace('status: draft', 'status: drafted')])));
    const r = commspec(['lint', '.', '-f', 'markdown'], { cwd: dir });
    expect(r.status).toBe(1);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && l.includes('.commspec.yaml'));
    for (const name of names) {
      const mine = rows.filter((l) => codeSpans(l).includes(name));
      // one row in the files table and one per finding, each with the whole name as one code span
      expect(mine.length).toBeGreaterThanOrEqual(2);
    }
    expect(r.stdout).toContain('| `` `lead.commspec.yaml `` |');
    expect(r.stdout).toContain('| ```a``b`.commspec.yaml``` |');
    expect(r.stdout).toContain('| ````x```y.commspec.yaml```` |');
  });
});
