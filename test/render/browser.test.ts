/**
 * The rendered HTML in a real browser (Debian's Chromium, headless, through playwright-core):
 * no script from document text runs, no request leaves the page, axe-core finds no accessibility
 * violations, the webview script works under its CSP, and the print stylesheet applies.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`) or CHROMIUM=/path/to/chrome.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../server/src/service/render/html';
import { analyseFile, analyseText, exampleFiles, fixturesDir, root } from './helpers';
import { bidWith, frameworkWith, payloads, specificationWith, yamlOf } from './payloads';

// The callbacks below run in the page. The project compiles without the DOM library, so declare
// what they use here (module scope: nothing leaks into the rest of the program).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const NONCE = 'YnJvd3Nlci10ZXN0LW5vbmNl';
const ORIGIN = 'http://commspec.test';
const shots = path.join(root, 'test-results/render');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let context: BrowserContext;
/** Pages served by the test, by path. Every other request is recorded and refused. */
const served = new Map<string, string>();
const remote: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM`);
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const html = url.origin === ORIGIN ? served.get(url.pathname) : undefined;
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    remote.push(route.request().url());
    return route.abort();
  });
  // What a webview provides, and a record of what the page does.
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__messages = [];
    w.__violations = [];
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => (w.__messages as unknown[]).push(m),
      getState: () => undefined,
      setState: () => undefined,
    });
    document.addEventListener('securitypolicyviolation', (e: any) => (w.__violations as string[]).push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function open(name: string, html: string, reuse?: Page): Promise<Page> {
  served.set(`/${name}.html`, html);
  const page = reuse ?? (await context.newPage());
  await page.goto(`${ORIGIN}/${name}.html`, { waitUntil: 'load' });
  return page;
}

async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

const themes: Record<string, Record<string, string>> = {
  // VS Code's Dark Modern and Light Modern values for the variables the preview uses
  dark: {
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-textCodeBlock-background': '#2b2b2b',
    '--vscode-editorWidget-background': '#202020',
    '--vscode-editorWidget-border': '#616161',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-editorError-foreground': '#f85149',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-focusBorder': '#0078d4',
  },
  light: {
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#3b3b3b',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-textCodeBlock-background': '#f8f8f8',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-editorError-foreground': '#e51400',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-editorInfo-foreground': '#1a85ff',
    '--vscode-focusBorder': '#005fb8',
  },
};

describe('document text never runs or fetches anything in a browser', () => {
  const kinds = { specification: specificationWith, framework: frameworkWith, bid: bidWith } as const;
  for (const [kind, make] of Object.entries(kinds)) {
    it(`${kind}: ${payloads.length} payloads, standalone and webview`, async () => {
      let page: Page | undefined;
      for (const [i, payload] of payloads.entries()) {
        const analysis = analyseText(yamlOf(make(payload)), `payload-${kind}-${i}.commspec.yaml`);
        for (const mode of ['standalone', 'webview'] as const) {
          remote.length = 0;
          page = await open(`${kind}-${i}-${mode}`, renderHtml(analysis, { mode, nonce: NONCE }), page);
          await page.waitForTimeout(20); // let animations and toggles that start on load fire
          const state = await page.evaluate(() => {
            const w = window as unknown as Record<string, unknown>;
            return { pwned: w.__pwned, parentPwned: (window.parent as unknown as Record<string, unknown>).__pwned, violations: w.__violations, frames: document.querySelectorAll('iframe, object, embed, img, link, base, form').length };
          });
          expect(state, `${kind} payload ${i} (${mode})`).toEqual({ pwned: undefined, parentPwned: undefined, violations: [], frames: 0 });
          expect(remote, `${kind} payload ${i} (${mode})`).toEqual([]);
        }
      }
      await page?.close();
    }, 120_000);
  }
});

describe('accessibility (axe-core) and look', () => {
  const documents = [...exampleFiles(), path.join(fixturesDir, 'oakfield-bid.commspec.yaml')];
  for (const file of documents) {
    const name = path.basename(file).replace(/\.commspec\.ya?ml$/, '');
    it(`${name}: no violations, standalone and in the preview's dark and light themes`, async () => {
      const analysis = analyseFile(file);
      remote.length = 0;
      const standalone = await open(`${name}`, renderHtml(analysis, { mode: 'standalone', footer: 'Generated by commspec' }));
      expect(await axe(standalone)).toEqual([]);
      await standalone.screenshot({ path: path.join(shots, `${name}.png`) });
      await standalone.close();
      for (const [theme, vars] of Object.entries(themes)) {
        const page = await open(`${name}-${theme}`, renderHtml(analysis, { mode: 'webview', nonce: NONCE }));
        await page.evaluate(
          ({ vars, theme }) => {
            for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
            document.body.classList.add(`vscode-${theme}`);
          },
          { vars, theme },
        );
        expect(await axe(page), theme).toEqual([]);
        if (name.startsWith('ne-london-residential')) {
          await page.evaluate(() => document.getElementById('outcomes')?.scrollIntoView());
          await page.screenshot({ path: path.join(shots, `${name}-${theme}.png`) });
        }
        expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
        await page.close();
      }
      expect(remote).toEqual([]);
    }, 60_000);
  }
});

