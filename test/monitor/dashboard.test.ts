// The HTML dashboard opened in Chromium: the charts render (non-empty SVG with value points and a target line),
// and every chart has its data table. Needs /usr/bin/chromium (or CHROMIUM=/path/to/chrome).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { commspec, workspace } from '../cli/run';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const fixtures = path.join(__dirname, 'fixtures');
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
});

describe('commspec monitor --format html', () => {
  it('writes a self-contained dashboard whose charts render in Chromium, each with a data table', async () => {
    const dir = workspace({
      'spec.commspec.yaml': readFileSync(path.join(fixtures, 'spec.commspec.yaml'), 'utf8'),
      // a provider name with markup: escaped, never run
      'r.commspec.yaml': readFileSync(path.join(fixtures, 'return.commspec.yaml'), 'utf8').replace('name: Test Provider', 'name: "<script>alert(1)</script> & Sons"'),
    });
    const r = commspec(['monitor', 'spec.commspec.yaml', 'r.commspec.yaml', '--format', 'html', '-o', 'dashboard.html'], { cwd: dir });
    expect(r.stderr).toBe('commspec: Wrote the html report to dashboard.html\n');
    expect(r.status).toBe(0);
    const html = readFileSync(path.join(dir, 'dashboard.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons');
    expect(html).not.toMatch(/(src|href)="https?:/);

    const page = await browser!.newPage();
    const blocked: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) blocked.push(req.url());
    });
    await page.goto(pathToFileURL(path.join(dir, 'dashboard.html')).href);
    const charts = await page.$$eval('svg[role="img"]', (svgs) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        const next = s.closest('figure')?.nextElementSibling;
        return {
          indicator: s.getAttribute('data-indicator'),
          width: box.width,
          height: box.height,
          points: s.querySelectorAll('circle.point').length,
          target: s.querySelector('polyline.target')?.getAttribute('points')?.split(' ').length ?? 0,
          baseline: s.querySelectorAll('line.baseline').length,
          label: s.getAttribute('aria-labelledby'),
          tableFor: next?.tagName === 'TABLE' ? next.getAttribute('data-indicator') : null,
          rows: next?.querySelectorAll('tbody tr').length ?? 0,
        };
      }),
    );
    expect(charts.map((c) => c.indicator)).toEqual(['stability', 'moves', 'attendance']);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.height).toBeGreaterThan(150);
      expect(c.points).toBe(4); // four quarters, one point each
      expect(c.target).toBe(4);
      expect(c.baseline).toBe(1);
      expect(c.label).toMatch(/chart-\d+-title chart-\d+-desc/);
      expect(c.tableFor).toBe(c.indicator);
      expect(c.rows).toBe(4);
    }
    // the status table: one row per indicator, a column per period
    const status = await page.$$eval('table.status-table tbody tr', (rows) => rows.map((r) => Array.from(r.children).map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())));
    expect(status[0]).toEqual(['stability', 'safe-homes', '✔ On track 65%', '▲ At risk 63.6%', '✖ Off track 60%', '✔ On track 85%']);
    // the stability point for 2026-09-30 is drawn in the off-track colour, below the target line
    const off = await page.$eval('svg[data-indicator="stability"] circle.off-track', (c) => ({ fill: c.getAttribute('fill'), title: c.querySelector('title')?.textContent }));
    expect(off).toEqual({ fill: '#b3261e', title: '2026-09-30: 60% (Off track)' });
    expect(await page.$$eval('table.payments tbody tr', (r) => r.length)).toBe(12);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
