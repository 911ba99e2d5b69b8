// The expression lexer: token types and the module-level chevrotain Lexer singleton.
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Identifier: lower- or mixed-case word, kebab-case or snake_case (`placement-stability`, `annual_fee`). */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/,
  label: 'a name',
});

// Keywords are case-insensitive and fall back to Identifier when a longer word matches (`income`, `and-more`).
function keyword(word: string, label?: string, extra: Partial<Parameters<typeof createToken>[0]> = {}): TokenType {
  return createToken({
    name: 'Kw_' + word.replace(/[^a-z]/gi, '_'),
    pattern: new RegExp(word, 'i'),
    longer_alt: Identifier,
    label: label ?? `'${word}'`,
    ...extra,
  });
}

export const KeywordCategory = createToken({ name: 'Keyword', pattern: Lexer.NA });

export const And = keyword('and', undefined, { categories: [KeywordCategory] });
export const Or = keyword('or', undefined, { categories: [KeywordCategory] });
export const Not = keyword('not', undefined, { categories: [KeywordCategory] });
export const In = keyword('in', undefined, { categories: [KeywordCategory] });
export const By = keyword('by', undefined, { categories: [KeywordCategory] });
export const From = keyword('from', undefined, { categories: [KeywordCategory] });
export const Baseline = keyword('baseline', undefined, { categories: [KeywordCategory] });
export const Between = keyword('between', undefined, { categories: [KeywordCategory] });
export const At = keyword('at', undefined, { categories: [KeywordCategory] });
export const Least = keyword('least', undefined, { categories: [KeywordCategory] });
export const Most = keyword('most', undefined, { categories: [KeywordCategory] });
export const Reduce = keyword('reduce', undefined, { categories: [KeywordCategory] });
export const Increase = keyword('increase', undefined, { categories: [KeywordCategory] });
export const Up = keyword('up', undefined, { categories: [KeywordCategory] });
export const To = keyword('to', undefined, { categories: [KeywordCategory] });
export const Of = keyword('of', undefined, { categories: [KeywordCategory] });
export const When = keyword('when', undefined, { categories: [KeywordCategory] });
export const Where = keyword('where', undefined, { categories: [KeywordCategory] });
export const Per = keyword('per', undefined, { categories: [KeywordCategory] });
export const Capped = keyword('capped', undefined, { categories: [KeywordCategory] });

export const UnitCategory = createToken({ name: 'Unit', pattern: Lexer.NA });
export const PercentageWord = keyword('percentage', "'percentage points'", { categories: [UnitCategory] });
export const Points = keyword('points', "'points'", { categories: [UnitCategory] });
export const PercentWord = keyword('percent', "'percent'", { categories: [UnitCategory] });
export const Gbp = keyword('gbp', "'GBP'", { categories: [UnitCategory] });
export const DurationUnit = createToken({
  name: 'DurationUnit',
  pattern: /(?:days?|weeks?|months?|quarters?|years?)/i,
  longer_alt: Identifier,
  label: 'a period such as months',
  categories: [UnitCategory],
});

/** Dates: 2027-03-31 or 2027-03 (must not run into further digits). */
export const DateLit = createToken({
  name: 'DateLit',
  pattern: /\d{4}-\d{1,2}(?:-\d{1,2})?(?![\d])/,
  label: 'a date such as 2027-03-31',
});
/** Money in pounds: £1.5m, £300,000, £250k, £1.2bn. */
export const MoneyLit = createToken({
  name: 'MoneyLit',
  pattern: /£ ?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:bn|[kmKM])?(?![A-Za-z0-9_])/,
  label: 'an amount such as £250,000',
});
/** A bare pound sign with no amount: reported with a plain message. */
export const BadMoney = createToken({ name: 'BadMoney', pattern: /£/, label: "'£'" });
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/,
  label: 'a number',
});
export const StringLit = createToken({
  name: 'StringLit',
  pattern: /"[^"\n]*"|'[^'\n]*'/,
  label: 'quoted text',
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"[^"\n]*|'[^'\n]*/,
  label: 'quoted text',
});

export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA, label: 'a comparison such as >=' });
export const Ge = createToken({ name: 'Ge', pattern: />=|≥|=>/, categories: [CompareOp], label: "'>='" });
export const Le = createToken({ name: 'Le', pattern: /<=|≤|=</, categories: [CompareOp], label: "'<='" });
export const Ne = createToken({ name: 'Ne', pattern: /!=|≠|<>/, categories: [CompareOp], label: "'!='" });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [CompareOp], label: "'>'" });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [CompareOp], label: "'<'" });
export const Eq = createToken({ name: 'Eq', pattern: /==?/, categories: [CompareOp], label: "'='" });

export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: /-|−|–/, label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: /\*|×/, label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: /\/|÷/, label: "'/'" });
export const PercentSign = createToken({ name: 'PercentSign', pattern: /%/, label: "'%'" });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./, label: "'..'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: "']'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u00a0]+/, group: Lexer.SKIPPED });

export const keywordTokens: TokenType[] = [
  And, Or, Not, In, By, From, Baseline, Between, At, Least, Most, Reduce, Increase, Up, To, Of, When, Where, Per, Capped,
];
export const unitWordTokens: TokenType[] = [PercentageWord, Points, PercentWord, Gbp, DurationUnit];

export const allTokens: TokenType[] = [
  WhiteSpace,
  DateLit,
  MoneyLit,
  BadMoney,
  NumberLit,
  StringLit,
  UnterminatedString,
  Ge, Le, Ne, Gt, Lt, Eq,
  DotDot,
  Plus, Minus, Star, Slash, PercentSign,
  LParen, RParen, LBracket, RBracket, Comma,
  // Keywords and unit words before Identifier (longer_alt hands longer words back to Identifier);
  // longest first so that 'increase' is not read as 'in' and 'percentage' not as 'per'.
  ...[...keywordTokens, PercentageWord, Points, PercentWord, Gbp].sort(
    (a, b) => String(b.PATTERN).length - String(a.PATTERN).length,
  ),
  DurationUnit,
  Identifier,
  KeywordCategory, UnitCategory, CompareOp,
];

export const expressionLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  // Characters outside the language are reported by parseExpression in plain words.
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: () => 'unexpected character',
    buildUnableToPopLexerModeMessage: () => 'unexpected character',
  },
});

/** Words that name units (for "did you mean" on unknown units). */
export const UNIT_WORDS = [
  'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years', 'percent', 'percentage', 'points', 'GBP',
];
export const KEYWORD_WORDS = keywordTokens.map((t) => String(t.PATTERN).replace(/^\/|\/i$/g, ''));
