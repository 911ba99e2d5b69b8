#!/usr/bin/env node
// Measures the checker on the realistic corpus (test/fixtures/realistic/): documents with defects
// planted on purpose and listed in a sidecar `<name>.defects.yaml`, and clean versions whose list is
// empty. A defect names where it is (`at:` a path, `at: (document)` for something missing from the
// whole document, or `line:`) and, optionally, the rules expected to find it. A finding counts when it
// starts inside that node; a finding of a listed rule also counts on the key of a section containing
// it (a gap between tiers reported on `tiers:`) or, for `(document)`, anywhere. Without `rules:` any
// finding inside the node counts (a reviewer's defect that no rule covers yet). Runs the real CLI (`commspec lint --format json`, default configuration, as a commissioner
// would) and prints, per document and overall, how many planted defects were found (recall) and how
// many findings point at a listed defect (precision); then every missed defect and every false alarm.
//
// Usage: node scripts/eval.mjs [folder] [--json] [--severity hint|info|warning|error]
//   --severity  the lowest severity counted as a finding (default: warning; hints and notes are advice)
// Exit code: 0 when measured, 2 when a defects file is malformed or a path in it names nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const json = args.includes('--json');
const sevIndex = args.indexOf('--severity');
const levels = ['hint', 'info', 'warning', 'error'];
const minSeverity = sevIndex >= 0 ? args[sevIndex + 1] : 'warning';
if (!levels.includes(minSeverity)) fail(`--severity must be one of ${levels.join(', ')}`);
const folder = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--severity') ?? path.join(root, 'test/fixtures/realistic'));

function fail(message) {
  console.error(`eval: ${message}`);
  process.exit(2);
}

/** `safeguarding.checks`, `outcomes[2].indicators[0].baseline` → path segments. */
function parsePath(p) {
  const out = [];
  for (const part of String(p).split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) fail(`cannot read the path '${p}'`);
    if (m[1]) out.push(m[1]);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

/**
 * Lines (1-based, inclusive) from the key of the node at `segs` to the end of its value, and the key
 * lines of the sections that contain it (a rule may rightly report a gap between tiers on `tiers:`).
 */
function linesOf(doc, lc, segs) {
  let node = doc.contents;
  let start;
  const ancestors = [];
  for (const seg of segs) {
    if (start !== undefined) ancestors.push(lc.linePos(start).line);
    if (isMap(node) && typeof seg === 'string') {
      const pair = node.items.find((it) => (isScalar(it.key) ? String(it.key.value) : undefined) === seg);
      if (!pair) return undefined;
      start = pair.key.range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!node) return undefined;
      start = node.range?.[0];
    } else return undefined;
  }
  if (!node?.range && start === undefined) return undefined;
  const from = start ?? node.range[0];
  const to = node?.range ? Math.max(node.range[1] - 1, from) : from;
  return { start: lc.linePos(from).line, end: lc.linePos(to).line, ancestors };
}

function loadDefects(file, known) {
  const v = parseDocument(readFileSync(file, 'utf8')).toJS();
  const where = path.relative(root, file);
  if (!v || typeof v !== 'object' || typeof v.document !== 'string' || !Array.isArray(v.defects)) fail(`${where}: expected 'document:' and a 'defects:' list`);
  const docFile = path.join(path.dirname(file), v.document);
  if (!existsSync(docFile)) fail(`${where}: the document '${v.document}' does not exist`);
  const text = readFileSync(docFile, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: false });
  const defects = v.defects.map((d, i) => {
    const id = `${where} defect ${i + 1}`;
    if (!d || typeof d.what !== 'string' || (d.rules !== undefined && !Array.isArray(d.rules)) || (d.at === undefined && d.line === undefined)) {
      fail(`${id}: each defect needs 'what:' and 'at:' (a path) or 'line:', and optionally 'rules:' (a list of rule ids)`);
    }
    for (const r of d.rules ?? []) if (!known.has(r)) fail(`${id}: '${r}' is not a rule (see commspec rules)`);
    if (d.at === '(document)' && !(d.rules?.length)) fail(`${id}: a defect of the whole document ('at: (document)') must name the rules expected to find it`);
    const lines =
      d.at === '(document)'
        ? { start: 1, end: lc.linePos(text.length).line, ancestors: [] }
        : d.at !== undefined
          ? linesOf(doc, lc, parsePath(d.at))
          : { start: Number(d.line), end: Number(d.line), ancestors: [] };
    if (!lines) fail(`${id}: the path '${d.at}' names nothing in ${v.document}`);
    return { what: d.what, rules: d.rules ?? [], at: d.at ?? `line ${d.line}`, ...lines };
  });
  return { document: docFile, defects };
}

