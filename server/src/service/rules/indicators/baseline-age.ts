import { get } from '../../model';
import { contractStart, dayNumber, formatDay, indicators, option } from '../helpers';
import { defineRule, type Rule, type RuleMeta } from '../types';

const meta: RuleMeta = {
  id: 'indicators/baseline-age',
  severity: 'warning',
  description: 'A baseline is recent enough to set a target from, given how often the indicator is collected.',
  rationale:
    'Needs analysis must rest on current data: a target is a change from where things stand now. An indicator that is collected every year, with a baseline several years before the specification, sets its target against a picture that has moved, and bidders cannot tell how ambitious it is. Use the latest published figure, or say the baseline will be refreshed at mobilisation.',
  evidence: ['IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'PwC 2011, ‘Engagement with C4EO: Impact on outcomes’'],
  kinds: ['specification'],
  tags: ['indicators'],
  options: {
    cycles: { type: 'number', default: 2, description: 'How many collection periods old a baseline may be, on top of the publication lag.' },
    lag_months: { type: 'number', default: 12, description: 'The usual delay, in months, between the end of a period and its figures being published.' },
  },
};

/** Words for measuring a baseline again. On their own they may describe the past ("figure last updated March 2022"). */
const refreshVerb = /\b(?:re-?measur\w*|measur\w* again|refresh\w*|updat\w*|re-?set|re-?establish\w*|replac\w*|re-?based?|re-?baselin\w*|re-?survey\w*|re-?collect\w*|repeat\w*|confirm\w*|(?:new|fresh) (?:baseline|figure))\b/gi;
/** Just before the verb: it is promised ("will be re-measured", "to be updated", "is due to be refreshed"). */
const promised = /\b(?:will|shall|to|must|should)(?:\s+(?:be|then|also|again|first|it|them|this|that|both|jointly|independently|formally|fully))*\s*$/i;
/** After the verb: when, in the life of the contract, it will happen ("at contract start", "in the first quarter"). */
const whenInContract =
  /\b(?:mobili[sz]ation|go-live|contract (?:start|award)|start of the (?:contract|service)|(?:the )?(?:first|opening) (?:few |two |three |six )?(?:weeks?|months?|quarters?|terms?|years?)|year one|before the target|once the (?:contract|service)|when the (?:contract|service) (?:starts|begins))\b/i;
const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month and year, or a year, after the verb that is later than the specification's date: a refresh still to come. */
function laterDate(textAfter: string, specDay: number): boolean {
  for (const m of textAfter.matchAll(/\b(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?((?:19|20)\d\d)\b/gi)) {
    const month = m[1] ? monthNames.indexOf(m[1].toLowerCase()) : 0;
    if (Math.floor(Date.UTC(Number(m[2]), month, 1) / 86400000) > specDay) return true;
  }
  return false;
}

/** The note promises the baseline will be measured again (not that it was once updated). */
function promisesRefresh(note: string, specDay: number): boolean {
  for (const clause of note.split(/(?<=[.;!?])\s+|;\s*|,\s*(?:but|and)\s+/i)) {
    for (const m of clause.matchAll(refreshVerb)) {
      const before = clause.slice(0, m.index);
      const after = clause.slice(m.index! + m[0].length);
      if (/\blast\s*$/i.test(before)) continue; // "last updated"
      if (promised.test(before) || whenInContract.test(after) || laterDate(after, specDay)) return true;
    }
  }
  return false;
}

const periodMonths: Record<string, number> = { monthly: 1, quarterly: 3, termly: 4, 'six-monthly': 6, annually: 12, 'at-exit': 12 };

/** The date the specification speaks from: publication, the newest version, the tender deadline, else the start. */
function specificationDay(value: Record<string, unknown>): { day: number; what: string } | undefined {
  const dates = get.obj(value.dates);
  const pub = dayNumber(dates?.publication);
  if (pub !== undefined) return { day: pub, what: 'publication' };
  const newest = get.arr(value.history).map((h) => dayNumber(get.obj(h)?.date)).filter((d): d is number => d !== undefined);
  if (newest.length) return { day: Math.max(...newest), what: 'the latest version' };
  const deadline = dayNumber(dates?.tender_deadline);
  if (deadline !== undefined) return { day: deadline, what: 'the tender deadline' };
  const start = contractStart(value);
  return start !== undefined ? { day: start, what: 'the contract start' } : undefined;
}

export default {
  meta,
  check(ctx) {
    const { model, report } = ctx;
    const at = specificationDay(model.value);
    if (!at) return;
    const cycles = option<number>(ctx, meta, 'cycles');
    const lag = option<number>(ctx, meta, 'lag_months');
    for (const { path, ind, label } of indicators(model.value)) {
      const baseline = get.obj(ind.baseline);
      const day = dayNumber(baseline?.date);
      if (!baseline || day === undefined || get.num(baseline.value) === undefined) continue;
      if (promisesRefresh(get.str(baseline.note) ?? '', at.day)) continue; // the specification already says it will be measured again
      const freq = get.str(ind.frequency);
      const period = periodMonths[freq ?? 'annually'] ?? 12;
      const allowed = cycles * period + lag;
      const ageMonths = (at.day - day) / 30.44;
      if (ageMonths <= allowed) continue;
      const years = ageMonths / 12;
      report({
        message: `The baseline of ${label.replace(/^Indicator/, 'indicator')} is from ${formatDay(day)}, ${years >= 2 ? `${Math.floor(years)} years` : `${Math.round(ageMonths)} months`} before ${at.what} (${formatDay(at.day)}), for an indicator collected ${freq ? freq.replace('at-exit', 'at exit') : 'every year'}: use the latest published figure, or say the baseline will be refreshed at mobilisation`,
        at: { path: [...path, 'baseline', 'date'], part: 'value' },
      });
    }
  },
} satisfies Rule;
