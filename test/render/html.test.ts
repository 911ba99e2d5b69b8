import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { get } from '../../server/src/service/model';
import { renderHtml, renderParts } from '../../server/src/service/render/html';
import { money } from '../../server/src/service/render/format';
import { analyseFile, analyseText, articleById, escaped, exampleFiles, fixturesDir, headingLevels, markupProblems } from './helpers';

const NONCE = 'Zm9yLXRlc3RzLW9ubHktMTIz';
const examples = exampleFiles();

describe('renderHtml on every example', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.some((f) => f.includes('ne-london-residential'))).toBe(true);
  });

  for (const file of examples) {
    const name = path.basename(file);
    describe(name, () => {
      const analysis = analyseFile(file);
      const v = analysis.model.value;
      const html = renderHtml(analysis, { mode: 'standalone' });

      it('is a clean, complete page with one h1 and no skipped heading level', () => {
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
        expect(markupProblems(html, 0)).toEqual([]);
        const levels = headingLevels(html);
        expect(levels.filter((l) => l === 1)).toHaveLength(1);
        expect(levels[0]).toBe(1);
        for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], `heading ${i}`).toBeLessThanOrEqual(1);
        expect(html).toContain(`<h1>${escaped(String(v.title))}</h1>`);
      });

      it('shows every outcome with every indicator, baseline, target and data source', () => {
        const outcomes = get.arr(v.outcomes).map(get.obj);
        expect(outcomes.length).toBeGreaterThan(0);
        for (const o of outcomes) {
          expect(html).toContain(escaped(String(o!.statement)));
          for (const ind of get.arr(o!.indicators).map(get.obj)) {
            expect(html).toContain(escaped(String(ind!.definition)));
            if (typeof ind!.target === 'string') expect(html).toContain(`<code class="expr">${escaped(ind!.target)}</code>`);
            if (typeof ind!.measure === 'string') expect(html).toContain(`<code class="expr">${escaped(ind!.measure)}</code>`);
            if (typeof ind!.data_source === 'string') expect(html).toContain(escaped(ind!.data_source));
            const base = get.obj(ind!.baseline);
            if (base && typeof base.source === 'string') expect(html).toContain(escaped(base.source));
          }
        }
      });

      if (analysis.model.kind === 'specification') {
        it('has the outcomes table, one row per indicator', () => {
          const start = html.indexOf('<table class="outcomes-table">');
          expect(start).toBeGreaterThan(0);
          const tableHtml = html.slice(start, html.indexOf('</table>', start));
          const indicators = get.arr(v.outcomes).flatMap((o) => get.arr(get.obj(o)?.indicators));
          expect(tableHtml.match(/<tr\b/g)!.length).toBe(indicators.length + 1);
          expect(tableHtml).toContain('<th scope="col">Target</th>');
        });

        it('lists the levels of need with thresholds and price ceilings', () => {
          const start = html.indexOf('<table class="tiers">');
          if (v.tiers === undefined && v.tier_model === undefined) {
            expect(start).toBe(-1);
            return;
          }
          expect(start).toBeGreaterThan(0);
          const tiers = html.slice(start, html.indexOf('</table>', start));
          const own = get.arr(v.tiers).map(get.obj);
          for (const t of own) {
            expect(tiers).toContain(escaped(String(t!.label)));
            if (typeof t!.threshold === 'string') expect(tiers).toContain(escaped(t!.threshold));
          }
          if (!own.length) expect(tiers.match(/<tr\b/g)!.length).toBeGreaterThan(2); // from the framework or built-in model
          for (const p of get.arr(get.obj(v.value_for_money)?.prices).map(get.obj)) {
            if (p!.tier !== undefined) expect(tiers).toContain(escaped(money(p!.ceiling)!));
          }
        });

        it('shows safeguarding, award weights and key parts as sections', () => {
          for (const key of ['safeguarding', 'value_for_money', 'governance', 'market', 'risks']) {
            if (v[key] === undefined) continue;
            const heading = { safeguarding: 'Safeguarding', value_for_money: 'Value for money and award', governance: 'Governance and contract management', market: 'Market and lots', risks: 'Risks' }[key];
            expect(html).toMatch(new RegExp(`<h2 id="[a-z0-9-]+">${heading}</h2>`));
          }
          const criteria = get.arr(get.obj(get.obj(v.value_for_money)?.award)?.criteria).map(get.obj);
          for (const c of criteria) expect(html).toContain(`${c!.weight}%`);
          for (const r of get.arr(get.obj(v.safeguarding)?.requirements).map(get.obj)) expect(html).toContain(escaped(String(r!.text)));
          for (const r of get.arr(v.risks).map(get.obj)) expect(html).toContain(escaped(String(r!.description)));
        });
      }

      it('in webview mode marks each outcome and indicator with the line it starts on', () => {
        const page = renderHtml(analysis, { mode: 'webview', nonce: NONCE, cspSource: 'https://file+.vscode-resource.vscode-cdn.net' });
        expect(markupProblems(page, 1)).toEqual([]);
        const lines = analysis.doc.text.split(/\r?\n/);
        let checked = 0;
        for (const m of page.matchAll(/<article class="outcome" aria-labelledby="[^"]+" data-line="(\d+)">/g)) {
          expect(lines[Number(m[1])]).toMatch(/^\s*- (id|outcome):|^\s*-\s*\{/);
          checked++;
        }
        expect(checked).toBe(get.arr(v.outcomes).length || get.arr(v.responses).length);
        for (const m of page.matchAll(/<div class="indicator" data-line="(\d+)">/g)) {
          expect(lines[Number(m[1])]).toMatch(/^\s*- id:|^\s*-\s*\{/);
        }
      });
    });
  }
});

