import { documentCache } from '../../doc-cache';
import { checkExpression, parseExpression, type CheckContext, type ExpressionDiagnostic, type ParsedExpression, type SymbolInfo, type Unit } from '../../../../../grammar/src/index';
import { scalarValueToSource } from '../../scalar-map';
import type { SourceDocument } from '../../document';
import type { DocumentModel, ExpressionSite } from '../../model';
import { get } from '../../model';
import { buildScope, type Scope } from '../../scope';
import type { Linked } from '../types';

const indicatorUnits: Record<string, Unit> = { percent: 'percent', count: 'count', money: 'money', days: 'duration', weeks: 'duration', months: 'duration', rate: 'rate', score: 'number' };
const fieldUnits: Record<string, Unit> = { number: 'number', percent: 'percent', money: 'money', count: 'count', duration: 'duration', date: 'date', years: 'number', boolean: 'boolean', category: 'text' };

/** The symbol table expressions in a document resolve against. */
export function symbolsFor(scope: Scope): Map<string, SymbolInfo> {
  const out = new Map<string, SymbolInfo>();
  for (const [kind, targets] of scope) {
    for (const t of targets.values()) {
      const v = t.value ?? {};
      if (kind === 'indicator') out.set(t.id, { name: t.id, kind: 'indicator', unit: indicatorUnits[get.str(v.unit) ?? ''], polarity: v.polarity as 'higher' | 'lower' | undefined, title: get.str(v.definition), description: get.str(v.definition) });
      else if (kind === 'field') {
        const unit = get.str(v.unit);
        // a collection (children, placements) is something count(…) and friends range over, not a value
        const info: SymbolInfo & { collection?: boolean; refKind?: string } =
          unit === 'collection'
            ? { name: t.id, kind: 'field', collection: true, description: get.str(v.description) }
            : { name: t.id, kind: 'field', unit: fieldUnits[unit ?? ''] ?? 'number', description: get.str(v.description) };
        out.set(t.id, info);
      }
      else if (kind === 'outcome' || kind === 'tier' || kind === 'lot' || kind === 'requirement') out.set(t.id, { name: t.id, kind, title: t.title, description: t.title });
    }
  }
  return out;
}

export interface CheckedExpression {
  site: ExpressionSite;
  parsed: ParsedExpression;
  context: CheckContext;
  /** Syntax diagnostics from the parser and semantic ones from the checker, each with the rule that reports it. */
  diagnostics: Array<ExpressionDiagnostic & { rule: string }>;
  /** Maps an offset in the expression text to an offset in the document. */
  toSource: (offset: number) => number;
}

const cache = documentCache<CheckedExpression[]>('document');


/** Parses and checks every expression in a document once; the expression rules share the result. */
export function checkedExpressions(doc: SourceDocument, model: DocumentModel, linked: Linked): CheckedExpression[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const scopes = buildScope(doc.uri, model, linked);
  const symbols = symbolsFor(model.kind === 'bid' ? scopes.specification : scopes.local);
  const term = get.obj(model.kind === 'bid' ? linked.specification?.model.value.term : model.value.term);
  const out: CheckedExpression[] = [];
  for (const site of model.expressions) {
    if (model.kind === 'bid' && !linked.specification) continue; // cannot resolve ids without the specification
    const parsed = parseExpression(site.text, site.kind);
    const ind = site.indicator ? symbols.get(site.indicator) : undefined;
    const indValue = site.indicator ? (model.kind === 'bid' ? scopes.specification : scopes.local).get('indicator')?.get(site.indicator)?.value : undefined;
    const context: CheckContext = {
      kind: site.kind,
      symbols,
      indicator: ind && ind.kind === 'indicator' && site.kind === 'target' ? { id: ind.name, unit: ind.unit, polarity: ind.polarity, baseline: get.num(get.obj(indValue?.baseline)?.value) } : undefined,
      term: term ? { start: get.str(term.start), end: get.str(term.end) } : undefined,
    };
    const diagnostics = [
      ...parsed.diagnostics.map((d) => ({ ...d, rule: 'expressions/syntax' })),
      ...checkExpression(parsed, context).map((d) => ({ ...d, rule: ruleForCode(d.code) })),
    ];
    // the offset map is built only when something needs a position inside this expression
    let map: ((offset: number, bias?: 'start' | 'end') => number) | undefined;
    const toSource = (offset: number, bias?: 'start' | 'end') => (map ??= scalarValueToSource(doc.text, site.scalar, site.text))(offset, bias);
    out.push({ site, parsed, context, diagnostics, toSource });
  }
  cache.set(doc, out);
  return out;
}

/** Which rule reports a diagnostic of the checker (the parser's all go to expressions/syntax). */
export function ruleForCode(code: string): string {
  if (code === 'expr/unknown-identifier' || code === 'expr/wrong-kind') return 'expressions/references';
  if (code === 'expr/invalid-date' || code === 'expr/date-outside-term' || code === 'expr/date-format') return 'expressions/dates';
  if (code === 'expr/polarity-mismatch' || code === 'expr/no-baseline' || code === 'expr/vague-target') return 'expressions/target-direction';
  if (code === 'expr/unknown-function' || code === 'expr/unknown-unit' || code === 'expr/arity') return 'expressions/syntax';
  return 'expressions/types';
}
