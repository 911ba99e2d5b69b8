import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../server/src/service/export/markdown';
import { specificationTiers } from '../../server/src/service/export/report';
import { get } from '../../server/src/service/model';
import { money } from '../../server/src/service/render/format';
import { analyseFile, analyseText, exampleBids, exampleFiles, exportFixtures } from './helpers';

/** The cells of a GFM table row: split at pipes that are not escaped. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The rows (header first, alignment row dropped) of the table under the bold caption. */
function table(md: string, caption: string): string[][] {
  const lines = md.split('\n');
  const at = lines.indexOf(`**${escapeMarkdown(caption)}**`);
  expect(at, `table '${caption}'`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = at + 2; i < lines.length && lines[i].startsWith('|'); i++) if (i !== at + 3) rows.push(cells(lines[i]));
  return rows;
}

const code = (s: string) => `\`${s}\``;

describe('Markdown for every example specification', () => {
  for (const file of exampleFiles()) {
    const analysis = analyseFile(file);
    if (analysis.model.kind !== 'specification') continue;
    const v = analysis.model.value;
    const md = renderMarkdown(analysis);
    describe(path.basename(file), () => {
      it('has one title heading and the parts as second-level headings', () => {
        const h1 = md.split('\n').filter((l) => /^# /.test(l));
        expect(h1).toEqual([`# ${escapeMarkdown(String(v.title))}`]);
        for (const h of ['## Outcomes', '## Safeguarding', '## Value for money and award']) expect(md.split('\n')).toContain(h);
      });

      it('has a heading for every outcome and every indicator, with its target, baseline and data source', () => {
        const lines = md.split('\n');
        const outcomes = get.arr(v.outcomes).map((o) => get.obj(o)!);
        expect(outcomes.length).toBeGreaterThan(0);
        const glance = table(md, 'Outcomes and indicators at a glance');
        expect(glance[0]).toEqual(['Outcome', 'Indicator', 'Baseline', 'Target', 'Data source']);
        let row = 1;
        for (const o of outcomes) {
          expect(lines).toContain(`### ${escapeMarkdown(String(o.statement))}`);
          for (const ind of get.arr(o.indicators).map((x) => get.obj(x)!)) {
            expect(lines).toContain(`#### Indicator: ${escapeMarkdown(String(ind.definition))}`);
            expect(md).toContain(`- **Target:** ${code(String(ind.target))}`);
            if (typeof ind.data_source === 'string') expect(md).toContain(`- **Data source:** ${escapeMarkdown(ind.data_source)}`);
            // the at-a-glance table has one row per indicator, in order
            expect(glance[row][0]).toBe(escapeMarkdown(String(o.statement)));
            expect(glance[row][1]).toBe(escapeMarkdown(String(ind.definition)));
            expect(glance[row][3]).toBe(code(String(ind.target)));
            row++;
          }
        }
        expect(glance).toHaveLength(row);
      });

      it('has a row for every level of need, with its price ceilings', () => {
        const { tiers } = specificationTiers(v, analysis);
        if (!tiers.length) {
          expect(v.tiers === undefined && v.tier_model === undefined).toBe(true);
          expect(md).not.toContain('Levels of need, access thresholds');
          return;
        }
        const rows = table(md, 'Levels of need, access thresholds and price ceilings');
        expect(rows).toHaveLength(tiers.length + 1);
        const prices = get.arr(get.obj(v.value_for_money)?.prices).map((p) => get.obj(p)!);
        tiers.forEach((t, i) => {
          expect(rows[i + 1][0]).toBe(`${escapeMarkdown(t.label ?? t.id)} (${code(t.id)})`);
          for (const p of prices.filter((x) => x.tier === t.id)) expect(rows[i + 1][6]).toContain(escapeMarkdown(money(p.ceiling)!));
        });
      });

      it('lists every price ceiling and award criterion with its weight, totalling 100%', () => {
        const vfm = get.obj(v.value_for_money)!;
        const prices = get.arr(vfm.prices).map((p) => get.obj(p)!);
        if (prices.length) {
          const rows = table(md, 'Price ceilings');
          expect(rows).toHaveLength(prices.length + 1);
          prices.forEach((p, i) => expect(rows[i + 1][2]).toBe(escapeMarkdown(money(p.ceiling)!)));
        }
        const criteria = get.arr(get.obj(vfm.award)?.criteria).map((c) => get.obj(c)!);
        const rows = table(md, 'Award criteria and weights');
        expect(rows).toHaveLength(criteria.length + 2);
        criteria.forEach((c, i) => expect(rows[i + 1][2]).toBe(`${c.weight}%`));
        expect(rows[rows.length - 1][2]).toBe('**100%**');
      });

      it('lists every safeguarding and mandatory requirement by id', () => {
        const sg = get.arr(get.obj(v.safeguarding)?.requirements).map((r) => get.obj(r)!);
        const rows = sg.length ? table(md, 'Safeguarding requirements every bid must answer') : [];
        sg.forEach((r, i) => expect(rows[i + 1].slice(0, 2)).toEqual([code(String(r.id)), escapeMarkdown(String(r.text))]));
        for (const r of get.arr(v.requirements).map((x) => get.obj(x)!)) expect(md).toContain(`| ${code(String(r.id))} | ${escapeMarkdown(String(r.text))} |`);
      });
    });
  }
});

describe('Markdown for the framework and the bid', () => {
  it('renders the framework: priorities, shared indicators and levels of need', () => {
    const file = exampleFiles().find((f) => f.includes('havering-framework'))!;
    const analysis = analyseFile(file);
    const md = renderMarkdown(analysis);
    const v = analysis.model.value;
    expect(md).toContain(`# ${escapeMarkdown(String(v.title))}\n\n*Outcomes framework*`);
    for (const o of get.arr(v.outcomes).map((x) => get.obj(x)!)) {
      expect(md.split('\n')).toContain(`### ${escapeMarkdown(String(o.statement))}`);
      expect(md).toContain(code(`${v.id}/${o.id}`));
    }
    const rows = table(md, 'Levels of need');
    expect(rows.slice(1).map((r) => r[0])).toEqual(get.arr(v.tiers).map((t) => `${escapeMarkdown(String(get.obj(t)!.label))} (${code(String(get.obj(t)!.id))})`));
  });

  it('renders the bid next to the specification it answers', () => {
    const analysis = analyseFile(exampleBids()[0]);
    expect(analysis.linked.specification).toBeDefined();
    const md = renderMarkdown(analysis);
    const v = analysis.model.value;
    expect(md).toContain('*Bid*');
    const spec = analysis.linked.specification!.model.value;
    const statements = new Map(get.arr(spec.outcomes).map((o) => [get.obj(o)!.id, get.obj(o)!.statement]));
    for (const r of get.arr(v.responses).map((x) => get.obj(x)!)) {
      expect(md.split('\n')).toContain(`### ${escapeMarkdown(String(statements.get(r.outcome)))}`);
      for (const c of get.arr(r.commitments).map((x) => get.obj(x)!)) expect(md).toContain(code(String(c.target)));
    }
    const prices = table(md, 'Prices bid');
    expect(prices).toHaveLength(get.arr(v.prices).length + 1);
  });
});

describe('Markdown escaping', () => {
  const text = readFileSync(path.join(exportFixtures, 'hostile.commspec.yaml'), 'utf8');
  const md = renderMarkdown(analyseText(text, 'hostile.commspec.yaml'));
  const lines = md.split('\n');

  it('keeps every table row to its columns, whatever pipes and line breaks the values hold', () => {
    const tiers = table(md, 'Levels of need, access thresholds and price ceilings');
    expect(tiers.every((r) => r.length === 7)).toBe(true);
    expect(tiers[1][0]).toBe('Low \\| one (`low`)');
    expect(tiers[1][1]).toBe('First line \\| with a pipe<br>second line \\*with stars\\*');
    const glance = table(md, 'Outcomes and indicators at a glance');
    expect(glance.every((r) => r.length === 5)).toBe(true);
    expect(glance[1][0]).toBe('Children \\| families are safe \\* and well \\<b\\>bold\\</b\\>');
    expect(glance[1][4]).toBe('Returns \\| quarterly');
  });

  it('never lets document text start a heading, list, quote or code block, or raw HTML', () => {
    expect(lines.filter((l) => /^#{1,6} /.test(l))).not.toContain('# Not a heading');
    expect(lines).toContain('\\# Not a heading\\');
    expect(lines).toContain('\\- not a list item\\');
    expect(lines).toContain('1\\. not a numbered item\\');
    expect(lines).toContain('\\> not a quote\\');
    expect(lines.some((l) => /^ {4}/.test(l))).toBe(false);
    expect(md).not.toMatch(/<(script|b)>/);
    expect(md).toContain('\\[not a link\\](javascript:alert(1))');
    expect(md).toContain('\\&amp; stays as written');
    expect(lines[0]).toBe('# Pipes \\| stars \\* and \\<script\\>alert(1)\\</script\\> \\# in a title');
  });

  it('escapes backticks in code spans with a longer fence', () => {
    const md2 = renderMarkdown(analyseText(text.replace('">= 50% by 2027-03-31"', '">= 50% `by` 2027"'), 'hostile.commspec.yaml'));
    expect(md2).toContain('- **Target:** ``>= 50% `by` 2027``');
  });
});

describe('prices with a period', () => {
  it('say what the price covers and for how long, in the tender, OCDS and the diff', async () => {
    const nelcp = readFileSync(path.join(__dirname, '..', '..', 'examples', 'ne-london-residential.commspec.yaml'), 'utf8');
    const before = nelcp.replace('{ tier: low, ceiling: 4200, per: week }', '{ tier: low, ceiling: 4200, per: placement, period: week }');
    expect(before).not.toBe(nelcp);
    const a = analyseText(before);
    expect(a.findings.filter((f) => f.ruleId.startsWith('schema/'))).toEqual([]);
    expect(renderMarkdown(a)).toContain('£4,200 per placement per week');
    const { toOcds } = await import('../../server/src/service/export/ocds');
    const release = (toOcds(a).package.releases as unknown[])[0] as { tender: { items: Array<{ id: string; unit?: { name?: string } }> } };
    const items = release.tender.items;
    expect(items.filter((i) => i.unit?.name === 'placement per week').map((i) => i.id)).toContain('low-lot-outer-east-placement-per-week');
    const { diffSpecifications } = await import('../../server/src/service/export/diff');
    const after = analyseText(before.replace('per: placement, period: week }', 'per: placement, period: year }'));
    expect(JSON.stringify(diffSpecifications(a.model, after.model))).toContain('per placement per year');
  });
});

describe('eligibility', () => {
  it('is an expression checked like a threshold and shown in the needs section', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', 'examples', 'short-breaks-disabled-children.commspec.yaml'), 'utf8');
    const a = analyseText(text);
    expect(a.model.expressions.find((e) => e.path.join('.') === 'needs.eligibility')?.kind).toBe('threshold');
    expect(renderMarkdown(a)).toContain('- **Eligibility:** `age in 5..18 and (has_ehcp or on_disability_register)`');
    const unknown = analyseText(text.replace('(has_ehcp or', '(has_ehcpp or'));
    expect(unknown.findings.find((f) => f.ruleId === 'expressions/references')?.message).toContain("unknown name 'has_ehcpp'");
  });
});
