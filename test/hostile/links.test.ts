// Dangerous links (issue 17, item 2), over stdio: document links open only http(s) addresses and files inside
// the workspace, whatever scheme or path a document writes; hovers show document text as text, so a statement
// cannot become a link, an image, HTML or a command in the editor.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, pushCapabilities, startClient, tempWorkspace, type TestClient } from '../lsp/client';

const ws = tempWorkspace();
const specText = readFileSync(ws.file('spec.commspec.yaml'), 'utf8');
const bidText = readFileSync(ws.file('bid.commspec.yaml'), 'utf8');

const hostilePaths = [
  'command:workbench.action.terminal.new',
  'command:workbench.action.files.openFile?%5B%22%2Fetc%2Fpasswd%22%5D',
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  'vscode://vscode.git/clone?url=https%3A%2F%2Fevil.example%2Frepo',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  '/etc/passwd',
  '../../../../../../../../etc/passwd',
];

/** The fixture specification with one framework per hostile path, the real one last, and hostile url: values. */
const hostileSpec =
  specText.replace(
    '  - { id: riverside-cyp, path: ./framework.commspec.yaml }',
    [...hostilePaths.map((p, i) => `  - { id: x${i}, path: ${JSON.stringify(p)} }`), '  - { id: riverside-cyp, path: ./framework.commspec.yaml }'].join('\n'),
  ) +
  ['risks:', '  - { id: r1, description: d, url: "javascript:alert(1)" }', '  - { id: r2, description: d, url: "command:workbench.action.terminal.new" }', '  - { id: r3, description: d, url: "https://www.gov.uk/guidance" }', ''].join('\n');

const hostileStatement = 'Families are [stronger](command:workbench.action.terminal.new) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)> **safe** `code` \\[done] # heading';

describe('document links and hovers over stdio', () => {
  let client: TestClient;
  const spec = ws.uri('hostile.commspec.yaml');
  const bid = ws.uri('hostile-bid.commspec.yaml');

  beforeAll(async () => {
    buildServer();
    writeFileSync(ws.file('hostile.commspec.yaml'), hostileSpec);
    client = startClient();
    await client.initialize(pathToFileURL(ws.dir).href, pushCapabilities);
  }, 120_000);
  afterAll(async () => {
    if (client) await client.stop();
  });

  const links = async (uri: string) => (await client.conn.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as Array<{ target: string; range: { start: { line: number } } }>;

  it('a specification: only the framework inside the workspace and the https address are links', async () => {
    client.open(spec, hostileSpec);
    await client.waitForDiagnostics(spec, () => true, 20_000);
    const targets = (await links(spec)).map((l) => l.target);
    expect(targets).toEqual([pathToFileURL(path.join(ws.dir, 'framework.commspec.yaml')).href, 'https://www.gov.uk/guidance']);
  });

  it("a bid: a command written as the specification's path is not a link", async () => {
    for (const p of ['command:workbench.action.terminal.new', 'javascript:alert(1)', '/etc/passwd']) {
      const text = bidText.replace('path: ./spec.commspec.yaml', `path: ${JSON.stringify(p)}`);
      client.open(bid, text, hostilePaths.indexOf(p) + 10);
      await client.waitForDiagnostics(bid, () => true, 20_000);
      expect(await links(bid)).toEqual([]);
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: bid } });
    }
    client.open(bid, bidText, 100);
    await client.waitForDiagnostics(bid, () => true, 20_000);
    expect((await links(bid)).map((l) => l.target)).toEqual([pathToFileURL(path.join(ws.dir, 'spec.commspec.yaml')).href]);
  });

  it('a hover shows a statement written as Markdown as plain text: no link, image, HTML or command', async () => {
    const uri = ws.uri('hover.commspec.yaml');
    const text = specText.replace('statement: Families are stronger and children stay safely at home.', `statement: ${JSON.stringify(hostileStatement)}`);
    client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 20_000);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('outcomes: [families-stronger]'));
    const character = lines[line].indexOf('families-stronger') + 3;
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { kind: string; value: string } };
    const md = h.contents.value;
    expect(h.contents.kind).toBe('markdown');
    expect(md).toContain('families-stronger');
    // every character that could open markup is escaped
    expect(md).toContain('Families are \\[stronger\\]\\(command:workbench.action.terminal.new\\) \\!\\[x\\]\\(https://evil.example/p.png\\) \\<img src=x onerror=alert\\(1\\)\\> \\*\\*safe\\*\\* \\`code\\` \\\\\\[done\\] \\# heading');
    expect(md).not.toMatch(/[^\\]\[stronger\]\(command:/);
    expect(md).not.toMatch(/[^\\]<img/);
  });

  it('an id with backticks stays inside its code span', async () => {
    const uri = ws.uri('ticks.commspec.yaml');
    const text = specText.replace(/families-stronger/g, '"a`b``c"');
    client.open(uri, text.replace('outcomes: ["a`b``c"]', 'outcomes: ["a`b``c"]'));
    await client.waitForDiagnostics(uri, () => true, 20_000);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('outcomes: ["a`b``c"]'));
    const character = lines[line].indexOf('a`b') + 1;
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } } | null;
    expect(h?.contents.value).toContain('```a`b``c```');
  });
});

describe('expression hovers over stdio', () => {
  let client: TestClient;
  beforeAll(async () => {
    buildServer();
    client = startClient();
    await client.initialize(pathToFileURL(ws.dir).href, pushCapabilities);
  }, 120_000);
  afterAll(async () => {
    if (client) await client.stop();
  });

  it('a name in an expression shows the description written in the document as plain text', async () => {
    const uri = ws.uri('expr.commspec.yaml');
    const text = specText.replace(
      '{ name: annual_fee, unit: money, description: Fees paid to the provider in the contract year }',
      `{ name: annual_fee, unit: money, description: ${JSON.stringify('Fees [paid](command:workbench.action.terminal.new) <b>now</b>')} }`,
    );
    client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 20_000);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('rule: up to 3% of annual_fee'));
    const character = lines[line].indexOf('annual_fee') + 2;
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } };
    expect(h.contents.value).toContain('Fees \\[paid\\]\\(command:workbench.action.terminal.new\\) \\<b\\>now\\</b\\>');
  });
});
