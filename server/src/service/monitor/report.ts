// The monitoring report in four shapes: stylish text, JSON (documented in docs/monitoring.md), Markdown, and a
// self-contained HTML dashboard (status table, an SVG trend chart per indicator with a data table for each).
import { formatMoney } from '../../../../grammar/src/text';
import type { MonitorReport } from './index';
import { statusWords, type IndicatorResult, type Status } from './evaluate';

export interface ReportOptions {
  /** How a uri is shown (the CLI shows paths relative to the current folder). */
  displayPath?: (uri: string) => string;
  color?: boolean;
  footer?: string;
}

const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatMoney(Math.round(v * 100) / 100));

function fmt(v: number | undefined, unit: string | undefined): string {
  if (v === undefined) return '—';
  const r = Math.round(v * 10) / 10;
  if (unit === 'percent') return `${r}%`;
  if (unit === 'money') return money(v);
  return r.toLocaleString('en-GB');
}

const symbol: Record<Status, string> = { 'on-track': '✔', 'at-risk': '▲', 'off-track': '✖', 'no-data': '·' };

/** The stable JSON shape (see docs/monitoring.md). */
export function monitorJson(report: MonitorReport, opts: ReportOptions = {}): string {
  const show = opts.displayPath ?? ((u: string) => u);
  const units = new Map(report.indicators.map((i) => [i.id, i.unit]));
  const out = {
    specification: { path: show(report.specification.uri), id: report.specification.id ?? null, version: report.specification.version ?? null, title: report.specification.title ?? null, term: report.specification.term ?? null },
    returns: report.returns.map((r) => ({ path: show(r.uri), format: r.format, rows: r.rows })),
    provider: report.provider ?? null,
    tolerance: report.tolerance,
    periods: report.periods.map((p) => ({ period: p.period, label: p.label ?? null })),
    summary: report.summary,
    indicators: report.results.map((r) => ({
      indicator: r.indicator,
      outcome: r.outcome,
      period: r.period,
      unit: units.get(r.indicator) ?? null,
      value: r.value ?? null,
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      n: r.n ?? null,
      target: r.expected === undefined ? null : round(r.expected),
      goal: r.goal === undefined ? null : round(r.goal),
      targetText: r.target ?? null,
      status: r.status,
      reason: r.reason,
    })),
    outcomes: report.outcomes.map((o) => ({ outcome: o.id, period: o.period, status: o.status, counts: o.counts })),
    tiers: report.tiers.map((t) => ({ tier: t.id, period: t.period, status: t.status, counts: t.counts })),
    payments: report.payments.map((p) => ({ clause: p.clause, type: p.type ?? null, period: p.period, status: p.status, amountDue: p.amountDue, uncapped: p.uncapped, cap: p.cap, capBasis: p.capBasis ?? null, cumulative: p.cumulative, explanation: p.explanation })),
    findings: report.findings.map((f) => ({ path: show(f.uri), ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.range.start.line + 1, column: f.range.start.character + 1, row: f.row ?? null })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function latestResults(report: MonitorReport): Map<string, IndicatorResult> {
  const latest = new Map<string, IndicatorResult>();
  for (const r of report.results) {
    const cur = latest.get(r.indicator);
    if (!cur || r.period > cur.period || (r.period === cur.period && cur.status === 'no-data')) latest.set(r.indicator, r);
  }
  return latest;
}

/** Stylish text for the terminal. */
export function monitorText(report: MonitorReport, opts: ReportOptions = {}): string {
  const show = opts.displayPath ?? ((u: string) => u);
  const c = opts.color;
  const paint = (s: Status, t: string) => (!c ? t : s === 'off-track' ? `\u001b[31m${t}\u001b[39m` : s === 'at-risk' ? `\u001b[33m${t}\u001b[39m` : s === 'on-track' ? `\u001b[32m${t}\u001b[39m` : `\u001b[2m${t}\u001b[22m`);
  const bold = (t: string) => (c ? `\u001b[1m${t}\u001b[22m` : t);
  const lines: string[] = [];
  const spec = report.specification;
  lines.push(bold(`${spec.title ?? spec.id ?? show(spec.uri)}${spec.version ? ` (version ${spec.version})` : ''}`));
  const ps = report.periods;
  lines.push(`${report.provider ? `${report.provider}: ` : ''}${ps.length} period${ps.length === 1 ? '' : 's'}${ps.length ? `, ${ps[0].period} to ${ps[ps.length - 1].period}` : ''}; tolerance ${report.tolerance}%`);
  lines.push('');
  lines.push(bold('Indicators (latest period)'));
  const latest = latestResults(report);
  const w = Math.max(10, ...report.indicators.map((i) => i.id.length));
  for (const i of report.indicators) {
    const r = latest.get(i.id);
    const s = r?.status ?? 'no-data';
    const label = `${symbol[s]} ${statusWords[s]}`.padEnd(11);
    lines.push(`  ${paint(s, label)} ${i.id.padEnd(w)}  ${r?.period ?? ''}  ${r?.value === undefined ? '' : `${fmt(r.value, i.unit)}: `}${r?.reason ?? 'no data'}`);
  }
  if (report.outcomes.length && ps.length) {
    const last = ps[ps.length - 1].period;
    lines.push('');
    lines.push(bold(`Outcomes at ${last}`));
    for (const o of report.outcomes.filter((x) => x.period === last)) {
      lines.push(`  ${paint(o.status, `${symbol[o.status]} ${statusWords[o.status]}`.padEnd(11))} ${o.id}  (${o.counts['on-track']} on track, ${o.counts['at-risk']} at risk, ${o.counts['off-track']} off track, ${o.counts['no-data']} no data)`);
    }
    const tiers = report.tiers.filter((x) => x.period === last);
    if (tiers.length) {
      lines.push('');
      lines.push(bold(`Tiers at ${last}`));
      for (const t of tiers) lines.push(`  ${paint(t.status, `${symbol[t.status]} ${statusWords[t.status]}`.padEnd(11))} ${t.id}  (${t.members.length} outcomes: ${t.counts['off-track']} off track, ${t.counts['at-risk']} at risk)`);
    }
  }
  if (report.paymentClauses.length) {
    lines.push('');
    lines.push(bold('Payments'));
    for (const p of report.paymentClauses) {
      lines.push(`  ${p.id}: ${money(p.total)} due in total${p.notWorkedOut ? ` (${p.notWorkedOut} of ${p.workedOut + p.notWorkedOut} periods cannot be worked out)` : ''}`);
      for (const x of report.payments.filter((y) => y.clause === p.id)) {
        if (x.status === 'due' && x.amountDue === 0 && !x.explanation.includes('not paid')) continue;
        lines.push(`    ${x.period}  ${x.explanation}`);
      }
    }
  }
  if (report.findings.length) {
    lines.push('');
    lines.push(bold('Problems in the returns'));
    for (const f of report.findings) {
      const where = f.row ? `row ${f.row}` : `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`  ${show(f.uri)} ${where}  ${f.severity.padEnd(7)} ${f.message}  ${f.ruleId}`);
    }
  }
  const s = report.summary;
  lines.push('');
  lines.push(`${s['on-track']} on track, ${s['at-risk']} at risk, ${s['off-track']} off track, ${s['no-data']} no data; ${money(s.totalDue)} due under the payment clauses${s.errors || s.warnings ? `; ${s.errors} errors and ${s.warnings} warnings in the returns` : ''}`);
  return lines.join('\n') + '\n';
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

/** Markdown: tables for a report or a pull-request comment. */
export function monitorMarkdown(report: MonitorReport, opts: ReportOptions = {}): string {
  const show = opts.displayPath ?? ((u: string) => u);
  const spec = report.specification;
  const out: string[] = [];
  out.push(`# Monitoring: ${mdCell(spec.title ?? spec.id ?? show(spec.uri))}`, '');
  out.push(`${report.provider ? `${mdCell(report.provider)}. ` : ''}${report.periods.length} periods; tolerance ${report.tolerance}%.`, '');
  const s = report.summary;
  out.push(`**${s['on-track']} on track, ${s['at-risk']} at risk, ${s['off-track']} off track, ${s['no-data']} no data.** ${money(s.totalDue)} due under the payment clauses.`, '');
  out.push('## Indicators', '', '| Indicator | Period | Value | Expected | Target | Status | Why |', '|---|---|---|---|---|---|---|');
  const units = new Map(report.indicators.map((i) => [i.id, i.unit]));
  for (const r of report.results) {
    const u = units.get(r.indicator);
    out.push(`| ${mdCell(r.indicator)} | ${r.period} | ${fmt(r.value, u)} | ${fmt(r.expected, u)} | ${mdCell(r.target ?? '')} | ${statusWords[r.status]} | ${mdCell(r.reason)} |`);
  }
  if (report.outcomes.length && report.periods.length) {
    const last = report.periods[report.periods.length - 1].period;
    out.push('', `## Outcomes at ${last}`, '', '| Outcome | Status | On track | At risk | Off track | No data |', '|---|---|---|---|---|---|');
    for (const o of report.outcomes.filter((x) => x.period === last)) out.push(`| ${mdCell(o.id)} | ${statusWords[o.status]} | ${o.counts['on-track']} | ${o.counts['at-risk']} | ${o.counts['off-track']} | ${o.counts['no-data']} |`);
    const tiers = report.tiers.filter((x) => x.period === last);
    if (tiers.length) {
      out.push('', `## Tiers at ${last}`, '', '| Tier | Status | Outcomes off track | Outcomes at risk |', '|---|---|---|---|');
      for (const t of tiers) out.push(`| ${mdCell(t.id)} | ${statusWords[t.status]} | ${t.counts['off-track']} | ${t.counts['at-risk']} |`);
    }
  }
  if (report.payments.length) {
    out.push('', '## Payments', '', '| Clause | Period | Due | Cap | Cumulative | Explanation |', '|---|---|---|---|---|---|');
    for (const p of report.payments) out.push(`| ${mdCell(p.clause)} | ${p.period} | ${money(p.amountDue)} | ${money(p.cap)}${p.capBasis === 'per-year' ? ' a year' : ''} | ${money(p.cumulative)} | ${mdCell(p.explanation)} |`);
  }
  if (report.findings.length) {
    out.push('', '## Problems in the returns', '', '| File | Where | Severity | Problem |', '|---|---|---|---|');
    for (const f of report.findings) out.push(`| ${mdCell(show(f.uri))} | ${f.row ? `row ${f.row}` : `line ${f.range.start.line + 1}`} | ${f.severity} | ${mdCell(f.message)} |`);
  }
  if (opts.footer) out.push('', `_${mdCell(opts.footer)}_`);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// HTML

export function esc(s: unknown): string {
  return String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const css = `
:root{--ok:#1b6e3a;--risk:#8a5a00;--off:#b3261e;--none:#5f6368;--ink:#1f2328;--line:#d0d7de}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}caption{text-align:left;font-weight:600;padding:.25rem 0}
.status{font-weight:600;white-space:nowrap}.on-track{color:var(--ok)}.at-risk{color:var(--risk)}.off-track{color:var(--off)}.no-data{color:var(--none)}
.summary{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}.summary div{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem}
.summary strong{display:block;font-size:1.4rem}
figure{margin:1rem 0 2rem}figcaption{font-weight:600;margin-bottom:.25rem}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
details{margin-bottom:1rem}footer{margin-top:3rem;color:var(--none);font-size:.85rem}
`;

const statusColour: Record<Status, string> = { 'on-track': '#1b6e3a', 'at-risk': '#8a5a00', 'off-track': '#b3261e', 'no-data': '#5f6368' };

function statusCell(s: Status): string {
  return `<td class="status ${s}">${symbol[s]} ${esc(statusWords[s])}</td>`;
}

/** An SVG line chart of an indicator's values against the expected line (the trajectory to the target) and the baseline. */
function chart(report: MonitorReport, indicator: MonitorReport['indicators'][number], rows: IndicatorResult[], index: number): string {
  const W = 640;
  const H = 260;
  const m = { l: 56, r: 36, t: 16, b: 48 }; // r: room for half of the last period label, centred on the last point
  const periods = report.periods.map((p) => p.period);
  const pts = rows.filter((r) => periods.includes(r.period));
  if (pts.length === 0) return '';
  const xs = periods;
  const x = (p: string) => m.l + (xs.length === 1 ? (W - m.l - m.r) / 2 : (xs.indexOf(p) / (xs.length - 1)) * (W - m.l - m.r));
  const vals: number[] = [];
  for (const r of pts) {
    if (r.value !== undefined) vals.push(r.value);
    if (r.expected !== undefined) vals.push(r.expected);
    if (r.goal !== undefined) vals.push(r.goal);
  }
  const base = indicator.baseline?.value;
  if (base !== undefined) vals.push(base);
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (indicator.unit === 'percent') {
    lo = Math.max(0, Math.floor((lo - 5) / 10) * 10);
    hi = Math.min(100, Math.ceil((hi + 5) / 10) * 10);
  } else {
    const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
    lo = lo - pad;
    hi = hi + pad;
    if (lo < 0 && Math.min(...vals) >= 0) lo = 0;
  }
  if (hi === lo) hi = lo + 1;
  const y = (v: number) => m.t + (1 - (v - lo) / (hi - lo)) * (H - m.t - m.b);
  const id = `chart-${index}`;
  const parts: string[] = [];
  parts.push(`<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" data-indicator="${esc(indicator.id)}">`);
  parts.push(`<title id="${id}-title">${esc(indicator.id)}: value by period against the target</title>`);
  parts.push(`<desc id="${id}-desc">Line chart of ${esc(indicator.id)} over ${pts.length} periods; the dashed line is the value expected on the way to the target${base !== undefined ? ', the dotted line the baseline' : ''}. The same figures are in the table below.</desc>`);
  // axes and grid
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eaeef2"/>`);
    parts.push(`<text x="${m.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(v, indicator.unit))}</text>`);
  }
  parts.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="#57606a"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#57606a"/>`);
  xs.forEach((p, i) => {
    if (xs.length > 12 && i % Math.ceil(xs.length / 12) !== 0) return;
    parts.push(`<text x="${x(p).toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle">${esc(p.slice(0, 7))}</text>`);
  });
  if (base !== undefined) parts.push(`<line class="baseline" x1="${m.l}" x2="${W - m.r}" y1="${y(base).toFixed(1)}" y2="${y(base).toFixed(1)}" stroke="#5f6368" stroke-dasharray="2 4" stroke-width="1.5"><title>Baseline ${esc(fmt(base, indicator.unit))}</title></line>`);
  const exp = pts.filter((r) => r.expected !== undefined);
  if (exp.length) parts.push(`<polyline class="target" fill="none" stroke="#1d4f91" stroke-width="2" stroke-dasharray="6 4" points="${exp.map((r) => `${x(r.period).toFixed(1)},${y(r.expected!).toFixed(1)}`).join(' ')}"><title>Expected value on the way to the target</title></polyline>`);
  const got = pts.filter((r) => r.value !== undefined);
  if (got.length > 1) parts.push(`<polyline class="value" fill="none" stroke="#24292f" stroke-width="2.5" points="${got.map((r) => `${x(r.period).toFixed(1)},${y(r.value!).toFixed(1)}`).join(' ')}"/>`);
  for (const r of got) parts.push(`<circle class="point ${r.status}" cx="${x(r.period).toFixed(1)}" cy="${y(r.value!).toFixed(1)}" r="5" fill="${statusColour[r.status]}"><title>${esc(r.period)}: ${esc(fmt(r.value, indicator.unit))} (${esc(statusWords[r.status])})</title></circle>`);
  // legend
  const ly = H - 14;
  parts.push(`<g class="legend"><line x1="${m.l}" x2="${m.l + 24}" y1="${ly}" y2="${ly}" stroke="#24292f" stroke-width="2.5"/><text x="${m.l + 30}" y="${ly + 4}">Value</text>`);
  parts.push(`<line x1="${m.l + 90}" x2="${m.l + 114}" y1="${ly}" y2="${ly}" stroke="#1d4f91" stroke-width="2" stroke-dasharray="6 4"/><text x="${m.l + 120}" y="${ly + 4}">Target (expected by then)</text>`);
  if (base !== undefined) parts.push(`<line x1="${m.l + 290}" x2="${m.l + 314}" y1="${ly}" y2="${ly}" stroke="#5f6368" stroke-dasharray="2 4" stroke-width="1.5"/><text x="${m.l + 320}" y="${ly + 4}">Baseline</text>`);
  parts.push('</g></svg>');
  return parts.join('');
}

/** A self-contained dashboard: no scripts, no external assets, every value escaped. */
export function monitorHtml(report: MonitorReport, opts: ReportOptions = {}): string {
  const show = opts.displayPath ?? ((u: string) => u);
  const spec = report.specification;
  const title = `Monitoring: ${spec.title ?? spec.id ?? show(spec.uri)}`;
  const s = report.summary;
  const h: string[] = [];
  h.push('<!doctype html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  h.push(`<title>${esc(title)}</title>`, `<style>${css}</style>`, '</head>', '<body>', '<main>');
  h.push(`<h1>${esc(title)}</h1>`);
  const ps = report.periods;
  h.push(`<p>${report.provider ? `${esc(report.provider)}. ` : ''}${ps.length} periods${ps.length ? `, ${esc(ps[0].period)} to ${esc(ps[ps.length - 1].period)}` : ''}. An indicator is at risk when it falls short of the value expected by then by no more than ${esc(report.tolerance)}% of it.</p>`);
  h.push('<div class="summary" role="list">');
  for (const [k, label] of [['on-track', 'On track'], ['at-risk', 'At risk'], ['off-track', 'Off track'], ['no-data', 'No data']] as const) h.push(`<div role="listitem" class="${k}"><strong>${s[k]}</strong>${label}</div>`);
  h.push(`<div role="listitem"><strong>${esc(money(s.totalDue))}</strong>due under the payment clauses</div>`, '</div>');

  // status table: indicators × periods
  h.push('<h2 id="status">Status by period</h2>');
  h.push(`<table class="status-table"><caption>Each indicator's status at each period (latest on the right)</caption><thead><tr><th scope="col">Indicator</th><th scope="col">Outcome</th>${ps.map((p) => `<th scope="col">${esc(p.label ?? p.period)}</th>`).join('')}</tr></thead><tbody>`);
  const byKey = new Map(report.results.map((r) => [`${r.indicator}\u0000${r.period}`, r]));
  for (const i of report.indicators) {
    h.push(`<tr><th scope="row">${esc(i.id)}</th><td>${esc(i.outcome)}</td>`);
    for (const p of ps) {
      const r = byKey.get(`${i.id}\u0000${p.period}`);
      if (!r) h.push('<td class="no-data">—</td>');
      else h.push(`<td class="status ${r.status}" title="${esc(r.reason)}">${symbol[r.status]} ${esc(statusWords[r.status])}${r.value !== undefined ? `<br><span>${esc(fmt(r.value, i.unit))}</span>` : ''}</td>`);
    }
    h.push('</tr>');
  }
  h.push('</tbody></table>');

  if (report.outcomes.length && ps.length) {
    const last = ps[ps.length - 1].period;
    h.push(`<h2 id="outcomes">Outcomes and tiers at ${esc(last)}</h2>`);
    h.push('<table><caption>Outcomes: the worst latest status of their indicators</caption><thead><tr><th scope="col">Outcome</th><th scope="col">Status</th><th scope="col">On track</th><th scope="col">At risk</th><th scope="col">Off track</th><th scope="col">No data</th></tr></thead><tbody>');
    for (const o of report.outcomes.filter((x) => x.period === last)) h.push(`<tr><th scope="row">${esc(o.id)}</th>${statusCell(o.status)}<td>${o.counts['on-track']}</td><td>${o.counts['at-risk']}</td><td>${o.counts['off-track']}</td><td>${o.counts['no-data']}</td></tr>`);
    h.push('</tbody></table>');
    const tiers = report.tiers.filter((x) => x.period === last);
    if (tiers.length) {
      h.push('<table><caption>Tiers: the worst status of the outcomes that apply to them</caption><thead><tr><th scope="col">Tier</th><th scope="col">Status</th><th scope="col">Outcomes</th><th scope="col">Off track</th><th scope="col">At risk</th></tr></thead><tbody>');
      for (const t of tiers) h.push(`<tr><th scope="row">${esc(t.id)}</th>${statusCell(t.status)}<td>${t.members.length}</td><td>${t.counts['off-track']}</td><td>${t.counts['at-risk']}</td></tr>`);
      h.push('</tbody></table>');
    }
  }

  if (report.payments.length) {
    h.push('<h2 id="payments">Payments</h2>');
    h.push('<table class="payments"><caption>Amount due under each payment clause, per period and cumulatively</caption><thead><tr><th scope="col">Clause</th><th scope="col">Period</th><th scope="col">Due</th><th scope="col">Cap</th><th scope="col">Cumulative</th><th scope="col">Explanation</th></tr></thead><tbody>');
    for (const p of report.payments) h.push(`<tr><th scope="row">${esc(p.clause)}</th><td>${esc(p.period)}</td><td>${esc(money(p.amountDue))}</td><td>${esc(money(p.cap))}${p.capBasis === 'per-year' ? ' a year' : ''}</td><td>${esc(money(p.cumulative))}</td><td>${esc(p.explanation)}</td></tr>`);
    h.push('</tbody></table>');
  }

  h.push('<h2 id="trends">Trends</h2>');
  report.indicators.forEach((i, n) => {
    const rows = report.results.filter((r) => r.indicator === i.id && (r.value !== undefined || r.expected !== undefined));
    if (!rows.some((r) => r.value !== undefined)) {
      h.push(`<section class="indicator" id="ind-${esc(i.id)}"><h3>${esc(i.id)}</h3><p>No values reported yet.</p></section>`);
      return;
    }
    h.push(`<section class="indicator" id="ind-${esc(i.id)}"><h3>${esc(i.id)}</h3>`);
    if (i.definition) h.push(`<p>${esc(i.definition)} Target: <code>${esc(i.target ?? '')}</code>${i.baseline?.value !== undefined ? `; baseline ${esc(fmt(i.baseline.value, i.unit))}${i.baseline.date ? ` (${esc(i.baseline.date)})` : ''}` : ''}.</p>`);
    h.push(`<figure><figcaption>${esc(i.id)} by period</figcaption>${chart(report, i, rows, n)}</figure>`);
    h.push(`<table class="chart-data" data-indicator="${esc(i.id)}"><caption>Data for the chart of ${esc(i.id)}</caption><thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Expected by then</th><th scope="col">Baseline</th><th scope="col">Status</th><th scope="col">Why</th></tr></thead><tbody>`);
    for (const r of rows) h.push(`<tr><th scope="row">${esc(r.period)}</th><td>${esc(fmt(r.value, i.unit))}</td><td>${esc(fmt(r.expected, i.unit))}</td><td>${esc(fmt(i.baseline?.value, i.unit))}</td>${statusCell(r.status)}<td>${esc(r.reason)}</td></tr>`);
    h.push('</tbody></table></section>');
  });

  if (report.findings.length) {
    h.push('<h2 id="problems">Problems in the returns</h2><table><caption>What could not be read or does not fit the specification</caption><thead><tr><th scope="col">File</th><th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Problem</th></tr></thead><tbody>');
    for (const f of report.findings) h.push(`<tr><td>${esc(show(f.uri))}</td><td>${f.row ? `row ${f.row}` : `line ${f.range.start.line + 1}`}</td><td>${esc(f.severity)}</td><td>${esc(f.message)}</td></tr>`);
    h.push('</tbody></table>');
  }
  h.push('</main>');
  if (opts.footer) h.push(`<footer>${esc(opts.footer)}</footer>`);
  h.push('</body>', '</html>');
  return h.join('\n') + '\n';
}
