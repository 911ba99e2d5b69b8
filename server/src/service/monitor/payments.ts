// Payment clauses (value_for_money.outcome_payments) evaluated on the returns: the amount due per period and
// cumulatively, against the cap, each amount explained in words. What the returns cannot give is said, never guessed.
import type { Expr, PaymentExpr } from '../../../../grammar/src/ast';
import { formatMoney } from '../../../../grammar/src/text';
import { dayOf, type Contract, type ContractPayment } from './contract';
import type { ResolvedReturns } from './evaluate';

export interface PaymentResult {
  clause: string;
  type?: string;
  period: string;
  status: 'due' | 'cannot-be-worked-out';
  /** Pounds due for the period after the cap (0 when the conditions are not met); null when it cannot be worked out. */
  amountDue: number | null;
  /** Pounds before the cap. */
  uncapped: number | null;
  /** The cap that applies to this period (pounds), or null when the clause has none or it cannot be worked out. */
  cap: number | null;
  /** `per-period` or `per-year` (the contract year from the term's start). */
  capBasis?: 'per-period' | 'per-year';
  /** Total due under the clause up to and including this period. */
  cumulative: number;
  explanation: string;
}

type Val = { kind: 'number'; value: number; unit?: string } | { kind: 'bool'; value: boolean } | { kind: 'text'; value: string };

class Missing extends Error {}

interface Env {
  period: string;
  values: (id: string) => number | undefined;
  fields: (name: string) => number | string | boolean | undefined;
  isIndicator: (id: string) => boolean;
  isField: (name: string) => boolean;
  unitOf: (id: string) => string | undefined;
}

const money = (v: number) => formatMoney(Math.round(v * 100) / 100);

function evalExpr(e: Expr, env: Env): Val {
  switch (e.type) {
    case 'number':
      return { kind: 'number', value: e.value };
    case 'percent':
      return { kind: 'number', value: e.value, unit: 'percent' };
    case 'money':
      return { kind: 'number', value: e.value, unit: 'money' };
    case 'count':
      return { kind: 'number', value: e.value };
    case 'text':
      return { kind: 'text', value: e.value };
    case 'paren':
      return evalExpr(e.inner, env);
    case 'identifier': {
      if (env.isIndicator(e.name)) {
        const v = env.values(e.name);
        if (v === undefined) throw new Missing(`no value for ${e.name} in the period ending ${env.period}`);
        return { kind: 'number', value: v, unit: env.unitOf(e.name) };
      }
      if (env.isField(e.name)) {
        const v = env.fields(e.name);
        if (v === undefined) throw new Missing(`the returns give no ${e.name} for the period ending ${env.period}`);
        if (typeof v === 'boolean') return { kind: 'bool', value: v };
        if (typeof v === 'string') return { kind: 'text', value: v };
        return { kind: 'number', value: v, unit: env.unitOf(e.name) };
      }
      throw new Missing(`'${e.name}' is not an indicator or data field of the specification`);
    }
    case 'negate': {
      const v = num(evalExpr(e.operand, env));
      return { kind: 'number', value: e.times % 2 ? -v : v };
    }
    case 'of': {
      const p = evalExpr(e.part, env);
      const w = evalExpr(e.whole, env);
      return { kind: 'number', value: (num(p) / 100) * num(w), unit: w.kind === 'number' ? w.unit : undefined };
    }
    case 'arith': {
      let acc = num(evalExpr(e.operands[0], env));
      let unit = (evalExpr(e.operands[0], env) as { unit?: string }).unit;
      e.ops.forEach((op, i) => {
        const r = evalExpr(e.operands[i + 1], env);
        const x = num(r);
        const ru = (r as { unit?: string }).unit;
        if (op === '*' && ru === 'percent') acc = (acc * x) / 100;
        else if (op === '*' && unit === 'percent') (acc = (acc / 100) * x), (unit = ru);
        else if (op === '+') acc += x;
        else if (op === '-') acc -= x;
        else if (op === '*') acc *= x;
        else {
          if (x === 0) throw new Missing('the rule divides by zero for this period');
          acc /= x;
        }
        if (!unit) unit = ru;
      });
      return { kind: 'number', value: acc, unit };
    }
    case 'compare': {
      const l = evalExpr(e.left, env);
      const r = evalExpr(e.right, env);
      if (l.kind === 'number' && r.kind === 'number') {
        const a = l.value;
        const b = r.value;
        const ok = { '>=': a >= b - 1e-9, '>': a > b + 1e-9, '<=': a <= b + 1e-9, '<': a < b - 1e-9, '=': Math.abs(a - b) <= 1e-9, '!=': Math.abs(a - b) > 1e-9 }[e.op];
        return { kind: 'bool', value: ok };
      }
      const ok = e.op === '=' ? l.value === r.value : e.op === '!=' ? l.value !== r.value : undefined;
      if (ok === undefined) throw new Missing('a comparison of values that are not numbers');
      return { kind: 'bool', value: ok };
    }
    case 'and':
      return { kind: 'bool', value: e.operands.every((o) => bool(evalExpr(o, env))) };
    case 'or':
      return { kind: 'bool', value: e.operands.some((o) => bool(evalExpr(o, env))) };
    case 'not': {
      const v = bool(evalExpr(e.operand, env));
      return { kind: 'bool', value: e.times % 2 ? !v : v };
    }
    case 'between': {
      const v = num(evalExpr(e.subject, env));
      return { kind: 'bool', value: v >= num(evalExpr(e.low, env)) && v <= num(evalExpr(e.high, env)) };
    }
    case 'in': {
      const v = evalExpr(e.subject, env);
      let inside: boolean;
      if (e.set.type === 'range') inside = num(v) >= num(evalExpr(e.set.low, env)) && num(v) <= num(evalExpr(e.set.high, env));
      else inside = e.set.items.some((it) => (it.type === 'identifier' ? it.name === v.value : evalExpr(it, env).value === v.value));
      return { kind: 'bool', value: e.negated ? !inside : inside };
    }
    case 'per':
      throw new Missing('per');
    default:
      throw new Missing(`'${e.type}' expressions cannot be worked out from returns`);
  }
}

