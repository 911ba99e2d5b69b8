// Typed AST and the public types shared by the expression language modules.

export type ExpressionKind = 'target' | 'threshold' | 'payment' | 'measure';

/** Offsets in the expression string, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface ExpressionDiagnostic {
  span: Span;
  message: string;
  /** Stable kebab-case code, e.g. 'expr/syntax'. See grammar/README.md for the list. */
  code: string;
  severity: Severity;
}

export type Unit = 'percent' | 'money' | 'count' | 'duration' | 'date' | 'number' | 'rate' | 'boolean' | 'text';

export type SymbolKind = 'indicator' | 'outcome' | 'tier' | 'lot' | 'field' | 'requirement';

export interface SymbolInfo {
  name: string;
  kind: SymbolKind;
  unit?: Unit;
  polarity?: 'higher' | 'lower';
  title?: string;
  description?: string;
}

export interface CheckContext {
  kind: ExpressionKind;
  symbols: ReadonlyMap<string, SymbolInfo>;
  /** When checking an indicator's target (or measure). */
  indicator?: { id: string; unit?: Unit; polarity?: 'higher' | 'lower'; baseline?: number };
  /** ISO dates of the contract term, when declared. */
  term?: { start?: string; end?: string };
}

export type DurationUnitName = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type CompareOperator = '>=' | '>' | '<=' | '<' | '=' | '!=';

interface NodeBase {
  span: Span;
}

export interface NumberLiteral extends NodeBase {
  type: 'number';
  value: number;
}
export interface PercentLiteral extends NodeBase {
  type: 'percent';
  /** As written: 85 for 85%. */
  value: number;
  /** `5 percentage points` */
  points: boolean;
}
export interface MoneyLiteral extends NodeBase {
  type: 'money';
  /** In pounds. */
  value: number;
}
export interface DurationLiteral extends NodeBase {
  type: 'duration';
  value: number;
  unit: DurationUnitName;
}
export interface DateLiteral extends NodeBase {
  type: 'date';
  text: string;
  year: number;
  month: number;
  /** Absent for a month date such as 2027-03. */
  day?: number;
}
export interface CountLiteral extends NodeBase {
  type: 'count';
  value: number;
  /** The counted noun, e.g. 'moves' in `2 moves`. */
  noun: string;
  nounSpan: Span;
}
export interface TextLiteral extends NodeBase {
  type: 'text';
  value: string;
}
export interface Identifier extends NodeBase {
  type: 'identifier';
  name: string;
}
export interface Negate extends NodeBase {
  type: 'negate';
  operand: Expr;
  /** How many minus signs were written (`- -5` has 2). */
  times: number;
}
export type ArithOperator = '+' | '-' | '*' | '/';
/** A chain of operators of the same precedence, kept flat (no deep trees for long inputs). */
export interface Arith extends NodeBase {
  type: 'arith';
  operands: Expr[];
  /** ops[i] sits between operands[i] and operands[i + 1]. */
  ops: ArithOperator[];
  opSpans: Span[];
}
/** `7% of annual_fee` */
export interface OfExpr extends NodeBase {
  type: 'of';
  part: Expr;
  whole: Expr;
}
export type PerBasis =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'period'; unit: DurationUnitName; span: Span }
  | { kind: 'noun'; name: string; span: Span };