describe('theory of change', () => {
  it('draws needs, activities, outputs and outcomes with a text alternative', () => {
    const analysis = analyseFile(examples.find((f) => f.includes('ne-london-residential'))!);
    const html = renderHtml(analysis, { mode: 'standalone' });
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toMatch(/role="img" aria-labelledby="toc-diagram-title"/);
    expect(svg).toContain('<title id="toc-diagram-title">Theory of change diagram: Need (2) leads to Activities (4) leads to Outputs (3) leads to Outcomes (6).');
    for (const col of ['Need', 'Activities', 'Outputs', 'Outcomes']) expect(svg).toContain(`>${col}</text>`);
    expect(svg.match(/<g class="toc-box">/g)).toHaveLength(2 + 4 + 3 + 6);
    // every activity in full in the text alternative, and in the picture at least its first words
    const tocText = html.slice(html.indexOf('<div class="toc-text">'));
    for (const a of get.arr(get.obj(analysis.model.value.theory_of_change)?.activities)) {
      expect(tocText).toContain(`<li>${escaped(String(a))}</li>`);
      expect(svg).toContain(escaped(String(a).split(' ').slice(0, 2).join(' ')));
    }
  });
});

describe('framework and bid documents', () => {
  it('renders a bid against the specification it answers', () => {
    const analysis = analyseFile(path.join(fixturesDir, 'oakfield-bid.commspec.yaml'));
    expect(analysis.linked.specification).toBeDefined();
    const html = renderHtml(analysis, { mode: 'standalone' });
    expect(markupProblems(html, 0)).toEqual([]);
    expect(html).toContain('<p class="doc-kind">Bid</p>');
    // outcomes are headed with the specification's statements, commitments beside its targets
    expect(html).toContain('<h3 id="response-stable-homes">Young people in care live in homes that last, with as few moves as possible.</h3>');
    const stable = articleById(html, 'response-stable-homes');
    expect(stable).toContain('<code class="expr">&gt;= 87% by 2028-08-31</code>');
    expect(stable).toContain('<code class="expr">&gt;= 85% by 2028-08-31</code>');
    // prices beside the ceilings
    expect(html).toMatch(/£4,150<\/td><td>week<\/td><td class="num">£4,200 per week<\/td>/);
    expect(html).toContain('<span class="badge">Partly compliant</span>');
    expect(html).toContain('Enhanced DBS checks with the children&#39;s barred list for every worker before they start');
  });

  it('renders a framework with its priorities and levels of need', () => {
    const file = examples.find((f) => f.includes('framework'));
    expect(file).toBeDefined();
    const analysis = analyseFile(file!);
    expect(analysis.model.kind).toBe('framework');
    const html = renderHtml(analysis, { mode: 'standalone' });
    expect(markupProblems(html, 0)).toEqual([]);
    expect(html).toContain('<p class="doc-kind">Outcomes framework</p>');
    for (const o of get.arr(analysis.model.value.outcomes).map(get.obj)) {
      expect(html).toContain(escaped(String(o!.statement)));
      expect(html).toContain(`<code>${analysis.model.value.id}/${o!.id}</code>`);
    }
    for (const t of get.arr(analysis.model.value.tiers).map(get.obj)) expect(html).toContain(escaped(String(t!.label)));
  });

  it('renders a model without an analysis: no findings, no line numbers', () => {
    const analysis = analyseFile(examples[0]);
    const html = renderHtml(analysis.model, { mode: 'webview', nonce: NONCE });
    expect(html).not.toContain('data-line=');
    expect(html).not.toContain('class="finding');
    expect(html).toContain(escaped(String(analysis.model.value.title)));
  });

  it('explains a file that is not a commspec document', () => {
    const analysis = analyseText('just: some yaml\n', 'other.commspec.yaml');
    const html = renderHtml(analysis, { mode: 'standalone' });
    expect(html).toContain('<h1>Not a commspec document</h1>');
    expect(html).toMatch(/<li class="finding error">/);
  });
});

