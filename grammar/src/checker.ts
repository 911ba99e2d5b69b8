// Semantic checks: units and types, names, dates, targets against their indicator.
import type {
  CheckContext,
  Expr,
  ExpressionDiagnostic,
  ParsedExpression,
  Severity,
  Span,
  SymbolInfo,
  TargetExpr,
  PaymentExpr,
  Unit,
  DateLiteral,
} from './ast';
import { closest, quote, unitPhrase } from './text';
import { constValue, dateDay, formatDay, isoDay, isRealDate } from './values';
import { BUILTIN_SYMBOLS, FUNCTION_MAP, FUNCTION_SYNONYMS, FUNCTIONS } from './vocabulary';

/** Internal type: a unit, or a group of records, or a reference to a declared thing (tier, lot…). */
export interface Ty {
  unit: Unit | 'any' | 'collection' | 'ref' | 'none';
  refKind?: string;
  /** count/count and the like: a proportion that can stand for a percentage. */
  proportion?: boolean;
  /** `rate(...)` not yet given its `per N` base. */
  rawRate?: boolean;
}
const ANY: Ty = { unit: 'any' };
const BOOL: Ty = { unit: 'boolean' };
const u = (unit: Ty['unit']): Ty => ({ unit });

export type ResolvedSymbol = SymbolInfo & { collection?: boolean; refKind?: string; builtin?: boolean };

export function resolveSymbol(name: string, ctx: Pick<CheckContext, 'symbols'>): ResolvedSymbol | undefined {
  const s = ctx.symbols.get(name);
  if (s) return s;
  const b = BUILTIN_SYMBOLS.get(name);
  return b ? { ...b, builtin: true } : undefined;
}

function numericLike(t: Ty): boolean {
  return t.unit === 'number' || t.unit === 'count' || t.unit === 'rate';
}

function describe(t: Ty): string {
  if (t.unit === 'collection') return 'a group';
  if (t.unit === 'ref') return `a ${t.refKind ?? 'name'}`;
  if (t.unit === 'none') return 'a name that has no value';
  if (t.unit === 'any') return 'a value';
  return unitPhrase(t.unit);
}

/** Can values of these two types be compared or added? */
export function compatible(a: Ty, b: Ty): boolean {
  if (a.unit === 'any' || b.unit === 'any') return true;
  if (a.unit === b.unit) return a.unit !== 'ref' || !a.refKind || !b.refKind || a.refKind === b.refKind;
  if (numericLike(a) && numericLike(b)) return true;
  if ((a.unit === 'percent' && b.proportion) || (b.unit === 'percent' && a.proportion)) return true;
  return false;
}

class Checker {
  out: ExpressionDiagnostic[] = [];
  based = new Set<Expr>();
  constructor(
    readonly parsed: ParsedExpression,
    readonly ctx: CheckContext,
  ) {}

  report(span: Span, code: string, message: string, severity: Severity = 'error'): void {
    this.out.push({ span: { start: span.start, end: span.end }, code, message, severity });
  }
  text(span: Span): string {
    return this.parsed.text.slice(span.start, span.end);
  }

  // ----- top level ---------------------------------------------------------------------------
  run(): void {
    const ast = this.parsed.ast;
    if (!ast) return;
    if (ast.type === 'target') return this.target(ast);
    if (ast.type === 'payment') return this.payment(ast);
    if (ast.type === 'error') return;
    const t = this.expr(ast);
    if (this.parsed.kind === 'threshold' && t.unit !== 'boolean' && t.unit !== 'any')
      this.report(ast.span, 'expr/not-a-condition', `a threshold must be a condition that is true or false, for example 'age >= 11'; this is ${describe(t)}`);
    if (this.parsed.kind === 'measure') {
      if (t.unit === 'boolean') this.report(ast.span, 'expr/not-a-measure', "a measure must be a value, not a condition: to count the cases that meet it, write count(children where …)");
      else this.measureAgainstIndicator(ast, t);
    }
  }

