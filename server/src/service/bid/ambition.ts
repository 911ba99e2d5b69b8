// Comparing a bid's committed target with the specification's minimum, in words a provider can act on.
import { compareAmbition, constValue, parseExpression, type Expr, type ParsedExpression, type TargetExpr } from '../../../../grammar/src/index';

export type AmbitionResult = 'more' | 'equal' | 'less' | 'incomparable';

export interface AmbitionComparison {
  result: AmbitionResult;
  /** Why, in plain words (from the grammar's comparison, with the baseline arithmetic when it was needed). */
  reason: string;
  /** For `less`: what to commit to instead, e.g. `commit to at least 85%`. */
  advice?: string;
}

export interface IndicatorFacts {
  polarity?: 'higher' | 'lower';
  /** The indicator's unit in the specification: percent, count, money, days, weeks, months, rate or score. */
  unit?: string;
  baseline?: number;
}

function targetOf(p: ParsedExpression): TargetExpr | undefined {
  if (p.kind !== 'target' || p.ast?.type !== 'target') return undefined;
  if (p.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return p.ast;
}

const slice = (text: string, e: Expr | undefined) => (e ? text.slice(e.span.start, e.span.end) : '');

/** The last day a `by` deadline allows, as YYYY-MM-DD (a month deadline runs to the month's end). */
export function deadlineOf(p: ParsedExpression): string | undefined {
  const t = targetOf(p);
  const d = t?.deadline;
  if (!d || d.type !== 'date') return undefined;
  const day = d.day ?? new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The target with its `by …` clause removed, so the levels can be compared on their own. */
function withoutDeadline(p: ParsedExpression): ParsedExpression {
  const t = targetOf(p);
  if (!t?.deadline) return p;
  const before = p.text.slice(0, t.deadline.span.start).replace(/\s*\bby\s*$/i, '');
  return parseExpression(`${before}${p.text.slice(t.deadline.span.end)}`.trim(), 'target');
}

/** What the specification's level asks for, as a provider would say it: `at least 85%`, `at most 2 moves in 12 months`. */
export function levelWords(p: ParsedExpression): string | undefined {
  const t = targetOf(p);
  if (!t) return undefined;
  const f = t.form;
  let words: string;
  if (f.mode === 'compare') {
    const v = slice(p.text, f.value);
    words = f.op === '>=' ? `at least ${v}` : f.op === '>' ? `more than ${v}` : f.op === '<=' ? `at most ${v}` : f.op === '<' ? `less than ${v}` : v;
  } else if (f.mode === 'between') words = `a range within ${slice(p.text, f.low)} to ${slice(p.text, f.high)}`;
  else words = `${f.direction} by at least ${slice(p.text, f.amount)}${f.fromBaseline ? ' from baseline' : ''}`;
  if (t.window) words += ` in ${slice(p.text, t.window)}`;
  return words;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * A change target (`reduce by 10% from baseline by 2029-03-31`) as the level it reaches from the baseline
 * (`<= 17.46 by 2029-03-31`), so that it can be compared with a target written as a level.
 */
function changeAsLevel(p: ParsedExpression, facts: IndicatorFacts): { parsed: ParsedExpression; words: string } | undefined {
  const t = targetOf(p);
  if (!t || t.form.mode !== 'change' || facts.baseline === undefined) return undefined;
  const amount = constValue(t.form.amount);
  if (!amount) return undefined;
  const b = facts.baseline;
  const sign = t.form.direction === 'reduce' ? -1 : 1;
  let goal: number;
  if (amount.unit === 'percent' && !amount.points) goal = b * (1 + (sign * amount.value) / 100);
  else if (amount.unit === 'percent' || amount.unit === 'number' || amount.unit === 'count' || (amount.unit === 'money' && facts.unit === 'money')) goal = b + sign * amount.value;
  else return undefined;
  const g = round(goal);
  let level: string;
  switch (facts.unit) {
    case 'percent':
      level = `${g}%`;
      break;
    case 'money':
      level = `£${g}`;
      break;
    case 'count':
    case 'score':
    case undefined:
      level = String(g);
      break;
    case 'days':
    case 'weeks':
    case 'months':
      level = `${g} ${facts.unit}`;
      break;
    default:
      return undefined;
  }
  const op = t.form.direction === 'reduce' ? '<=' : '>=';
  const rest = `${t.window ? ` in ${slice(p.text, t.window)}` : ''}${t.deadline ? ` by ${slice(p.text, t.deadline)}` : ''}`;
  const parsed = parseExpression(`${op} ${level}${rest}`, 'target');
  if (!targetOf(parsed)) return undefined;
  return { parsed, words: `${t.form.direction === 'reduce' ? 'reducing' : 'increasing'} the baseline of ${b} by ${slice(p.text, t.form.amount)} gives ${op} ${level}` };
}

/**
 * Is the bid's target at least as ambitious as the specification's? Uses the grammar's comparison; when one
 * target is a change from the baseline and the other a level, the change is first worked out from the
 * specification's baseline value.
 */
export function compareCommitment(bidText: string, specText: string, facts: IndicatorFacts): AmbitionComparison {
  const bid = parseExpression(bidText, 'target');
  const spec = parseExpression(specText, 'target');
  if (!targetOf(spec)) return { result: 'incomparable', reason: `the specification's target '${specText}' cannot be read, so the commitment cannot be checked: ask the commissioner to correct it` };
  if (!targetOf(bid)) return { result: 'incomparable', reason: `the committed target '${bidText}' cannot be read: correct it first` };
  let cmp = compareAmbition(bid, spec, facts.polarity);
  let bidSide = bid;
  let specSide = spec;
  let arithmetic = '';
  if (cmp.result === 'incomparable') {
    const bidChange = targetOf(bid)!.form.mode === 'change';
    const specChange = targetOf(spec)!.form.mode === 'change';
    if (bidChange !== specChange) {
      const converted = changeAsLevel(bidChange ? bid : spec, facts);
      if (converted) {
        if (bidChange) bidSide = converted.parsed;
        else specSide = converted.parsed;
        const again = compareAmbition(bidSide, specSide, facts.polarity);
        if (again.result !== 'incomparable') {
          cmp = again;
          arithmetic = `${bidChange ? 'for your target, ' : "for the specification's target, "}${converted.words}; `;
        }
      }
    }
  }
  const out: AmbitionComparison = { result: cmp.result, reason: `${arithmetic}${cmp.reason}` };
  if (cmp.result === 'less') out.advice = adviceFor(bidSide, specSide, spec, facts);
  return out;
}

function adviceFor(bid: ParsedExpression, specSide: ParsedExpression, spec: ParsedExpression, facts: IndicatorFacts): string {
  const level = compareAmbition(withoutDeadline(bid), withoutDeadline(specSide), facts.polarity);
  const specDue = deadlineOf(spec);
  const bidDue = deadlineOf(bid);
  const late = specDue !== undefined && (bidDue === undefined || bidDue > specDue);
  const words = levelWords(spec) ?? `the specification's target (${spec.text})`;
  const due = specDue ? slice(spec.text, targetOf(spec)!.deadline) : '';
  if (level.result === 'less' || level.result === 'incomparable') return `commit to ${words}${late ? ` by ${due} or earlier` : ''}`;
  return `commit to reaching it by ${due} or earlier`;
}