function num(v: Val): number {
  if (v.kind !== 'number') throw new Missing('a yes/no value where a number is needed');
  return v.value;
}
function bool(v: Val): boolean {
  if (v.kind !== 'bool') throw new Missing('a number where a yes/no condition is needed');
  return v.value;
}

function src(text: string, e: Expr): string {
  return text.slice(e.span.start, e.span.end);
}

/** The parts of a condition: the operands of a top-level `and`, else the whole condition. */
function conjuncts(e: Expr): Expr[] {
  const inner = e.type === 'paren' ? e.inner : e;
  return inner.type === 'and' ? inner.operands : [inner];
}

interface Amount {
  value: number;
  words: string;
}

/** The amount a rule or cap gives for a period, with the words that explain it. */
function amountOf(e: Expr, text: string, env: Env, claims: number | undefined, clause: string): Amount & { perYear?: boolean } {
  if (e.type === 'per') {
    if (e.basis.kind === 'period') {
      const inner = amountOf(e.operand, text, env, claims, clause);
      if (e.basis.unit === 'year') return { ...inner, perYear: true };
      throw new Missing(`the amount is ${src(text, e)}, and a return period is not measured in ${e.basis.unit}s here`);
    }
    if (e.basis.kind === 'noun') {
      const each = amountOf(e.operand, text, env, claims, clause);
      if (claims === undefined)
        throw new Missing(`the clause pays ${src(text, e)} for each ${e.basis.name} meeting its condition, and the returns do not say how many did: give claims: { ${clause}: <number> } for the period`);
      return { value: each.value * claims, words: `${each.words} × ${claims} ${claims === 1 ? e.basis.name : plural(e.basis.name)} claimed` };
    }
    const each = amountOf(e.operand, text, env, claims, clause);
    return each;
  }
  if (e.type === 'of') {
    const p = evalExpr(e.part, env);
    const w = evalExpr(e.whole, env);
    const value = (num(p) / 100) * num(w);
    return { value, words: `${src(text, e.part)} of ${e.whole.type === 'identifier' ? `${e.whole.name} ${money(num(w))}` : money(num(w))}` };
  }
  const v = evalExpr(e, env);
  return { value: num(v), words: e.type === 'money' ? money(num(v)) : `${src(text, e)} (${money(num(v))})` };
}

function plural(noun: string): string {
  if (noun === 'child') return 'children';
  if (noun === 'family') return 'families';
  if (noun === 'person') return 'people';
  return noun.endsWith('s') ? noun : `${noun}s`;
}

/** The start (ISO) of the contract year a period falls in. */
function contractYear(contract: Contract, period: string): string {
  const start = contract.term?.start;
  if (!start) return period.slice(0, 4);
  const [sy, sm, sd] = start.split('-').map(Number);
  const p = dayOf(period, true)!;
  let y = Number(period.slice(0, 4)) + 1;
  while (y > sy - 1 && dayOf(`${y}-${String(sm).padStart(2, '0')}-${String(sd ?? 1).padStart(2, '0')}`, false)! > p) y--;
  return `${y}-${String(sm).padStart(2, '0')}-${String(sd ?? 1).padStart(2, '0')}`;
}

/** Every payment clause at every period of the returns. */
export function evaluatePayments(contract: Contract, resolved: ResolvedReturns): PaymentResult[] {
  const out: PaymentResult[] = [];
  // appended one by one: spreading a long list into push's arguments overflows the stack
  for (const clause of contract.payments) for (const r of evaluateClause(contract, clause, resolved)) out.push(r);
  return out;
}

