import { get } from '../../model';
import { option, proseScalars, text } from '../helpers';
import { defineRule, type Rule, type RuleMeta } from '../types';
import { population, sayAges } from '../sense/ages';
import { describeKind, serviceKind } from '../sense/service-type';

const meta: RuleMeta = {
  id: 'transitions/care-leaver-age',
  severity: 'warning',
  description: 'A service for care leavers supports them beyond 18: to 21, or to 25 for personal adviser support.',
  rationale:
    'Leaving care is not an event at 18. Young people in foster care can stay put to 21, and care leavers are entitled to a personal adviser up to 25 (Children and Social Work Act 2017). A care-leaver service that stops at 18 ends support at the moment the council\'s duties as corporate parent continue.',
  evidence: ['Ipsos MORI 2019, section 2 ‘Project theory of change: Outcomes’, p. 14', 'Children and Social Work Act 2017, section 3', 'Children (Leaving Care) Act 2000'],
  kinds: ['specification'],
  tags: ['transitions', 'care-leavers'],
  options: {
    min_upper_age: { type: 'number', default: 21, description: 'The oldest age a care-leaver service must reach at least.' },
  },
};

/** A home rather than a worker: accommodation for 16- and 17-year-olds ends at 18 by design. */
const accommodation = /\b(supported (?:accommodation|lodgings|housing)|semi[- ]independen\w*|accommodation|lodgings|housing|flats?|homes?|hostels?|foyers?)\b/i;
const lookedAfter = /\b(looked[- ]after|children in care|young people in care|in the care of)\b/i;
/** Words that say what happens at 18: the move on, the pathway plan, the leaving care team taking over. */
const atEighteen = /\b(18th birthday|eighteenth birthday|at 18|at eighteen|turns? 18|turning 18|reach(?:es|ing)? 18|after 18|over 18|from 18|move[sd]? on|moving on|move-on|pathway plans?|staying close|staying put|personal advis[eo]rs?|leaving care (?:team|service|worker)s?|adult services)\b/i;

/**
 * A service explicitly for looked-after 16- and 17-year-olds (supported accommodation, say): legitimate,
 * so long as something says how each young person moves on at 18.
 */
function underEighteenService(value: Record<string, unknown>, lo: number, hi: number): boolean {
  if (lo < 16 || hi > 17) return false;
  const about = [text(value.title), text(value.summary), text(get.obj(value.needs)?.summary)].filter(Boolean).join(' ');
  const groups = get.arr(get.obj(value.needs)?.groups);
  return accommodation.test(about) || lookedAfter.test(about) || groups.includes('looked-after');
}

export default {
  meta,
  check(ctx) {
    const { model, report } = ctx;
    const kind = serviceKind(model.value);
    if (kind.type !== 'leaving-care') return;
    const pop = population(model.value);
    if (!pop) return;
    // Care leavers are 16 or over: an inferred type for a service that takes younger children comes
    // from a passing mention ("works with the leaving care team"), not from what the service is.
    if (kind.inferred && pop.lo < 16) return;
    const min = option<number>(ctx, meta, 'min_upper_age');
    if (pop.hi >= min) return;
    const at = pop.path[0] === 'needs' && pop.path[1] === 'age' ? { path: ['needs', 'age', 'max'], part: 'value' as const } : { path: pop.path, part: 'value' as const };
    if (underEighteenService(model.value, pop.lo, pop.hi)) {
      // Ending at 18 is the design; what matters is the move at 18. Quiet when anything speaks of it.
      const t = get.obj(model.value.transitions);
      if (text(t?.leaving_care) || text(t?.staying_put) || text(t?.adult_services)) return;
      if (proseScalars(ctx.doc).some((s) => atEighteen.test(s.value))) return;
      report({
        message: `This service is for young people aged ${sayAges(pop)}, so it ends at their 18th birthday, which is right for a service for 16- and 17-year-olds, but nothing says how each young person moves on then: add transitions.leaving_care: saying how the move at 18 is planned (for example, where they will live agreed in the pathway plan by 17½, and the personal adviser introduced before the 18th birthday)`,
        at,
      });
      return;
    }
    report({
      message: `This is ${describeKind(kind)}, but it supports young people aged ${sayAges(pop)} only: care leavers are entitled to support beyond 18 (staying put to 21, a personal adviser to 25), so extend the age range to at least ${min}`,
      at,
    });
  },
} satisfies Rule;
