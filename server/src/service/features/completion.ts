// Completion: keys valid at the cursor (with the schema's documentation), enum values, ids declared in
// the document, its framework or the specification a bid answers, framework outcome codes, expression
// completions inside expression strings, and snippets for whole sections.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { completionsAt, type CheckContext, type ExpressionKind } from '../../../../grammar/src/index';
import { keyText, type PathSegment, type SourceDocument } from '../document';
import { get, referencePatterns, type DeclarationKind } from '../model';
import { symbolsFor } from '../rules/expressions/shared';
import type { Analysis } from '../service';
import { taxonomies } from '../taxonomies';
import {
  baseName,
  expressionAt,
  indentUnit,
  isBlockCollection,
  locate,
  propertyMarkdown,
  resolved,
  schemaAt,
  schemaDocs,
  scalarContent,
  scopeFor,
  typesOf,
  type WorkspaceView,
} from './common';
import { describeSymbol, describeTaxonomy } from './hover';
import { periodEndCompletions, returnKeyCompletions } from './returns';
import { resolveUri, uriDirname } from '../workspace';
import type { SchemaNode } from '../schema-nav';

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference' | 'snippet' | 'keyword' | 'function' | 'unit' | 'operator' | 'file';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text that replaces `range`; a snippet (with $1, ${1:…}) when `snippet` is true. Later lines carry their full indentation. */
  insertText: string;
  snippet?: boolean;
  /** Source offsets of the text the completion replaces (the word typed so far). */
  range: { start: number; end: number };
  sortText?: string;
  filterText?: string;
}

// ----- snippet text ----------------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

class SnippetBuilder {
  private n = 0;
  placeholder(text: string): string {
    return `\${${++this.n}:${esc(text)}}`;
  }
  choice(values: readonly unknown[] | undefined, fallback: string): string {
    const vs = (values ?? []).map(String).filter((v) => !/[,|]/.test(v));
    if (!vs.length) return this.placeholder(fallback);
    return `\${${++this.n}|${vs.join(',')}|}`;
  }
}

/** Joins snippet lines: the first goes where the cursor is, the rest are indented to `indent`. */
function lines(first: string, rest: string[], indent: string, nl: string): string {
  return [first, ...rest.map((l) => indent + l)].join(nl);
}

// ----- where the cursor is ------------------------------------------------------------------------------

interface Container {
  path: PathSegment[];
  /** A new item of a list (the line starts with "- "). */
  newItem: boolean;
  node: Node | undefined;
}

function lineIndent(doc: SourceDocument, line: number): number | undefined {
  const s = doc.lines.lineStart(line);
  const t = doc.text.slice(s, doc.lines.lineEnd(line));
  if (!t.trim() || t.trimStart().startsWith('#')) return undefined;
  return t.length - t.trimStart().length;
}

