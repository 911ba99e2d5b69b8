// Public API of the commspec expression language.
export type {
  ExpressionKind,
  Span,
  Severity,
  ExpressionDiagnostic,
  Unit,
  SymbolInfo,
  SymbolKind,
  CheckContext,
  ParsedExpression,
  TokenInfo,
  TokenRole,
  Expr,
  TargetExpr,
  TargetForm,
  PaymentExpr,
  DurationUnitName,
  CompareOperator,
} from './ast';
export { parseExpression, parseUncached, MAX_NESTING, MAX_TOKENS } from './parser';
export { checkExpression, typeOf, resolveSymbol } from './checker';
export {
  semanticTokens,
  completionsAt,
  hoverAt,
  identifiersIn,
  childrenOf,
  SEMANTIC_TOKEN_TYPES,
  SEMANTIC_TOKEN_MODIFIERS,
  STANDARD_TOKEN_TYPE,
  type CompletionItem,
} from './editor';
export { evaluateTarget, compareAmbition } from './evaluate';
export { constValue, isRealDate } from './values';
export {
  FUNCTIONS,
  UNIT_DOCS,
  KEYWORD_DOCS,
  BUILTIN_SYMBOLS,
  EXPRESSION_KEYS,
  EXPRESSION_KEY_KINDS,
  type FunctionInfo,
} from './vocabulary';
export { benchmarkMix, benchmarkPairs, benchmarkSymbols } from './samples';