  measureAgainstIndicator(ast: Expr, t: Ty): void {
    const ind = this.ctx.indicator;
    if (!ind?.unit || t.unit === 'any') return;
    const want: Ty = { unit: ind.unit };
    if (!compatible(want, t))
      this.report(ast.span, 'expr/unit-mismatch', `'${ind.id}' is measured as ${unitPhrase(ind.unit)}, but this measure gives ${describe(t)}`);
  }

  // ----- targets -------------------------------------------------------------------------------
  target(t: TargetExpr): void {
    const ind = this.ctx.indicator;
    const want: Ty | undefined = ind?.unit ? { unit: ind.unit } : undefined;
    const form = t.form;
    if (form.mode === 'compare') {
      const vt = this.expr(form.value);
      this.targetValue(form.value, vt, want);
      this.percentLimit(form.value, true);
      if (ind?.polarity === 'higher' && (form.op === '<=' || form.op === '<'))
        this.report(form.opSpan, 'expr/polarity-mismatch', `'${ind.id}' is better when higher, but this target sets a maximum ('${this.text(form.opSpan)}'): did you mean '${form.phrase === 'at most' ? 'at least' : form.op === '<' ? '>' : '>='}'?`, 'warning');
      if (ind?.polarity === 'lower' && (form.op === '>=' || form.op === '>'))
        this.report(form.opSpan, 'expr/polarity-mismatch', `'${ind.id}' is better when lower, but this target sets a minimum ('${this.text(form.opSpan)}'): did you mean '${form.phrase === 'at least' ? 'at most' : form.op === '>' ? '<' : '<='}'?`, 'warning');
      if (form.op === '!=') this.report(form.opSpan, 'expr/vague-target', "a target of 'not equal to' does not say what is expected: use '>=', '<=' or 'between'", 'warning');
    } else if (form.mode === 'between') {
      const lo = this.expr(form.low);
      const hi = this.expr(form.high);
      this.targetValue(form.low, lo, want);
      this.targetValue(form.high, hi, want);
      if (!compatible(lo, hi)) this.report(form.high.span, 'expr/unit-mismatch', `the limits of 'between' must have the same unit: ${describe(lo)} and ${describe(hi)}`);
      this.percentLimit(form.low, true);
      this.percentLimit(form.high, true);
      this.orderedLimits(form.low, form.high, "'between'");
    } else {
      const amt = this.expr(form.amount);
      const c = constValue(form.amount);
      const direction = form.direction;
      if (form.amount.type === 'percent' && form.amount.points) {
        if (ind?.unit && ind.unit !== 'percent' && ind.unit !== 'number')
          this.report(form.amount.span, 'expr/unit-mismatch', `percentage points only apply to an indicator measured as a percentage; '${ind.id}' is measured as ${unitPhrase(ind.unit)}`);
      } else if (amt.unit === 'percent') {
        if (direction === 'reduce' && c && c.value > 100)
          this.report(form.amount.span, 'expr/percent-over-100', `a reduction cannot be more than 100% of the baseline`);
      } else if (want && amt.unit !== 'any') {
        if (!compatible(want, amt)) this.report(form.amount.span, 'expr/unit-mismatch', `'${ind!.id}' is measured as ${unitPhrase(want.unit as Unit)}, but the change is ${describe(amt)}`);
      } else if (amt.unit !== 'any' && !numericLike(amt) && amt.unit !== 'money' && amt.unit !== 'duration') {
        this.report(form.amount.span, 'expr/unit-mismatch', `the size of a change must be a percentage, a number or an amount; this is ${describe(amt)}`);
      }
      if (c && c.value <= 0) this.report(form.amount.span, 'expr/non-positive-change', `the size of the change should be more than zero (the direction is given by '${direction}')`);
      if (ind?.polarity === 'higher' && direction === 'reduce')
        this.report(form.directionSpan, 'expr/polarity-mismatch', `'${ind.id}' is better when higher, but this target reduces it: did you mean 'increase'?`, 'warning');
      if (ind?.polarity === 'lower' && direction === 'increase')
        this.report(form.directionSpan, 'expr/polarity-mismatch', `'${ind.id}' is better when lower, but this target increases it: did you mean 'reduce'?`, 'warning');
      const relative = amt.unit === 'percent' && !(form.amount.type === 'percent' && form.amount.points);
      if (ind && ind.baseline === undefined && (form.fromBaseline || relative))
        this.report(form.fromBaseline ?? form.amount.span, 'expr/no-baseline', `this target is measured from the baseline, but '${ind.id}' has no baseline value`, 'warning');
    }
    if (t.deadline) {
      if (t.deadline.type === 'date') {
        if (this.date(t.deadline)) this.termCheck(t.deadline, 'error', 'the deadline');
      } else if (t.deadline.type !== 'error') this.expr(t.deadline);
    }
    if (t.window) {
      if (t.window.type === 'duration') {
        if (t.window.value <= 0) this.report(t.window.span, 'expr/non-positive-period', 'the period must be longer than zero');
      } else if (t.window.type !== 'error') this.expr(t.window);
    }
  }

