/**
 * The e2e harness: a real VS Code (code-server: VS Code in the browser, whose extension host runs in
 * Node on this machine) driven from Debian's Chromium with playwright-core, all on 127.0.0.1.
 * code-server is installed by test/e2e/setup-code-server.sh (npm + apt only, no other downloads).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'code-server-e2e');
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'bin/code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Installs code-server (and Chromium) when missing: idempotent, about a second when all is there. */
export function ensureCodeServer(): void {
  const script = path.join(__dirname, 'setup-code-server.sh');
  const r = spawnSync('bash', [script], { stdio: 'pipe', encoding: 'utf8', env: { ...process.env, CODE_SERVER_DIR } });
  if (r.status !== 0) throw new Error(`setup-code-server.sh failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
};

export interface CodeServer {
  url: string;
  proc: ChildProcess;
  tmp: string;
  stop(): Promise<void>;
  log(): string;
}

/** Starts code-server with fresh user data, auth off, telemetry off, bound to 127.0.0.1. */
export async function startCodeServer(opts: { settings?: Record<string, unknown>; workspace?: string } = {}): Promise<CodeServer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'commspec-e2e-cs-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings ?? {}) }, null, 2));
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const cli = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/cli.js');
  const smoke = fs.existsSync(cli) && fs.readFileSync(cli, 'utf8').includes('"enable-smoke-test-driver"');
  const args = [
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(smoke ? ['--enable-smoke-test-driver'] : []),
  ];
  if (opts.workspace) args.push(opts.workspace);
  // its own process group, so stop() ends code-server with the extension host and the language server
  const proc = spawn(CODE_SERVER_BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let logText = '';
  const onData = (d: Buffer) => {
    logText += d.toString();
    if (process.env.CS_LOG) process.stderr.write(`[code-server] ${d}`);
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}):\n${logText}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not come up:\n${logText}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  return {
    url,
    proc,
    tmp,
    log: () => logText,
    async stop() {
      if (proc.exitCode === null) {
        killGroup('SIGTERM');
        await Promise.race([new Promise((r) => proc.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      }
      await new Promise((r) => setTimeout(r, 300));
      killGroup('SIGKILL');
      if (!process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'commspec-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The workbench URL that opens `folder` with the extension at `extensionDevelopmentPath` loaded. */
export function workbenchUrl(base: string, opts: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string {
  const u = new URL(base + '/');
  const authority = u.host;
  if (opts.folder) u.searchParams.set('folder', opts.folder);
  const payload: string[][] = [];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${opts.extensionDevelopmentPath}`]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${opts.extensionTestsPath}`]);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}
