// The chevrotain parser (embedded actions, error recovery) and parseExpression().
import {
  createTokenInstance,
  EmbeddedActionsParser,
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type {
  ArithOperator,
  CompareOperator,
  DateLiteral,
  Expr,
  ExpressionDiagnostic,
  ExpressionKind,
  ListExpr,
  ParsedExpression,
  PerBasis,
  RangeExpr,
  Span,
  TargetForm,
  TokenInfo,
  TokenRole,
} from './ast';
import { durationUnitOf } from './ast';
import {
  allTokens,
  And,
  At,
  BadMoney,
  Baseline,
  Between,
  By,
  Capped,
  Comma,
  CompareOp,
  DateLit,
  DotDot,
  DurationUnit,
  expressionLexer,
  From,
  Gbp,
  Ge,
  Gt,
  Identifier,
  In,
  Increase,
  KeywordCategory,
  LBracket,
  Le,
  Least,
  LParen,
  Lt,
  Minus,
  MoneyLit,
  Most,
  Ne,
  Not,
  NumberLit,
  Of,
  Or,
  Per,
  PercentageWord,
  PercentSign,
  PercentWord,
  Plus,
  Points,
  RBracket,
  Reduce,
  RParen,
  Slash,
  Star,
  StringLit,
  To,
  UnitCategory,
  UnterminatedString,
  Up,
  When,
  Where,
  Eq,
} from './lexer';
import { quote, suspectUnit } from './text';

/** Maximum nesting of parentheses and brackets. Deeper input is reported, not parsed. */
export const MAX_NESTING = 64;
/** Maximum number of tokens analysed. Longer input is reported, not parsed. */
export const MAX_TOKENS = 20000;

// ---------------------------------------------------------------------------------------------
// Error messages. Chevrotain's own texts never reach users: the provider only encodes what was
// expected, and describeError() below turns that into plain words using the rule stack.

const MARK = '\u0000';
const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => `${MARK}M${MARK}${expected.name}`,
  buildNotAllInputParsedMessage: () => `${MARK}R${MARK}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    `${MARK}N${MARK}${uniqueFirsts(expectedPathsPerAlt.flat()).join(',')}`,
  buildEarlyExitMessage: ({ expectedIterationPaths }) => `${MARK}N${MARK}${uniqueFirsts(expectedIterationPaths).join(',')}`,
};
function uniqueFirsts(paths: TokenType[][]): string[] {
  const out: string[] = [];
  for (const p of paths) if (p[0] && !out.includes(p[0].name)) out.push(p[0].name);
  return out;
}

const tokenByName = new Map<string, TokenType>(allTokens.map((t) => [t.name, t]));

function expectedPhrase(names: string[]): string {
  const labels: string[] = [];
  const valueStarters = ['NumberLit', 'MoneyLit', 'DateLit', 'Identifier', 'LParen', 'StringLit', 'Minus'];
  if (valueStarters.filter((n) => names.includes(n)).length >= 3) {
    labels.push('a value (a number, a percentage, an amount, a date or a name)');
    names = names.filter((n) => !valueStarters.includes(n) && n !== 'BadMoney' && n !== 'UnterminatedString');
  }
  for (const n of names) {
    const t = tokenByName.get(n);
    const label = t?.LABEL ?? n;
    if (!labels.includes(label)) labels.push(label);
  }
  if (labels.length === 0) return 'something else';
  if (labels.length === 1) return labels[0];
  return labels.slice(0, -1).join(', ') + ' or ' + labels[labels.length - 1];
}

function found(tok: IToken): string {
  return tok.tokenType === EOF ? 'the end of the expression' : quote(tok.image);
}

const RULE_EXPECTATIONS: Record<string, string> = {
  deadline: "expected a date after 'by', for example 2027-03-31",
  window: "expected a period after 'in', for example 12 months",
  changeAmount: 'expected the size of the change, for example 10% or 5 percentage points',
  target:
    "a target starts with a comparison, for example '>= 85%', 'at least 85%', 'at most 3', 'between 40 and 60', 'reduce by 10%' or 'increase by 5 percentage points'",
  setExpr: 'expected a list such as [high, specialist] or a range such as 11..17',
  perBasis: "expected what the amount is per after 'per', for example 'per child', 'per year' or 'per 10000'",
};

function describeError(e: IRecognitionException): string {
  const msg = e.message;
  if (!msg.startsWith(MARK)) return msg; // an ERR_MSG we wrote ourselves
  const [, kind, payload] = msg.split(MARK);
  const tok = e.token;
  const stack = e.context?.ruleStack ?? [];
  if (kind === 'R') {
    if (tokenMatcher(tok, CompareOp)) return `unexpected ${found(tok)}: comparisons cannot be chained; use 'between … and …' or join two comparisons with 'and'`;
    if (tokenMatcher(tok, RParen)) return `unexpected ${found(tok)}: there is no matching '('`;
    if (tokenMatcher(tok, RBracket)) return `unexpected ${found(tok)}: there is no matching '['`;
    return `unexpected ${found(tok)}: the expression should end before it (is an operator such as 'and' missing?)`;
  }
  const names = payload ? payload.split(',') : [];
  if (kind === 'M') {
    const name = names[0];
    if (name === 'EOF') return describeError(Object.assign(Object.create(e), { message: `${MARK}R${MARK}` }));
    if (name === 'RParen') return `expected ')' to close the '(' but found ${found(tok)}`;
    if (name === 'RBracket') return `expected ']' to close the list but found ${found(tok)}`;
    if (name === 'Points') return `expected 'points' after 'percentage' (as in '5 percentage points') but found ${found(tok)}`;
    if (name === 'And' || name === 'Kw_and') return `expected 'and' between the two limits (as in 'between 40 and 60') but found ${found(tok)}`;
    return `expected ${expectedPhrase([name])} but found ${found(tok)}`;
  }
  const chain = ['value', 'term', 'ofExpr', 'unary', 'postfix', 'primary', 'numberLiteral', 'operand'];
  for (let i = stack.length - 1; i >= 0; i--) {
    if (chain.includes(stack[i])) continue;
    const special = RULE_EXPECTATIONS[stack[i]];
    if (special) return `${special}; found ${found(tok)}`;
    break;
  }
  return `expected ${expectedPhrase(names)} but found ${found(tok)}`;
}

// ---------------------------------------------------------------------------------------------
// Node helpers

function spanOf(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}
function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
function num(image: string): number {
  return Number(image.replace(/,/g, ''));
}
function moneyValue(image: string): number {
  const m = /^£ ?([\d,]+(?:\.\d+)?)(bn|[kmKM])?$/.exec(image);
  if (!m) return NaN;
  const base = num(m[1]);
  const suffix = (m[2] ?? '').toLowerCase();
  const factor = suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : suffix === 'bn' ? 1e9 : 1;
  return Math.round(base * factor * 100) / 100;
}
function compareOpOf(t: IToken): CompareOperator {
  if (tokenMatcher(t, Ge)) return '>=';
  if (tokenMatcher(t, Le)) return '<=';
  if (tokenMatcher(t, Gt)) return '>';
  if (tokenMatcher(t, Lt)) return '<';
  if (tokenMatcher(t, Ne)) return '!=';
  return '=';
}
function dateNode(t: IToken): DateLiteral {
  const parts = t.image.split('-').map(Number);
  return { type: 'date', text: t.image, year: parts[0], month: parts[1], day: parts[2], span: spanOf(t) };
}
function isInserted(t: IToken | undefined): boolean {
  return !t || t.isInsertedInRecovery === true || Number.isNaN(t.startOffset);
}

const VALUE_STARTERS: TokenType[] = [NumberLit, MoneyLit, DateLit, StringLit, UnterminatedString, BadMoney, Identifier, LParen, Minus];
const STRAY_OPERATORS: TokenType[] = [CompareOp, Star, Slash, Plus, PercentSign, DotDot];
function canStartValue(t: IToken): boolean {
  return VALUE_STARTERS.some((s) => tokenMatcher(t, s));
}
function missingAfter(prev: IToken | undefined): string {
  if (!prev || Number.isNaN(prev.startOffset)) return 'expected a value';
  const w = prev.image.toLowerCase();
  if (tokenMatcher(prev, By)) return "expected a date after 'by', for example 2027-03-31";
  if (tokenMatcher(prev, In)) return "expected a period after 'in', for example 12 months";
  if (tokenMatcher(prev, CompareOp)) return `expected a value after '${prev.image}', for example 85% or 2 moves`;
  if (tokenMatcher(prev, Least) || tokenMatcher(prev, Most)) return `expected a value after 'at ${w}', for example 85%`;
  if (tokenMatcher(prev, And)) return "expected the upper limit after 'and', as in 'between 40 and 60'";
  if (tokenMatcher(prev, Between)) return "expected the lower limit after 'between', as in 'between 40 and 60'";
  if (tokenMatcher(prev, At)) return "expected the cap after 'capped at', for example £250,000 per year";
  return `expected a value after '${prev.image}'`;
}

// ---------------------------------------------------------------------------------------------

class ExpressionParser extends EmbeddedActionsParser {
  roles = new Map<number, TokenRole>();
  notes: ExpressionDiagnostic[] = [];

  /** `validate`: run chevrotain's checks of the grammar itself (ambiguity, left recursion): in the tests, not at every start. */
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messageProvider, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  private role(t: IToken | undefined, r: TokenRole): void {
    if (t && !isInserted(t)) this.roles.set(t.startOffset, r);
  }
  private note(span: Span, code: string, message: string, severity: ExpressionDiagnostic['severity'] = 'error'): void {
    this.notes.push({ span, code, message, severity });
  }
  private errorNode(t: IToken): Expr {
    const s = isInserted(t) ? { start: 0, end: 0 } : spanOf(t);
    return { type: 'error', span: s };
  }
  private recover = (e: IRecognitionException): Expr => {
    const t = e.token;
    return { type: 'error', span: t && !Number.isNaN(t.startOffset) && t.tokenType !== EOF ? spanOf(t) : { start: -1, end: -1 } };
  };

  // ----- targets -------------------------------------------------------------------------------
  public target = this.RULE(
    'target',
    (): Expr => {
      let form: TargetForm | undefined;
      let deadline: Expr | undefined;
      let window: Expr | undefined;
      const first = this.LA(1);
      this.OR([
        {
          ALT: () => {
            const op = this.CONSUME(CompareOp);
            const v = this.SUBRULE(this.operand);
            this.ACTION(() => {
              form = { mode: 'compare', op: compareOpOf(op), opSpan: spanOf(op), value: v };
            });
          },
        },
        {
          ALT: () => {
            const at = this.CONSUME(At);
            const w = this.OR2([{ ALT: () => this.CONSUME(Least) }, { ALT: () => this.CONSUME(Most) }]);
            const v = this.SUBRULE2(this.operand);
            this.ACTION(() => {
              const least = tokenMatcher(w, Least);
              form = { mode: 'compare', op: least ? '>=' : '<=', opSpan: join(spanOf(at), spanOf(w)), phrase: least ? 'at least' : 'at most', value: v };
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(Between);
            const lo = this.SUBRULE3(this.operand);
            this.CONSUME(And);
            const hi = this.SUBRULE4(this.operand);
            this.ACTION(() => {
              form = { mode: 'between', low: lo, high: hi };
            });
          },
        },
        {
          ALT: () => {
            const d = this.OR3([{ ALT: () => this.CONSUME(Reduce) }, { ALT: () => this.CONSUME(Increase) }]);
            this.CONSUME(By, { ERR_MSG: `expected 'by' after '${d.image}', as in '${d.image} by 10% from baseline'` });
            const amount = this.SUBRULE(this.changeAmount);
            let fromSpan: Span | undefined;
            this.OPTION(() => {
              const f = this.CONSUME(From);
              const b = this.CONSUME(Baseline, { ERR_MSG: "expected 'baseline' after 'from', as in 'reduce by 10% from baseline'" });
              this.ACTION(() => {
                fromSpan = isInserted(b) ? spanOf(f) : join(spanOf(f), spanOf(b));
              });
            });
            this.ACTION(() => {
              form = {
                mode: 'change',
                direction: tokenMatcher(d, Reduce) ? 'reduce' : 'increase',
                directionSpan: spanOf(d),
                amount,
                fromBaseline: fromSpan,
              };
            });
          },
        },
      ]);
      this.MANY(() => {
        this.OR4([
          {
            ALT: () => {
              const by = this.CONSUME2(By);
              const d = this.SUBRULE(this.deadline);
              this.ACTION(() => {
                if (deadline) this.note(join(spanOf(by), d.span), 'expr/duplicate-clause', "this target already has a deadline ('by …'); give only one");
                else deadline = d;
              });
            },
          },
          {
            ALT: () => {
              const inn = this.CONSUME(In);
              const w = this.SUBRULE(this.window);
              this.ACTION(() => {
                if (window) this.note(join(spanOf(inn), w.span), 'expr/duplicate-clause', "this target already has a period ('in …'); give only one");
                else window = w;
              });
            },
          },
        ]);
      });
      return this.ACTION(() => {
        const last = this.LA(0);
        const start = first.startOffset;
        const end = last && !Number.isNaN(last.startOffset) ? last.startOffset + last.image.length : start;
        if (!form) return { type: 'error', span: spanOf(first) } as Expr;
        return { type: 'target', form, deadline, window, span: { start, end: Math.max(start, end) } } as Expr;
      });
    },
    { recoveryValueFunc: this.recover },
  );

  public deadline = this.RULE(
    'deadline',
    (): Expr => {
      const v = this.SUBRULE(this.operand);
      this.ACTION(() => {
        if (v.type === 'date' || v.type === 'error') return;
        if (v.type === 'number' && Number.isInteger(v.value) && v.value >= 1900 && v.value <= 2200)
          this.note(v.span, 'expr/expected-date', `a year on its own is ambiguous: write the full date after 'by', for example ${v.value}-03-31 or ${v.value}-12-31`);
        else this.note(v.span, 'expr/expected-date', `expected a date after 'by', for example 2027-03-31; found ${quote(this.textOf(v.span))}`);
      });
      return v;
    },
    { recoveryValueFunc: this.recover },
  );

  public window = this.RULE(
    'window',
    (): Expr => {
      const v = this.SUBRULE(this.operand);
      this.ACTION(() => {
        if (v.type === 'duration' || v.type === 'error') return;
        if (v.type === 'number') this.note(v.span, 'expr/expected-duration', `expected a period after 'in': add a unit, for example '${v.value} months'`);
        else this.note(v.span, 'expr/expected-duration', `expected a period after 'in', for example 12 months; found ${quote(this.textOf(v.span))}`);
      });
      return v;
    },
    { recoveryValueFunc: this.recover },
  );

  public changeAmount = this.RULE(
    'changeAmount',
    (): Expr => {
      this.ACTION(() => {
        this.missingHint = 'expected the size of the change, for example 10% or 5 percentage points';
      });
      const v = this.SUBRULE(this.operand);
      this.ACTION(() => {
        this.missingHint = undefined;
      });
      return v;
    },
    { recoveryValueFunc: this.recover },
  );
  missingHint: string | undefined;

  /** A condition that may be missing (after 'when' or 'where'). */
  public requiredCondition = this.RULE(
    'requiredCondition',
    (): Expr =>
      this.OR([
        { ALT: () => this.SUBRULE(this.condition) },
        {
          GATE: () => !canStartValue(this.LA(1)) && !tokenMatcher(this.LA(1), Not),
          ALT: () =>
            this.ACTION(() => {
              const prev = this.LA(0);
              const s = prev && !Number.isNaN(prev.startOffset) ? spanOf(prev) : { start: 0, end: 0 };
              this.note(s, 'expr/missing-value', `expected a condition after '${prev?.image ?? ''}', for example placement-stability >= 85%`);
              return { type: 'error', span: s } as Expr;
            }),
        },
      ]),
    { recoveryValueFunc: this.recover },
  );

  /**
   * A value that may be missing: at the end of the expression or before a clause keyword we report
   * "expected … after 'x'" on the token before, and carry on analysing the rest.
   */
  public operand = this.RULE(
    'operand',
    (): Expr =>
      this.OR([
        { ALT: () => this.SUBRULE(this.value) },
        {
          // Not before a stray operator (`a > > 1`): that is reported as the unexpected operator.
          GATE: () => !canStartValue(this.LA(1)) && !STRAY_OPERATORS.some((t) => tokenMatcher(this.LA(1), t)),
          ALT: () =>
            this.ACTION(() => {
              const prev = this.LA(0);
              const s = prev && !Number.isNaN(prev.startOffset) ? spanOf(prev) : { start: 0, end: 0 };
              this.note(s, 'expr/missing-value', this.missingHint ?? missingAfter(prev));
              this.missingHint = undefined;
              return { type: 'error', span: s } as Expr;
            }),
        },
      ]),
    { recoveryValueFunc: this.recover },
  );

  // ----- payments ------------------------------------------------------------------------------
  public payment = this.RULE(
    'payment',
    (): Expr => {
      let upTo = false;
      let condition: Expr | undefined;
      let cap: Expr | undefined;
      const first = this.LA(1);
      this.OPTION(() => {
        this.CONSUME(Up);
        this.CONSUME(To, { ERR_MSG: "expected 'to' after 'up', as in 'up to 7% of annual_fee'" });
        upTo = true;
      });
      const amount = this.SUBRULE(this.value);
      this.MANY(() => {
        this.OPTION2(() => this.CONSUME(Comma));
        this.OR([
          {
            ALT: () => {
              const w = this.CONSUME(When);
              const c = this.SUBRULE(this.requiredCondition);
              this.ACTION(() => {
                if (condition) this.note(join(spanOf(w), c.span), 'expr/duplicate-clause', "this rule already has a 'when' condition; join conditions with 'and'");
                else condition = c;
              });
            },
          },
          {
            ALT: () => {
              const cp = this.CONSUME(Capped);
              this.CONSUME(At, { ERR_MSG: "expected 'at' after 'capped', as in 'capped at £250,000 per year'" });
              const c = this.SUBRULE2(this.operand);
              this.ACTION(() => {
                if (cap) this.note(join(spanOf(cp), c.span), 'expr/duplicate-clause', 'this rule already has a cap; give only one');
                else cap = c;
              });
            },
          },
        ]);
      });
      return this.ACTION(() => {
        const last = this.LA(0);
        const start = first.startOffset;
        const end = last && !Number.isNaN(last.startOffset) ? last.startOffset + last.image.length : start;
        return { type: 'payment', upTo, amount, condition, cap, span: { start, end: Math.max(start, end) } } as Expr;
      });
    },
    { recoveryValueFunc: this.recover },
  );

  // ----- conditions ----------------------------------------------------------------------------
  public condition = this.RULE(
    'condition',
    (): Expr => {
      const operands: Expr[] = [this.SUBRULE(this.andExpr)];
      this.MANY(() => {
        this.CONSUME(Or);
        operands.push(this.SUBRULE2(this.andExpr));
      });
      return this.ACTION(() =>
        operands.length === 1 ? operands[0] : { type: 'or', operands, span: join(operands[0].span, operands[operands.length - 1].span) },
      );
    },
    { recoveryValueFunc: this.recover },
  );

  public andExpr = this.RULE(
    'andExpr',
    (): Expr => {
      const operands: Expr[] = [this.SUBRULE(this.notExpr)];
      this.MANY(() => {
        this.CONSUME(And);
        operands.push(this.SUBRULE2(this.notExpr));
      });
      return this.ACTION(() =>
        operands.length === 1 ? operands[0] : { type: 'and', operands, span: join(operands[0].span, operands[operands.length - 1].span) },
      );
    },
    { recoveryValueFunc: this.recover },
  );

  public notExpr = this.RULE(
    'notExpr',
    (): Expr => {
      const nots: IToken[] = [];
      this.MANY(() => nots.push(this.CONSUME(Not)));
      const inner = this.SUBRULE(this.comparison);
      return this.ACTION(() => {
        if (nots.length === 0) return inner;
        if (nots.length > 1) this.note(join(spanOf(nots[0]), spanOf(nots[nots.length - 1])), 'expr/repeated-not', "'not' is repeated: each 'not' reverses the condition again", 'warning');
        return { type: 'not', operand: inner, times: nots.length, span: join(spanOf(nots[0]), inner.span) } as Expr;
      });
    },
    { recoveryValueFunc: this.recover },
  );

  public comparison = this.RULE(
    'comparison',
    (): Expr => {
      const left = this.SUBRULE(this.value);
      let result: Expr | undefined;
      this.OPTION(() => {
        this.OR([
          {
            ALT: () => {
              const op = this.CONSUME(CompareOp);
              const right = this.SUBRULE2(this.operand);
              this.ACTION(() => {
                result = { type: 'compare', op: compareOpOf(op), opSpan: spanOf(op), left, right, span: join(left.span, right.span) };
              });
            },
          },
          {
            ALT: () => {
              let negated = false;
              this.OPTION2(() => {
                this.CONSUME(Not);
                negated = true;
              });
              this.CONSUME(In);
              const set = this.SUBRULE(this.setExpr);
              this.ACTION(() => {
                result = { type: 'in', negated, subject: left, set: set as ListExpr | RangeExpr, span: join(left.span, set.span) };
              });
            },
          },
          {
            ALT: () => {
              this.CONSUME(Between);
              const lo = this.SUBRULE3(this.value);
              this.CONSUME(And);
              const hi = this.SUBRULE4(this.value);
              this.ACTION(() => {
                result = { type: 'between', subject: left, low: lo, high: hi, span: join(left.span, hi.span) };
              });
            },
          },
        ]);
      });
      return this.ACTION(() => result ?? left);
    },
    { recoveryValueFunc: this.recover },
  );

  public setExpr = this.RULE(
    'setExpr',
    (): Expr => {
      return this.OR([
        {
          ALT: () => {
            const l = this.CONSUME(LBracket);
            const items: Expr[] = [];
            this.OPTION(() => {
              items.push(this.SUBRULE(this.value));
              this.MANY(() => {
                this.CONSUME(Comma);
                items.push(this.SUBRULE2(this.value));
              });
            });
            const r = this.CONSUME(RBracket);
            return this.ACTION(() => {
              const last = isInserted(r) ? (items.length ? items[items.length - 1].span : spanOf(l)) : spanOf(r);
              return { type: 'list', items, span: join(spanOf(l), last) } as Expr;
            });
          },
        },
        {
          ALT: () => {
            const lo = this.SUBRULE3(this.value);
            this.CONSUME(DotDot, { ERR_MSG: "expected '..' in a range such as 11..17, or a list in square brackets such as [high, specialist]" });
            const hi = this.SUBRULE4(this.value);
            return this.ACTION(() => ({ type: 'range', low: lo, high: hi, span: join(lo.span, hi.span) }) as Expr);
          },
        },
      ]);
    },
    { recoveryValueFunc: this.recover },
  );

  // ----- arithmetic ----------------------------------------------------------------------------
  public value = this.RULE(
    'value',
    (): Expr => {
      const operands: Expr[] = [this.SUBRULE(this.term)];
      const ops: ArithOperator[] = [];
      const opSpans: Span[] = [];
      this.MANY(() => {
        const op = this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }]);
        operands.push(this.SUBRULE2(this.term));
        this.ACTION(() => {
          ops.push(tokenMatcher(op, Plus) ? '+' : '-');
          opSpans.push(spanOf(op));
        });
      });
      return this.ACTION(() =>
        operands.length === 1 ? operands[0] : { type: 'arith', operands, ops, opSpans, span: join(operands[0].span, operands[operands.length - 1].span) },
      );
    },
    { recoveryValueFunc: this.recover },
  );

  public term = this.RULE(
    'term',
    (): Expr => {
      const operands: Expr[] = [this.SUBRULE(this.ofExpr)];
      const ops: ArithOperator[] = [];
      const opSpans: Span[] = [];
      this.MANY(() => {
        const op = this.OR([{ ALT: () => this.CONSUME(Star) }, { ALT: () => this.CONSUME(Slash) }]);
        operands.push(this.SUBRULE2(this.ofExpr));
        this.ACTION(() => {
          ops.push(tokenMatcher(op, Star) ? '*' : '/');
          opSpans.push(spanOf(op));
        });
      });
      return this.ACTION(() =>
        operands.length === 1 ? operands[0] : { type: 'arith', operands, ops, opSpans, span: join(operands[0].span, operands[operands.length - 1].span) },
      );
    },
    { recoveryValueFunc: this.recover },
  );

  public ofExpr = this.RULE(
    'ofExpr',
    (): Expr => {
      const part = this.SUBRULE(this.unary);
      let result: Expr | undefined;
      this.OPTION(() => {
        this.CONSUME(Of);
        const whole = this.SUBRULE2(this.unary);
        this.ACTION(() => {
          result = { type: 'of', part, whole, span: join(part.span, whole.span) };
        });
      });
      return this.ACTION(() => result ?? part);
    },
    { recoveryValueFunc: this.recover },
  );

  public unary = this.RULE(
    'unary',
    (): Expr => {
      const minus: IToken[] = [];
      this.MANY(() => minus.push(this.CONSUME(Minus)));
      const operand = this.SUBRULE(this.postfix);
      return this.ACTION(() => {
        if (minus.length === 0) return operand;
        return { type: 'negate', operand, times: minus.length, span: join(spanOf(minus[0]), operand.span) } as Expr;
      });
    },
    { recoveryValueFunc: this.recover },
  );

  public postfix = this.RULE(
    'postfix',
    (): Expr => {
      const operand = this.SUBRULE(this.primary);
      let result: Expr | undefined;
      this.OPTION(() => {
        this.CONSUME(Per);
        const basis = this.SUBRULE(this.perBasis);
        this.ACTION(() => {
          const b = basis as unknown as PerBasis;
          result = { type: 'per', operand, basis: b, span: join(operand.span, b.span) };
        });
      });
      return this.ACTION(() => result ?? operand);
    },
    { recoveryValueFunc: this.recover },
  );

  public perBasis = this.RULE('perBasis', (): PerBasis => {
    return this.OR([
      {
        ALT: () => {
          const n = this.CONSUME(NumberLit);
          return this.ACTION(() => ({ kind: 'number', value: num(n.image), span: spanOf(n) }) as PerBasis);
        },
      },
      {
        ALT: () => {
          const u = this.CONSUME(DurationUnit);
          this.ACTION(() => this.role(u, 'unit'));
          return this.ACTION(() => ({ kind: 'period', unit: durationUnitOf(u.image)!, span: spanOf(u) }) as PerBasis);
        },
      },
      {
        ALT: () => {
          const id = this.CONSUME(Identifier);
          this.ACTION(() => this.role(id, 'noun'));
          return this.ACTION(() => ({ kind: 'noun', name: id.image, span: spanOf(id) }) as PerBasis);
        },
      },
    ]);
  }, { recoveryValueFunc: (): PerBasis => ({ kind: 'noun', name: '', span: { start: -1, end: -1 } }) });

  public primary = this.RULE(
    'primary',
    (): Expr => {
      return this.OR([
        { ALT: () => this.SUBRULE(this.numberLiteral) },
        {
          ALT: () => {
            const t = this.CONSUME(MoneyLit);
            return this.ACTION(() => ({ type: 'money', value: moneyValue(t.image), span: spanOf(t) }) as Expr);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(DateLit);
            return this.ACTION(() => dateNode(t) as Expr);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(StringLit);
            return this.ACTION(() => ({ type: 'text', value: t.image.slice(1, -1), span: spanOf(t) }) as Expr);
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(UnterminatedString);
            return this.ACTION(() => {
              this.note(spanOf(t), 'expr/unterminated-text', `this quoted text has no closing ${t.image[0]}`);
              return { type: 'text', value: t.image.slice(1), span: spanOf(t) } as Expr;
            });
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(BadMoney);
            return this.ACTION(() => {
              this.note(spanOf(t), 'expr/syntax', "expected an amount after '£', for example £250,000, £1.5m or £250k");
              return this.errorNode(t);
            });
          },
        },
        { ALT: () => this.SUBRULE(this.callOrName) },
        {
          ALT: () => {
            const l = this.CONSUME(LParen);
            const inner = this.SUBRULE(this.condition);
            const r = this.CONSUME(RParen);
            return this.ACTION(() => ({ type: 'paren', inner, span: join(spanOf(l), isInserted(r) ? inner.span : spanOf(r)) }) as Expr);
          },
        },
      ]);
    },
    { recoveryValueFunc: this.recover },
  );

  public callOrName = this.RULE(
    'callOrName',
    (): Expr => {
      const id = this.CONSUME(Identifier);
      let args: Expr[] | undefined;
      let close: IToken | undefined;
      this.OPTION(() => {
        this.CONSUME(LParen);
        const list: Expr[] = [];
        this.OPTION2(() => {
          list.push(this.SUBRULE(this.argument));
          this.MANY(() => {
            this.CONSUME(Comma);
            list.push(this.SUBRULE2(this.argument));
          });
        });
        close = this.CONSUME(RParen);
        args = list;
      });
      return this.ACTION(() => {
        if (!args) return { type: 'identifier', name: id.image, span: spanOf(id) } as Expr;
        this.role(id, 'function');
        const endSpan = close && !isInserted(close) ? spanOf(close) : args.length ? args[args.length - 1].span : spanOf(id);
        return { type: 'call', name: id.image, nameSpan: spanOf(id), args, span: join(spanOf(id), endSpan) } as Expr;
      });
    },
    { recoveryValueFunc: this.recover },
  );

  public argument = this.RULE(
    'argument',
    (): Expr => {
      const subject = this.SUBRULE(this.condition);
      let result: Expr | undefined;
      this.OPTION(() => {
        this.CONSUME(Where);
        const cond = this.SUBRULE2(this.requiredCondition);
        this.ACTION(() => {
          result = { type: 'where', collection: subject, condition: cond, span: join(subject.span, cond.span) };
        });
      });
      return this.ACTION(() => result ?? subject);
    },
    { recoveryValueFunc: this.recover },
  );

  public numberLiteral = this.RULE(
    'numberLiteral',
    (): Expr => {
      const n = this.CONSUME(NumberLit);
      let result: Expr | undefined;
      this.OPTION(() => {
        this.OR([
          {
            ALT: () => {
              const p = this.CONSUME(PercentSign);
              this.ACTION(() => {
                this.role(n, 'percent');
                this.role(p, 'percent');
                result = { type: 'percent', value: num(n.image), points: false, span: join(spanOf(n), spanOf(p)) };
              });
            },
          },
          {
            ALT: () => {
              const p = this.CONSUME(PercentWord);
              this.ACTION(() => {
                this.role(n, 'percent');
                this.role(p, 'unit');
                result = { type: 'percent', value: num(n.image), points: false, span: join(spanOf(n), spanOf(p)) };
              });
            },
          },
          {
            ALT: () => {
              const p = this.CONSUME(PercentageWord);
              const q = this.CONSUME(Points);
              this.ACTION(() => {
                this.role(n, 'percent');
                this.role(p, 'unit');
                this.role(q, 'unit');
                result = { type: 'percent', value: num(n.image), points: true, span: join(spanOf(n), isInserted(q) ? spanOf(p) : spanOf(q)) };
              });
            },
          },
          {
            ALT: () => {
              const u = this.CONSUME(DurationUnit);
              this.ACTION(() => {
                this.role(n, 'duration');
                this.role(u, 'unit');
                result = { type: 'duration', value: num(n.image), unit: durationUnitOf(u.image)!, span: join(spanOf(n), spanOf(u)) };
              });
            },
          },
          {
            ALT: () => {
              const u = this.CONSUME(Gbp);
              this.ACTION(() => {
                this.role(n, 'money');
                this.role(u, 'unit');
                result = { type: 'money', value: num(n.image), span: join(spanOf(n), spanOf(u)) };
              });
            },
          },
          {
            // `85 per cent`
            GATE: () => this.LA(2).image.toLowerCase() === 'cent',
            ALT: () => {
              const p = this.CONSUME(Per);
              const c = this.CONSUME2(Identifier);
              this.ACTION(() => {
                this.role(n, 'percent');
                this.role(p, 'unit');
                this.role(c, 'unit');
                result = { type: 'percent', value: num(n.image), points: false, span: join(spanOf(n), spanOf(c)) };
              });
            },
          },
          {
            // `2 moves`: a count of a noun, unless the word looks like a misspelt unit.
            GATE: () => !tokenMatcher(this.LA(2), LParen),
            ALT: () => {
              const w = this.CONSUME(Identifier);
              this.ACTION(() => {
                result = this.countOrUnit(n, w);
              });
            },
          },
        ]);
      });
      return this.ACTION(() => result ?? ({ type: 'number', value: num(n.image), span: spanOf(n) } as Expr));
    },
    { recoveryValueFunc: this.recover },
  );

  private countOrUnit(n: IToken, w: IToken): Expr {
    const value = num(n.image);
    const span = join(spanOf(n), spanOf(w));
    const meant = suspectUnit(w.image);
    if (meant === undefined) {
      this.role(n, 'number');
      this.role(w, 'countNoun');
      return { type: 'count', value, noun: w.image, nounSpan: spanOf(w), span };
    }
    this.role(w, 'unit');
    if (meant === '') {
      this.note(spanOf(w), 'expr/unknown-unit', `'${w.image}' is not a unit here: write periods in days, weeks, months, quarters or years`);
      this.role(w, 'countNoun');
      return { type: 'count', value, noun: w.image, nounSpan: spanOf(w), span };
    }
    this.note(spanOf(w), 'expr/unknown-unit', `unknown unit '${w.image}': did you mean '${meant}'?`);
    if (meant === 'percent') {
      this.role(n, 'percent');
      return { type: 'percent', value, points: false, span };
    }
    if (meant === 'percentage points') {
      this.role(n, 'percent');
      return { type: 'percent', value, points: true, span };
    }
    if (meant === 'GBP') {
      this.role(n, 'money');
      return { type: 'money', value, span };
    }
    this.role(n, 'duration');
    return { type: 'duration', value, unit: durationUnitOf(meant)!, span };
  }

  text = '';
  private textOf(s: Span): string {
    return this.text.slice(s.start, s.end);
  }
}

const parser = new ExpressionParser();

/** Builds the parser with chevrotain's grammar checks on; throws when the grammar is ambiguous or left-recursive. */
export function checkGrammar(): void {
  new ExpressionParser(true);
}

const START_RULE: Record<ExpressionKind, () => Expr> = {
  target: () => parser.target(),
  threshold: () => parser.condition(),
  payment: () => parser.payment(),
  // Measures are parsed as conditions so that `a > 1` gets a precise "not a measure" finding.
  measure: () => parser.condition(),
};
export const START_RULE_NAME: Record<ExpressionKind, string> = {
  target: 'target',
  threshold: 'condition',
  payment: 'payment',
  measure: 'condition',
};
export function contentAssist(kind: ExpressionKind, preceding: IToken[]) {
  return parser.computeContentAssist(START_RULE_NAME[kind], preceding);
}

const EMPTY_MESSAGES: Record<ExpressionKind, string> = {
  target: "this target is empty: write one such as '>= 85% by 2027-03-31'",
  threshold: "this condition is empty: write one such as 'age in 11..17 and tier in [high, specialist]'",
  payment: "this payment rule is empty: write one such as 'up to 7% of annual_fee when placement-stability >= 85%'",
  measure: "this measure is empty: write one such as 'count(children where moves <= 2) / count(children)'",
};

function defaultRole(t: IToken): TokenRole {
  const tt = t.tokenType;
  if (tokenMatcher(t, KeywordCategory)) return 'keyword';
  if (tokenMatcher(t, UnitCategory)) return 'unit';
  if (tokenMatcher(t, CompareOp) || tt === Plus || tt === Minus || tt === Star || tt === Slash || tt === PercentSign) return 'operator';
  if (tt === NumberLit) return 'number';
  if (tt === MoneyLit || tt === BadMoney) return 'money';
  if (tt === DateLit) return 'date';
  if (tt === StringLit || tt === UnterminatedString) return 'string';
  if (tt === Identifier) return 'identifier';
  return 'punctuation';
}

/** Lexes the expression; splits off characters that are not part of the language. */
export function lex(text: string): { tokens: IToken[]; unknown: Array<{ startOffset: number; image: string }> } {
  const res = expressionLexer.tokenize(text);
  const unknown: Array<{ startOffset: number; image: string }> = [];
  for (const e of res.errors) {
    // One finding per unexpected character (a run of them is usually one mistake: report the run).
    unknown.push({ startOffset: e.offset, image: text.slice(e.offset, e.offset + e.length) });
  }
  return { tokens: res.tokens, unknown };
}

function nestingProblem(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === LParen || t.tokenType === LBracket) {
      depth++;
      if (depth > MAX_NESTING) return t;
    } else if (t.tokenType === RParen || t.tokenType === RBracket) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/**
 * Parsed expressions by kind and text. A parse depends on nothing else, and when a document is re-read
 * after an edit almost every expression in it is unchanged, so a bounded cache saves most parsing.
 * Results are shared: callers must not modify them.
 */
const parseCache = new Map<string, ParsedExpression>();
const parseCacheLimit = 20000;

export function parseExpression(text: string, kind: ExpressionKind): ParsedExpression {
  const key = kind + '\u0000' + text;
  const hit = parseCache.get(key);
  if (hit) return hit;
  const parsed = parseUncached(text, kind);
  if (parseCache.size >= parseCacheLimit) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(key, parsed);
  return parsed;
}

/** Parses without the cache: for benchmarks, and for callers that must have a fresh result. */
export function parseUncached(text: string, kind: ExpressionKind): ParsedExpression {
  const { tokens, unknown } = lex(text);
  const diagnostics: ExpressionDiagnostic[] = [];
  for (const u of unknown) {
    const ch = u.image.trim() || u.image;
    const first = ch[0];
    const hint2 = first === '&' ? " (write 'and')" : first === '|' ? " (write 'or')" : first === '!' ? " (write 'not')" : first === '$' || first === '€' ? ' (amounts are in pounds: write £)' : '';
    diagnostics.push({ span: { start: u.startOffset, end: u.startOffset + u.image.length }, code: 'expr/unexpected-character', message: `${quote(ch)} cannot be used in an expression${hint2}`, severity: 'error' });
  }
  const tokenInfos = (roles: Map<number, TokenRole>): TokenInfo[] =>
    tokens.map((t) => ({ span: spanOf(t), tokenType: t.tokenType.name, image: t.image, role: roles.get(t.startOffset) ?? defaultRole(t) }));

  if (tokens.length === 0) {
    if (unknown.length === 0) {
      const trimmedStart = text.length - text.trimStart().length;
      diagnostics.push({ span: { start: Math.min(trimmedStart, text.length), end: text.length }, code: 'expr/empty', message: EMPTY_MESSAGES[kind], severity: 'error' });
    }
    return { text, kind, ast: undefined, diagnostics, tokens: tokenInfos(new Map()) };
  }
  const deep = nestingProblem(tokens);
  if (deep) {
    diagnostics.push({
      span: spanOf(deep),
      code: 'expr/too-deep',
      message: `this expression is nested too deeply (more than ${MAX_NESTING} levels of brackets): simplify it`,
      severity: 'error',
    });
    return { text, kind, ast: undefined, diagnostics, tokens: tokenInfos(new Map()) };
  }
  if (tokens.length > MAX_TOKENS) {
    const t = tokens[MAX_TOKENS];
    diagnostics.push({
      span: { start: t.startOffset, end: text.length },
      code: 'expr/too-long',
      message: `this expression is too long (more than ${MAX_TOKENS} words and symbols): split it into smaller parts`,
      severity: 'error',
    });
    return { text, kind, ast: undefined, diagnostics, tokens: tokenInfos(new Map()) };
  }

  // Close brackets left open at the end, so the rest of the expression is still analysed.
  const open: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === LParen || t.tokenType === LBracket) open.push(t);
    else if (t.tokenType === RParen || t.tokenType === RBracket) {
      const want = t.tokenType === RParen ? LParen : LBracket;
      if (open.length && open[open.length - 1].tokenType === want) open.pop();
    }
  }
  let input = tokens;
  if (open.length) {
    input = tokens.slice();
    for (let k = open.length - 1; k >= 0; k--) {
      const o = open[k];
      const close = o.tokenType === LParen ? RParen : RBracket;
      input.push(createTokenInstance(close, '', text.length, text.length, NaN, NaN, NaN, NaN));
      diagnostics.push({
        span: spanOf(o),
        code: 'expr/unclosed',
        message: o.tokenType === LParen ? "this '(' is never closed: add a matching ')'" : "this '[' is never closed: add a matching ']'",
        severity: 'error',
      });
    }
  }

  parser.text = text;
  parser.roles = new Map();
  parser.notes = [];
  parser.missingHint = undefined;
  parser.input = input;
  let ast: Expr | undefined = START_RULE[kind]();
  const errors = parser.errors;
  const lastTok = tokens[tokens.length - 1];
  const syntax: ExpressionDiagnostic[] = [];
  let prevTok: IToken | undefined;
  for (const e of errors) {
    let t = e.token;
    let span: Span;
    if (!t || t.tokenType === EOF || Number.isNaN(t.startOffset)) {
      const prev = (e as { previousToken?: IToken }).previousToken;
      t = prev && !Number.isNaN(prev.startOffset) ? prev : lastTok;
      span = spanOf(t);
    } else span = spanOf(t);
    // One mistake, one message: skip errors raised on the very tokens a previous error covered.
    const skipped = e.resyncedTokens ?? [];
    if (prevTok && span.start <= prevTok.startOffset) continue;
    if (unknown.some((u) => u.startOffset < span.start && !tokens.some((x) => x.startOffset > u.startOffset && x.startOffset < span.start))) continue;
    syntax.push({ span, code: 'expr/syntax', message: describeError(e), severity: 'error' });
    prevTok = skipped.length ? skipped[skipped.length - 1] : t;
  }
  for (const n of parser.notes) diagnostics.push(n);
  for (const s of syntax) diagnostics.push(s);
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  if (ast && (ast as { type?: string }).type === undefined) ast = undefined;
  const cleaned = ast ? sanitize(ast, text.length) : undefined;
  return { text, kind, ast: cleaned, diagnostics: clampAll(diagnostics, text.length), tokens: tokenInfos(parser.roles) };
}

function clampAll(ds: ExpressionDiagnostic[], len: number): ExpressionDiagnostic[] {
  for (const d of ds) {
    d.span.start = Math.max(0, Math.min(d.span.start, len));
    d.span.end = Math.max(d.span.start, Math.min(d.span.end, len));
  }
  return ds;
}

/** Error recovery can leave placeholder spans (-1); give them the nearest sensible span. */
function sanitize(ast: Expr, len: number): Expr {
  const fix = (s: Span) => {
    if (s.start < 0 || s.end < 0 || Number.isNaN(s.start) || Number.isNaN(s.end)) {
      s.start = len;
      s.end = len;
    }
    s.start = Math.min(Math.max(0, s.start), len);
    s.end = Math.min(Math.max(s.start, s.end), len);
  };
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    for (const [k, v] of Object.entries(node)) {
      if (v && typeof v === 'object') {
        if (k === 'span' || k === 'opSpan' || k === 'nameSpan' || k === 'nounSpan' || k === 'directionSpan' || k === 'fromBaseline') fix(v as Span);
        else if (k === 'opSpans') (v as Span[]).forEach(fix);
        else stack.push(v);
      }
    }
  }
  return ast;
}