/** `£1,200 per child`, `£250,000 per year`, `rate(...) per 10000` */
export interface PerExpr extends NodeBase {
  type: 'per';
  operand: Expr;
  basis: PerBasis;
}
/** `children where moves <= 2` (inside a function call) */
export interface WhereExpr extends NodeBase {
  type: 'where';
  collection: Expr;
  condition: Expr;
}
export interface Call extends NodeBase {
  type: 'call';
  name: string;
  nameSpan: Span;
  args: Expr[];
}
export interface Paren extends NodeBase {
  type: 'paren';
  inner: Expr;
}
export interface Compare extends NodeBase {
  type: 'compare';
  op: CompareOperator;
  opSpan: Span;
  left: Expr;
  right: Expr;
}
export interface ListExpr extends NodeBase {
  type: 'list';
  items: Expr[];
}
export interface RangeExpr extends NodeBase {
  type: 'range';
  low: Expr;
  high: Expr;
}
export interface InExpr extends NodeBase {
  type: 'in';
  negated: boolean;
  subject: Expr;
  set: ListExpr | RangeExpr;
}
export interface BetweenExpr extends NodeBase {
  type: 'between';
  subject: Expr;
  low: Expr;
  high: Expr;
}
export interface AndExpr extends NodeBase {
  type: 'and';
  operands: Expr[];
}
export interface OrExpr extends NodeBase {
  type: 'or';
  operands: Expr[];
}
export interface NotExpr extends NodeBase {
  type: 'not';
  operand: Expr;
  /** How many 'not's were written in a row. */
  times: number;
}

export type TargetForm =
  | { mode: 'compare'; op: CompareOperator; opSpan: Span; phrase?: 'at least' | 'at most'; value: Expr }
  | { mode: 'between'; low: Expr; high: Expr }
  | {
      mode: 'change';
      direction: 'reduce' | 'increase';
      directionSpan: Span;
      amount: Expr;
      /** Span of `from baseline`, when written. */
      fromBaseline?: Span;
    };

/** `>= 85% by 2027-03-31`, `<= 2 moves in 12 months`, `reduce by 10% from baseline by 2026-03` */
export interface TargetExpr extends NodeBase {
  type: 'target';
  form: TargetForm;
  /** `by 2027-03-31`: a date literal when well formed (anything else is reported). */
  deadline?: Expr;
  /** `in 12 months`: a rolling period, a duration literal when well formed. */
  window?: Expr;
}

/** `up to 7% of annual_fee when placement-stability >= 85%, capped at £250,000 per year` */
export interface PaymentExpr extends NodeBase {
  type: 'payment';
  upTo: boolean;
  amount: Expr;
  condition?: Expr;
  cap?: Expr;
}

/** Left behind by error recovery where a value was expected but not found. */
export interface ErrorNode extends NodeBase {
  type: 'error';
}

export type Expr =
  | NumberLiteral
  | PercentLiteral
  | MoneyLiteral
  | DurationLiteral
  | DateLiteral
  | CountLiteral
  | TextLiteral
  | Identifier
  | Negate
  | Arith
  | OfExpr
  | PerExpr
  | WhereExpr
  | Call
  | Paren
  | Compare
  | ListExpr
  | RangeExpr
  | InExpr
  | BetweenExpr
  | AndExpr
  | OrExpr
  | NotExpr
  | TargetExpr
  | PaymentExpr
  | ErrorNode;

export type TokenRole =
  | 'keyword'
  | 'operator'
  | 'number'
  | 'percent'
  | 'money'
  | 'date'
  | 'duration'
  | 'unit'
  | 'countNoun'
  | 'function'
  | 'identifier'
  | 'string'
  | 'punctuation'
  | 'noun';

export interface TokenInfo {
  span: Span;
  /** Lexer token type name, e.g. 'NumberLit', 'Identifier', 'Kw_and'. */
  tokenType: string;
  image: string;
  /** What the parser made of the token. */
  role: TokenRole;
}

export interface ParsedExpression {
  text: string;
  kind: ExpressionKind;
  ast: Expr | undefined;
  /** Syntax diagnostics only (lexing, parsing, nesting, unknown units). */
  diagnostics: ExpressionDiagnostic[];
  tokens: TokenInfo[];
}

export const DAYS_PER_UNIT: Record<DurationUnitName, number> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25,
};

export function durationUnitOf(word: string): DurationUnitName | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  return w === 'day' || w === 'week' || w === 'month' || w === 'quarter' || w === 'year' ? w : undefined;
}
