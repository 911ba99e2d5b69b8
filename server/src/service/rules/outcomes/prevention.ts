import { get } from '../../model';
import { defineRule } from '../types';
import { outcomes, text } from '../helpers';

const preventionWords =
  /\b(prevent\w*|early (help|intervention|support)|before (problems|needs|difficulties|crisis|things)|avoid\w*|no longer need|not (be )?(re-?referred|need|enter|come into|taken into)|step(s|ping)?[- ]down|escalat\w*|re-?referr\w*|entering care|come into care)\b/i;

/**
 * Entering care or statutory protection, as a verb phrase: "taken into care", "become looked after",
 * "need a child protection plan", "are subject to care proceedings".
 */
const entry =
  String.raw`((taken|taking|brought|bringing|come|comes|coming|came|go|goes|going|received|admitted|placed)( in)?to care|enter(s|ing|ed)? (the )?care( system)?|(become|becomes|becoming|became) (looked[- ]after|subject to (a )?(child protection plan|care order|care proceedings))|(need|needs|needing|require|requires|requiring|have|has|having|on|subject to) (a |an )?(child protection|protection|care) (plans?|orders?)|(subject to|in|enter|entering) care proceedings|admissions? (to|into) care|entr(y|ies) (to|into) care|care entr(y|ies)|need(s|ing)? (to be )?(looked[- ]after|in care|statutory (services|social care|intervention)))`;

/** Fewer children entering care or protection: "Fewer children are taken into care", "the number becoming looked after falls". */
const fewerEntering = new RegExp(
  String.raw`\b(fewer|reduc(e|es|ed|ing|tion)|lower|less|decreas(e|es|ed|ing)|smaller|drop in|fall in)\b[^.;]{0,60}?\b${entry}\b` +
    String.raw`|\b${entry}\b[^.;]{0,40}?\b(falls?|fell|falling|drops?|dropped|reduces|is reduced|are reduced|decreases?|goes down|go down|is lower|are fewer)\b`,
  'i',
);

/**
 * Families kept together, rather than children taken from them: "families stay together", "children
 * remain at home with their parents". Brothers and sisters in foster care staying together is good
 * placement practice, but it is not prevention: those children are already in care.
 */
const familyTogether =
  /\b(famil(y|ies)|parents and children|children and (their )?parents|households?)\b[^.;]{0,30}?\b(stay|stays|staying|remain|remains|remaining|live|lives|living|kept|are kept) together\b|\b(stay|stays|staying|remain|remains|remaining|continue to live|continues to live|(live|lives|living) safely)( safely)?( at home)? with (their|his|her) (own |birth )?(famil(y|ies)|parents?)\b|\b(stay|stays|staying|remain|remains|remaining)( living)?( safely)? at home\b/i;

const aboutPrevention = (s: string) => preventionWords.test(s) || fewerEntering.test(s) || familyTogether.test(s);

export default defineRule({
  meta: {
    id: 'outcomes/prevention',
    severity: 'hint',
    description: 'Suggests an outcome about prevention or early help.',
    rationale:
      'The areas that commissioned best made "their particular effort to focus on prevention and early intervention". An outcome that measures needs avoided (children not needing to come into care, families not re-referred, problems caught early) keeps a specialist contract pointed at reducing demand, not just meeting it.',
    evidence: ['SHM 2009, ‘The big message’, p. 3'],
    kinds: ['specification'],
    strictOnly: true,
    tags: ['outcomes', 'suggestion'],
  },
  check({ model, report }) {
    const all = outcomes(model.value);
    if (all.length === 0 || get.str(model.value.service_type) === 'early-help') return;
    if (all.some(({ o }) => aboutPrevention(`${text(o.statement) ?? ''} ${text(o.rationale) ?? ''}`))) return;
    report({
      message: "No outcome is about prevention: consider one about needs avoided or caught early, for example 'Fewer children need to come into care' or 'Families are not re-referred within 12 months'",
      at: { path: ['outcomes'], part: 'key' },
    });
  },
});