  targetValue(e: Expr, t: Ty, want: Ty | undefined): void {
    const ind = this.ctx.indicator;
    if (!want || !ind || t.unit === 'any' || e.type === 'error') return;
    if (compatible(want, t)) return;
    const c = constValue(e);
    if (t.unit === 'number' && c) {
      const suggestion = want.unit === 'percent' ? `${c.value}%` : want.unit === 'money' ? `£${c.value}` : want.unit === 'duration' ? `${c.value} days` : undefined;
      if (suggestion) {
        this.report(e.span, 'expr/missing-unit', `'${ind.id}' is measured as ${unitPhrase(want.unit as Unit)}: did you mean '${suggestion}'?`, 'warning');
        return;
      }
    }
    this.report(e.span, 'expr/unit-mismatch', `'${ind.id}' is measured as ${unitPhrase(want.unit as Unit)}, but this target is ${describe(t)}`);
  }

  percentLimit(e: Expr, absolute: boolean): void {
    if (e.type === 'percent' && !e.points && e.value > 100 && absolute)
      this.report(e.span, 'expr/percent-over-100', `${this.text(e.span)} is more than 100%: a proportion cannot exceed 100%`);
  }

  orderedLimits(lo: Expr, hi: Expr, what: string): void {
    const a = constValue(lo);
    const b = constValue(hi);
    if (a && b && a.unit === b.unit && a.value > b.value)
      this.report({ start: lo.span.start, end: hi.span.end }, 'expr/empty-range', `the lower limit of ${what} is above the upper limit, so nothing can meet it: did you mean ${this.text(hi.span)} to ${this.text(lo.span)}?`);
  }

  // ----- payments ------------------------------------------------------------------------------
  payment(p: PaymentExpr): void {
    const amt = this.expr(p.amount);
    this.paymentAmount(p.amount, amt, 'the payment');
    if (p.condition) {
      const c = this.expr(p.condition);
      if (c.unit !== 'boolean' && c.unit !== 'any')
        this.report(p.condition.span, 'expr/not-a-condition', `'when' needs a condition that is true or false, for example placement-stability >= 85%; this is ${describe(c)}`);
    }
    if (p.cap) {
      const ct = this.expr(p.cap);
      this.paymentAmount(p.cap, ct, 'the cap');
      const a = constValue(p.amount);
      const c = constValue(p.cap);
      if (a && c && a.unit === 'money' && c.unit === 'money' && c.value < a.value)
        this.report(p.cap.span, 'expr/cap-below-amount', `the cap (${this.text(p.cap.span)}) is less than the payment itself (${this.text(p.amount.span)})`, 'warning');
    }
  }

  paymentAmount(e: Expr, t: Ty, what: string): void {
    if (e.type === 'error' || t.unit === 'any' || t.unit === 'money') return;
    if (t.unit === 'percent') {
      this.report(e.span, 'expr/payment-basis', `say what ${this.text(e.span)} is a percentage of, for example '${this.text(e.span)} of annual_fee'`, 'warning');
      this.percentLimit(e, true);
      return;
    }
    this.report(e.span, 'expr/unit-mismatch', `${what} must be an amount of money, for example £1,200 or 7% of annual_fee; this is ${describe(t)}`);
  }