function cli(argv) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'commspec.js'), ...argv], { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) fail(`commspec ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

if (!existsSync(folder)) fail(`no corpus at ${folder}`);
const known = new Set(JSON.parse(cli(['rules', '--format', 'json'])).map((r) => r.id));
const sets = readdirSync(folder).filter((n) => n.endsWith('.defects.yaml')).sort().map((n) => loadDefects(path.join(folder, n), known));
const listed = new Set(sets.map((s) => s.document));
const unlisted = readdirSync(folder).filter((n) => n.endsWith('.commspec.yaml') && !listed.has(path.join(folder, n)));
if (unlisted.length) fail(`documents without a defects file (add <name>.defects.yaml, with 'defects: []' for a clean one): ${unlisted.join(', ')}`);

const results = JSON.parse(cli(['lint', ...sets.map((s) => s.document), '--format', 'json']));
const byFile = new Map(results.map((r) => [path.resolve(folder, r.filePath), r.messages]));

const report = { folder: path.relative(root, folder) || '.', minSeverity, documents: [], totals: { planted: 0, found: 0, findings: 0, matched: 0 } };
for (const s of sets) {
  const findings = (byFile.get(s.document) ?? []).filter((m) => levels.indexOf(m.severity) >= levels.indexOf(minSeverity));
  // a defect listed with rules is found by one of them; one listed without is found by any finding there
  // (or, for a rule listed, a finding on the key of a section that contains it)
  const hits = (d, f) =>
    (d.rules.length === 0 || d.rules.includes(f.ruleId)) && ((f.line >= d.start && f.line <= d.end) || (d.rules.length > 0 && d.ancestors.includes(f.line)));
  const missed = s.defects.filter((d) => !findings.some((f) => hits(d, f)));
  const falseAlarms = findings.filter((f) => !s.defects.some((d) => hits(d, f)));
  const entry = {
    document: path.relative(folder, s.document),
    planted: s.defects.length,
    found: s.defects.length - missed.length,
    findings: findings.length,
    matched: findings.length - falseAlarms.length,
    missed: missed.map((d) => ({ what: d.what, rules: d.rules, at: d.at, lines: `${d.start}-${d.end}` })),
    falseAlarms: falseAlarms.map((f) => ({ ruleId: f.ruleId, line: f.line, severity: f.severity, message: f.message })),
  };
  report.documents.push(entry);
  for (const k of ['planted', 'found', 'findings', 'matched']) report.totals[k] += entry[k];
}
const t = report.totals;
report.totals.recall = t.planted ? t.found / t.planted : 1;
report.totals.precision = t.findings ? t.matched / t.findings : 1;

if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const rows = [['document', 'planted', 'found', 'findings', 'false alarms']];
  for (const d of report.documents) rows.push([d.document, d.planted, d.found, d.findings, d.findings - d.matched]);
  rows.push(['total', t.planted, t.found, t.findings, t.findings - t.matched]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`Corpus ${report.folder}, findings of severity ${minSeverity} and above\n`);
  console.log(line(rows[0]));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(`\nrecall ${pct(t.recall)} (${t.found} of ${t.planted} planted defects found)`);
  console.log(`precision ${pct(t.precision)} (${t.matched} of ${t.findings} findings point at a planted defect)`);
  for (const d of report.documents) {
    for (const m of d.missed) console.log(`\nmissed  ${d.document}:${m.lines}  ${m.what}${m.rules.length ? `  [${m.rules.join(', ')}]` : ''}`);
    for (const f of d.falseAlarms) console.log(`\nfalse alarm  ${d.document}:${f.line}  ${f.ruleId}: ${f.message}`);
  }
}
