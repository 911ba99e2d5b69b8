// Editor data for the language server: semantic tokens, completions, hovers, identifier lists.
import { EOF, type IToken, type TokenType } from 'chevrotain';
import type { CheckContext, Expr, ParsedExpression, Span, TokenInfo } from './ast';
import { DAYS_PER_UNIT } from './ast';
import { resolveSymbol } from './checker';
import {
  At,
  Baseline,
  By,
  Capped,
  CompareOp,
  DateLit,
  DurationUnit,
  From,
  Gbp,
  Identifier,
  In,
  Increase,
  keywordTokens,
  LBracket,
  Minus,
  NumberLit,
  PercentageWord,
  PercentSign,
  PercentWord,
  Plus,
  Points,
  RBracket,
  Reduce,
  Slash,
  Star,
  Up,
  Least,
  Most,
  To,
  Eq,
  Ge,
  Gt,
  Le,
  Lt,
  Ne,
} from './lexer';
import { contentAssist, lex } from './parser';
import { closest, formatMoney, monthName } from './text';
import { dateDay, isRealDate } from './values';
import { BUILTIN_SYMBOLS, FUNCTION_MAP, FUNCTIONS, KEYWORD_DOCS, UNIT_DOCS } from './vocabulary';

/** Token types emitted by semanticTokens(); a server registers these in its legend. */
export const SEMANTIC_TOKEN_TYPES = [
  'keyword',
  'operator',
  'number',
  'percent',
  'money',
  'date',
  'unit',
  'function',
  'string',
  'indicator',
  'outcome',
  'tier',
  'lot',
  'field',
  'requirement',
  'variable',
] as const;
/** Modifiers emitted by semanticTokens(). */
export const SEMANTIC_TOKEN_MODIFIERS = ['defaultLibrary', 'unresolved', 'count', 'basis', 'duration'] as const;
/** For clients without custom token types: the nearest standard LSP token type. */
export const STANDARD_TOKEN_TYPE: Record<(typeof SEMANTIC_TOKEN_TYPES)[number], string> = {
  keyword: 'keyword',
  operator: 'operator',
  number: 'number',
  percent: 'number',
  money: 'number',
  date: 'number',
  unit: 'type',
  function: 'function',
  string: 'string',
  indicator: 'variable',
  outcome: 'class',
  tier: 'enumMember',
  lot: 'namespace',
  field: 'property',
  requirement: 'interface',
  variable: 'variable',
};

export function semanticTokens(parsed: ParsedExpression, ctx?: CheckContext): Array<{ span: Span; type: string; modifiers?: string[] }> {
  const out: Array<{ span: Span; type: string; modifiers?: string[] }> = [];
  for (const t of parsed.tokens) {
    const span = { start: t.span.start, end: t.span.end };
    switch (t.role) {
      case 'keyword':
      case 'operator':
      case 'number':
      case 'percent':
      case 'money':
      case 'date':
      case 'function':
      case 'string':
      case 'unit':
        out.push({ span, type: t.role });
        break;
      case 'duration':
        out.push({ span, type: 'number', modifiers: ['duration'] });
        break;
      case 'countNoun':
        out.push({ span, type: 'unit', modifiers: ['count'] });
        break;
      case 'noun':
        out.push({ span, type: 'unit', modifiers: ['basis'] });
        break;
      case 'identifier': {
        const s = resolveSymbol(t.image, ctx ?? { symbols: new Map() });
        if (!s) out.push({ span, type: 'variable', modifiers: ctx ? ['unresolved'] : undefined });
        else out.push({ span, type: s.kind, modifiers: s.builtin ? ['defaultLibrary'] : undefined });
        break;
      }
      case 'punctuation':
        break;
    }
  }
  return out;
}

// ----- AST walking ---------------------------------------------------------------------------

export function childrenOf(e: Expr): Expr[] {
  switch (e.type) {
    case 'negate':
    case 'not':
      return [e.operand];
    case 'arith':
    case 'and':
    case 'or':
      return e.operands;
    case 'of':
      return [e.part, e.whole];
    case 'per':
      return [e.operand];
    case 'where':
      return [e.collection, e.condition];
    case 'call':
      return e.args;
    case 'paren':
      return [e.inner];
    case 'compare':
      return [e.left, e.right];
    case 'list':
      return e.items;
    case 'range':
      return [e.low, e.high];
    case 'in':
      return [e.subject, e.set];
    case 'between':
      return [e.subject, e.low, e.high];
    case 'target': {
      const f = e.form;
      const parts: Expr[] = f.mode === 'compare' ? [f.value] : f.mode === 'between' ? [f.low, f.high] : [f.amount];
      if (e.deadline) parts.push(e.deadline);
      if (e.window) parts.push(e.window);
      return parts;
    }
    case 'payment':
      return [e.amount, ...(e.condition ? [e.condition] : []), ...(e.cap ? [e.cap] : [])];
    default:
      return [];
  }
}