  // ----- dates ---------------------------------------------------------------------------------
  /** Reports an impossible date; returns whether the date is real. */
  date(d: DateLiteral): boolean {
    if (!isRealDate(d.year, d.month, d.day)) {
      const what = d.month < 1 || d.month > 12 ? `there is no month ${d.month}` : `there is no day ${d.day} in ${d.year}-${String(d.month).padStart(2, '0')}`;
      this.report(d.span, 'expr/invalid-date', `${d.text} is not a real date: ${what}`);
      return false;
    }
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(d.text))
      this.report(d.span, 'expr/date-format', `write dates as YYYY-MM-DD, for example ${d.year}-${String(d.month).padStart(2, '0')}${d.day ? '-' + String(d.day).padStart(2, '0') : ''}`, 'info');
    return true;
  }

  termCheck(d: DateLiteral, severity: Severity, what: string): void {
    const term = this.ctx.term;
    if (!term) return;
    const start = isoDay(term.start, false);
    const end = isoDay(term.end, true);
    const first = dateDay(d, false)!;
    const last = dateDay(d, true)!;
    if (end !== undefined && first > end)
      this.report(d.span, 'expr/date-outside-term', `${what} ${d.text} is after the contract ends (${formatDay(end)})`, severity);
    else if (start !== undefined && last < start)
      this.report(d.span, 'expr/date-outside-term', `${what} ${d.text} is before the contract starts (${formatDay(start)})`, severity);
  }

  // ----- expressions ---------------------------------------------------------------------------
  expr(e: Expr): Ty {
    switch (e.type) {
      case 'error':
        return ANY;
      case 'number':
        return u('number');
      case 'percent':
        if (!e.points && e.value > 100 && this.parsed.kind !== 'target' && this.parsed.kind !== 'payment')
          this.report(e.span, 'expr/percent-over-100', `${this.text(e.span)} is more than 100%: check the figure`, 'warning');
        return u('percent');
      case 'money':
        return u('money');
      case 'duration':
        return u('duration');
      case 'count':
        return u('count');
      case 'text':
        return u('text');
      case 'date':
        if (this.date(e)) this.termCheck(e, 'warning', 'the date');
        return u('date');
      case 'identifier':
        return this.identifier(e.name, e.span);
      case 'paren':
        return this.expr(e.inner);
      case 'negate': {
        const t = this.expr(e.operand);
        if (t.unit === 'date' || t.unit === 'boolean' || t.unit === 'collection' || t.unit === 'ref' || t.unit === 'text')
          this.report(e.span, 'expr/unit-mismatch', `${describe(t)} cannot be negative`);
        if (e.times > 1) this.report(e.span, 'expr/repeated-minus', 'more than one minus sign in a row: check the sign', 'warning');
        return t;
      }
      case 'arith':
        return this.arith(e);
      case 'of': {
        const p = this.expr(e.part);
        const w = this.expr(e.whole);
        if (p.unit !== 'percent' && p.unit !== 'any') {
          this.report(e.part.span, 'expr/unit-mismatch', `'of' needs a percentage before it, for example 7% of annual_fee; this is ${describe(p)}`);
          return ANY;
        }
        if (w.unit === 'collection') return ANY; // aggregate form, handled by the function
        this.needValue(e.whole, w);
        return { unit: w.unit };
      }
      case 'per': {
        if (e.operand.type === 'call') this.based.add(e.operand);
        const t = this.expr(e.operand);
        this.needValue(e.operand, t);
        if (e.basis.kind === 'number') {
          if (e.basis.value <= 0) this.report(e.basis.span, 'expr/invalid-base', 'the base of a rate must be more than zero, for example per 10000');
          if (!numericLike(t) && t.unit !== 'any') this.report(e.span, 'expr/unit-mismatch', `a rate per ${e.basis.value} needs a count, for example rate(children where exclusions > 0) per 10000; this is ${describe(t)}`);
          return u('rate');
        }
        return { unit: t.unit, proportion: t.proportion };
      }
      case 'call':
        return this.call(e);
      case 'where':
        this.report(e.span, 'expr/misplaced-where', "'where' can only be used inside a function, for example count(children where moves <= 2)");
        this.expr(e.collection);
        this.condition(e.condition);
        return ANY;
      case 'compare': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        this.needValue(e.left, l);
        this.needValue(e.right, r);
        const rs = e.right.type === 'identifier' ? resolveSymbol(e.right.name, this.ctx) : undefined;
        if (l.unit === 'ref' && rs && rs.kind !== l.refKind)
          this.report(e.right.span, 'expr/wrong-kind', `'${this.text(e.right.span)}' is a${/^[aeiou]/.test(rs.kind) ? 'n' : ''} ${rs.kind}, not a ${l.refKind}`);
        else if (!compatible(l, r)) this.report(e.span, 'expr/unit-mismatch', `cannot compare ${describe(l)} with ${describe(r)}`);
        else if ((e.op !== '=' && e.op !== '!=') && (l.unit === 'ref' || l.unit === 'text' || l.unit === 'boolean'))
          this.report(e.opSpan, 'expr/unit-mismatch', `'${e.op}' compares sizes, but ${describe(l)} has no size: use '=' or 'in'`);
        return BOOL;
      }
      case 'in': {
        const s = this.expr(e.subject);
        this.needValue(e.subject, s);
        if (e.set.type === 'list') {
          if (e.set.items.length === 0) this.report(e.set.span, 'expr/empty-list', 'this list is empty, so nothing can be in it');
          const seen = new Set<string>();
          for (const item of e.set.items) {
            const it = this.expr(item);
            const sym = item.type === 'identifier' ? resolveSymbol(item.name, this.ctx) : undefined;
            if (s.unit === 'ref' && sym && sym.kind !== s.refKind)
              this.report(item.span, 'expr/wrong-kind', `'${item.type === 'identifier' ? item.name : ''}' is ${sym.collection ? 'a group' : `a${/^[aeiou]/.test(sym.kind) ? 'n' : ''} ${sym.kind}`}, not a ${s.refKind}`);
            else if (!compatible(s, it)) this.report(item.span, 'expr/unit-mismatch', `${quote(this.text(item.span))} is ${describe(it)}, but ${quote(this.text(e.subject.span))} is ${describe(s)}`);
            const key = this.text(item.span);
            if (seen.has(key)) this.report(item.span, 'expr/duplicate-item', `${quote(key)} is listed twice`, 'warning');
            seen.add(key);
          }
        } else {
          const lo = this.expr(e.set.low);
          const hi = this.expr(e.set.high);
          for (const [x, t] of [[e.set.low, lo], [e.set.high, hi]] as const) {
            if (!compatible(s, t)) this.report(x.span, 'expr/unit-mismatch', `the range limit ${quote(this.text(x.span))} is ${describe(t)}, but ${quote(this.text(e.subject.span))} is ${describe(s)}`);
            else if (t.unit === 'ref' || t.unit === 'text' || t.unit === 'boolean') this.report(x.span, 'expr/unit-mismatch', `a range needs numbers or dates at each end; this is ${describe(t)}`);
          }
          this.orderedLimits(e.set.low, e.set.high, 'the range');
        }
        return BOOL;
      }
      case 'between': {
        const s = this.expr(e.subject);
        const lo = this.expr(e.low);
        const hi = this.expr(e.high);
        this.needValue(e.subject, s);
        if (!compatible(s, lo)) this.report(e.low.span, 'expr/unit-mismatch', `cannot compare ${describe(s)} with ${describe(lo)}`);
        if (!compatible(s, hi)) this.report(e.high.span, 'expr/unit-mismatch', `cannot compare ${describe(s)} with ${describe(hi)}`);
        this.orderedLimits(e.low, e.high, "'between'");
        return BOOL;
      }
      case 'and':
      case 'or':
        for (const o of e.operands) this.condition(o, e.type);
        return BOOL;
      case 'not':
        this.condition(e.operand, 'not');
        return BOOL;
      case 'list':
      case 'range':
        return ANY;
      case 'target':
      case 'payment':
        return ANY;
    }
  }

  condition(e: Expr, joiner?: string): void {
    const t = this.expr(e);
    if (t.unit !== 'boolean' && t.unit !== 'any')
      this.report(e.span, 'expr/not-a-condition', `${joiner ? `'${joiner}' joins conditions, ` : ''}expected a condition such as 'age >= 11', but ${quote(this.text(e.span))} is ${describe(t)}`);
  }

  /** A group or an outcome cannot be used as a value. */
  needValue(e: Expr, t: Ty): void {
    if (t.unit === 'collection') this.report(e.span, 'expr/not-a-value', `${quote(this.text(e.span))} is a group, not a value: count it with count(${this.text(e.span)})`);
    else if (t.unit === 'none') {
      const sym = e.type === 'identifier' ? resolveSymbol(e.name, this.ctx) : undefined;
      this.report(e.span, 'expr/wrong-kind', `${quote(this.text(e.span))} is ${sym ? `a${/^[aeiou]/.test(sym.kind) ? 'n' : ''} ${sym.kind}` : 'a name'}, which has no value that can be used in a formula: name one of its indicators instead`);
    }
  }

  identifier(name: string, span: Span): Ty {
    const s = resolveSymbol(name, this.ctx);
    if (!s) {
      this.unknownName(name, span);
      return ANY;
    }
    if (s.collection) return u('collection');
    if (s.refKind) return { unit: 'ref', refKind: s.refKind };
    switch (s.kind) {
      case 'tier':
      case 'lot':
        return { unit: 'ref', refKind: s.kind };
      case 'outcome':
      case 'requirement':
        return u('none');
      default:
        return s.unit ? { unit: s.unit } : ANY;
    }
  }

  unknownName(name: string, span: Span): void {
    const candidates = [...this.ctx.symbols.keys(), ...BUILTIN_SYMBOLS.keys()];
    const dash = name.lastIndexOf('-');
    if (dash > 0) {
      const left = name.slice(0, dash);
      const right = name.slice(dash + 1);
      if (resolveSymbol(left, this.ctx) && (/^\d/.test(right) || resolveSymbol(right, this.ctx))) {
        this.report(span, 'expr/unknown-identifier', `unknown name '${name}': for a subtraction put spaces around the minus sign, '${left} - ${right}'`);
        return;
      }
    }
    const exactCase = candidates.find((c) => c.toLowerCase() === name.toLowerCase());
    const guess = exactCase ?? closest(name, candidates) ?? closest(name.replace(/_/g, '-'), candidates) ?? closest(name.replace(/-/g, '_'), candidates);
    const fn = FUNCTION_MAP.has(name) ? ` ('${name}' is a function: write ${name}(…))` : '';
    this.report(span, 'expr/unknown-identifier', guess ? `unknown name '${name}': did you mean '${guess}'?` : `unknown name '${name}': it is not declared in this document or its framework${fn}`);
  }

  arith(e: Extract<Expr, { type: 'arith' }>): Ty {
    let acc = this.expr(e.operands[0]);
    this.needValue(e.operands[0], acc);
    for (let i = 0; i < e.ops.length; i++) {
      const rhsNode = e.operands[i + 1];
      const r = this.expr(rhsNode);
      this.needValue(rhsNode, r);
      const op = e.ops[i];
      const res = combine(acc, op, r);
      if (!res) {
        const verb = op === '+' ? 'add' : op === '-' ? 'subtract' : op === '*' ? 'multiply' : 'divide';
        const msg =
          op === '+' ? `cannot add ${describe(r)} to ${describe(acc)}` :
          op === '-' ? `cannot subtract ${describe(r)} from ${describe(acc)}` :
          `cannot ${verb} ${describe(acc)} by ${describe(r)}`;
        this.report({ start: e.operands[0].span.start, end: rhsNode.span.end }, 'expr/unit-mismatch', msg);
        acc = ANY;
      } else acc = res;
      if (op === '/') {
        const c = constValue(rhsNode);
        if (c && c.value === 0) this.report(rhsNode.span, 'expr/division-by-zero', 'this divides by zero');
      }
    }
    return acc;
  }

  call(e: Extract<Expr, { type: 'call' }>): Ty {
    const fn = FUNCTION_MAP.get(e.name.toLowerCase());
    if (!fn) {
      const guess = FUNCTION_SYNONYMS[e.name.toLowerCase()] ?? closest(e.name, FUNCTIONS.map((f) => f.name));
      this.report(e.nameSpan, 'expr/unknown-function', guess ? `unknown function '${e.name}': did you mean '${guess}'?` : `unknown function '${e.name}': the functions are ${FUNCTIONS.map((f) => f.name).join(', ')}`);
      for (const a of e.args) this.argument(a);
      return ANY;
    }
    if (e.args.length < fn.minArgs || e.args.length > fn.maxArgs) {
      const n = fn.minArgs === fn.maxArgs ? `${fn.minArgs} ${fn.minArgs === 1 ? 'argument' : 'arguments'}` : `${fn.minArgs} or more arguments`;
      this.report(e.args.length ? { start: e.args[0].span.start, end: e.args[e.args.length - 1].span.end } : e.span, 'expr/arity', `${fn.name} takes ${n}: ${fn.signature}`);
      for (const a of e.args) this.argument(a);
      return fn.name === 'count' ? u('count') : fn.name === 'percent_of' ? u('percent') : ANY;
    }
    switch (fn.name) {
      case 'count':
      case 'rate': {
        this.group(e.args[0], fn.name);
        if (fn.name === 'rate' && !this.based.has(e))
          this.report(e.span, 'expr/rate-without-base', "say what the rate is per, for example 'rate(children where exclusions > 0) per 10000'", 'warning');
        return fn.name === 'count' ? u('count') : { unit: 'rate', rawRate: true };
      }
      case 'percent_of': {
        const a = this.value(e.args[0]);
        const b = this.value(e.args[1]);
        if (!compatible(a, b)) this.report(e.args[1].span, 'expr/unit-mismatch', `percent_of needs two values of the same unit: ${describe(a)} and ${describe(b)}`);
        return u('percent');
      }
      default: {
        if (e.args.length > 1) {
          let acc: Ty = ANY;
          for (const a of e.args) {
            const t = this.value(a);
            if (!compatible(acc, t)) this.report(a.span, 'expr/unit-mismatch', `${fn.name} needs values of the same unit: ${describe(acc)} and ${describe(t)}`);
            else if (acc.unit === 'any') acc = t;
          }
          return acc;
        }
        return this.aggregate(e.args[0], fn.name);
      }
    }
  }

  /** A value argument (no 'where'). */
  value(a: Expr): Ty {
    if (a.type === 'where') {
      this.report(a.span, 'expr/misplaced-where', "'where' filters a group; use it inside count, rate, sum, mean, median, min or max");
      return ANY;
    }
    const t = this.expr(a);
    this.needValue(a, t);
    if (t.unit === 'boolean') this.report(a.span, 'expr/not-a-value', 'expected a value here, not a condition');
    return t;
  }

  argument(a: Expr): void {
    if (a.type === 'where') {
      this.expr(a.collection);
      this.condition(a.condition, 'where');
    } else this.expr(a);
  }

  /** count(children [where …]) and rate(…): the argument must be a group. */
  group(a: Expr, fn: string): void {
    let g = a;
    if (a.type === 'where') {
      g = a.collection;
      this.condition(a.condition);
    }
    if (g.type === 'identifier') {
      const t = this.identifier(g.name, g.span);
      if (t.unit !== 'collection' && t.unit !== 'any' && t.unit !== 'none') {
        // A declared field used as a group is allowed when it has no unit (a list of records).
        const s = resolveSymbol(g.name, this.ctx);
        if (s && s.unit) this.report(g.span, 'expr/not-a-group', `${fn}(…) counts the members of a group such as children or placements; '${g.name}' is ${describe(t)}`);
      }
      return;
    }
    if (g.type === 'error') return;
    const t = this.expr(g);
    this.report(g.span, 'expr/not-a-group', `${fn}(…) needs a group to count, for example ${fn}(children where moves <= 2); this is ${describe(t)}`);
  }

  /** sum/mean/median/min/max(field [of group] [where …]) */
  aggregate(a: Expr, fn: string): Ty {
    let inner = a;
    if (a.type === 'where') {
      inner = a.collection;
      this.condition(a.condition);
    }
    let field = inner;
    if (inner.type === 'of') {
      field = inner.part;
      if (inner.whole.type === 'identifier') {
        const g = this.identifier(inner.whole.name, inner.whole.span);
        if (g.unit !== 'collection' && g.unit !== 'any' && g.unit !== 'none')
          this.report(inner.whole.span, 'expr/not-a-group', `after 'of' name the group, for example ${fn}(age of children)`);
      } else this.report(inner.whole.span, 'expr/not-a-group', `after 'of' name the group, for example ${fn}(age of children)`);
    }
    const t = this.expr(field);
    if (t.unit === 'collection') {
      this.report(field.span, 'expr/not-a-value', `${fn}(…) needs a field to add up or compare, for example ${fn}(age of children); '${this.text(field.span)}' is a group`);
      return ANY;
    }
    if (t.unit === 'boolean' || t.unit === 'ref' || t.unit === 'text' || t.unit === 'none') {
      this.report(field.span, 'expr/unit-mismatch', `${fn}(…) needs a numeric field; this is ${describe(t)}`);
      return ANY;
    }
    if (t.unit === 'date' && fn === 'sum') this.report(field.span, 'expr/unit-mismatch', 'dates cannot be added up');
    return t;
  }
}