function collections(doc: SourceDocument): Array<{ node: Node; path: PathSegment[]; column: number; seq: boolean }> {
  const out: Array<{ node: Node; path: PathSegment[]; column: number; seq: boolean }> = [];
  const stack: Array<{ node: unknown; path: PathSegment[] }> = [{ node: doc.yaml?.contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (isBlockCollection(node) && node.range) {
      const start = node.range[0];
      out.push({ node, path, column: start - doc.lines.lineStart(doc.lines.positionAt(start).line), seq: isSeq(node) });
    }
    if (isMap(node)) for (const p of node.items) stack.push({ node: p.value, path: [...path, keyText(p.key) ?? ''] });
    else node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
  }
  return out;
}

/** The map (or list) a key typed at `column` on the cursor's line belongs to. */
function containerAt(doc: SourceDocument, offset: number, column: number, dash: boolean): Container | undefined {
  const line = doc.lines.positionAt(offset).line;
  let best: { node: Node; path: PathSegment[] } | undefined;
  for (const c of collections(doc)) {
    if (c.column !== column || c.seq !== dash) continue;
    const startLine = doc.lines.positionAt(c.node.range![0]).line;
    if (startLine >= line) continue;
    let continues = true;
    for (let l = startLine + 1; l < line && continues; l++) {
      const ind = lineIndent(doc, l);
      if (ind !== undefined && ind < column) continues = false;
    }
    if (continues && (!best || c.node.range![0] > best.node.range![0])) best = c;
  }
  if (best) {
    if (dash) return { path: [...best.path, (best.node as { items: unknown[] }).items.length], newItem: true, node: best.node };
    return { path: best.path, newItem: false, node: best.node };
  }
  // a key with no value yet on the nearest less indented line: `safeguarding:` then a new line
  for (let l = line - 1; l >= 0; l--) {
    const ind = lineIndent(doc, l);
    if (ind === undefined) continue;
    if (ind >= column) continue;
    const s = doc.lines.lineStart(l);
    const text = doc.text.slice(s, doc.lines.lineEnd(l));
    const m = /^(\s*)((?:-[ \t]+)*)([A-Za-z0-9_-]+)[ \t]*:[ \t]*(?:#.*)?$/.exec(text);
    if (!m) return undefined;
    const at = locate(doc, s + m[1].length + m[2].length);
    if (!at || at.part !== 'key') return undefined;
    const value = at.pair?.value as Node | undefined;
    const items = isSeq(value) ? value.items.length : 0;
    return dash ? { path: [...at.path, items], newItem: true, node: value } : { path: at.path, newItem: false, node: isMap(value) ? value : undefined };
  }
  if (column === 0 && !dash) return { path: [], newItem: false, node: doc.yaml?.contents as Node | undefined };
  return undefined;
}

function patternMatches(pattern: string, path: readonly PathSegment[]): boolean {
  const parts = pattern.split('.');
  if (parts.length !== path.length) return false;
  return parts.every((p, i) => (p === '*' ? typeof path[i] === 'number' : p === String(path[i])));
}

// ----- value completions ---------------------------------------------------------------------------------

interface ValueRequest {
  path: PathSegment[];
  prefix: string;
  range: { start: number; end: number };
  /** Whether the value is written inside [ ] or quotes (no snippets, no quoting). */
  inFlow: boolean;
}

const nouns: Record<string, string> = { outcome: 'outcome', indicator: 'indicator', tier: 'need tier', lot: 'lot', requirement: 'requirement', criterion: 'award criterion' };

function valueCompletions(a: Analysis, req: ValueRequest, ws: WorkspaceView | undefined): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const kind = a.model.kind;
  const node = resolved(a, schemaAt(a, req.path));
  const key = [...req.path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const push = (e: Omit<CompletionEntry, 'range'>) => out.push({ ...e, range: req.range });
  const prefix = req.prefix.toLowerCase();

  // ids of things this position refers to
  if (kind) {
    for (const [pattern, target, scope] of referencePatterns[kind]) {
      if (!patternMatches(pattern, req.path)) continue;
      if (target === 'taxonomy') {
        const practice = pattern.startsWith('practice_features');
        for (const t of taxonomies.values()) {
          if (practice ? t.kind !== 'practice-features' : t.kind !== 'outcome-framework') continue;
          for (const c of t.codes) push({ label: `${t.id}/${c.code}`, kind: 'reference', detail: `${c.label} (${t.title})`, documentation: describeTaxonomy(t, c), insertText: `${t.id}/${c.code}`, sortText: `${t.status === 'legacy' ? 2 : 1}_${t.id}/${c.code}` });
        }
        if (!practice) {
          for (const [id, fw] of a.linked.frameworks) {
            for (const d of fw.model.declarations) {
              if (d.kind !== 'framework-outcome') continue;
              push({ label: `${id}/${d.id}`, kind: 'reference', detail: d.title ? `${d.title} (${fw.model.id})` : fw.model.id, documentation: describeSymbol({ uri: fw.uri, kind: 'framework-outcome', id: d.id, start: d.start, end: d.end, title: d.title }, a.uri), insertText: `${id}/${d.id}`, sortText: `0_${id}/${d.id}` });
            }
          }
        }
        continue;
      }
      if (target === 'tier-model') {
        for (const d of a.model.declarations) if (d.kind === 'framework') push({ label: d.id, kind: 'reference', detail: 'framework document declared under frameworks:', insertText: d.id, sortText: `0_${d.id}` });
        for (const t of taxonomies.values()) if (t.kind === 'need-model') push({ label: t.id, kind: 'reference', detail: t.title, documentation: describeTaxonomy(t), insertText: t.id, sortText: `1_${t.id}` });
        continue;
      }
      let ids = [...(scopeFor(a, scope).get(target as DeclarationKind)?.values() ?? [])];
      // a bid's commitments: only the indicators of the outcome the response answers
      if (kind === 'bid' && target === 'indicator' && typeof req.path[1] === 'number') {
        const outcomeId = get.str(get.obj(get.arr(a.model.value.responses)[req.path[1]])?.outcome);
        const outcome = outcomeId ? scopeFor(a, 'specification').get('outcome')?.get(outcomeId) : undefined;
        const allowed = new Set(get.arr(outcome?.value?.indicators).map((i) => get.str(get.obj(i)?.id)));
        if (outcome && allowed.size) ids = ids.filter((t) => allowed.has(t.id));
      }
      // a bid's responses: outcomes not answered yet first
      const answered = new Set(kind === 'bid' && target === 'outcome' ? get.arr(a.model.value.responses).map((r) => get.str(get.obj(r)?.outcome)) : []);
      for (const t of ids) {
        const documentation = t.uri !== undefined && t.start !== undefined ? describeSymbol({ uri: t.uri, kind: t.kind, id: t.id, start: t.start, end: t.end ?? t.start, title: t.title, value: t.value }, a.uri) : t.title;
        push({ label: t.id, kind: 'reference', detail: `${nouns[target] ?? target}${t.title ? `: ${t.title}` : ''}`, documentation, insertText: t.id, sortText: `${answered.has(t.id) ? 1 : 0}_${t.id}` });
      }
    }
    // documents in the workspace, by id and by path
    if (ws && kind === 'specification' && patternMatches('frameworks.*.id', req.path)) {
      for (const other of ws.all()) if (other.model.kind === 'framework' && other.model.id) push({ label: other.model.id, kind: 'reference', detail: `framework in ${baseName(other.uri)}`, documentation: get.str(other.model.value.title), insertText: other.model.id });
    }
    if (ws && kind === 'bid' && patternMatches('specification.id', req.path)) {
      for (const other of ws.all()) if (other.model.kind === 'specification' && other.model.id) push({ label: other.model.id, kind: 'reference', detail: `specification in ${baseName(other.uri)}`, documentation: get.str(other.model.value.title), insertText: other.model.id });
    }
    const pathKind = kind === 'specification' && patternMatches('frameworks.*.path', req.path) ? 'framework' : kind === 'bid' && patternMatches('specification.path', req.path) ? 'specification' : undefined;
    if (ws && pathKind) {
      for (const other of ws.all()) {
        if (other.model.kind !== pathKind || other.uri === a.uri) continue;
        const rel = relativePath(a.uri, other.uri);
        if (rel) push({ label: rel, kind: 'file', detail: `${pathKind} ${other.model.id ?? ''}`.trim(), documentation: get.str(other.model.value.title), insertText: rel });
      }
    }
  }
  if (kind === 'return') for (const e of periodEndCompletions(a, req.path)) push({ ...e, kind: 'value' });
  if (node?.enum) {
    const docs = propertyMarkdown(key ?? '', node);
    for (const v of node.enum) push({ label: String(v), kind: 'enum', detail: schemaDocs(node).title, documentation: docs, insertText: String(v) });
  } else if (node?.const !== undefined) {
    push({ label: String(node.const), kind: 'value', documentation: propertyMarkdown(key ?? '', node), insertText: String(node.const) });
  } else if (typesOf(node).includes('boolean')) {
    for (const v of ['true', 'false']) push({ label: v, kind: 'value', documentation: propertyMarkdown(key ?? '', node), insertText: v });
  }
  // an empty expression field: start the expression
  if (node?.['x-expression'] && !req.inFlow && req.prefix === '') {
    const context = expressionContext(a, node['x-expression']);
    for (const item of completionsAt('', 0, context)) {
      const text = item.insertText ?? item.label;
      push({ label: item.label, kind: item.kind === 'identifier' ? 'reference' : item.kind, detail: item.detail, documentation: item.documentation, insertText: `"${esc(text)}$0"`, snippet: true, filterText: item.label });
    }
  }
  return prefix ? out.filter((e) => (e.filterText ?? e.label).toLowerCase().includes(prefix)) : out;
}

function relativePath(from: string, to: string): string | undefined {
  const a = uriDirname(from).split('/');
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  if (i === 0) return undefined;
  const up = a.length - i;
  const rel = `${up === 0 ? './' : '../'.repeat(up)}${b.slice(i).join('/')}`;
  return resolveUri(from, rel) === to ? decodeURIComponent(rel) : undefined;
}

function expressionContext(a: Analysis, kind: ExpressionKind): CheckContext {
  const scope = scopeFor(a, a.model.kind === 'bid' ? 'specification' : 'local');
  const term = get.obj(a.model.kind === 'bid' ? a.linked.specification?.model.value.term : a.model.value.term);
  return { kind, symbols: symbolsFor(scope), term: term ? { start: get.str(term.start), end: get.str(term.end) } : undefined };
}

// ----- key completions and section snippets ---------------------------------------------------------------

function keyInsert(name: string, node: SchemaNode | undefined, a: Analysis, indent: string, unit: string, nl: string): { text: string; snippet: boolean } {
  const n = resolved(a, node);
  const types = typesOf(n);
  if (n?.['x-expression']) return { text: `${name}: "$0"`, snippet: true };
  if (n?.enum) return { text: `${name}: \${1|${n.enum.map(String).join(',')}|}`, snippet: true };
  if (n?.const !== undefined) return { text: `${name}: ${String(n.const)}`, snippet: false };
  if (n?.properties || types.includes('object')) return { text: `${name}:${nl}${indent}${unit}$0`, snippet: true };
  if (types.includes('array')) {
    const item = resolved(a, n?.items || undefined);
    if (item?.properties) return { text: `${name}:${nl}${indent}${unit}- $0`, snippet: true };
    return { text: `${name}: [$0]`, snippet: true };
  }
  if (types.includes('boolean')) return { text: `${name}: \${1|true,false|}`, snippet: true };
  return { text: `${name}: $0`, snippet: true };
}

function firstOf(a: Analysis, kind: DeclarationKind): string | undefined {
  return a.model.declarations.find((d) => d.kind === kind)?.id;
}

function outcomeSnippet(a: Analysis, u: string): string[] {
  const s = new SnippetBuilder();
  const outcome = resolved(a, schemaAt(a, ['outcomes', 0]));
  const indicator = resolved(a, schemaAt(a, ['outcomes', 0, 'indicators', 0]));
  const p = (o: SchemaNode | undefined, k: string) => resolved(a, o?.properties?.[k])?.enum;
  return [
    `id: ${s.placeholder('outcome-id')}`,
    `statement: ${s.placeholder('The change for children or families, in their words')}`,
    `beneficiary: ${s.choice(p(outcome, 'beneficiary'), 'children')}`,
    `type: ${s.choice(p(outcome, 'type'), 'hard')}`,
    `horizon: ${s.choice(p(outcome, 'horizon'), 'medium')}`,
    `indicators:`,
    `${u}- id: ${s.placeholder('indicator-id')}`,
    `${u}  definition: ${s.placeholder('What is measured, including who is counted')}`,
    `${u}  unit: ${s.choice(p(indicator, 'unit'), 'percent')}`,
    `${u}  polarity: ${s.choice(p(indicator, 'polarity'), 'higher')}`,
    `${u}  baseline:`,
    `${u}${u}  value: ${s.placeholder('0')}`,
    `${u}${u}  date: ${s.placeholder('2025-03-31')}`,
    `${u}${u}  source: ${s.placeholder('Where the figure comes from')}`,
    `${u}  target: "${s.placeholder('>= 85% by 2027-03-31')}"`,
    `${u}  data_source: ${s.placeholder('Where the data comes from')}`,
    `${u}  frequency: ${s.choice(p(indicator, 'frequency'), 'quarterly')}`,
  ];
}

function safeguardingSnippet(a: Analysis, u: string): string[] {
  const s = new SnippetBuilder();
  const sg = resolved(a, schemaAt(a, ['safeguarding']));
  const allowed = (k: string) => (resolved(a, resolved(a, sg?.properties?.[k])?.items || undefined)?.enum ?? []).map(String);
  const pick = (k: string, wanted: string[]) => wanted.filter((w) => allowed(k).includes(w)).join(', ');
  return [
    `safeguarding:`,
    `${u}statement: ${s.placeholder("How the provider safeguards and promotes the welfare of every child, under section 11 of the Children Act 2004 and Working Together to Safeguard Children")}`,
    `${u}statutory_basis: [${pick('statutory_basis', ['children-act-1989', 'children-act-2004-s11', 'working-together-2023'])}]`,
    `${u}designated_lead: ${s.placeholder('The role that leads safeguarding, with a named deputy')}`,
    `${u}checks: [${pick('checks', ['enhanced-dbs-with-barred-list', 'safer-recruitment', 'references', 'right-to-work'])}]`,
    `${u}training:`,
    `${u}${u}requirement: ${s.placeholder('Who must be trained, to what level, and by when')}`,
    `${u}${u}refresh: ${s.placeholder('2 years')}`,
    `${u}escalation:`,
    `${u}${u}route: ${s.placeholder("Designated lead, then children's social care, the LADO for allegations against staff, and the police where a crime is suspected")}`,
    `${u}${u}lado: true`,
    `${u}${u}notification: ${s.placeholder('24 hours')}`,
    `${u}scope: [${pick('scope', ['child-protection', 'neglect', 'criminal-exploitation', 'child-sexual-exploitation', 'domestic-abuse', 'online-safety', 'bullying'])}]`,
    `${u}information_sharing: ${s.placeholder('How information is shared with the council and partners')}`,
    `${u}policy_review: ${s.placeholder('2027-03-31')}`,
  ];
}

function paymentSnippet(a: Analysis): string[] {
  const s = new SnippetBuilder();
  const indicator = firstOf(a, 'indicator') ?? 'indicator-id';
  const outcome = firstOf(a, 'outcome') ?? 'outcome-id';
  const hasFee = a.model.declarations.some((d) => d.kind === 'field' && d.id === 'annual_fee');
  const amount = hasFee ? 'up to 5% of annual_fee' : '£50,000';
  return [
    `id: ${s.placeholder('pbr-clause')}`,
    `type: payment-by-results`,
    `rule: "${s.placeholder(`${amount} when ${indicator} >= 85%`)}"`,
    `cap: "${s.placeholder(hasFee ? '5% of annual_fee' : '£50,000 per year')}"`,
    `basis: ${s.placeholder('How achievement is evidenced and verified before payment, and by whom')}`,
    `outcomes: [${s.placeholder(outcome)}]`,
  ];
}

/** The response a bid gives to one outcome of the specification, with a commitment for each of its indicators. */
export function responseLines(outcome: string, indicators: Array<{ id: string; target?: string }>, u: string, approach?: string): string[] {
  const out = [`outcome: ${outcome}`, `approach: ${approach ?? '""'}`];
  if (indicators.length) {
    out.push('commitments:');
    for (const i of indicators) {
      out.push(`${u}- indicator: ${i.id}`);
      out.push(`${u}  target: ${JSON.stringify(i.target ?? '')}`);
    }
  }
  return out;
}

function keyCompletions(a: Analysis, c: Container, column: number, prefix: string, range: { start: number; end: number }): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const doc = a.doc;
  const nl = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  const u = ' '.repeat(indentUnit(doc));
  const indent = ' '.repeat(column);
  const schema = resolved(a, schemaAt(a, c.path));
  const present = new Set<string>();
  const map = c.newItem ? undefined : c.node;
  if (isMap(map)) for (const p of map.items) if (!(p.key as Node | undefined)?.range || (p.key as Node).range![0] !== range.start) present.add(keyText(p.key) ?? '');
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
    if (present.has(name)) continue;
    const required = !!schema?.required?.includes(name);
    const ins = keyInsert(name, prop, a, indent, u, nl);
    const r = resolved(a, prop);
    out.push({ label: name, kind: 'property', detail: schemaDocs(r).title, documentation: propertyMarkdown(name, r, required), insertText: ins.text, snippet: ins.snippet, range, sortText: `${required ? 0 : 1}_${name}` });
  }
  const kind = a.model.kind;
  const snippet = (label: string, detail: string, body: string[], documentation: string) =>
    out.push({ label, kind: 'snippet', detail, documentation, insertText: lines(body[0], body.slice(1), indent, nl), snippet: true, range, sortText: `2_${label}`, filterText: `${prefix}${label}` });
  const at = c.path.join('.');
  if (kind === 'specification') {
    if (c.path.length === 0 && !present.has('outcomes')) {
      const body = outcomeSnippet(a, u);
      snippet('outcomes: an outcome with an indicator', 'section', ['outcomes:', `${u}- ${body[0]}`, ...body.slice(1).map((l) => `${u}  ${l}`)], 'A new outcomes section with one outcome and one indicator, with a baseline and a target.');
    }
    if (c.path.length === 0 && !present.has('safeguarding')) {
      snippet('safeguarding section', 'section', safeguardingSnippet(a, u), 'A safeguarding section with the statutory basis, checks, training, an escalation route including the LADO, and the harms in scope. Safeguarding is a core statutory function for any children\'s service.');
    }
    if (at === 'value_for_money' && !present.has('outcome_payments')) {
      const body = paymentSnippet(a);
      snippet('outcome_payments: a payment-by-results clause', 'section', ['outcome_payments:', `${u}- ${body[0]}`, ...body.slice(1).map((l) => `${u}  ${l}`)], 'A payment-by-results clause with a rule, a cap, a basis and the outcomes it rewards.');
    }
    if (c.newItem && patternMatches('outcomes.*', c.path)) {
      snippet('outcome with an indicator', 'outcome', outcomeSnippet(a, u), 'A new outcome with one indicator, with a baseline and a target.');
    }
    if (c.newItem && patternMatches('value_for_money.outcome_payments.*', c.path)) {
      snippet('payment-by-results clause', 'outcome payment', paymentSnippet(a), 'A payment-by-results clause with a rule, a cap, a basis and the outcomes it rewards.');
    }
  }
  if (kind === 'bid' && c.newItem && patternMatches('responses.*', c.path)) {
    const answered = new Set(get.arr(a.model.value.responses).map((r) => get.str(get.obj(r)?.outcome)));
    for (const t of scopeFor(a, 'specification').get('outcome')?.values() ?? []) {
      if (answered.has(t.id)) continue;
      const indicators = get.arr(t.value?.indicators).map((i) => ({ id: get.str(get.obj(i)?.id) ?? '', target: get.str(get.obj(i)?.target) })).filter((i) => i.id);
      const body = responseLines(t.id, indicators, u, '${1:How you will achieve this outcome}');
      snippet(`response to ${t.id}`, 'response', body, `A response to the outcome '${t.id}'${t.title ? `: ${t.title}` : ''}, committing to the specification's targets as a starting point.`);
    }
  }
  if (kind === 'return' && !c.newItem) {
    for (const e of returnKeyCompletions(a, c.path, present)) out.push({ ...e, kind: 'reference', range });
  }
  const p = prefix.toLowerCase();
  return p ? out.filter((e) => (e.filterText ?? e.label).toLowerCase().includes(p)) : out;
}

