#!/usr/bin/env node
// Renders the HTML monitoring dashboard of the bundled NELCP example in Chromium and saves two screenshots
// for docs/monitoring.md: its top (the summary and the status of every indicator at every period) and its
// first trend chart (value against the target line and the baseline).
//
//   node scripts/screenshot-dashboard.mjs [out.png]
//
// writes out.png (default docs/images/monitoring-dashboard.png) and out-trend.png beside it.
//
// Needs a build (npm run build) and Chromium at /usr/bin/chromium (or CHROMIUM=/path/to/chrome).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'images', 'monitoring-dashboard.png'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js not found: run npm run build first');
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: set CHROMIUM=/path/to/chrome`);

const dir = mkdtempSync(path.join(tmpdir(), 'commspec-dashboard-'));
const html = path.join(dir, 'dashboard.html');
try {
  try {
    execFileSync(process.execPath, [cli, 'monitor', 'examples/ne-london-residential.commspec.yaml', 'examples/returns/ne-london-residential.return.commspec.yaml', '--format', 'html', '-o', html], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    // exit 1 means an indicator is off track: the report is still written
    if (e.status !== 1 || !existsSync(html)) throw e;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, deviceScaleFactor: 1 });
    // the dashboard is self-contained: refuse anything that is not the file itself
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('svg[role="img"]');
    const box = await page.evaluate(() => {
      const heading = (text) => [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim().startsWith(text));
      const top = (el) => el.getBoundingClientRect().top + window.scrollY;
      const outcomes = heading('Outcomes and tiers');
      const trends = heading('Trends');
      const chart = document.querySelector('svg[role="img"]');
      if (!outcomes || !trends || !chart) throw new Error('the dashboard has no status table or no trend chart');
      return { width: document.documentElement.clientWidth, statusEnd: top(outcomes) - 16, trendsStart: top(trends) - 16, chartEnd: top(chart) + chart.getBoundingClientRect().height + 24 };
    });
    mkdirSync(path.dirname(out), { recursive: true });
    const trend = out.replace(/\.png$/, '') + '-trend.png';
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: box.width, height: box.statusEnd } });
    await page.screenshot({ path: trend, fullPage: true, clip: { x: 0, y: box.trendsStart, width: box.width, height: box.chartEnd - box.trendsStart } });
    for (const f of [out, trend]) console.log(`commspec: wrote ${path.relative(process.cwd(), f) || f} (${Math.round(statSync(f).size / 1024)} KB)`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