/** Result type of an arithmetic operation, or undefined when the units do not combine. */
export function combine(a: Ty, op: '+' | '-' | '*' | '/', b: Ty): Ty | undefined {
  if (a.unit === 'any' || b.unit === 'any') return a.unit === 'any' ? (b.unit === 'any' ? ANY : op === '/' || op === '*' ? ANY : b) : op === '/' || op === '*' ? ANY : a;
  const bad = (t: Ty) => t.unit === 'boolean' || t.unit === 'collection' || t.unit === 'ref' || t.unit === 'text' || t.unit === 'none';
  if (bad(a) || bad(b)) return undefined;
  switch (op) {
    case '+':
    case '-':
      if (a.unit === 'date' && b.unit === 'duration') return u('date');
      if (op === '-' && a.unit === 'date' && b.unit === 'date') return u('duration');
      if (a.unit === 'date' || b.unit === 'date') return undefined;
      if (a.unit === b.unit) return { unit: a.unit, proportion: a.proportion && b.proportion };
      if (numericLike(a) && numericLike(b)) return a.unit === 'number' ? b : a;
      if ((a.unit === 'percent' && b.proportion) || (b.unit === 'percent' && a.proportion)) return u('percent');
      return undefined;
    case '*':
      if (a.unit === 'date' || b.unit === 'date') return undefined;
      if (a.unit === 'number') return b;
      if (b.unit === 'number') return a;
      if (a.unit === 'count' && (b.unit === 'money' || b.unit === 'duration')) return b;
      if (b.unit === 'count' && (a.unit === 'money' || a.unit === 'duration')) return a;
      if (a.unit === 'percent' && b.unit !== 'percent') return b;
      if (b.unit === 'percent' && a.unit !== 'percent') return a;
      if (a.unit === 'count' && b.unit === 'count') return u('count');
      if (a.unit === 'rate' && b.unit === 'count') return u('count');
      return undefined;
    case '/':
      if (a.unit === 'date' || b.unit === 'date') return undefined;
      if (b.unit === 'number') return a;
      if (a.unit === b.unit || (numericLike(a) && numericLike(b))) return { unit: 'number', proportion: true };
      if ((a.unit === 'money' || a.unit === 'duration') && b.unit === 'count') return a;
      if (a.unit === 'count' && b.unit === 'duration') return u('rate');
      return undefined;
  }
}

export function checkExpression(parsed: ParsedExpression, ctx: CheckContext): ExpressionDiagnostic[] {
  const c = new Checker(parsed, ctx);
  c.run();
  // Never let a span escape the input.
  const len = parsed.text.length;
  for (const d of c.out) {
    d.span.start = Math.max(0, Math.min(d.span.start, len));
    d.span.end = Math.max(d.span.start, Math.min(d.span.end, len));
  }
  c.out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return c.out;
}

/** The unit an expression evaluates to, for hovers and for the language server. */
export function typeOf(parsed: ParsedExpression, e: Expr, ctx: CheckContext): Ty {
  const c = new Checker(parsed, ctx);
  return c.expr(e);
}
