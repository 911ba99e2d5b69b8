// Editor features for `kind: return` documents: completion of the ids the linked specification defines
// (indicators under values:, data fields under fields:, payment clauses under claims:) and of period ends,
// and a hover on an id showing its definition, its target and the value expected at that period.
import type { PathSegment } from '../document';
import { get, type DeclarationKind } from '../model';
import { frequencyMonths, readContract } from '../monitor/contract';
import { addMonthsEnd, expectedAt, goalOf } from '../monitor/evaluate';
import type { Analysis } from '../service';
import { locate, scopeFor } from './common';
import { describeSymbol } from './hover';
import { mdCode, mdText } from './markdown-text';

const sections: Record<string, { kind: DeclarationKind; noun: string }> = {
  values: { kind: 'indicator', noun: 'indicator' },
  fields: { kind: 'field', noun: 'data field' },
  claims: { kind: 'payment', noun: 'payment clause' },
};

export interface ReturnIdCompletion {
  label: string;
  detail: string;
  documentation?: string;
  insertText: string;
  sortText: string;
}

/** The section (`values`, `fields`, `claims`) of a period a path is directly inside, if any. */
function sectionOf(path: readonly PathSegment[]): string | undefined {
  return path.length === 3 && path[0] === 'periods' && typeof path[1] === 'number' && typeof path[2] === 'string' && path[2] in sections ? path[2] : undefined;
}

/** Ids to complete as keys in a period's `values:`, `fields:` or `claims:` map (those not given there yet). */
export function returnKeyCompletions(a: Analysis, containerPath: readonly PathSegment[], present: ReadonlySet<string>): ReturnIdCompletion[] {
  const section = sectionOf(containerPath);
  if (a.model.kind !== 'return' || !section) return [];
  const { kind, noun } = sections[section];
  const out: ReturnIdCompletion[] = [];
  for (const t of scopeFor(a, 'specification').get(kind)?.values() ?? []) {
    if (present.has(t.id)) continue;
    const documentation = t.uri !== undefined && t.start !== undefined ? describeSymbol({ uri: t.uri, kind: t.kind, id: t.id, start: t.start, end: t.end ?? t.start, title: t.title, value: t.value }, a.uri) : t.title;
    out.push({ label: t.id, detail: `${noun}${t.title ? `: ${t.title}` : ''}`, documentation, insertText: `${t.id}: `, sortText: `0_${t.id}` });
  }
  return out;
}

/** Month ends a period may end on: the specification's term cut at its shortest reporting frequency; the next after the previous period first. */
export function periodEndCompletions(a: Analysis, path: readonly PathSegment[]): ReturnIdCompletion[] {
  if (a.model.kind !== 'return' || path.length !== 3 || path[0] !== 'periods' || typeof path[1] !== 'number' || path[2] !== 'end') return [];
  const index = path[1];
  const spec = a.linked.specification;
  const periods = get.arr(a.model.value.periods);
  const used = new Set(periods.map((p, i) => (i === index ? undefined : get.str(get.obj(p)?.end))).filter((x): x is string => !!x));
  let previous: string | undefined;
  for (let i = Math.min(index, periods.length) - 1; i >= 0 && !previous; i--) {
    const e = get.str(get.obj(periods[i])?.end);
    if (e && /^\d{4}-\d{2}-\d{2}$/.test(e)) previous = e;
  }
  const contract = spec ? readContract(spec.uri, spec.doc.value) : undefined;
  const steps = [...(contract?.indicators.values() ?? [])].map((i) => frequencyMonths(i.frequency)).filter((x): x is number => x !== undefined);
  const step = steps.length ? Math.min(...steps) : 3;
  const words = step === 1 ? 'month' : step === 3 ? 'quarter' : `${step}-month period`;
  const out: ReturnIdCompletion[] = [];
  const seen = new Set<string>();
  const add = (end: string, sort: string, detail: string) => {
    if (seen.has(end) || used.has(end)) return;
    seen.add(end);
    out.push({ label: end, detail, insertText: end, sortText: sort });
  };
  if (previous) add(addMonthsEnd(previous, step), '0', `the ${words} after ${previous}`);
  const start = contract?.term?.start;
  const end = contract?.term?.end;
  if (start && /^\d{4}-\d{2}/.test(start)) {
    // the end of the month before the start's month, then every step
    const before = addMonthsEnd(`${start.slice(0, 7)}-01`, -1);
    for (let k = 1; k <= 240; k++) {
      const e = addMonthsEnd(before, k * step);
      if (end && e > end) break;
      add(e, `1_${e}`, `end of ${words} ${k} of the contract term (${start} to ${end ?? '…'})`);
    }
  }
  return out;
}

/** The hover on an id in a return: what it is in the specification and, for an indicator, the value expected at that period. */
export function returnHover(a: Analysis, offset: number): { markdown: string; start: number; end: number } | undefined {
  if (a.model.kind !== 'return') return undefined;
  const at = locate(a.doc, offset);
  if (!at || at.part !== 'key' || !at.node?.range) return undefined;
  const section = sectionOf(at.path.slice(0, -1));
  if (!section) return undefined;
  const id = String(at.path[at.path.length - 1]);
  const { kind } = sections[section];
  const t = scopeFor(a, 'specification').get(kind)?.get(id);
  if (!t) return undefined;
  const lines = [t.uri !== undefined && t.start !== undefined ? describeSymbol({ uri: t.uri, kind: t.kind, id: t.id, start: t.start, end: t.end ?? t.start, title: t.title, value: t.value }, a.uri) : `${mdCode(id)}${t.title ? ` ${mdText(t.title)}` : ''}`];
  const period = get.str(get.obj(get.arr(a.model.value.periods)[at.path[1] as number])?.end);
  const spec = a.linked.specification;
  if (kind === 'indicator' && spec && period && /^\d{4}-\d{2}-\d{2}$/.test(period)) {
    const ind = readContract(spec.uri, spec.doc.value).indicators.get(id);
    const goal = ind ? goalOf(ind) : undefined;
    if (goal && !('reason' in goal)) {
      const v = Math.round(expectedAt(goal, period) * 100) / 100;
      const shown = ind?.unit === 'percent' ? `${v}%` : ind?.unit === 'money' ? `£${v.toLocaleString('en-GB')}` : String(v);
      lines.push(`Expected at the period ending ${mdText(period)}: **${shown}**${goal.trajectory ? ' (on the straight line from the baseline to the target)' : ''}`);
    } else if (goal && 'reason' in goal) lines.push(`Its status cannot be worked out: ${mdText(goal.reason)}`);
  }
  return { markdown: lines.join('\n\n'), start: at.node.range[0], end: at.node.range[1] };
}