function evaluateClause(contract: Contract, clause: ContractPayment, resolved: ResolvedReturns): PaymentResult[] {
  const out: PaymentResult[] = [];
  let cumulative = 0;
  const usedInYear = new Map<string, number>();
  for (const period of resolved.periods) {
    const base = { clause: clause.id, type: clause.type, period, cumulative };
    const cannot = (why: string): PaymentResult => ({ ...base, status: 'cannot-be-worked-out', amountDue: null, uncapped: null, cap: null, explanation: `Cannot be worked out: ${why}` });
    const rule = clause.rule;
    if (!rule || !rule.ast || rule.diagnostics.some((d) => d.severity === 'error') || rule.ast.type !== 'payment') {
      out.push(cannot(`the rule '${clause.ruleText ?? ''}' has errors or is missing: fix it in the specification`));
      continue;
    }
    const ast = rule.ast as PaymentExpr;
    const env: Env = {
      period,
      values: (id) => resolved.values.get(id)?.get(period)?.value,
      fields: (name) => resolved.fields.get(period)?.get(name),
      isIndicator: (id) => contract.indicators.has(id),
      isField: (name) => contract.fields.has(name),
      unitOf: (id) => contract.indicators.get(id)?.unit ?? contract.fields.get(id)?.unit,
    };
    const claims = resolved.claims.get(period)?.get(clause.id);
    try {
      const amount = amountOf(ast.amount, rule.text, env, claims, clause.id);
      const perNoun = ast.amount.type === 'per' && ast.amount.basis.kind === 'noun';
      let share = 1;
      let shareWords = '';
      if (ast.condition && !perNoun) {
        const parts = conjuncts(ast.condition);
        const results = parts.map((p) => {
          const ok = bool(evalExpr(p, env));
          return { text: src(rule.text, p), ok };
        });
        const met = results.filter((r) => r.ok).length;
        share = ast.upTo && parts.length > 1 ? met / parts.length : met === parts.length ? 1 : 0;
        const detail = results.map((r) => `${r.text} ${r.ok ? 'met' : 'not met'}`).join('; ');
        shareWords = ast.upTo && parts.length > 1 ? ` × ${met} of ${parts.length} conditions met (${detail})` : met === parts.length ? ` (${detail})` : ` — not paid: ${detail}`;
      } else if (ast.condition && perNoun) shareWords = ` (each meeting ${src(rule.text, ast.condition)})`;
      let uncapped = amount.value * share;
      let words = `${amount.words}${shareWords}`;
      if (ast.upTo && share !== 1 && share !== 0) words = `${words} = ${money(uncapped)}`;
      else if (share === 1 && !/^£[\d,.]+$/.test(amount.words)) words = `${words} = ${money(uncapped)}`;
      // the cap: per period, or per contract year
      let cap: number | null = null;
      let capBasis: PaymentResult['capBasis'];
      const caps: Array<{ expr: Expr; text: string }> = [];
      if (ast.cap) caps.push({ expr: ast.cap, text: rule.text });
      if (clause.cap?.ast?.type === 'payment' && !clause.cap.diagnostics.some((d) => d.severity === 'error')) caps.push({ expr: (clause.cap.ast as PaymentExpr).amount, text: clause.cap.text });
      let due = uncapped;
      for (const c of caps) {
        const capAmount = amountOf(c.expr, c.text, env, claims, clause.id);
        if (capAmount.perYear) {
          const year = contractYear(contract, period);
          const used = usedInYear.get(year) ?? 0;
          const left = Math.max(0, capAmount.value - used);
          if (cap === null || left < cap) {
            cap = capAmount.value;
            capBasis = 'per-year';
          }
          if (due > left) {
            words += `; capped at ${money(capAmount.value)} a year (contract year from ${year}: ${money(used)} already due, ${money(left)} left)`;
            due = left;
          }
        } else {
          if (cap === null || capAmount.value < cap) {
            cap = capAmount.value;
            capBasis = 'per-period';
          }
          if (due > capAmount.value) {
            words += `; capped at ${capAmount.words} = ${money(capAmount.value)}`;
            due = capAmount.value;
          }
        }
      }
      due = Math.round(due * 100) / 100;
      if (cap !== null) cap = Math.round(cap * 100) / 100;
      uncapped = Math.round(uncapped * 100) / 100;
      const year = contractYear(contract, period);
      usedInYear.set(year, (usedInYear.get(year) ?? 0) + due);
      cumulative = Math.round((cumulative + due) * 100) / 100;
      out.push({ ...base, status: 'due', amountDue: due, uncapped, cap, capBasis, cumulative, explanation: `${money(due)} due: ${words}` });
    } catch (e) {
      if (e instanceof Missing) out.push(cannot(e.message === 'per' ? 'the rule pays per unit of something the returns do not count' : e.message));
      else throw e;
    }
  }
  return out;
}
