// Hostile references and arguments (issue 17, items 1 and 10): a framework path that names a device, a named
// pipe, a huge file, a file outside the workspace or a link leading out of it is a finding at the reference, in
// bounded time, from the CLI binary and from the language server over stdio; a named pipe given on the command
// line is refused with exit 2 instead of hanging.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { buildServer, pushCapabilities, startClient, type TestClient } from '../lsp/client';
import { root } from '../helpers';

const fixtures = path.join(root, 'test', 'fixtures', 'features');
const specText = readFileSync(path.join(fixtures, 'spec.commspec.yaml'), 'utf8');
const frameworkText = readFileSync(path.join(fixtures, 'framework.commspec.yaml'), 'utf8');
const frameworkLine = specText.split('\n').findIndex((l) => l.includes('path: ./framework.commspec.yaml'));

/** The fixture specification with its framework path replaced. */
const specPointingAt = (p: string) => specText.replace('path: ./framework.commspec.yaml', `path: ${JSON.stringify(p)}`);

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A framework outside every workspace: a valid one, so that reading it would give no finding. */
const outside = mkdtempSync(path.join(os.tmpdir(), 'commspec-outside-'));
writeFileSync(path.join(outside, 'framework.commspec.yaml'), frameworkText);
// named like a configuration file (which applies from folders above a document), but in no folder above one
writeFileSync(path.join(outside, '.commspec.yaml'), frameworkText);

/** A workspace whose specifications point at hostile framework files. */
function hostileWorkspace(): string {
  const dir = workspace({ 'framework.commspec.yaml': frameworkText });
  mkfifo(path.join(dir, 'pipe.commspec.yaml'));
  writeFileSync(path.join(dir, 'huge.commspec.yaml'), '');
  truncateSync(path.join(dir, 'huge.commspec.yaml'), 11 * 1024 * 1024); // sparse: 11 MB that take no disk
  symlinkSync(path.join(outside, 'framework.commspec.yaml'), path.join(dir, 'linked-out.commspec.yaml'));
  return dir;
}

const cases: Array<{ name: string; target: (dir: string) => string; reason: RegExp }> = [
  { name: 'a device (/dev/zero)', target: () => '/dev/zero', reason: /outside the folders commspec reads/ },
  { name: 'a named pipe', target: () => './pipe.commspec.yaml', reason: /named pipe \(FIFO\), not a regular file/ },
  { name: 'a file over the 10 MB document limit', target: () => './huge.commspec.yaml', reason: /11\.0 MB; commspec reads documents up to 10 MB/ },
  { name: 'a file outside the workspace', target: () => path.join(outside, 'framework.commspec.yaml'), reason: /outside the folders commspec reads/ },
  { name: 'a link inside the workspace to a file outside it', target: () => './linked-out.commspec.yaml', reason: /outside the folders commspec reads/ },
  { name: 'a file outside the workspace named like a configuration file', target: () => path.join(outside, '.commspec.yaml'), reason: /outside the folders commspec reads/ },
];

describe('CLI: references to files commspec must not read', () => {
  const dir = hostileWorkspace();

  for (const c of cases) {
    it(`${c.name}: a finding at the reference, a note saying why, no hang`, () => {
      writeFileSync(path.join(dir, 'spec.commspec.yaml'), specPointingAt(c.target(dir)));
      const t0 = Date.now();
      const r = commspec(['lint', 'spec.commspec.yaml', '--format', 'json'], { cwd: dir });
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(r.status, r.stderr).toBe(1);
      const findings = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; line: number; message: string }>;
      const at = findings.find((f) => f.ruleId === 'references/framework-files');
      expect(at, JSON.stringify(findings.map((f) => f.ruleId))).toBeDefined();
      expect(at!.line).toBe(frameworkLine + 1);
      expect(r.stderr).toMatch(c.reason);
    });
  }

  it('a device is refused as a device, not read, when its folder is allowed by COMMSPEC_ROOTS', () => {
    writeFileSync(path.join(dir, 'spec.commspec.yaml'), specPointingAt('/dev/zero'));
    const r = commspec(['lint', 'spec.commspec.yaml', '--format', 'json'], { cwd: dir, env: { COMMSPEC_ROOTS: '/dev' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/zero was not read: it is a device, not a regular file/);
  });

  it('the same framework outside is read once COMMSPEC_ROOTS allows its folder; one beside the specification always is', () => {
    const ids = (r: { stdout: string }) => (JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string }>).map((f) => f.ruleId);
    writeFileSync(path.join(dir, 'spec.commspec.yaml'), specPointingAt(path.join(outside, 'framework.commspec.yaml')));
    expect(ids(commspec(['lint', 'spec.commspec.yaml', '--format', 'json'], { cwd: dir }))).toContain('references/framework-files');
    expect(ids(commspec(['lint', 'spec.commspec.yaml', '--format', 'json'], { cwd: dir, env: { COMMSPEC_ROOTS: outside } }))).not.toContain('references/framework-files');
    writeFileSync(path.join(dir, 'spec.commspec.yaml'), specText);
    expect(ids(commspec(['lint', 'spec.commspec.yaml', '--format', 'json'], { cwd: dir }))).not.toContain('references/framework-files');
    // named from another folder, a document may still refer to files beside it
    expect(ids(commspec(['lint', path.join(dir, 'spec.commspec.yaml'), '--format', 'json'], { cwd: outside }))).not.toContain('references/framework-files');
  });

  it('a linted document of 3 GB is reported as too large, as in the editor, without being read', () => {
    const big = workspace({});
    writeFileSync(path.join(big, 'big.commspec.yaml'), '');
    truncateSync(path.join(big, 'big.commspec.yaml'), 3 * 1024 ** 3); // sparse
    const r = commspec(['lint', 'big.commspec.yaml', '--format', 'json'], { cwd: big });
    expect(r.status, r.stderr).toBe(1);
    const [f] = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; message: string }>;
    expect(f.ruleId).toBe('yaml/too-large');
    expect(f.message).toMatch(/3072\.0 MB; commspec reads documents up to 10 MB/);
  });

  it('a named pipe as .commspecignore is refused, not waited on', () => {
    const w = workspace({ 'spec.commspec.yaml': specText, 'framework.commspec.yaml': frameworkText });
    mkfifo(path.join(w, '.commspecignore'));
    const r = commspec(['lint', '.'], { cwd: w });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.commspecignore: it is a named pipe \(FIFO\), not a regular file/);
  });
});

