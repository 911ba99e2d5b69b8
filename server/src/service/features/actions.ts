import { scaffoldResponses } from '../bid/scaffold';
// Code actions: every finding's fix, plus edits that write the next piece of a specification or bid
// for the author (an indicator, a baseline, a framework tag, responses to unanswered outcomes).
// Edits are minimal: they insert lines indented like their neighbours and never touch comments.
import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyText } from '../document';
import type { Finding } from '../findings';
import { get } from '../model';
import type { Analysis } from '../service';
import { taxonomies } from '../taxonomies';
import { column, endOfNodeLine, eol, indentUnit, locate, nodeAt, scopeFor, type OffsetEdit, type WorkspaceView } from './common';
import { responseLines } from './completion';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite' | 'source';
  /** Edits by document uri, in source offsets of that document. */
  edits: Map<string, OffsetEdit[]>;
  /** The findings the action fixes. */
  findings?: Finding[];
  isPreferred?: boolean;
}

function single(uri: string, edits: OffsetEdit[]): Map<string, OffsetEdit[]> {
  return new Map([[uri, edits]]);
}

function keyColumn(a: Analysis, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? column(a.doc, first.range[0]) : undefined;
}

/** Lines appended at the end of a block map, at the column of its keys. */
function appendToMap(a: Analysis, map: YAMLMap, body: string[]): OffsetEdit | undefined {
  if ((map as { flow?: boolean }).flow || !map.range) return undefined;
  const col = keyColumn(a, map);
  if (col === undefined) return undefined;
  const nl = eol(a.doc);
  const at = endOfNodeLine(a.doc, map);
  return { start: at, end: at, newText: body.map((l) => nl + ' '.repeat(col) + l).join('') };
}

/** A new item appended to a block list, at the column of its dashes. */
function appendToSeq(a: Analysis, seq: YAMLSeq, body: string[]): OffsetEdit | undefined {
  if ((seq as { flow?: boolean }).flow || !seq.range) return undefined;
  const col = column(a.doc, seq.range[0]);
  const nl = eol(a.doc);
  const at = endOfNodeLine(a.doc, seq);
  const pad = ' '.repeat(col);
  return { start: at, end: at, newText: body.map((l, i) => nl + pad + (i === 0 ? '- ' : '  ') + l).join('') };
}

const stop = new Set(['the', 'and', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'with', 'their', 'they', 'are', 'is', 'be', 'as', 'at', 'by', 'or', 'so', 'who', 'that', 'this', 'from', 'can', 'have', 'has', 'get', 'go', 'people']);

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .replace(/[’']/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !stop.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, '')),
  );
}