describe('findings inline', () => {
  const text = [
    'commspec: 1',
    'kind: specification',
    'id: findings-demo',
    'title: Findings demo',
    'status: draft',
    'commissioner: { lead: London Borough of Havering }',
    'outcomes:',
    '  - id: stable-homes',
    '    statement: Children live in stable homes.',
    '    indicators: []',
    '  - id: second',
    '    statement: Young people are heard.',
    '    indicators:',
    '      - id: heard',
    '        definition: Young people who say they are heard.',
    '        unit: percent',
    '        polarity: higher',
    '        baseline: { value: 50 }',
    '        target: ">= 80% by 2027-13-45"',
    '',
  ].join('\n');
  const analysis = analyseText(text, 'findings-demo.commspec.yaml');

  it('shows every finding exactly once, with a summary count', () => {
    expect(analysis.findings.length).toBeGreaterThan(2);
    const html = renderHtml(analysis, { mode: 'standalone' });
    expect(html.match(/<li class="finding (error|warning|info|hint)">/g)).toHaveLength(analysis.findings.length);
    const errors = analysis.findings.filter((f) => f.severity === 'error').length;
    expect(html).toContain(`commspec found ${errors} error${errors === 1 ? '' : 's'}`);
    for (const f of analysis.findings) expect(html).toContain(escaped(f.message));
  });

  it('puts a finding next to the outcome or indicator it is about', () => {
    const html = renderHtml(analysis, { mode: 'webview', nonce: NONCE });
    const first = articleById(html, 'outcome-stable-homes');
    const inFirst = analysis.findings.filter((f) => f.range.start.line >= 7 && f.range.start.line <= 9);
    expect(inFirst.length).toBeGreaterThan(0);
    for (const f of inFirst) expect(first).toContain(escaped(f.message));
    const target = analysis.findings.filter((f) => f.range.start.line === 18);
    expect(target.length).toBeGreaterThan(0);
    const indicator = html.slice(html.indexOf('<div class="indicator" data-line="13">'));
    expect(indicator.slice(0, indicator.indexOf('</div></article>'))).toContain(escaped(target[0].message));
    expect(html).toContain('<button type="button" class="goto" data-reveal-line="18">Go to line 19</button>');
  });

  it('leaves findings out when asked', () => {
    const html = renderHtml(analysis, { mode: 'standalone', findings: false });
    expect(html).not.toContain('class="finding');
    expect(html).not.toContain('commspec found');
  });
});

describe('webview page security', () => {
  const analysis = analyseFile(examples[0]);

  it('has a strict CSP and runs only its own nonce script', () => {
    const html = renderHtml(analysis, { mode: 'webview', nonce: NONCE, cspSource: 'https://file+.vscode-resource.vscode-cdn.net' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe(
      `default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src https://file+.vscode-resource.vscode-cdn.net data:`.replace(/'/g, '&#39;'),
    );
    const scripts = [...html.matchAll(/<script([^>]*)>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).toBe(` nonce="${NONCE}"`);
    expect(html).toMatch(new RegExp(`<style nonce="${NONCE}">`));
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('needs a real nonce and keeps the cspSource from extending the policy', () => {
    expect(() => renderHtml(analysis, { mode: 'webview' })).toThrow(/nonce/);
    expect(() => renderHtml(analysis, { mode: 'webview', nonce: "abc' 'unsafe-inline" })).toThrow(/nonce/);
    const html = renderHtml(analysis, { mode: 'webview', nonce: NONCE, cspSource: "https://ok.example; script-src * 'unsafe-inline'" });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src *');
    expect(csp.match(/script-src/g)).toHaveLength(1);
  });

  it('the standalone page runs no script at all', () => {
    const html = renderHtml(analysis, { mode: 'standalone' });
    expect(html).not.toContain('<script');
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;"`);
    expect(html).toContain('@media print');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('renderParts gives the webview the title and the content of main', () => {
    const parts = renderParts(analysis, { mode: 'webview', nonce: NONCE });
    expect(parts.title).toBe(String(analysis.model.value.title));
    expect(parts.main.startsWith('<header')).toBe(true);
    expect(parts.main).not.toContain('<script');
  });
});