/** All names used in the expression (not function names or counted nouns), in text order. */
export function identifiersIn(parsed: ParsedExpression): Array<{ name: string; span: Span }> {
  const out: Array<{ name: string; span: Span }> = [];
  if (!parsed.ast) return out;
  const stack: Expr[] = [parsed.ast];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.type === 'identifier') out.push({ name: e.name, span: { ...e.span } });
    const kids = childrenOf(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function smallestNodeAt(ast: Expr | undefined, offset: number, accept: (e: Expr) => boolean): Expr | undefined {
  let best: Expr | undefined;
  const stack: Expr[] = ast ? [ast] : [];
  while (stack.length) {
    const e = stack.pop()!;
    if (offset < e.span.start || offset > e.span.end) continue;
    if (accept(e) && (!best || e.span.end - e.span.start <= best.span.end - best.span.start)) best = e;
    stack.push(...childrenOf(e));
  }
  return best;
}

// ----- hover ---------------------------------------------------------------------------------

function tokenAt(parsed: ParsedExpression, offset: number): TokenInfo | undefined {
  let hit: TokenInfo | undefined;
  for (const t of parsed.tokens) {
    if (offset >= t.span.start && offset < t.span.end) return t;
    if (offset === t.span.end) hit = t;
  }
  return hit;
}

const UNIT_LABEL: Record<string, string> = {
  percent: 'percentage',
  money: 'money (pounds)',
  count: 'count',
  duration: 'period of time',
  date: 'date',
  number: 'number',
  rate: 'rate',
  boolean: 'condition',
  text: 'text',
};

function dateWords(e: Extract<Expr, { type: 'date' }>): string {
  if (!isRealDate(e.year, e.month, e.day)) return `**${e.text}** is not a real date`;
  if (e.day === undefined) return `**${monthName(e.month)} ${e.year}** (date)\n\nA month: as a deadline it means the end of the month, ${e.year}-${String(e.month).padStart(2, '0')}-${new Date(dateDay(e, true)! * 86400000).getUTCDate()}.`;
  return `**${e.day} ${monthName(e.month)} ${e.year}** (date)`;
}

export function hoverAt(parsed: ParsedExpression, offset: number, ctx: CheckContext): { span: Span; markdown: string } | undefined {
  const tok = tokenAt(parsed, offset);
  if (!tok) return undefined;
  const span = { ...tok.span };
  switch (tok.role) {
    case 'identifier': {
      const s = resolveSymbol(tok.image, ctx);
      if (!s) {
        const guess = closest(tok.image, [...ctx.symbols.keys(), ...BUILTIN_SYMBOLS.keys()]);
        return { span, markdown: `\`${tok.image}\` is not declared in this document or its framework.${guess ? ` Did you mean \`${guess}\`?` : ''}` };
      }
      const lines = [`**${s.title ?? s.name}** (${s.builtin ? 'built-in ' : ''}${s.collection ? 'group' : s.kind})`];
      if (s.title && s.title !== s.name) lines.push(`\`${s.name}\``);
      const facts: string[] = [];
      if (s.unit) facts.push(`measured as a ${UNIT_LABEL[s.unit] ?? s.unit}`);
      if (s.polarity) facts.push(s.polarity === 'higher' ? 'higher is better' : 'lower is better');
      if (facts.length) lines.push(facts.join('; '));
      if (s.description) lines.push(s.description);
      return { span, markdown: lines.join('\n\n') };
    }
    case 'function': {
      const fn = FUNCTION_MAP.get(tok.image.toLowerCase());
      if (!fn) return { span, markdown: `\`${tok.image}\` is not a function. The functions are ${FUNCTIONS.map((f) => `\`${f.name}\``).join(', ')}.` };
      return { span, markdown: `\`\`\`\n${fn.signature}\n\`\`\`\n\n${fn.doc} Gives: ${fn.result}.\n\nExample: \`${fn.example}\`` };
    }
    case 'keyword': {
      const doc = KEYWORD_DOCS[tok.image.toLowerCase()];
      return doc ? { span, markdown: `**${tok.image.toLowerCase()}**\n\n${doc}` } : undefined;
    }
    case 'countNoun': {
      const n = smallestNodeAt(parsed.ast, offset, (e) => e.type === 'count');
      return { span: n ? { ...n.span } : span, markdown: `**count** of ${tok.image}${n && n.type === 'count' ? `: ${n.value} ${n.noun}` : ''}` };
    }
    case 'noun':
      return { span, markdown: `per **${tok.image}**: the amount applies to each one` };
    case 'date': {
      const n = smallestNodeAt(parsed.ast, offset, (e) => e.type === 'date');
      return n && n.type === 'date' ? { span: { ...n.span }, markdown: dateWords(n) } : undefined;
    }
    case 'money':
    case 'percent':
    case 'duration':
    case 'unit':
    case 'number': {
      const n = smallestNodeAt(parsed.ast, offset, (e) => e.type === 'money' || e.type === 'percent' || e.type === 'duration' || e.type === 'number' || e.type === 'per');
      if (n?.type === 'money') return { span: { ...n.span }, markdown: `**${formatMoney(n.value)}** (money)` };
      if (n?.type === 'percent')
        return { span: { ...n.span }, markdown: n.points ? `**${n.value} percentage points** (an absolute change in a percentage)` : `**${n.value}%** (percentage)${n.value > 100 ? '\n\nMore than 100%.' : ''}` };
      if (n?.type === 'duration') {
        const days = Math.round(n.value * DAYS_PER_UNIT[n.unit]);
        return { span: { ...n.span }, markdown: `**${n.value} ${n.unit}${n.value === 1 ? '' : 's'}** (period of time, about ${days} days)` };
      }
      if (tok.role === 'unit') {
        const word = tok.image.toLowerCase();
        const doc = UNIT_DOCS.find((u) => u.label.toLowerCase() === word || u.label.toLowerCase().startsWith(word.replace(/s$/, '')));
        if (doc) return { span, markdown: `**${doc.label}** (${UNIT_LABEL[doc.unit]})\n\n${doc.doc}` };
      }
      if (n?.type === 'number') return { span: { ...n.span }, markdown: `**${n.value}** (plain number, no unit)` };
      return undefined;
    }
    default:
      return undefined;
  }
}

