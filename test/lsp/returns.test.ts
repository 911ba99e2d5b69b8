// A `kind: return` document in the language server over stdio: the monitor's checks as diagnostics,
// completion of the linked specification's indicator ids and of period ends, and hover on an indicator id.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer, pushCapabilities, startClient, type TestClient } from './client';

const spec = readFileSync(path.join(__dirname, '..', 'monitor', 'fixtures', 'spec.commspec.yaml'), 'utf8');

/** Line and character of the first occurrence of `needle` (plus `delta`). */
function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const ret = `commspec: 1
kind: return
specification: { id: monitor-test, path: spec.commspec.yaml }
periods:
  - end: 2026-03-31
    values:
      stabilty: { numerator: 13, denominator: 20 }
      moves: 120%
      attendance: { numerator: 30, denominator: 20 }
  - end: 2026-06-30
    values:
      stability: { numerator: 14, denominator: 22 }
      moves: 2.1
      attendance: 89
  - end: 2028-03-31
    values:
      moves: 2
`;

describe('a return in the language server (stdio)', () => {
  let client: TestClient;
  const dir = mkdtempSync(path.join(tmpdir(), 'commspec-lsp-returns-'));
  writeFileSync(path.join(dir, 'spec.commspec.yaml'), spec);
  const uri = pathToFileURL(path.join(dir, 'r.commspec.yaml')).href;

  beforeAll(async () => {
    buildServer();
    client = startClient();
    await client.initialize(pathToFileURL(dir).href, pushCapabilities);
  });
  afterAll(async () => {
    if (client) await client.stop();
  });

  test('diagnostics: the checks against the specification, on the exact ranges, with rule codes and links', async () => {
    client.open(uri, ret, 1);
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const got = d.diagnostics.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.code}`).sort();
    expect(got).toEqual(['17:7 returns/missing-period', '17:7 returns/outside-term', '7:7 returns/unknown-indicator', '8:14 schema/shape', '9:7 returns/numerator'].sort());
    const unknown = d.diagnostics.find((x) => x.code === 'returns/unknown-indicator')!;
    expect(unknown.message).toContain("did you mean 'stability'?");
    expect(unknown.range).toEqual({ start: pos(ret, 'stabilty'), end: pos(ret, 'stabilty', 'stabilty'.length) });
    expect(unknown.severity).toBe(1);
    expect(unknown.codeDescription?.href).toMatch(/docs\/rules\/returns\/unknown-indicator\.md$/);
    // '120%' is a string where a number belongs: reported once, by the schema, not again by returns/value
    expect(d.diagnostics.find((x) => x.code === 'returns/outside-term')!.severity).toBe(2);
  });

  test('fixing the return clears the diagnostics (the specification is read from disk, not open)', async () => {
    const fixed = ret.replace('stabilty', 'stability').replace('moves: 120%', 'moves: 2.5').replace('numerator: 30', 'numerator: 18').replace('2028-03-31', '2026-09-30');
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    expect(d.diagnostics.map((x) => `${x.code}: ${x.message}`)).toEqual([]);
  });

  test('editing the specification in the editor re-checks the open return against it', async () => {
    const specUri = pathToFileURL(path.join(dir, 'spec.commspec.yaml')).href;
    const renamed = spec.replace('- id: moves', '- id: placement-moves').replaceAll('moves <= 2', 'placement-moves <= 2');
    client.open(specUri, renamed, 1);
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((x) => x.code === 'returns/unknown-indicator'));
    const unknown = d.diagnostics.filter((x) => x.code === 'returns/unknown-indicator');
    expect(unknown.map((x) => x.message)).toEqual(["'moves' is not an indicator of the specification monitor-test (its indicators are stability, placement-moves, attendance)", "'moves' is not an indicator of the specification monitor-test (its indicators are stability, placement-moves, attendance)", "'moves' is not an indicator of the specification monitor-test (its indicators are stability, placement-moves, attendance)"]);
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: specUri, version: 2 }, contentChanges: [{ text: spec }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.length === 0);
  });

  test('completion under values: offers the indicators of the linked specification not given yet', async () => {
    const text = ret.replace('      stability: { numerator: 14, denominator: 22 }\n', '      \n');
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 3);
    const at = pos(text, '    values:\n      \n', '    values:\n      '.length);
    const list: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at });
    const labels: string[] = list.items.map((i: any) => i.label);
    expect(labels).toContain('stability');
    expect(labels).not.toContain('moves'); // given in this period already
    expect(labels).not.toContain('attendance');
    const item = list.items.find((i: any) => i.label === 'stability');
    expect(item.textEdit?.newText ?? item.insertText).toBe('stability: ');
    expect(item.detail).toBe('indicator: Children with no more than one move.');
    const docs = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
    expect(docs).toContain('Children with no more than one move.');
    expect(docs).toContain('>= 80% by 2026-12-31');
  });

  test('completion under fields: and claims: offers data fields and payment clauses', async () => {
    const text = ret.replace('      moves: 2\n', '      moves: 2\n    fields:\n      \n    claims:\n      \n');
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 4);
    const fields: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, '    fields:\n      \n', '    fields:\n      '.length) });
    expect(fields.items.map((i: any) => i.label).sort()).toEqual(['annual_fee', 'local_rate']);
    const claims: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, '    claims:\n      \n', '    claims:\n      '.length) });
    expect(claims.items.map((i: any) => i.label).sort()).toEqual(['bonus', 'needs-field', 'per-child']);
  });

  test('completion of a period end: the quarter after the previous period first, then the term’s quarter ends not used', async () => {
    const text = ret.replace('  - end: 2028-03-31\n', '  - end: \n');
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 5);
    const list: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, '  - end: \n', '  - end: '.length) });
    const items = [...list.items].sort((a: any, b: any) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    const labels: string[] = items.map((i: any) => i.label);
    // the term runs 2026-01-01 to 2027-12-31, every indicator is quarterly; 2026-03-31 and 2026-06-30 are taken
    expect(labels).toEqual(['2026-09-30', '2026-12-31', '2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31']);
    expect(items[0].detail).toBe('the quarter after 2026-06-30');
    // typing narrows the list
    const typed = text.replace('  - end: \n', '  - end: 2027\n');
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text: typed }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 6);
    const narrowed: any = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(typed, '  - end: 2027\n', '  - end: 2027'.length) });
    expect(narrowed.items.map((i: any) => i.label).sort()).toEqual(['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31']);
  });

  test('hover on an indicator id: its definition, baseline and target, and the value expected at that period', async () => {
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ text: ret }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 7);
    const at = pos(ret, '      stability: { numerator: 14', 8);
    const h: any = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: at });
    const md: string = h.contents.value;
    expect(md).toContain('**Indicator** `stability`');
    expect(md).toContain('Children with no more than one move.');
    expect(md).toContain('Baseline: **60** on 2025-12-31');
    expect(md).toContain('Target: `>= 80% by 2026-12-31`');
    // 60% on 2025-12-31 to 80% on 2026-12-31: 181 of 365 days by 2026-06-30 → 60 + 20 × 181/365 = 69.92
    expect(md).toContain('Expected at the period ending 2026-06-30: **69.92%** (on the straight line from the baseline to the target)');
    expect(md).toContain('Declared in `spec.commspec.yaml`');
    expect(h.range).toEqual({ start: pos(ret, '      stability: { numerator: 14', 6), end: pos(ret, '      stability: { numerator: 14', 15) });
    // a typo has no hover of its own, but the finding's rationale
    const typo: any = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(ret, 'stabilty', 2) });
    expect(typo.contents.value).toContain('Why `returns/unknown-indicator` matters');
  });
});
