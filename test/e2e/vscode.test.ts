/**
 * End to end in a real VS Code (code-server 4.100.3, VS Code 1.100) driven from headless Chromium:
 * the extension activates on a commspec file, the language server's diagnostics appear in the
 * Problems panel on the right lines, completion offers keys, a quick fix applies, and the preview
 * shows the outcomes table. A screenshot of each step goes to test-results/e2e/.
 *
 * Needs: dist/ built (the test global setup builds it), code-server (test/e2e/setup-code-server.sh,
 * run automatically: npm + apt, idempotent) and Chromium (/usr/bin/chromium or CHROMIUM=…).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../../server/src/service/service';
import { ensureCodeServer, launchBrowser, startCodeServer, workbenchUrl, type CodeServer } from './harness';

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-results/e2e');
const EXAMPLE = 'ne-london-residential.commspec.yaml';
const FLAWED = 'youth-support.commspec.yaml';
const flawedText = [
  'commspec: 1',
  'kind: specification',
  'id: youth-support',
  'title: Youth support for young people at risk of exploitation',
  'status: draft',
  'service_type: youth-servces',
  'commissioner:',
  '  lead: London Borough of Havering',
  'outcomes:',
  '  - id: safer-young-people',
  '    statement: Young people are safer from exploitation in and outside their homes.',
  '    indicators: []',
  '  - id: young-people-heard',
  '    statement: Young people feel listened to.',
  '    beneficiary: young-people',
  '    indicators:',
  '      - id: heard',
  '        definition: Young people who say their views change decisions about them.',
  '        unit: percent',
  '        polarity: higher',
  '        baseline: { value: 40, date: 2025-03-31, source: Annual survey 2024-25 }',
  '        target: ">= 70% by 2027-03-31"',
  '        data_source: Annual survey',
  '',
].join('\n');

let cs: CodeServer | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
let page: Page;
let workspace: string;
const timings: Array<[string, number]> = [];
let t0 = Date.now();
const consoleLines: string[] = [];

function lap(step: string): void {
  timings.push([step, Date.now() - t0]);
  t0 = Date.now();
}

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(300); // let the editor finish painting after a scroll
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

async function openFile(name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
}

async function goTo(line: number, column: number): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The preview's content: a webview is an iframe holding the page in another iframe. */
function previewFrame(): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