// ----- completion ----------------------------------------------------------------------------

export type CompletionItem = {
  label: string;
  kind: 'identifier' | 'keyword' | 'unit' | 'function' | 'operator';
  detail?: string;
  documentation?: string;
  insertText?: string;
};

const WORDLIKE = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*[-_]?$/;

function keywordItems(t: TokenType, kind: CheckContext['kind']): CompletionItem[] {
  const kw = (label: string, doc?: string): CompletionItem => ({ label, kind: 'keyword', documentation: doc ?? KEYWORD_DOCS[label.split(' ')[0]] });
  if (t === At) return kind === 'payment' ? [] : [kw('at least'), kw('at most')];
  if (t === Least) return [kw('least')];
  if (t === Most) return [kw('most')];
  if (t === Capped) return [kw('capped at')];
  if (t === Reduce) return [kw('reduce by')];
  if (t === Increase) return [kw('increase by')];
  if (t === Up) return [kw('up to')];
  if (t === To) return [kw('to')];
  if (t === From) return [kw('from baseline')];
  if (t === Baseline) return [kw('baseline')];
  const word = String(t.PATTERN).replace(/^\/|\/i?$/g, '');
  return [kw(word)];
}

function identifierItems(ctx: CheckContext, only?: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const s of ctx.symbols.values()) {
    if (only && s.kind !== only) continue;
    items.push({ label: s.name, kind: 'identifier', detail: s.kind + (s.unit ? ` (${UNIT_LABEL[s.unit] ?? s.unit})` : ''), documentation: [s.title, s.description].filter(Boolean).join('\n\n') || undefined });
  }
  if (!only) {
    for (const s of BUILTIN_SYMBOLS.values()) {
      if (ctx.symbols.has(s.name)) continue;
      items.push({ label: s.name, kind: 'identifier', detail: s.collection ? 'group (built-in)' : 'field (built-in)', documentation: s.description });
    }
    for (const f of FUNCTIONS) items.push({ label: f.name, kind: 'function', detail: f.signature, documentation: `${f.doc}\n\nExample: \`${f.example}\``, insertText: `${f.name}(` });
  }
  return items;
}

