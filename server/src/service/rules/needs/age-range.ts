import type { PathSegment } from '../../document';
import { get } from '../../model';
import { text } from '../helpers';
import { defineRule } from '../types';
import { admitted, mentions, thresholdAst, wholeRange } from '../sense/bounds';
import { population, proseAges, sayAges, type AgeRange } from '../sense/ages';
import { ageField, declaredFields } from '../sense/fields';
import { textsUnder } from '../sense/prose';

// pathways that rightly reach beyond the population: staying put, leaving care, adult services
const beyondKeys = new Set(['staying_put', 'leaving_care', 'adult_services']);
// someone else's age, as the age field skips it: 'mothers aged 20 to 24', '16-19 year old parents'
const adultBefore = /\b(?:mothers?|fathers?|parents?|carers?|adults?|staff|workers?|volunteers?|mums?|dads?)\s+(?:who are\s+)?$/i;
const adultAfter = /^\s*(?:mothers?|fathers?|parents?|carers?|adults?|staff|workers?|volunteers?|mums?|dads?)\b/i;
const beyondWords = /\b(staying put|stay(?:s|ing)? on|leaving care|care leavers?|after (?:they )?leav(?:e|ing)|adult(?:hood|s)?|adult services|transition|personal advis[eo]r|up to (?:21|25)|beyond 18|post-?18)\b/i;

export default defineRule({
  meta: {
    id: 'needs/age-range',
    severity: 'warning',
    description: 'Eligibility, tiers, outcomes and pathways stay inside the ages the service is for.',
    rationale:
      'The needs assessment defines the population, and outcomes follow from it. A specification for 11 to 17 year olds with a tier for children aged 8, or an outcome for 5 to 10 year olds, disagrees with itself: bidders price and staff for the wrong children, and referrals are refused at the door. Pathways that rightly reach beyond the population (staying put to 21, personal advisers to 25) are not counted.',
    evidence: ['IDeA 2009, section 3.2.1 ‘Outcome focused – based on an analysis of need’', 'IDeA 2009, section 3.3 ‘What are the commissioning procedures?’'],
    kinds: ['specification'],
    tags: ['needs', 'tiers', 'outcomes'],
  },
  check({ doc, model, report }) {
    const pop = population(model.value);
    if (!pop) return;
    // an open end ('aged 11 and over', 'under-5s') claims nothing on that side
    const outside = (r: AgeRange) => (Number.isFinite(r.lo) && r.lo < pop.lo) || (Number.isFinite(r.hi) && r.hi > pop.hi);
    const field = ageField(declaredFields(model.value));
    const popWords = `the population (${sayAges(pop)}, from ${pop.from})`;

    // expressions: eligibility (when the population comes from elsewhere) and tier thresholds
    const exprs: Array<{ path: PathSegment[]; src: string; what: string }> = [];
    const elig = text(get.obj(model.value.needs)?.eligibility);
    if (elig && pop.from !== 'the eligibility rule') exprs.push({ path: ['needs', 'eligibility'], src: elig, what: 'The eligibility rule' });
    get.arr(model.value.tiers).forEach((t, i) => {
      const th = text(get.obj(t)?.threshold);
      if (th) exprs.push({ path: ['tiers', i, 'threshold'], src: th, what: `The threshold of tier '${text(get.obj(t)?.id) ?? i + 1}'` });
    });
    if (field) {
      for (const e of exprs) {
        const ast = thresholdAst(e.src);
        if (!ast || !mentions(ast, field)) continue;
        const r = wholeRange(admitted(ast, field));
        if (!outside(r)) continue;
        report({
          message: `${e.what} admits ages ${sayAges(r)}, outside ${popWords}: make them agree, or widen needs.age: if the service is for more children`,
          at: { path: e.path, part: 'value' },
        });
      }
    }

    // prose: outcome statements, indicator definitions, tier definitions, pathways
    for (const s of textsUnder(doc, 'outcomes', 'tiers', 'transitions')) {
      const last = s.path[s.path.length - 1];
      if (typeof last !== 'string' || !['statement', 'definition', 'label', 'referral', 'matching', 'step_down'].includes(last)) continue;
      if (s.path.some((seg) => typeof seg === 'string' && beyondKeys.has(seg))) continue;
      for (const a of proseAges(s.value)) {
        if (!outside(a)) continue;
        if (adultBefore.test(s.value.slice(0, a.start)) || adultAfter.test(s.value.slice(a.end))) continue;
        if (a.hi > pop.hi && a.lo >= pop.lo && beyondWords.test(s.value)) continue;
        const src = doc.text.slice(s.start, s.end);
        const at = src.indexOf(a.phrase);
        report({
          message: `'${a.phrase}' is outside ${popWords}: make the ages agree, or widen needs.age: if the service is for more children`,
          at: at >= 0 ? { start: s.start + at, end: s.start + at + a.phrase.length } : { start: s.start, end: s.end },
        });
      }
    }
  },
});
