import { isScalar } from 'yaml';
import { nodeAtPath } from '../../document';
import { get } from '../../model';
import type { TextScalar } from '../helpers';
import { option } from '../helpers';
import { defineRule, type RuleMeta } from '../types';
import { durationHours, proseDurations, sayHours } from '../sense/durations';
import { sentenceAt, textsUnder } from '../sense/prose';
import { describeKind, isLookedAfterCare, serviceKind } from '../sense/service-type';

const about = /\b(notif(?:y|ied|ies|ication|iable)|report(?:ed|s|ing)?|inform(?:ed|s)?|tell|told|alert(?:ed)?|escalat(?:e|ed|es|ion))\b/i;
const what = /\b(incidents?|events?|serious|allegations?|concerns?|notifiable|significant harm|missing|death|injur(?:y|ies)|restraint|police)\b/i;

const meta: RuleMeta = {
  id: 'safeguarding/notification-time',
  severity: 'warning',
  description: 'Serious incidents are notified to the commissioner within a time that fits the service: hours or the same working day for residential and foster care.',
  rationale:
    "A serious incident (a child missing, seriously hurt, arrested or exploited; an allegation against staff) must reach the placing authority while something can still be done. The Children's Homes (England) Regulations 2015 (reg. 40) require notifiable events to be reported to the placing authority and Ofsted without delay, which in practice means within 24 hours or the same working day. Other services should notify within a day or two. 'Within 5 working days' or 'in the monthly report' is a record, not a notification.",
  evidence: ["Children's Homes (England) Regulations 2015, reg. 40", 'Working Together to Safeguard Children 2023', 'NFER 2012, section 2.2.3 ‘Establishing ground rules’'],
  kinds: ['specification'],
  tags: ['safeguarding'],
  fixable: true,
  options: {
    max_hours_care: { type: 'number', default: 24, description: 'The longest notification time accepted for residential and foster care, in hours.' },
    max_hours: { type: 'number', default: 48, description: 'The longest notification time accepted for other services, in hours.' },
    require: { type: 'boolean', default: true, description: 'Report a specification that states no notification time at all.' },
  },
};

interface Said {
  hours: number;
  phrase: string;
  start: number;
  end: number;
  field: boolean;
  periodic?: boolean;
}

/** Notification times said in prose: time phrases in sentences about reporting incidents. */
const followUp = /\b(?:(?:written|full|detailed|follow[- ]up|final|closing) (?:report|account|summary)|investigation|lessons learned|learning review|root cause)\b/i;

function fromProse(scalars: TextScalar[], srcText: string): Said[] {
  const out: Said[] = [];
  for (const s of scalars) {
    if (typeof s.path[s.path.length - 1] === 'string' && ['refresh', 'policy_review', 'review'].includes(s.path[s.path.length - 1] as string)) continue;
    const quickest = new Map<number, Said>();
    let prevEnd = 0;
    for (const d of proseDurations(s.value)) {
      const { text: sentence, start: sentenceStart } = sentenceAt(s.value, d.start);
      // the words leading to this time, since the sentence began or the previous time was given
      const lead = s.value.slice(Math.max(sentenceStart, prevEnd), d.start);
      prevEnd = d.end;
      if (!about.test(sentence) || !what.test(sentence) || followUp.test(lead)) continue;
      const prev = quickest.get(sentenceStart);
      if (prev && prev.hours <= d.hours) continue;
      // point at the phrase in the source when it can be found there, else at the whole value
      const src = srcText.slice(s.start, s.end);
      const at = src.indexOf(d.phrase);
      quickest.set(sentenceStart, { hours: d.hours, phrase: d.phrase, start: at >= 0 ? s.start + at : s.start, end: at >= 0 ? s.start + at + d.phrase.length : s.end, field: false, periodic: d.periodic });
    }
    for (const said of quickest.values()) out.push(said); // one per sentence: unbounded in a long value
  }
  return out;
}

function fieldFix(doc: import('../../document').SourceDocument, value: string) {
  const { node } = nodeAtPath(doc.yaml, ['safeguarding', 'escalation', 'notification']);
  if (!isScalar(node) || !node.range) return undefined;
  return { title: `Require notification within ${value}`, edits: [{ start: node.range[0], end: node.range[1], newText: value }], safe: false };
}

export default {
  meta,
  check(ctx) {
    const { doc, model, report } = ctx;
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    const kind = serviceKind(model.value);
    const care = isLookedAfterCare(kind);
    const limit = care ? option<number>(ctx, meta, 'max_hours_care') : option<number>(ctx, meta, 'max_hours');
    const esc = get.obj(sg.escalation);
    const fieldHours = durationHours(esc?.notification);
    const said: Said[] = [];
    // Each sentence gives its quickest time ("within 24 hours, with a written report within 5 days"
    // is a 24-hour notification followed by a record); a sentence about the written follow-up is
    // left out; across the field and the sentences the slowest is reported, because a document that
    // says both '24 hours' and 'five working days' lets the provider choose.
    if (fieldHours !== undefined) said.push({ hours: fieldHours, phrase: String(esc!.notification), start: -1, end: -1, field: true });
    for (const s of fromProse(textsUnder(doc, 'safeguarding'), doc.text)) said.push(s); // no spread: prose may say it many times
    if (said.length === 0) {
      if (!option<boolean>(ctx, meta, 'require')) return;
      report({
        message: `Safeguarding does not say how quickly serious incidents must be reported to the commissioner: add notification: under escalation:, for example '${sayHours(Math.min(limit, 24))}'`,
        at: esc ? { path: ['safeguarding', 'escalation'], part: 'key' } : { path: ['safeguarding'], part: 'key' },
      });
      return;
    }
    // a periodic report alongside a real time limit is the record that follows the notification
    const limits = said.some((x) => !x.periodic) ? said.filter((x) => !x.periodic) : said;
    const slowest = limits.reduce((a, b) => (b.hours > a.hours ? b : a));
    if (slowest.hours <= limit) return;
    const fits = care ? `${describeKind(kind)}: the placing authority and Ofsted must be told without delay, within ${sayHours(limit)} or the same working day` : `${describeKind(kind)}: ask for ${sayHours(limit)} or less`;
    const message = slowest.periodic
      ? `Serious incidents are left to '${slowest.phrase}', a record made weeks later, not a notification: ${fits}. Add notification: under escalation:, for example '${sayHours(limit)}'`
      : `Serious incidents are to be reported within '${slowest.phrase}', too slow for ${fits}`;
    if (slowest.field) {
      report({
        message,
        at: { path: ['safeguarding', 'escalation', 'notification'], part: 'value' },
        fix: fieldFix(doc, sayHours(limit)),
      });
      return;
    }
    report({ message, at: { start: slowest.start, end: slowest.end } });
  },
} satisfies import('../types').Rule;
