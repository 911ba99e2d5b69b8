// Contract monitoring as a library: a specification and its returns in, a report out (pure: no file system).
import { readDocument } from '../document';
import { readContract, type Contract } from './contract';
import { evaluateIndicators, resolveReturns, rollUps, statusRank, type IndicatorResult, type ReturnFinding, type RollUp, type Status } from './evaluate';
import { evaluatePayments, type PaymentResult } from './payments';
import { readReturn, type ReturnFile } from './returns';

export { readReturn, readReturnCsv, readReturnYaml, parseNumber, parsePeriod, excelSerialToIso, type ReturnFile, type ReturnRow } from './returns';
export { readContract, type Contract } from './contract';
export { goalOf, expectedAt, statusOf, statusWords, type Status, type IndicatorResult, type RollUp, type ReturnFinding } from './evaluate';
export type { PaymentResult } from './payments';
export { monitorText, monitorMarkdown, monitorHtml, monitorJson } from './report';

export interface MonitorOptions {
  /** Per cent of the expected value an indicator may fall short by and be at-risk rather than off-track. Default: the return's `tolerance:`, else 10. */
  tolerance?: number;
}

export interface MonitorReport {
  specification: { uri: string; id?: string; title?: string; version?: string; term?: { start?: string; end?: string } };
  returns: Array<{ uri: string; format: 'yaml' | 'csv'; provider?: string; title?: string; rows: number }>;
  provider?: string;
  tolerance: number;
  periods: Array<{ period: string; label?: string }>;
  indicators: Array<{ id: string; outcome: string; definition?: string; unit?: string; polarity?: string; target?: string; baseline?: { value?: number; date?: string }; latest: Status }>;
  results: IndicatorResult[];
  outcomes: RollUp[];
  tiers: RollUp[];
  payments: PaymentResult[];
  paymentClauses: Array<{ id: string; type?: string; rule?: string; cap?: string; total: number; workedOut: number; notWorkedOut: number }>;
  findings: ReturnFinding[];
  summary: { 'on-track': number; 'at-risk': number; 'off-track': number; 'no-data': number; errors: number; warnings: number; totalDue: number };
  contract: Contract;
}

/** Evaluates returns against a specification. The specification and each return are given as text with their uri. */
export function monitor(spec: { uri: string; text: string }, returns: ReadonlyArray<{ uri: string; text: string }>, options: MonitorOptions = {}): MonitorReport {
  const doc = readDocument(spec.uri, spec.text);
  const contract = readContract(spec.uri, doc.value);
  const files: ReturnFile[] = returns.map((r) => readReturn(r.uri, r.text));
  const findings: ReturnFinding[] = [];
  for (const f of files) for (const x of f.findings) findings.push({ ...x, uri: f.uri, row: (x as ReturnFinding).row });
  for (const f of files) {
    const s = f.specification;
    if (s?.id && contract.id && s.id !== contract.id)
      findings.push({ uri: f.uri, ruleId: 'returns/specification', severity: 'error', message: `This return is for the specification '${s.id}', not '${contract.id}': monitor it against its own specification`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: { start: 0, end: 0 } });
    else if (s?.version && contract.version && String(s.version) !== String(contract.version))
      findings.push({ uri: f.uri, ruleId: 'returns/specification', severity: 'warning', message: `This return names version ${s.version} of ${contract.id}, but the specification is version ${contract.version}: check the targets have not changed`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: { start: 0, end: 0 } });
  }
  const resolved = resolveReturns(contract, files);
  for (const f of resolved.findings) findings.push(f); // not push(...list): a long list overflows the stack
  const tolerance = options.tolerance ?? files.find((f) => f.tolerance !== undefined)?.tolerance ?? 10;
  const results = evaluateIndicators(contract, resolved, tolerance);
  const { outcomes, tiers } = rollUps(contract, results, resolved.periods);
  const payments = evaluatePayments(contract, resolved);
  const latestOf = new Map<string, IndicatorResult>();
  for (const r of results) {
    if (r.status === 'no-data') continue;
    const cur = latestOf.get(r.indicator);
    if (!cur || r.period > cur.period) latestOf.set(r.indicator, r);
  }
  const indicators = [...contract.indicators.values()].map((i) => {
    const latest: Status = latestOf.get(i.id)?.status ?? 'no-data';
    return { id: i.id, outcome: i.outcome, definition: i.definition, unit: i.unit, polarity: i.polarity, target: i.targetText, baseline: i.baseline, latest };
  });
  const summary = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'no-data': 0, errors: 0, warnings: 0, totalDue: 0 };
  for (const i of indicators) summary[i.latest]++;
  for (const f of findings) if (f.severity === 'error') summary.errors++;
  else if (f.severity === 'warning') summary.warnings++;
  const paymentClauses = contract.payments.map((p) => {
    const mine = payments.filter((x) => x.clause === p.id);
    return { id: p.id, type: p.type, rule: p.ruleText, cap: p.capText, total: mine.length ? mine[mine.length - 1].cumulative : 0, workedOut: mine.filter((x) => x.status === 'due').length, notWorkedOut: mine.filter((x) => x.status !== 'due').length };
  });
  summary.totalDue = Math.round(paymentClauses.reduce((a, p) => a + p.total, 0) * 100) / 100;
  findings.sort((a, b) => a.uri.localeCompare(b.uri) || a.offsets.start - b.offsets.start || a.message.localeCompare(b.message));
  return {
    specification: { uri: spec.uri, id: contract.id, title: contract.title, version: contract.version, term: contract.term },
    returns: files.map((f) => ({ uri: f.uri, format: f.format, provider: f.provider, title: f.title, rows: f.rows.length })),
    provider: files.find((f) => f.provider)?.provider,
    tolerance,
    periods: resolved.periods.map((p) => ({ period: p, label: resolved.labels.get(p) })),
    indicators,
    results,
    outcomes,
    tiers,
    payments,
    paymentClauses,
    findings,
    summary,
    contract,
  };
}

/** 0 when every indicator is on track (or has no data), 1 when any is off track at its latest period, 2 when the input has errors. */
export function monitorExitCode(report: MonitorReport): 0 | 1 | 2 {
  if (report.summary.errors > 0) return 2;
  return report.indicators.some((i) => i.latest === 'off-track') ? 1 : 0;
}

export { statusRank };
