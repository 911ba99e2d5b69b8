import { get } from '../../model';
import { defineRule } from '../types';
import { dayNumber, formatDay, outcomes, sectionAt } from '../helpers';

export default defineRule({
  meta: {
    id: 'governance/long-term-review',
    severity: 'warning',
    description: 'A review or evaluation report falls on or after the date the last outcome becomes measurable.',
    rationale:
      'Outcomes show late: "the time lag from impact on services to outcomes will vary across services", and "the difference you\'re trying to make is some years away". If every review happens before the outcomes can be measured, the contract is only ever judged on activity. Schedule a review point when the longest-term outcome can first be seen.',
    evidence: ['PwC 2011, ‘Summary of programme lifecycle’, p. 9', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'Ipsos MORI 2019, chapter 5 ‘Outcomes’, p. 31'],
    kinds: ['specification'],
    tags: ['governance', 'review', 'evaluation'],
  },
  check({ model, report }) {
    const measurable = [
      ...outcomes(model.value).map(({ o, id }) => ({ day: dayNumber(o.measurable_from), what: id ? `outcome '${id}'` : 'an outcome' })),
      { day: dayNumber(get.obj(model.value.evaluation)?.outcomes_measurable_from), what: 'the evaluation' },
    ].filter((m): m is { day: number; what: string } => m.day !== undefined);
    if (measurable.length === 0) return; // evaluation/measurable-from asks for the dates
    const last = measurable.reduce((a, b) => (b.day > a.day ? b : a));
    const points = [...get.arr(get.obj(model.value.governance)?.reviews), ...get.arr(get.obj(model.value.evaluation)?.reports)]
      .map((r) => dayNumber(get.obj(r)?.date))
      .filter((d): d is number => d !== undefined);
    if (points.some((d) => d >= last.day)) return;
    report({
      message: `${last.what[0].toUpperCase()}${last.what.slice(1)} becomes measurable from ${formatDay(last.day)}, but no review or evaluation report is dated on or after it: add a review point when the longer-term outcomes can be seen`,
      at: get.obj(model.value.governance)?.reviews !== undefined ? { path: ['governance', 'reviews'], part: 'key' } : sectionAt(model.value, 'governance'),
    });
  },
});
