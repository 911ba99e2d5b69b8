// The judgement rules through both real front doors: the CLI binary and the language server over
// stdio. Each document in test/fixtures/judgement marks where a finding is expected
// (`# expect: rule-id`) and may list rules that must stay silent (`# absent: rule-id, …`). Both doors
// must report the same findings of the marked rules on the same lines.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commspec } from '../cli/run';
import { buildServer, pushCapabilities, startClient, type TestClient } from '../lsp/client';
import { expectedLines, markedRules } from './harness';

const dir = path.resolve(__dirname, '../fixtures/judgement');
const files = readdirSync(dir).filter((f) => f.endsWith('.commspec.yaml')).sort();

function absent(text: string): string[] {
  const m = /^#\s*absent:\s*(.+)$/m.exec(text);
  return m ? m[1].split(',').map((s) => s.trim()) : [];
}

function expected(text: string): string[] {
  const out: string[] = [];
  for (const id of new Set(markedRules(text))) for (const l of expectedLines(text, id)) out.push(`${l + 1} ${id}`);
  return out.sort();
}

describe('judgement rules through the CLI and the language server', () => {
  let client: TestClient;
  beforeAll(async () => {
    buildServer();
    client = startClient();
    await client.initialize(pathToFileURL(dir).href, pushCapabilities);
  });
  afterAll(async () => {
    if (client) await client.stop();
  });

  for (const f of files) {
    const file = path.join(dir, f);
    const text = readFileSync(file, 'utf8');
    const marked = new Set(markedRules(text));
    const silent = absent(text);

    it(`${f}: commspec lint reports exactly the marked findings`, () => {
      const r = commspec(['lint', file, '--format', 'json']);
      expect([0, 1], r.stderr).toContain(r.status);
      const messages: Array<{ ruleId: string; line: number; message: string }> = JSON.parse(r.stdout)[0].messages;
      const got = messages.filter((m) => marked.has(m.ruleId)).map((m) => `${m.line} ${m.ruleId}`);
      expect([...new Set(got)].sort()).toEqual(expected(text));
      expect(messages.filter((m) => silent.includes(m.ruleId)).map((m) => `${m.line} ${m.ruleId}: ${m.message}`)).toEqual([]);
      expect(messages.filter((m) => m.ruleId.startsWith('schema/') || m.ruleId.startsWith('yaml/'))).toEqual([]);
    });

    it(`${f}: the language server publishes the same findings`, async () => {
      const uri = pathToFileURL(file).href;
      client.open(uri, text, 1);
      const d = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const got = d.diagnostics.filter((x) => marked.has(String(x.code))).map((x) => `${x.range.start.line + 1} ${x.code}`);
      expect([...new Set(got)].sort()).toEqual(expected(text));
      expect(d.diagnostics.filter((x) => silent.includes(String(x.code)))).toEqual([]);
    });
  }
});
