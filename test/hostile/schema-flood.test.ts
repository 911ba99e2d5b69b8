// Issue 17 follow-up to item 4 (finding floods): rule findings were capped per rule and document, but schema findings
// were not. A document with 20,000 unknown keys got 20,000 schema findings, and working out a message for each
// (with its "did you mean") took about 8 s of the 15 s the lint took. Schema findings are now capped per document like rule findings: the
// first ones exactly as before, then one summary finding counting the rest.
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { fixture } from '../helpers';

const minimal = fixture('language/minimal.commspec.yaml');
const keys = 10_000;
let flooded = minimal;
for (let i = 0; i < keys; i++) flooded += `unknown_key_${i}: 1\n`;

interface Message {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
}

function schemaFindings(text: string): { messages: Message[]; ms: number; status: number | null } {
  const dir = workspace({ 'a.commspec.yaml': text });
  const started = Date.now();
  const r = commspec(['lint', 'a.commspec.yaml', '-f', 'json'], { cwd: dir });
  const ms = Date.now() - started;
  const report = JSON.parse(r.stdout) as Array<{ messages: Message[] }>;
  return { messages: report[0].messages.filter((m) => m.ruleId.startsWith('schema/')), ms, status: r.status };
}

describe('schema findings are capped per document', () => {
  it('keeps the first 100 exact, then one summary of the rest, quickly', { timeout: 60_000 }, () => {
    const { messages, ms, status } = schemaFindings(flooded);
    expect(status).toBe(1);
    expect(messages).toHaveLength(101);
    const firstLine = minimal.split('\n').length; // the line of unknown_key_0
    for (let i = 0; i < 100; i++) {
      expect(messages[i].ruleId).toBe('schema/unknown-key');
      expect(messages[i].line).toBe(firstLine + i);
      expect(messages[i].message).toMatch(new RegExp(`^'unknown_key_${i}' is not a key commspec knows in a specification`));
    }
    const summary = messages[100];
    expect(summary.severity).toBe('error');
    expect(summary.line).toBe(firstLine + 100); // at the first finding left out
    expect(summary.message).toMatch(/^… and 9,900 more schema findings in this document, not listed: fix the ones above first/);
    // the rest of the time is the YAML parser's duplicate-key check, which grows with the square of the keys in a map
    expect(ms).toBeLessThan(10_000);
  });

  it('a document with a few schema problems still gets every one', () => {
    let text = minimal;
    for (let i = 0; i < 100; i++) text += `unknown_key_${i}: 1\n`;
    const { messages } = schemaFindings(text);
    expect(messages).toHaveLength(100);
    expect(messages.every((m) => m.ruleId === 'schema/unknown-key')).toBe(true);
  });
});
