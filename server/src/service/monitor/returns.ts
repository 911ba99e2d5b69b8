// The returns language: a provider's values per indicator per period, read from a `kind: return` YAML
// document or a CSV file into the same located rows. Pure: text in, rows and problems out.
import { isMap, isScalar, type Node } from 'yaml';
import { keyText, nodeAtPath, readDocument, type PathSegment, type SourceDocument } from '../document';
import type { Finding, Severity } from '../findings';
import { get } from '../model';
import { LineIndex } from '../text';
import { validateDocument } from '../validate';

/** Where a row (or one of its cells) came from. */
export interface RowLocation {
  uri: string;
  start: number;
  end: number;
  /** For CSV: the 1-based row number (the header is row 1) and the column name. */
  row?: number;
  column?: string;
}

/** One value in a return: an indicator's value for a period, a data field's value, or a claim for a payment clause. */
export interface ReturnRow {
  /** The indicator id, data field name or payment clause id, as written. */
  key: string;
  /** The ISO date on which the period ends (YYYY-MM-DD). */
  period: string;
  label?: string;
  value?: number;
  /** A yes/no or text value (data fields only). */
  text?: string | boolean;
  numerator?: number;
  denominator?: number;
  n?: number;
  notes?: string;
  /** Whether the value was written as a percentage ("85%"). */
  percentWritten?: boolean;
  /** From a YAML return: which section it was in. A CSV row may be any of them (decided against the specification). */
  section?: 'values' | 'fields' | 'claims';
  at: RowLocation;
}

/** A return read from one file. */
export interface ReturnFile {
  uri: string;
  format: 'yaml' | 'csv';
  rows: ReturnRow[];
  /** The specification the return names (YAML only). */
  specification?: { id?: string; version?: string; path?: string };
  provider?: string;
  title?: string;
  tolerance?: number;
  /** Problems reading the file (YAML, schema, CSV cells). */
  findings: Finding[];
  /** Line positions, to turn offsets into ranges for later findings. */
  lines: LineIndex;
  /** The YAML document, for locating keys (undefined for CSV). */
  doc?: SourceDocument;
}

function finding(lines: LineIndex, ruleId: string, severity: Severity, message: string, start: number, end: number): Finding {
  return { ruleId, severity, message, range: lines.range(start, end), offsets: { start, end } };
}

/** Reads a file as a return: CSV when its name ends in .csv (or it is not YAML-looking and has a header row), else YAML. */
export function readReturn(uri: string, text: string): ReturnFile {
  if (/\.(csv|tsv|txt)$/i.test(uri)) return readReturnCsv(uri, text);
  return readReturnYaml(uri, text);
}

// ---------------------------------------------------------------------------------------------
// YAML

