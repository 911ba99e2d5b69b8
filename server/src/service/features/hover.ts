// Hovers: what a key means (from the schema), what an id refers to, what an expression token means,
// and why a finding matters (the rule's rationale).
import { hoverAt, type CheckContext, type SymbolInfo } from '../../../../grammar/src/index';
import { get } from '../model';
import { ruleHelpUri } from '../rules/docs';
import { allRules } from '../rules/index';
import type { Analysis } from '../service';
import { baseName, expressionAt, locate, propertyMarkdown, resolved, schemaAt, schemaDocs, spanToSource, type WorkspaceView } from './common';
import { mdCode, mdText } from './markdown-text';
import { symbolAt, type CommspecSymbol } from './navigation';
import { returnHover } from './returns';
import type { Taxonomy, TaxonomyCode } from '../taxonomies';

export interface Hover {
  markdown: string;
  start: number;
  end: number;
}

const kindNames: Record<string, string> = {
  outcome: 'Outcome',
  indicator: 'Indicator',
  tier: 'Need tier',
  lot: 'Lot',
  requirement: 'Requirement',
  criterion: 'Award criterion',
  payment: 'Outcome payment',
  risk: 'Risk',
  'framework-outcome': 'Framework outcome',
  'framework-indicator': 'Framework indicator',
  framework: 'Outcomes framework',
  field: 'Data field',
  specification: 'Specification',
};

const unitWords: Record<string, string> = {
  percent: 'a percentage',
  count: 'a count',
  money: 'money (pounds)',
  days: 'days',
  weeks: 'weeks',
  months: 'months',
  rate: 'a rate per 10,000 children',
  score: 'a score',
  years: 'years (an age)',
  boolean: 'yes or no',
  collection: 'a group of records',
  category: 'one of a set of values',
  number: 'a number',
  duration: 'a length of time',
  date: 'a date',
};

function firstString(v: Record<string, unknown> | undefined, keys: string[]): string | undefined {
  for (const k of keys) if (typeof v?.[k] === 'string') return v[k] as string;
  return undefined;
}

/** Markdown describing a declared thing, for hovers and completion documentation. */
export function describeSymbol(s: CommspecSymbol, here?: string): string {
  const v = s.value;
  const lines: string[] = [`**${kindNames[s.kind] ?? mdText(s.kind)}** ${mdCode(s.id)}`];
  const text = firstString(v, ['statement', 'definition', 'label', 'text', 'title', 'description']) ?? s.title;
  if (text) lines.push(mdText(text));
  if (s.kind === 'indicator' || s.kind === 'framework-indicator') {
    const facts: string[] = [];
    const unit = get.str(v?.unit);
    if (unit) facts.push(`measured as ${unitWords[unit] ?? mdText(unit)}`);
    const pol = get.str(v?.polarity);
    if (pol) facts.push(pol === 'higher' ? 'higher is better' : 'lower is better');
    if (facts.length) lines.push(facts.join('; '));
    const b = get.obj(v?.baseline);
    if (b) {
      const parts = [b.value !== undefined ? `**${mdText(String(b.value))}**` : mdText(get.str(b.status) ?? 'not stated'), get.str(b.date) ? `on ${mdText(get.str(b.date)!)}` : '', get.str(b.source) ? `(${mdText(get.str(b.source)!)})` : ''].filter(Boolean);
      lines.push(`Baseline: ${parts.join(' ')}`);
    } else if (s.kind === 'indicator') lines.push('No baseline yet.');
    const target = get.str(v?.target);
    if (target) lines.push(`Target: ${mdCode(target)}`);
  }
  if (s.kind === 'tier') {
    const def = get.str(v?.definition);
    if (def && def !== text) lines.push(mdText(def));
    const threshold = get.str(v?.threshold);
    if (threshold) lines.push(`Access threshold: ${mdCode(threshold)}`);
  }
  if (s.kind === 'field') {
    const unit = get.str(v?.unit);
    if (unit) lines.push(`Holds ${unitWords[unit] ?? mdText(unit)}.`);
  }
  if (s.kind === 'outcome') {
    const inds = get.arr(v?.indicators).map((i) => get.str(get.obj(i)?.id)).filter(Boolean);
    lines.push(inds.length ? `Indicators: ${inds.map((i) => mdCode(i!)).join(', ')}` : 'No indicators yet.');
  }
  if (s.kind === 'requirement' && v?.mandatory === false) lines.push('Not mandatory.');
  if (s.kind === 'framework' || s.kind === 'specification') {
    const owner = firstString(v, ['owner']);
    if (owner) lines.push(`Owner: ${mdText(owner)}`);
    const version = v?.version;
    if (version !== undefined) lines.push(`Version ${mdText(String(version))}`);
  }
  if (here !== s.uri) lines.push(`Declared in ${mdCode(baseName(s.uri))}`);
  return lines.join('\n\n');
}