describe('commspec in VS Code (code-server)', () => {
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    for (const f of fs.readdirSync(shots)) if (f.endsWith('.png')) fs.rmSync(path.join(shots, f));
    if (!fs.existsSync(path.join(root, 'dist/client.js')) || !fs.existsSync(path.join(root, 'dist/server.js'))) {
      throw new Error('dist/client.js and dist/server.js are missing: run npm run build');
    }
    ensureCodeServer();
    lap('setup-code-server.sh (installed check)');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'commspec-e2e-ws-'));
    for (const f of fs.readdirSync(path.join(root, 'examples'))) {
      if (f.endsWith('.commspec.yaml')) fs.copyFileSync(path.join(root, 'examples', f), path.join(workspace, f));
    }
    fs.writeFileSync(path.join(workspace, FLAWED), flawedText);
    cs = await startCodeServer();
    lap('code-server started');
    browser = await launchBrowser();
    page = browser.page;
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    await page.goto(workbenchUrl(cs.url, { folder: workspace, extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    lap('workbench loaded');
  }, 240_000);

  afterAll(async () => {
    if (page && process.env.E2E_DEBUG) console.log(consoleLines.slice(-60).join('\n'));
    await browser?.close();
    await cs?.stop();
    if (workspace && !process.env.KEEP_TMP) fs.rmSync(workspace, { recursive: true, force: true });
    const report = timings.map(([s, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${s}`).join('\n');
    console.log(`e2e timings:\n${report}`);
  }, 60_000);

  const step = (name: string, fn: () => Promise<void>, timeout = 120_000) =>
    it(
      name,
      async () => {
        try {
          await fn();
          lap(name);
        } catch (e) {
          await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
          if (cs) console.error(`--- code-server log (tail) ---\n${cs.log().slice(-3000)}`);
          console.error(`--- browser console (tail) ---\n${consoleLines.slice(-40).join('\n')}`);
          throw e;
        }
      },
      timeout,
    );

  step('activates on a commspec file and shows the document kind in the status bar', async () => {
    await openFile(FLAWED);
    // the language mode is ours, and the status item counts the server's problems
    await page.locator('.statusbar-item', { hasText: /^commspec$/ }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item[aria-label*="commspec specification"]').waitFor({ timeout: 60_000 });
    await shot('01-activated');
  });

  step('shows the server\u2019s diagnostics in the Problems panel on the right lines', async () => {
    const expected = new LanguageService().analyse(pathToFileURL(path.join(workspace, FLAWED)).toString(), flawedText).findings;
    const enumProblem = expected.find((f) => f.ruleId === 'schema/enum');
    const noIndicator = expected.find((f) => f.ruleId === 'outcomes/has-indicator');
    expect(enumProblem && noIndicator, 'the language service finds the two planted problems').toBeTruthy();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
    for (const f of [enumProblem!, noIndicator!]) {
      const words = f.message.split(/[:.]/)[0].slice(0, 40);
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: words }).first();
      const filter = page.locator('.markers-panel-container .monaco-inputbox input, .viewpane-filter input').first();
      if (await filter.isVisible()) await filter.fill(words);
      await row.waitFor({ timeout: 60_000 });
      await expect.poll(() => row.textContent()).toContain(`[Ln ${f.range.start.line + 1}, Col ${f.range.start.character + 1}]`);
      if (await filter.isVisible()) await filter.fill('');
    }
    await shot('02-problems');
  });

  step('offers a completion list at a key position', async () => {
    // the end of the heard indicator: a new key in the indicator mapping
    await goTo(23, 36);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('fre');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.editor-widget.suggest-widget.visible');
    await suggest.waitFor({ timeout: 30_000 });
    await expect.poll(() => suggest.locator('.monaco-list-row').allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringContaining('frequency')]));
    await shot('03-completion');
    await page.keyboard.press('Escape');
    // undo the typing so the document is as it was
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Z');
  });

  step('applies a quick fix', async () => {
    await goTo(3, 5);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-widget .action-label', { hasText: 'Add a safeguarding section' }).first();
    await fix.waitFor({ timeout: 30_000 });
    await shot('04-quick-fix-menu');
    // the menu has focus on its first fix; a click would be caught by the menu's pointer guard
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: 'safeguarding:' }).first().waitFor({ timeout: 30_000 });
    // the problem it fixed goes away from the Problems panel
    await expect
      .poll(async () => (await page.locator('.markers-panel .monaco-list-row').allTextContents()).some((t) => t.includes('has no safeguarding section')), { timeout: 60_000 })
      .toBe(false);
    await shot('04-quick-fix-applied');
  });

  step('opens the preview beside the editor with the outcomes table', async () => {
    await page.locator('.markers-panel').waitFor();
    await page.keyboard.press('Control+J'); // hide the panel: more room for the editor and the preview
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await openFile(EXAMPLE);
    await runCommand('commspec: Open Preview to the Side');
    const frame = previewFrame();
    const table = frame.locator('table.outcomes-table');
    await table.waitFor({ timeout: 60_000 });
    await expect.poll(() => table.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['Young people in care live in homes that last, with as few moves as possible.']));
    const example = fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8');
    const indicators = (example.match(/^ {6}- id: /gm) ?? []).length;
    expect(indicators).toBeGreaterThan(5);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(indicators);
    // the preview re-renders when diagnostics arrive: scroll again if the heading was replaced mid-scroll
    await expect
      .poll(async () => {
        try {
          await frame.locator('#outcomes').scrollIntoViewIfNeeded({ timeout: 2000 });
          return true;
        } catch {
          return false;
        }
      })
      .toBe(true);
    await shot('05-preview');
  });

  step('the preview follows the editor as it scrolls', async () => {
    const frame = previewFrame();
    const scrollY = () => frame.locator('html').evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
    const before = await scrollY();
    // put the editor on the safeguarding section: the preview scrolls to it
    const line = fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8').split('\n').indexOf('safeguarding:') + 1;
    expect(line).toBeGreaterThan(100);
    await page.locator('.tab', { hasText: EXAMPLE }).first().click();
    await goTo(line, 1); // revealed in the middle of the editor
    // scroll the editor (not the cursor) until the section is near the top: Ctrl+Down scrolls by a line
    const top = async () => Number(await page.locator('.monaco-editor .line-numbers').first().textContent());
    for (let i = 0; i < 60 && (await top()) < line - 1; i++) await page.keyboard.press('Control+ArrowDown');
    await expect.poll(scrollY, { timeout: 20_000 }).not.toBe(before);
    const heading = frame.locator('h2', { hasText: /^Safeguarding$/ });
    await expect.poll(async () => Math.abs((await heading.boundingBox())?.y ?? 9999), { timeout: 20_000 }).toBeLessThan(250);
    await shot('06-preview-scrolled');
  });
});