describe('CLI: a named pipe or device given on the command line (item 10)', () => {
  it('lint refuses a named pipe with exit 2 and says what it is; found in a folder, one is skipped', () => {
    const dir = workspace({ 'spec.commspec.yaml': specText, 'framework.commspec.yaml': frameworkText });
    mkfifo(path.join(dir, 'bid.commspec.yaml'));
    const r = commspec(['lint', 'bid.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bid\.commspec\.yaml is a named pipe \(FIFO\), not a commspec document/);
    const all = commspec(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(all.status).not.toBe(2);
    expect((JSON.parse(all.stdout) as Array<{ filePath: string }>).map((f) => path.basename(f.filePath)).sort()).toEqual(['framework.commspec.yaml', 'spec.commspec.yaml']);
  });

  it('lint refuses a device', () => {
    const r = commspec(['lint', '/dev/null']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/null is a device, not a commspec document/);
  });

  for (const command of [['render'], ['export', '--ocds']]) {
    it(`${command[0]} refuses a named pipe with exit 2`, () => {
      const dir = workspace({});
      mkfifo(path.join(dir, 'spec.commspec.yaml'));
      const r = commspec([...command, 'spec.commspec.yaml'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/spec\.commspec\.yaml cannot be read: it is a named pipe \(FIFO\), not a regular file/);
    });
  }
});

describe('language server over stdio: references to files it must not read', () => {
  let client: TestClient;
  const dir = hostileWorkspace();
  const rootUri = pathToFileURL(dir).href;
  const logged: string[] = [];

  beforeAll(async () => {
    buildServer();
    client = startClient();
    client.conn.onNotification('window/logMessage', (p: { message: string }) => logged.push(p.message));
    await client.initialize(rootUri, pushCapabilities);
  }, 120_000);
  afterAll(async () => {
    if (client) await client.stop();
  });

  cases.forEach((c, i) => {
    it(`${c.name}: references/framework-files at the path, the reason in the log, and the server keeps answering`, async () => {
      const uri = pathToFileURL(path.join(dir, `spec-${i}.commspec.yaml`)).href;
      client.open(uri, specPointingAt(c.target(dir)));
      const d = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 20_000);
      const at = d.diagnostics.find((x) => x.code === 'references/framework-files');
      expect(at, JSON.stringify(d.diagnostics.map((x) => x.code))).toBeDefined();
      expect(at!.range.start.line).toBe(frameworkLine);
      expect(at!.message).toMatch(/cannot be found or read/);
      const target = c.target(dir);
      const uriOf = path.isAbsolute(target) ? pathToFileURL(target).href : pathToFileURL(path.join(dir, target)).href;
      expect(logged.join('\n')).toContain(`${uriOf} was not read: `);
      expect(logged.find((l) => l.includes(uriOf))).toMatch(c.reason);
      const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
      expect(symbols.length).toBeGreaterThan(0);
    });
  });

  it('the framework beside the specification is read, the one outside is not', async () => {
    const ok = pathToFileURL(path.join(dir, 'spec-ok.commspec.yaml')).href;
    client.open(ok, specText);
    const d = await client.waitForDiagnostics(ok, () => true, 20_000);
    expect(d.diagnostics.map((x) => x.code)).not.toContain('references/framework-files');
    const out = pathToFileURL(path.join(dir, 'spec-out.commspec.yaml')).href;
    client.open(out, specPointingAt(path.join(outside, 'framework.commspec.yaml')));
    const e = await client.waitForDiagnostics(out, () => true, 20_000);
    expect(e.diagnostics.map((x) => x.code)).toContain('references/framework-files');
  });
});