export function describeTaxonomy(t: Taxonomy, code?: TaxonomyCode): string {
  const lines: string[] = [];
  if (code) {
    lines.push(`**${code.label}** (\`${t.id}/${code.code}\`)`);
    if (code.description) lines.push(code.description);
    if (code.entry) lines.push(`Entry: ${code.entry}`);
  }
  lines.push(`${code ? 'From ' : ''}**${t.title}** (${t.version}${t.publisher ? `, ${t.publisher}` : ''})${t.status === 'legacy' ? ' — a legacy framework, still recognised' : ''}`);
  if (!code) lines.push(`Outcomes: ${t.codes.map((c) => `\`${c.code}\``).join(', ')}`);
  if (t.note) lines.push(t.note);
  return lines.join('\n\n');
}

function findingNotes(a: Analysis, offset: number): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const f of a.findings) {
    if (offset < f.offsets.start || offset > f.offsets.end || seen.has(f.ruleId)) continue;
    const rule = allRules.find((r) => r.meta.id === f.ruleId);
    if (!rule) continue;
    seen.add(f.ruleId);
    notes.push(`**Why \`${f.ruleId}\` matters:** ${rule.meta.rationale} [About this check](${ruleHelpUri(f.ruleId)})`);
  }
  return notes;
}

/**
 * The expression checker's context with the document's words (titles, descriptions, units) escaped for Markdown:
 * the expression hover puts them in its Markdown as they are.
 */
function escapedContext(ctx: CheckContext): CheckContext {
  const symbols = new Map<string, SymbolInfo>();
  for (const [name, info] of ctx.symbols) {
    symbols.set(name, {
      ...info,
      name: info.name,
      title: info.title === undefined ? undefined : mdText(info.title),
      description: info.description === undefined ? undefined : mdText(info.description),
      unit: info.unit === undefined ? undefined : (mdText(info.unit) as SymbolInfo['unit']),
    });
  }
  return { ...ctx, symbols };
}

/** The hover at an offset, or undefined where there is nothing to say. */
export function hover(a: Analysis, offset: number, _ws?: WorkspaceView): Hover | undefined {
  let main: Hover | undefined;
  const expr = expressionAt(a, offset);
  if (expr) {
    const h = hoverAt(expr.expression.parsed, expr.valueOffset, escapedContext(expr.expression.context));
    if (h) main = { markdown: h.markdown, ...spanToSource(a, expr.expression, h.span.start, h.span.end) };
  }
  if (!main) {
    const hit = symbolAt(a, offset);
    if (hit) {
      const markdown = 'symbol' in hit ? describeSymbol(hit.symbol, a.uri) : describeTaxonomy(hit.builtIn.taxonomy, hit.builtIn.code);
      main = { markdown, ...hit.occurrence };
    }
  }
  if (!main) main = returnHover(a, offset);
  if (!main) {
    const at = locate(a.doc, offset);
    if (at && at.part === 'key' && at.node?.range) {
      const name = String(at.path[at.path.length - 1]);
      const parent = resolved(a, schemaAt(a, at.path.slice(0, -1)));
      const node = schemaAt(a, at.path);
      if (node) main = { markdown: propertyMarkdown(name, node, parent?.required?.includes(name)), start: at.node.range[0], end: at.node.range[1] };
    } else if (at && at.part === 'value' && at.node?.range && at.path.length) {
      const node = schemaAt(a, at.path);
      const value = (at.node as { value?: unknown }).value;
      if (node?.enum && value !== undefined && node.enum.includes(value)) {
        const { title } = schemaDocs(node);
        const key = [...at.path].reverse().find((p) => typeof p === 'string') as string;
        main = { markdown: `${mdCode(String(value))}: ${propertyMarkdown(key, node).replace(/^\*\*[^*]+\*\*/, `a value of **${title ?? key}**`)}`, start: at.node.range[0], end: at.node.range[1] };
      }
    }
  }
  const notes = findingNotes(a, offset);
  if (!main && !notes.length) return undefined;
  if (!main) {
    const f = a.findings.find((x) => offset >= x.offsets.start && offset <= x.offsets.end)!;
    return { markdown: notes.join('\n\n'), start: f.offsets.start, end: f.offsets.end };
  }
  return notes.length ? { ...main, markdown: `${main.markdown}\n\n---\n\n${notes.join('\n\n')}` } : main;
}