// ----- entry point ----------------------------------------------------------------------------------------

/** Completions at an offset. Never throws on broken documents; returns an empty list where nothing fits. */
export function completion(a: Analysis, offset: number, ws?: WorkspaceView): CompletionEntry[] {
  const doc = a.doc;
  // inside an expression string
  const expr = expressionAt(a, offset);
  if (expr) {
    const e = expr.expression;
    const before = e.site.text.slice(0, expr.valueOffset);
    const word = /[A-Za-z0-9_-]*$/.exec(before)![0];
    const range = { start: e.toSource(expr.valueOffset - word.length), end: offset };
    return completionsAt(e.site.text, expr.valueOffset, e.context).map((item) => ({
      label: item.label,
      kind: item.kind === 'identifier' ? 'reference' : item.kind,
      detail: item.detail,
      documentation: item.documentation,
      insertText: item.insertText ?? item.label,
      range,
    }));
  }
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.lineStart(line);
  const before = doc.text.slice(lineStart, offset);
  if (/^\s*#/.test(before) || /\s#/.test(before)) return []; // in a comment

  // a key (or a list item) being typed at the start of a line
  const keyLine = /^([ ]*)((?:-[ \t]+)*)([A-Za-z0-9_-]*)$/.exec(before);
  if (keyLine) {
    const indent = keyLine[1].length;
    const dash = keyLine[2].length > 0;
    const prefix = keyLine[3];
    const column = indent + keyLine[2].length;
    const range = { start: offset - prefix.length, end: offset + (/^[A-Za-z0-9_-]*/.exec(doc.text.slice(offset))?.[0].length ?? 0) };
    if (dash) {
      // the innermost "- " starts the item; earlier dashes are enclosing lists
      const dashes = keyLine[2].match(/-[ \t]+/g)!;
      const last = dashes[dashes.length - 1];
      const dashColumn = column - last.length;
      const c = containerAt(doc, offset, dashColumn, true);
      if (!c) return [];
      const item = resolved(a, schemaAt(a, c.path));
      if (item?.properties) return keyCompletions(a, c, column, prefix, range);
      return valueCompletions(a, { path: c.path, prefix, range, inFlow: false }, ws);
    }
    const c = containerAt(doc, offset, column, false);
    if (!c) return [];
    return keyCompletions(a, c, column, prefix, range);
  }

  // a value after "key: " on the same line
  const valueLine = /^([ ]*)((?:-[ \t]+)*)([A-Za-z0-9_-]+)[ \t]*:[ \t]+([^\s"'[{|>&*!#][^#]*|)$/.exec(before);
  if (valueLine && !/[[{]/.test(valueLine[4])) {
    const column = valueLine[1].length + valueLine[2].length;
    let c: Container | undefined;
    if (valueLine[2]) {
      // "- key: value" starts a new item in a list at the dash's column
      const dashes = valueLine[2].match(/-[ \t]+/g)!;
      const dashColumn = column - dashes[dashes.length - 1].length;
      const at = locate(doc, lineStart + column);
      if (at?.part === 'key') c = { path: at.path.slice(0, -1), newItem: false, node: undefined };
      else c = containerAt(doc, offset, dashColumn, true);
    } else {
      const at = locate(doc, lineStart + column);
      c = at?.part === 'key' ? { path: at.path.slice(0, -1), newItem: false, node: undefined } : containerAt(doc, offset, column, false);
    }
    if (!c) return [];
    const prefix = valueLine[4];
    const tail = /^[^\s#]*/.exec(doc.text.slice(offset))![0];
    return valueCompletions(a, { path: [...c.path, valueLine[3]], prefix, range: { start: offset - prefix.length, end: offset + tail.length }, inFlow: false }, ws);
  }

  // inside a flow list or a quoted value: use the parsed document
  const at = locate(doc, offset);
  if (!at || at.part !== 'value') return [];
  if (isScalar(at.node) && at.node.range) {
    const content = scalarContent(doc, at.node);
    if (offset < content.start || offset > content.end) return [];
    const prefix = doc.text.slice(content.start, offset);
    if (/[\s,]/.test(prefix)) return [];
    return valueCompletions(a, { path: at.path, prefix, range: content, inFlow: true }, ws);
  }
  if (isSeq(at.node) && (at.node as { flow?: boolean }).flow) {
    return valueCompletions(a, { path: [...at.path, at.node.items.length], prefix: '', range: { start: offset, end: offset }, inFlow: true }, ws);
  }
  return [];
}
