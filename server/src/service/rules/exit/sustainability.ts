import { get } from '../../model';
import { defineRule } from '../types';
import { proseScalars, sectionAt, text } from '../helpers';

const serviceSections = ['summary', 'theory_of_change', 'outcomes', 'requirements', 'participation', 'workforce', 'mobilisation'];
const oneOff = /\bone[- ]off\b/gi;
/** "not one-off", "rather than one-off": the text already argues against it (tested on the text before the match). */
const negated = /\b(not|no|never|rather than|instead of|as opposed to|avoid\w*|beyond|than)\s+(just\s+|only\s+|a\s+|the\s+)?$/i;
/** Money described as one-off (a leaving-care allowance, a set-up grant, start-up costs): a payment, not an activity. */
const moneyNoun = /^(payments?|grants?|allowances?|costs?|fees?|sums?|charges?|bursar(y|ies)|budgets?|funds?|funding|investments?|contributions?|prices?|premiums?|expenses?|expenditure|outlays?|donations?|top-ups?|uplifts?|bonus(es)?|reimbursements?|capital|amounts?|monies|money|spend|loans?|vouchers?|stipends?|AMOUNT)$/i;
/** Nouns naming something done once (an event, a day, a trip): one-off activity even after a money word ("one-off grant-funded events"). */
const activityNoun = /^(events?|days?|sessions?|workshops?|activit(y|ies)|projects?|programmes?|visits?|trips?|residentials?|weekends?|courses?|training|interventions?|celebrations?|campaigns?|festivals?|tasters?|outings?|parties|party|meetings?|classes|class|pieces?|exercises?|initiatives?|schemes?|evenings?|nights?|ceremon(y|ies)|concerts?|shows?|performances?|launch(es)?|conferences?|fairs?|competitions?|holidays?|breaks?|groups?|clubs?|games?|matches)$/i;
/** Words that end the noun phrase after "one-off". */
const phraseEnd = /^(of|for|in|on|at|to|with|from|by|and|or|but|that|which|who|is|are|was|were|be|been|will|would|can|could|should|may|must|shall|when|where|while|if|as|so|than|per|each|every|across|into|over|under|after|before|during|until|within|without|through|towards|paid|payable|given|made)$/i;
const currency = /[£$€]\s?\d[\d,]*(\.\d+)?\s?(k|m|bn|million|thousand)?\b/gi;

/** True when a "one-off" at this offset describes money (a payment, grant, allowance or cost), not an event or activity. */
function describesMoney(value: string, index: number, length: number): boolean {
  const after = value.slice(index + length).replace(currency, ' AMOUNT ');
  const phrase = (/^[^.;:!?()\n,]*/.exec(after)?.[0] ?? '').split(/\s+/).filter(Boolean);
  const words: string[] = [];
  for (const w of phrase) {
    if (phraseEnd.test(w) || words.length >= 5) break;
    words.push(w.replace(/[^\w£$€-]/g, ''));
  }
  const money = words.findIndex((w) => moneyNoun.test(w));
  if (money >= 0) return !words.slice(money + 1).some((w) => activityNoun.test(w));
  if (words.length) return false;
  // "paid as a one-off", "a grant of £500, given as a one-off": no noun follows, so read what comes before
  return /\b(pa(id|y|yable|yments?)|grants?|allowances?|costs?|fees?|sums?|funding)\b[^.;:!?]{0,40}$/i.test(value.slice(0, index)) || /[£$€]\s?\d[^.;:!?]{0,40}$/.test(value.slice(0, index));
}

export default defineRule({
  meta: {
    id: 'exit/sustainability',
    severity: 'warning',
    description: 'The specification says how the gains last beyond the contract, and does not rest on one-off activity.',
    rationale:
      'Commissioners valued "ongoing engagement and development as opposed to \'one-off\' events" and criticised "one off projects rather than ongoing commissioning relationship". The test of C4EO support was whether changes "had been integrated into local policy, plans or practice". A sustainability statement says what stays when the money stops.',
    evidence: ['IDeA 2009, section 3.2.7 ‘Sustainability’', 'IDeA 2009, section 3.5 ‘How are Children and Young People’s Services engaging with cultural organisations?’', 'PwC 2011, ‘Engagement with C4EO: Impact on services’'],
    kinds: ['specification'],
    tags: ['exit'],
  },
  check({ doc, model, report }) {
    const exit = get.obj(model.value.exit);
    const sustainable = text(exit?.sustainability);
    if (!sustainable) {
      report({
        message: 'The specification does not say how the gains last after the contract ends: add exit.sustainability:, for example skills, volunteers or practice that stay in the area',
        at: exit ? { path: ['exit'], part: 'key' } : sectionAt(model.value, 'exit'),
      });
    }
    for (const s of proseScalars(doc)) {
      // only where the document says what the service does (needs and risks describe problems, exit the plan)
      if (!serviceSections.includes(String(s.path[0]))) continue;
      const activity = [...s.value.matchAll(oneOff)].some((m) => !negated.test(s.value.slice(0, m.index)) && !describesMoney(s.value, m.index, m[0].length));
      if (!activity) continue;
      report({
        message: `This describes one-off activity: say how it continues or what it leaves behind${sustainable ? '' : ' (and add exit.sustainability:)'}, since one-off events rarely change outcomes`,
        at: { start: s.start, end: s.end },
      });
    }
  },
});
