// Issue 17, item 5: regular expressions in the Markdown and Word exports were retried from every character of a
// long run of spaces (`[ \t]*\n\s*`, `\s+$`, `(\s*<br>)+$`): 46 s on a 160 KB field, about half an hour at 1 MB.
// Every export now runs in linear time. The timings are measured in bench/ (hostile.bench.mjs); here the
// behaviour: a 1 MB field is exported, correctly, within the CLI helper's 60 s limit (before: no output at all).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers';
import { commspec, workspace } from '../cli/run';

const minimal = fixture('language/minimal.commspec.yaml');
/** Exit code of render for this document: 1, it is rendered but has an error (no safeguarding section). Killed at 60 s: null. */
const rendered = 1;
const MB = 1024 * 1024;
/** Words around a 1 MB run of spaces with no line break: the shape the old patterns were slowest on. */
const spaces = 'Start of the field' + ' '.repeat(MB) + 'end of the field';
/** Many lines each ending in spaces, then a long run of tabs: exercises the line-break clean-up of table cells. */
const lines = Array.from({ length: 20000 }, (_, i) => `line ${i}` + ' '.repeat(40)).join('\n') + '\t'.repeat(MB / 2) + 'last';

function hostileSpec(field: string): string {
  return minimal
    .replace('status: draft', `status: draft\nsummary: ${JSON.stringify(field)}`)
    .replace('definition: Children supported who enter care within 12 months', `definition: ${JSON.stringify(field)}`);
}

describe('exports of a specification with a 1 MB field', () => {
  it('Markdown: the paragraph and the table cell are rendered, spaces before line breaks dropped', () => {
    const dir = workspace({ 'spaces.commspec.yaml': hostileSpec(spaces), 'lines.commspec.yaml': hostileSpec(lines) });
    const a = commspec(['render', 'spaces.commspec.yaml', '-f', 'markdown', '-o', 'spaces.md'], { cwd: dir });
    expect(a.status).toBe(rendered);
    const md = readFileSync(path.join(dir, 'spaces.md'), 'utf8');
    // booleans, not toContain: a failure would otherwise print a diff of megabytes
    expect(md.includes(`\n\n${spaces}\n\n`)).toBe(true); // the summary paragraph, whole
    expect(md.includes(`| ${spaces} |`)).toBe(true); // the definition, in its table cell

    const b = commspec(['render', 'lines.commspec.yaml', '-f', 'markdown', '-o', 'lines.md'], { cwd: dir });
    expect(b.status).toBe(rendered);
    const cells = readFileSync(path.join(dir, 'lines.md'), 'utf8');
    // in a table cell each line break becomes <br>, and the spaces before it go
    expect(cells.includes('| line 0<br>line 1<br>line 2<br>')).toBe(true);
    expect(cells.includes('<br>line 19999' + ' '.repeat(40) + '\t'.repeat(MB / 2) + 'last |')).toBe(true); // no break after the last line
  }, 120_000);

  it('Word: the document is written and holds the field', () => {
    const dir = workspace({ 'spaces.commspec.yaml': hostileSpec(spaces), 'lines.commspec.yaml': hostileSpec(lines) });
    for (const name of ['spaces', 'lines']) {
      const r = commspec(['render', `${name}.commspec.yaml`, '-f', 'docx', '-o', `${name}.docx`], { cwd: dir });
      expect(r.status).toBe(rendered);
      const bytes = readFileSync(path.join(dir, `${name}.docx`));
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as a .docx is
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  }, 120_000);

  it('HTML and the Markdown of a diff are produced too', () => {
    const dir = workspace({ 'old.commspec.yaml': minimal, 'new.commspec.yaml': hostileSpec(spaces + '\n' + lines) });
    const html = commspec(['render', 'new.commspec.yaml', '-o', 'new.html'], { cwd: dir });
    expect(html.status).toBe(rendered);
    expect(readFileSync(path.join(dir, 'new.html'), 'utf8').includes('Start of the field')).toBe(true);
    const diff = commspec(['diff', 'old.commspec.yaml', 'new.commspec.yaml', '-f', 'markdown', '-o', 'diff.md'], { cwd: dir });
    expect(diff.status).toBe(0);
    const md = readFileSync(path.join(dir, 'diff.md'), 'utf8');
    // line breaks and the white space around them become <br> in the diff's Markdown
    expect(md.includes('end of the field<br>line 0<br>line 1<br>')).toBe(true);
    const text = commspec(['diff', 'old.commspec.yaml', 'new.commspec.yaml', '-o', 'diff.txt'], { cwd: dir });
    expect(text.status).toBe(0);
    expect(readFileSync(path.join(dir, 'diff.txt'), 'utf8').includes('end of the field line 0 line 1 line 2')).toBe(true);
  }, 120_000);
});
