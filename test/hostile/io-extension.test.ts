// The extension in a real VS Code (code-server, driven from headless Chromium), issue 17 item 1: the preview
// runs the language service in the extension host, which reads the frameworks a specification refers to. A
// framework path naming a named pipe used to block the extension host for ever (readFileSync on a FIFO waits
// for a writer), and a path outside the workspace was read. Now the preview opens and shows both references
// as findings at the reference.
//
// Needs dist/ built (the global setup does it), code-server (test/e2e/setup-code-server.sh, run automatically)
// and Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCodeServer, launchBrowser, startCodeServer, workbenchUrl, type CodeServer } from '../e2e/harness';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test', 'fixtures', 'features');
const specText = fs.readFileSync(path.join(fixtures, 'spec.commspec.yaml'), 'utf8');
const frameworkText = fs.readFileSync(path.join(fixtures, 'framework.commspec.yaml'), 'utf8');

let cs: CodeServer | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
let page: Page;
let workspace: string;
let outside: string;

async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

describe('the extension in code-server: hostile framework references', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, 'dist/client.js'))) throw new Error('dist/client.js is missing: run npm run build');
    ensureCodeServer();
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'commspec-e2e-outside-'));
    fs.writeFileSync(path.join(outside, 'framework.commspec.yaml'), frameworkText.replace(/^id: .*$/m, 'id: outside-fw'));
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'commspec-e2e-hostile-'));
    fs.writeFileSync(path.join(workspace, 'framework.commspec.yaml'), frameworkText);
    execFileSync('mkfifo', [path.join(workspace, 'pipe.yaml')]);
    const hostile = specText.replace(
      '  - { id: riverside-cyp, path: ./framework.commspec.yaml }',
      ['  - { id: riverside-cyp, path: ./framework.commspec.yaml }', '  - { id: piped, path: ./pipe.yaml }', `  - { id: outside-fw, path: ${JSON.stringify(path.join(outside, 'framework.commspec.yaml'))} }`].join('\n'),
    );
    fs.writeFileSync(path.join(workspace, 'spec.commspec.yaml'), hostile);
    cs = await startCodeServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(workbenchUrl(cs.url, { folder: workspace, extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await cs?.stop();
    if (workspace && !process.env.KEEP_TMP) fs.rmSync(workspace, { recursive: true, force: true });
    if (outside) fs.rmSync(outside, { recursive: true, force: true });
  }, 60_000);

  it('the preview opens, and the pipe and the file outside the workspace are findings at their references', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'spec.commspec.yaml' });
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator('.tab.active', { hasText: 'spec.commspec.yaml' }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item[aria-label*="commspec specification"]').waitFor({ timeout: 60_000 });
    await runCommand('commspec: Open Preview to the Side');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    // a blocked extension host never renders the preview
    await frame.locator('table.outcomes-table').waitFor({ timeout: 60_000 });
    const findings = frame.locator('li.finding');
    await expect.poll(() => findings.allTextContents(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('The framework file ./pipe.yaml cannot be found or read'), expect.stringContaining(`The framework file ${path.join(outside, 'framework.commspec.yaml')} cannot be found or read`)]),
    );
    // the extension host still answers: the status bar item is there and a second command runs
    await runCommand('commspec: Show Output');
    await page.locator('.statusbar-item', { hasText: /^commspec$/ }).waitFor({ timeout: 30_000 });
  }, 180_000);
});