describe('the webview script under its CSP', () => {
  it('applies its styles, scrolls to a line, reports scrolling, opens lines and takes updates', async () => {
    const file = exampleFiles().find((f) => f.includes('ne-london-residential'))!;
    const analysis = analyseFile(file);
    const page = await open('webview-script', renderHtml(analysis, { mode: 'webview', nonce: NONCE }));
    // the nonce'd stylesheet applied
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('section h2')!).borderBottomStyle)).toBe('solid');
    // editor → preview: scroll to the line of the second outcome
    const lines = analysis.doc.text.split('\n');
    const line = lines.findIndex((l) => l.includes('- id: close-to-home'));
    await page.evaluate((line) => window.postMessage({ type: 'scrollToLine', line }, '*'), line);
    await page.waitForFunction(() => window.scrollY > 0);
    const top = await page.evaluate(() => document.querySelector('article[aria-labelledby="outcome-close-to-home"]')!.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(40);
    // preview → editor: a user scroll reports the line at the top
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      (window as unknown as { __messages: unknown[] }).__messages.length = 0;
      document.querySelector('article[aria-labelledby="outcome-young-people-heard"]')!.scrollIntoView();
    });
    await page.waitForFunction(() => (window as unknown as { __messages: unknown[] }).__messages.length > 0);
    const reported = await page.evaluate(() => (window as unknown as { __messages: Array<{ type: string; line: number }> }).__messages.at(-1));
    expect(reported?.type).toBe('revealLine');
    expect(lines[reported!.line]).toContain('young-people-heard');
    // a finding's button asks the editor to open its line (keyboard: Enter on the focused button)
    const withFinding = analyseText('commspec: 1\nkind: specification\nid: x\ntitle: X\nstatus: draft\ncommissioner: { lead: A council }\noutcomes:\n  - id: a\n    statement: Children are safe.\n    indicators: []\n', 'x.commspec.yaml');
    await page.evaluate((html) => window.postMessage({ type: 'update', html, title: 'X' }, '*'), renderHtml(withFinding, { mode: 'webview', nonce: NONCE }).match(/<main id="cs-main">([\s\S]*)<\/main>/)![1]);
    await page.waitForFunction(() => document.title === 'X');
    await page.evaluate(() => ((window as unknown as { __messages: unknown[] }).__messages.length = 0));
    await page.focus('button.goto');
    await page.keyboard.press('Enter');
    const opened = await page.evaluate(() => (window as unknown as { __messages: Array<{ type: string; line: number }> }).__messages);
    expect(opened[0]?.type).toBe('openLine');
    expect(typeof opened[0]?.line).toBe('number');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await page.close();
  });
});

describe('print', () => {
  it('repeats table headers, breaks pages before major parts and prints to several A4 pages', async () => {
    const file = exampleFiles().find((f) => f.includes('ne-london-residential'))!;
    const page = await open('print', renderHtml(analyseFile(file), { mode: 'standalone' }));
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      thead: getComputedStyle(document.querySelector('thead')!).display,
      part: getComputedStyle(document.querySelector('section.part')!).breakBefore,
      row: getComputedStyle(document.querySelector('tbody tr')!).breakInside,
      skip: getComputedStyle(document.querySelector('.skip')!).display,
    }));
    expect(styles).toEqual({ thead: 'table-header-group', part: 'page', row: 'avoid', skip: 'none' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(5);
    await page.close();
  });
});
