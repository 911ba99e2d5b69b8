import { get } from '../../model';
import { defineRule } from '../types';
import { text } from '../helpers';
import { textsUnder } from '../sense/prose';

/** Practice support that is only ever about staff: reflective practice, case discussion, clinical supervision. */
const staffPractice = /(?<!\b(?:contact|family time|visits?|trips?)\s)\b(reflective (?:practice|sessions?|supervision)|case (?:consultation|discussion)s?|practice (?:supervision|support) sessions?|(?:clinical|professional|line[- ]management|management|casework|formal|restorative|practice) supervision|supervision (?:sessions?|meetings?|records?|notes|policy|agreements?|contracts?|structure|arrangements?))\b/i;
/** Any word about supervising, in any sense (of staff, of children, of contact, a court order). */
const supervisionWord = /\b(supervision|supervisions|supervised|supervises|supervise|supervising|supervisors?|supervisory)\b/gi;
/** Supervising children, contact or activities, or a court's supervision order: not support for staff. */
const notStaff = /^(?:s?\s*(?:orders?|contact|family time)\b)/i;
const staffNoun = /\b(staff|workers?|keyworkers?|carers?|practitioners?|employees?|managers?|volunteers?|team members?|colleagues|personal advisers?|advisers?|mentors?|therapists?|nurses?|clinicians?|(?:member|members) of staff|the workforce|everyone who works)\b/i;
const childNoun = /\b(child(?:ren)?|young (?:people|person)|young adults?|pupils?|famil(?:y|ies)|parents?|contact|family time|visits?|trips?|outings?|activities|residents?|care leavers?|siblings?|babies|infants?|tenants?|learners?)\b(?!['’])/i;

/** The first noun, staff or child, in a piece of text. */
function firstParty(t: string): 'staff' | 'child' | undefined {
  const st = staffNoun.exec(t);
  const ch = childNoun.exec(t);
  if (st && (!ch || st.index <= ch.index)) return 'staff';
  return ch ? 'child' : undefined;
}

/**
 * True when a sentence speaks of supervision of staff: staff (workers, carers, practitioners…) who
 * receive or have supervision, supervision of staff, reflective or clinical supervision, supervision
 * sessions. Supervising children, trips or contact ("family time is supervised by a contact worker",
 * "young people are supervised by two staff", "a contact supervisor") is not.
 */
function staffSupervision(sentence: string): boolean {
  if (staffPractice.test(sentence)) return true;
  for (const m of sentence.matchAll(supervisionWord)) {
    const word = m[1].toLowerCase();
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (notStaff.test(after) || /\b(contact|family time|visits?|trips?)\s*$/i.test(before)) continue;
    if (/^\s+(?:of|for)\s/i.test(after)) {
      // "supervision of staff" / "supervision of young people": the object says who is supervised
      const who = firstParty(after.slice(0, 60));
      if (who) {
        if (who === 'staff') return true;
        continue;
      }
    }
    if (word === 'supervise' || word === 'supervises' || word === 'supervising') {
      // "a senior practitioner supervises each keyworker": the object is who is supervised
      if (firstParty(after.slice(0, 60)) === 'staff') return true;
      continue;
    }
    // otherwise the subject: the first party named in the clause, else in the sentence
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf('('), -1) + 1);
    const who = firstParty(clause) ?? firstParty(before) ?? firstParty(after);
    if (who === 'staff') return true;
  }
  return false;
}

/** Sentences of a text (split on . ; ! ? and line breaks). */
const sentences = (t: string) => t.split(/(?<=[.;!?])\s+|\n+/);

export default defineRule({
  meta: {
    id: 'safeguarding/supervision',
    severity: 'warning',
    description: 'Staff who work with children have regular supervision, not only training and checks.',
    rationale:
      'Checks say a person is not barred and training says what they were taught; supervision is where a worker brings the worry they are not sure about. Commissioners looked for staff "trained and skilled in working with vulnerable children", and Working Together to Safeguard Children 2023 expects organisations to support practitioners through supervision. A specification should say how often staff are supervised and by whom.',
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'Working Together to Safeguard Children 2023'],
    kinds: ['specification'],
    tags: ['safeguarding', 'workforce'],
  },
  check({ doc, model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    if (text(sg.supervision)) return;
    if (textsUnder(doc, 'safeguarding', 'workforce', 'requirements').some((x) => sentences(x.value).some(staffSupervision))) return;
    report({
      message: 'Safeguarding asks for no supervision of staff: add supervision: saying how often staff who work with children have supervision and who gives it (for example monthly, with a qualified supervisor)',
      at: sg.training !== undefined ? { path: ['safeguarding', 'training'], part: 'key' } : { path: ['safeguarding'], part: 'key' },
    });
  },
});