function similarity(x: string, y: string): number {
  const a = words(x);
  const b = words(y);
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Framework outcomes whose wording matches an outcome statement, best first. */
export function matchingFrameworkOutcomes(a: Analysis, statement: string): Array<{ tag: string; label: string; score: number }> {
  const candidates: Array<{ tag: string; label: string; score: number }> = [];
  for (const [id, fw] of a.linked.frameworks) {
    for (const d of fw.model.declarations) if (d.kind === 'framework-outcome' && d.title) candidates.push({ tag: `${id}/${d.id}`, label: d.title, score: similarity(statement, d.title) });
  }
  for (const t of taxonomies.values()) {
    if (t.kind !== 'outcome-framework') continue;
    for (const c of t.codes) candidates.push({ tag: `${t.id}/${c.code}`, label: c.label, score: similarity(statement, c.label) });
  }
  return candidates.filter((c) => c.score >= 0.6).sort((x, y) => y.score - x.score).slice(0, 3);
}

function outcomeActions(a: Analysis, index: number): CodeAction[] {
  const out: CodeAction[] = [];
  const { node } = nodeAt(a.doc, ['outcomes', index]);
  if (!isMap(node)) return out;
  const outcome = get.obj(get.arr(a.model.value.outcomes)[index]);
  const id = get.str(outcome?.id) ?? `outcome-${index + 1}`;
  const u = ' '.repeat(indentUnit(a.doc));
  const nl = eol(a.doc);

  if (a.model.kind === 'specification') {
    // add a missing indicator
    const indicators = node.items.find((p) => keyText(p.key) === 'indicators');
    const item = [`- id: ${id}-measure`, `  definition: ""`, `  unit:`, `  polarity:`, `  baseline:`, `  ${u}value:`, `  ${u}date:`, `  ${u}source:`, `  target: ""`];
    if (!indicators) {
      const edit = appendToMap(a, node, ['indicators:', ...item.map((l) => u + l)]);
      if (edit) out.push({ title: `Add an indicator to outcome '${id}'`, kind: 'quickfix', edits: single(a.uri, [edit]) });
    } else if (isSeq(indicators.value) && indicators.value.items.length === 0 && indicators.value.range && (indicators.key as Node).range) {
      const col = column(a.doc, (indicators.key as Node).range![0]);
      const r = indicators.value.range;
      out.push({ title: `Add an indicator to outcome '${id}'`, kind: 'quickfix', edits: single(a.uri, [{ start: (indicators.key as Node).range![1], end: r[1], newText: `:${item.map((l) => nl + ' '.repeat(col) + u + l).join('')}` }]) });
    }
  }

  // tag the outcome with a framework outcome its statement matches
  const statement = get.str(outcome?.statement);
  if (statement) {
    const tags = new Set(get.arr(outcome?.frameworks).map((t) => get.str(t)));
    for (const m of matchingFrameworkOutcomes(a, statement)) {
      if (tags.has(m.tag)) continue;
      const pair = node.items.find((p) => keyText(p.key) === 'frameworks');
      let edit: OffsetEdit | undefined;
      if (!pair) {
        const st = node.items.find((p) => keyText(p.key) === 'statement');
        const col = keyColumn(a, node)!;
        const after = st?.value && (st.value as Node).range ? endOfNodeLine(a.doc, st.value as Node) : endOfNodeLine(a.doc, node);
        edit = { start: after, end: after, newText: `${nl}${' '.repeat(col)}frameworks: [${m.tag}]` };
      } else if (isSeq(pair.value) && pair.value.range) {
        const seq = pair.value;
        if ((seq as { flow?: boolean }).flow) {
          const close = a.doc.text.lastIndexOf(']', seq.range![1]);
          if (close >= seq.range![0]) edit = { start: close, end: close, newText: seq.items.length ? `, ${m.tag}` : m.tag };
        } else edit = appendToSeq(a, seq, [m.tag]);
      }
      if (edit) {
        out.push({
          title: `Convert to framework reference: tag outcome '${id}' with ${m.tag} ("${m.label}")`,
          kind: 'refactor.rewrite',
          edits: single(a.uri, [edit]),
        });
      }
    }
  }
  return out;
}

function indicatorActions(a: Analysis, o: number, i: number): CodeAction[] {
  const { node } = nodeAt(a.doc, ['outcomes', o, 'indicators', i]);
  if (!isMap(node) || a.model.kind !== 'specification') return [];
  if (node.items.some((p) => keyText(p.key) === 'baseline')) return [];
  const id = get.str(get.obj(get.arr(get.obj(get.arr(a.model.value.outcomes)[o])?.indicators)[i])?.id) ?? `indicator ${i + 1}`;
  const u = ' '.repeat(indentUnit(a.doc));
  const edit = appendToMap(a, node, ['baseline:', `${u}value:`, `${u}date:`, `${u}source:`, `${u}n:`]);
  return edit ? [{ title: `Add a baseline to indicator '${id}' (value, date, source, base size)`, kind: 'quickfix', edits: single(a.uri, [edit]) }] : [];
}

function bidActions(a: Analysis): CodeAction[] {
  if (a.model.kind !== 'bid' || !a.linked.specification) return [];
  // the same scaffold as the bids/outcomes-answered fix, for every unanswered outcome at once
  const fix = scaffoldResponses(a.doc, a.model, a.linked);
  return fix ? [{ title: fix.title, kind: 'source', edits: single(a.uri, fix.edits) }] : [];
}

/** Code actions for a range: fixes for findings there, and the authoring actions that apply at the cursor. */
export function codeActions(a: Analysis, range: { start: number; end: number }, _ws?: WorkspaceView): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of a.findings) {
    if (!f.fix || f.offsets.start > range.end || f.offsets.end < range.start) continue;
    out.push({ title: f.fix.title, kind: 'quickfix', edits: single(a.uri, f.fix.edits.map((e) => ({ ...e }))), findings: [f], isPreferred: f.fix.safe !== false });
  }
  const at = locate(a.doc, range.start);
  const path = at?.path ?? [];
  if ((a.model.kind === 'specification' || a.model.kind === 'framework') && path[0] === 'outcomes' && typeof path[1] === 'number') {
    out.push(...outcomeActions(a, path[1]));
    if (path[2] === 'indicators' && typeof path[3] === 'number') out.push(...indicatorActions(a, path[1], path[3]));
  }
  out.push(...bidActions(a));
  return out;
}

/** Applies offset edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start || y.end - x.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
