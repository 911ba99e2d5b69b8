import { get } from '../../model';
import { defineRule } from '../types';
import { proseScalars, sectionAt, text } from '../helpers';

const serviceSections = ['summary', 'theory_of_change', 'outcomes', 'requirements', 'participation', 'workforce', 'mobilisation'];
const oneOff = /\bone[- ]off\b/i;
/** "not one-off", "rather than one-off": the text already argues against it. */
const negated = /\b(not|no|never|rather than|instead of|as opposed to|avoid\w*|beyond|than)\s+(just\s+|only\s+|a\s+|the\s+)?(one[- ]off)\b/i;

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
      if (!serviceSections.includes(String(s.path[0])) || !oneOff.test(s.value) || negated.test(s.value)) continue;
      report({
        message: `This describes one-off activity: say how it continues or what it leaves behind${sustainable ? '' : ' (and add exit.sustainability:)'}, since one-off events rarely change outcomes`,
        at: { start: s.start, end: s.end },
      });
    }
  },
});