/** If the cursor is inside `x in [ …`, the kind of thing x refers to (e.g. 'tier'). */
function listKind(tokens: IToken[], ctx: CheckContext): string | undefined {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].tokenType;
    if (t === RBracket) depth++;
    else if (t === LBracket) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (i >= 2 && tokens[i - 1].tokenType === In && tokens[i - 2].tokenType === Identifier) {
        const s = resolveSymbol(tokens[i - 2].image, ctx);
        return s?.refKind ?? (s?.kind === 'tier' || s?.kind === 'lot' ? s.kind : undefined);
      }
      return undefined;
    }
  }
  return undefined;
}

export function completionsAt(text: string, offset: number, ctx: CheckContext): CompletionItem[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const { tokens } = lex(text.slice(0, at));
  let prefix = '';
  let preceding = tokens;
  const last = tokens[tokens.length - 1];
  if (last && last.startOffset + last.image.length === at && WORDLIKE.test(last.image)) {
    prefix = last.image;
    preceding = tokens.slice(0, -1);
  }
  let next: TokenType[] = [];
  try {
    next = contentAssist(ctx.kind, preceding).map((p) => p.nextTokenType);
  } catch {
    next = [];
  }
  const prev = preceding[preceding.length - 1];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (i: CompletionItem) => {
    if (seen.has(i.label)) return;
    seen.add(i.label);
    items.push(i);
  };
  const afterNumber = prev?.tokenType === NumberLit;
  const VALUE_ENDS: TokenType[] = [NumberLit, Identifier, DateLit, PercentSign, PercentWord, Points, Gbp, DurationUnit, RBracket];
  const afterValue = !!prev && (VALUE_ENDS.includes(prev.tokenType) || prev.tokenType.name === 'RParen' || prev.tokenType.name === 'MoneyLit' || prev.tokenType.name === 'StringLit');
  if (prev?.tokenType === By && ctx.kind === 'target') {
    // after 'by' in a target only a date fits
    next = next.filter((t) => t === DateLit);
  }
  for (const t of next) {
    if (t === EOF) continue;
    if (t === Identifier) {
      if (afterNumber) continue; // a counted noun: free text
      if (prev?.tokenType === By || (prev?.tokenType === In && ctx.kind === 'target')) continue;
      const only = listKind(preceding, ctx);
      for (const i of identifierItems(ctx, only)) add(i);
    } else if (keywordTokens.includes(t)) {
      for (const i of keywordItems(t, ctx.kind)) add(i);
    } else if (t === CompareOp || t === Ge || t === Le || t === Gt || t === Lt || t === Eq || t === Ne) {
      for (const op of ['>=', '<=', '>', '<', '=', '!=']) add({ label: op, kind: 'operator' });
    } else if (t === Plus || t === Minus || t === Star || t === Slash) {
      if (afterValue) add({ label: t === Plus ? '+' : t === Minus ? '-' : t === Star ? '*' : '/', kind: 'operator' });
    } else if (t === PercentSign) add({ label: '%', kind: 'unit', documentation: UNIT_DOCS[0].doc });
    else if (t === PercentWord) add({ label: 'percent', kind: 'unit', documentation: UNIT_DOCS[0].doc });
    else if (t === PercentageWord) add({ label: 'percentage points', kind: 'unit', documentation: UNIT_DOCS[1].doc });
    else if (t === Points) add({ label: 'points', kind: 'unit' });
    else if (t === Gbp) add({ label: 'GBP', kind: 'unit', documentation: UNIT_DOCS[7].doc });
    else if (t === DurationUnit) {
      for (const d of UNIT_DOCS.filter((x) => x.unit === 'duration')) add({ label: d.label, kind: 'unit', documentation: d.doc });
    } else if (t === DateLit) {
      if (ctx.term?.end) add({ label: ctx.term.end, kind: 'keyword', detail: 'contract end date' });
      else if (prev?.tokenType === By) add({ label: '2027-03-31', kind: 'keyword', detail: 'a date (example)', insertText: '2027-03-31' });
      if (ctx.term?.start && prev?.tokenType !== By) add({ label: ctx.term.start, kind: 'keyword', detail: 'contract start date' });
    }
  }
  const p = prefix.toLowerCase();
  return p ? items.filter((i) => i.label.toLowerCase().startsWith(p)) : items;
}