function spanOf(doc: SourceDocument, path: PathSegment[], key = false): [number, number] {
  const { node, pair } = nodeAtPath(doc.yaml, path);
  const r = (key ? (pair?.key as Node | undefined)?.range : node?.range) ?? (pair?.key as Node | undefined)?.range ?? node?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

export function readReturnYaml(uri: string, text: string): ReturnFile {
  return returnFromDocument(readDocument(uri, text));
}

/**
 * The rows of a `kind: return` document already read. With `validate: false` the document's own YAML and schema
 * findings are left out (the language service reports those itself).
 */
export function returnFromDocument(doc: SourceDocument, options: { validate?: boolean } = {}): ReturnFile {
  const validate = options.validate ?? true;
  const uri = doc.uri;
  const findings: Finding[] = validate ? [...doc.findings] : [];
  const out: ReturnFile = { uri, format: 'yaml', rows: [], findings, lines: doc.lines, doc };
  if (doc.value === undefined) return out;
  if (doc.kind !== 'return') {
    const kind = get.obj(doc.value)?.kind;
    findings.push(finding(doc.lines, 'schema/kind', 'error', `This file is not a return (its kind is ${typeof kind === 'string' ? kind : 'missing'}): a return starts with commspec: 1 and kind: return`, 0, 0));
    return out;
  }
  if (validate) for (const f of validateDocument(doc, 'return')) findings.push(f);
  const v = get.obj(doc.value) ?? {};
  const spec = get.obj(v.specification);
  if (spec) out.specification = { id: get.str(spec.id), version: spec.version === undefined ? undefined : String(spec.version), path: get.str(spec.path) };
  out.provider = get.str(get.obj(v.provider)?.name);
  out.title = get.str(v.title);
  out.tolerance = get.num(v.tolerance);
  get.arr(v.periods).forEach((p, i) => {
    const period = get.obj(p);
    if (!period) return;
    const end = typeof period.end === 'string' ? period.end : undefined;
    if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) {
      if (typeof period.end === 'string' && /^\d{4}-\d{2}$/.test(period.end)) {
        const [s, e] = spanOf(doc, ['periods', i, 'end']);
        findings.push(finding(doc.lines, 'returns/period', 'error', `Give the day the period ends, for example ${period.end}-30, not just the month`, s, e));
      }
      return; // the schema reports a missing or malformed end
    }
    const label = get.str(period.label);
    for (const section of ['values', 'fields', 'claims'] as const) {
      const map = get.obj(period[section]);
      if (!map) continue;
      const { node } = nodeAtPath(doc.yaml, ['periods', i, section]);
      for (const [key, raw] of Object.entries(map)) {
        const [ks] = spanOf(doc, ['periods', i, section, key], true);
        const [, ve] = spanOf(doc, ['periods', i, section, key]);
        const keyNode = isMap(node) ? node.items.find((it) => keyText(it.key) === key) : undefined;
        const keyRange = (keyNode?.key as Node | undefined)?.range;
        const at: RowLocation = { uri, start: keyRange?.[0] ?? ks, end: keyRange?.[1] ?? ve };
        const row: ReturnRow = { key, period: end, label, section, at };
        if (typeof raw === 'number') row.value = raw;
        else if (typeof raw === 'boolean' || typeof raw === 'string') row.text = raw;
        else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
          const o = raw as Record<string, unknown>;
          row.value = get.num(o.value);
          row.numerator = get.num(o.numerator);
          row.denominator = get.num(o.denominator);
          row.n = get.num(o.n);
          row.notes = get.str(o.notes);
        } else continue; // the schema reports it
        const valueNode = nodeAtPath(doc.yaml, ['periods', i, section, key]).node;
        if (isScalar(valueNode) && typeof valueNode.source === 'string' && /%\s*$/.test(valueNode.source)) row.percentWritten = true;
        out.rows.push(row);
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The columns a CSV return may have, and the other names accepted for them (INDIGO's, and common spreadsheet headings). */
export const csvColumns = ['indicator', 'period', 'value', 'numerator', 'denominator', 'n', 'notes'] as const;
export type CsvColumn = (typeof csvColumns)[number];

const columnAliases: Record<string, CsvColumn> = {
  indicator: 'indicator',
  'indicator id': 'indicator',
  outcome_metric_id: 'indicator',
  field: 'indicator',
  period: 'period',
  'period end': 'period',
  period_end: 'period',
  end_date: 'period',
  value: 'value',
  numerator: 'numerator',
  number_with_positive_social_outcomes: 'numerator',
  denominator: 'denominator',
  number_engaged_in_impact_bond: 'denominator',
  n: 'n',
  base: 'n',
  notes: 'notes',
  note: 'notes',
  comments: 'notes',
};

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** Splits CSV text into records of cells with their offsets (RFC 4180 quoting; quoted cells may hold the delimiter, quotes and line breaks). */
function splitCsv(text: string, delimiter: string, from: number): { records: Array<{ cells: Cell[]; start: number; end: number }>; unterminated?: number } {
  const records: Array<{ cells: Cell[]; start: number; end: number }> = [];
  const D = delimiter.charCodeAt(0);
  let i = from;
  const n = text.length;
  while (i < n) {
    const recordStart = i;
    const cells: Cell[] = [];
    for (;;) {
      let cell = '';
      let start = i;
      let end: number;
      if (text.charCodeAt(i) === 34) {
        i++;
        start = i;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          cell += c;
          i++;
        }
        if (!closed) return { records, unterminated: start - 1 };
        end = i - 1;
        // anything between the closing quote and the delimiter is kept (spaces)
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      } else {
        // char codes, not one-character strings: this loop sees every character of the file
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === D || c === 10 || c === 13) break;
        }
        cell = text.slice(start, i);
        end = i;
      }
      cells.push({ text: cell, start, end });
      if (i < n && text.charCodeAt(i) === D) {
        i++;
        continue;
      }
      break;
    }
    const recordEnd = i;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    records.push({ cells, start: recordStart, end: recordEnd });
  }
  return { records };
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
function detectDelimiter(header: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]++;
  }
  return [';', '\t', ','].reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

/** Days from 1899-12-30 (Excel's day 0, which absorbs its 1900 leap-year bug for later dates) to a date. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A period cell: ISO date, UK day/month/year, or an Excel date serial. */
export function parsePeriod(raw: string): { iso?: string; error?: string } {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (/^\d+(\.\d+)?$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    return iso ? { iso } : { error: `'${s}' is not a date: write the day the period ends as 2027-11-30` };
  } else if (/^\d{4}-\d{2}$/.test(s)) return { error: `'${s}' gives only the month: write the day the period ends, for example ${s}-30` };
  else return { error: `'${s}' is not a date: write the day the period ends as 2027-11-30 (or 30/11/2027)` };
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { error: `'${s}' is not a real date` };
  return { iso: date.toISOString().slice(0, 10) };
}

/**
 * A number cell: `1200`, `1,200` (thousands), `85%`, `£1,200,000`, `12.5`; with semicolons between cells, `85,5`
 * (a decimal comma). Returns the number, and whether it was written as a percentage.
 */
const plainNumber = /^-?\d+(\.\d+)?$/;

export function parseNumber(raw: string, delimiter: string): { value?: number; percent?: boolean; error?: string } {
  // most cells are plain numbers: one test, no trimming or rewriting
  if (plainNumber.test(raw)) return { value: Number(raw), percent: false };
  let s = raw.trim().replace(/\u00a0/g, ' ');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/^£\s*/, '').replace(/^(-?)£/, '$1');
  let normal: string | undefined;
  if (/^-?\d+(\.\d+)?$/.test(s)) normal = s;
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^-?\d{1,3}( \d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/ /g, '');
  else if (delimiter === ';' && /^-?\d+,\d+$/.test(s)) normal = s.replace(',', '.');
  else if (delimiter === ';' && /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  if (normal === undefined) return { error: `'${raw.trim()}' is not a number` };
  return { value: Number(normal), percent };
}

/** Reads a CSV return. Every non-blank row becomes a value or a finding naming its row and column: none is dropped in silence. */
export function readReturnCsv(uri: string, input: string): ReturnFile {
  // keep offsets in the text as given: skip a byte-order mark rather than removing it
  const text = input;
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const out: ReturnFile = { uri, format: 'csv', rows: [], findings, lines };
  let currentRow: number | undefined;
  const err = (message: string, start: number, end: number, severity: Severity = 'error', ruleId = 'returns/csv') =>
    findings.push({ ...finding(lines, ruleId, severity, message, start, Math.max(end, start)), ...(currentRow !== undefined ? { row: currentRow } : {}) } as Finding);
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // leading blank lines
  while (from < text.length && (text[from] === '\n' || text[from] === '\r' || text[from] === ' ' || text[from] === '\t')) from++;
  if (from >= text.length) {
    err('This CSV file is empty: it needs a header row (indicator,period,value,…) and a row per value', 0, 0);
    return out;
  }
  if (text.includes('\u0000')) {
    const at = text.indexOf('\u0000');
    err('This file contains a NUL character, so it is not a CSV text file: save it as CSV (UTF-8)', at, at + 1);
    return out;
  }
  const headerEnd = (() => {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl;
  })();
  const delimiter = detectDelimiter(text.slice(from, headerEnd));
  const { records, unterminated } = splitCsv(text, delimiter, from);
  if (unterminated !== undefined) {
    const row = records.length + 1 + lineOffset(text, from);
    currentRow = row;
    err(`Row ${row}: a quoted cell opens here and never closes: add the closing " (a quote inside a cell is written "")`, unterminated, unterminated + 1);
  }
  currentRow = undefined;
  if (records.length === 0) return out;
  const header = records[0];
  currentRow = 1 + lineOffset(text, from);
  const columns = new Map<CsvColumn, number>();
  header.cells.forEach((c, i) => {
    const name = c.text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!name) return;
    const col = columnAliases[name] ?? columnAliases[name.replace(/ /g, '_')];
    if (!col) {
      err(`Column '${c.text.trim()}' is not one commspec reads, so it is ignored: the columns are ${csvColumns.join(', ')}`, c.start, c.end, 'warning', 'returns/csv-column');
      return;
    }
    if (columns.has(col)) {
      err(`Column '${c.text.trim()}' appears twice in the header (as ${col}): keep one`, c.start, c.end);
      return;
    }
    columns.set(col, i);
  });
  for (const need of ['indicator', 'period'] as const) {
    if (!columns.has(need)) err(`The header row has no '${need}' column: the first row must name the columns, for example indicator,period,value,numerator,denominator,n,notes`, header.start, header.end);
  }
  if (!columns.has('indicator') || !columns.has('period')) return out;
  if (!columns.has('value') && !columns.has('numerator')) err(`The header row has neither a 'value' nor a 'numerator' column, so no row can give a value`, header.start, header.end);

  // the same few period ends are written on thousands of rows: read each once
  const periodsRead = new Map<string, { iso?: string; error?: string }>();
  const blankLinesBefore = lineOffset(text, from);
  // made once, for the record being read (not two new functions for each of thousands of rows)
  let rec = records[0];
  let rowNo = 0;
  let cells = rec.cells;
  const cell = (col: CsvColumn): Cell | undefined => {
    const i = columns.get(col);
    return i === undefined ? undefined : cells[i];
  };
  const at = (col: CsvColumn): RowLocation => {
    const c = cell(col);
    return { uri, start: c?.start ?? rec.start, end: c?.end ?? rec.end, row: rowNo, column: col };
  };
  for (let r = 1; r < records.length; r++) {
    rec = records[r];
    rowNo = r + 1 + blankLinesBefore;
    currentRow = rowNo;
    cells = rec.cells;
    if (isBlank(cells)) continue; // a blank line (or a row of empty cells) holds nothing
    if (cells.length > header.cells.length && cells.slice(header.cells.length).some((c) => c.text.trim() !== '')) {
      err(`Row ${rowNo} has ${cells.length} cells but the header has ${header.cells.length}: check for a ${delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab'} inside a value that should be in quotes`, rec.start, rec.end);
      continue;
    }
    const key = cell('indicator')?.text.trim() ?? '';
    if (!key) {
      const a = at('indicator');
      err(`Row ${rowNo}, column indicator: empty; give the indicator id (or data field name) the row is for`, a.start, a.end);
      continue;
    }
    const pc = cell('period');
    if (!pc || !pc.text.trim()) {
      const a = at('period');
      err(`Row ${rowNo}, column period: empty; give the date the period ends, for example 2027-11-30`, a.start, a.end);
      continue;
    }
    let period = periodsRead.get(pc.text);
    if (!period) periodsRead.set(pc.text, (period = parsePeriod(pc.text)));
    if (!period.iso) {
      err(`Row ${rowNo}, column period: ${period.error}`, pc.start, pc.end);
      continue;
    }
    const row: ReturnRow = { key, period: period.iso, at: { uri, start: rec.start, end: rec.end, row: rowNo } };
    let bad = false;
    for (const col of ['value', 'numerator', 'denominator', 'n'] as const) {
      const c = cell(col);
      if (!c || !c.text.trim()) continue;
      const num = parseNumber(c.text, delimiter);
      if (num.value === undefined) {
        if (col === 'value' && /^(yes|no|true|false|y|n)$/i.test(c.text.trim())) {
          row.text = /^(yes|true|y)$/i.test(c.text.trim());
          continue;
        }
        err(`Row ${rowNo}, column ${col}: ${num.error}${col === 'value' ? ' (write 85 or 85% for a percentage, 1200 or 1,200 for a number)' : ''}`, c.start, c.end);
        bad = true;
        continue;
      }
      if (col === 'value') {
        row.value = num.value;
        if (num.percent) row.percentWritten = true;
      } else if (num.percent) {
        err(`Row ${rowNo}, column ${col}: a ${col} is a number of children or families, not a percentage`, c.start, c.end);
        bad = true;
      } else if (col === 'n' && !Number.isInteger(num.value)) {
        err(`Row ${rowNo}, column n: the base size is a whole number of children or families, not ${num.value}`, c.start, c.end);
        bad = true;
      } else row[col] = num.value;
    }
    const notes = cell('notes')?.text.trim();
    if (notes) row.notes = notes;
    if (bad) continue;
    if (row.value === undefined && row.text === undefined && row.numerator === undefined && row.denominator === undefined) {
      err(`Row ${rowNo}: no value for ${key} in the period ending ${row.period}; give a value, or a numerator and denominator (leave the row out if there is nothing to report)`, rec.start, rec.end);
      continue;
    }
    if ((row.numerator === undefined) !== (row.denominator === undefined) && row.value === undefined) {
      const missing = row.numerator === undefined ? 'numerator' : 'denominator';
      err(`Row ${rowNo}, column ${missing}: empty; a value worked out from a numerator needs the denominator too`, at(missing).start, at(missing).end);
      continue;
    }
    out.rows.push(row);
  }
  return out;
}

function isBlank(cells: readonly Cell[]): boolean {
  for (const c of cells) if (c.text.trim() !== '') return false;
  return true;
}

/** Blank lines before the header count as rows in a spreadsheet's numbering. */
function lineOffset(text: string, from: number): number {
  let n = 0;
  for (let i = 0; i < from; i++) if (text[i] === '\n') n++;
  return n;
}
