import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'safeguarding/lado',
    severity: 'warning',
    description: 'The escalation route refers allegations against staff to the LADO.',
    rationale:
      'Allegations that someone who works with children has harmed a child, or may pose a risk, must go to the local authority designated officer (LADO) within one working day, under Working Together to Safeguard Children. Providers that handle such allegations internally put children at risk and break statutory guidance; the specification should say so in terms.',
    evidence: ['Working Together to Safeguard Children 2023 (allegations against people who work with children)', 'NFER 2012, section 2.3.1 ‘Challenge and review process’ (by analogy: protocols for escalating concerns)'],
    kinds: ['specification'],
    tags: ['safeguarding'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const esc = get.obj(get.obj(model.value.safeguarding)?.escalation);
    if (!esc) return; // safeguarding/escalation reports a missing route
    if (esc.lado === true || /\b(LADO|designated officer)\b/i.test(text(esc.route) ?? '')) return;
    report({
      message:
        esc.lado === false
          ? 'The escalation route says allegations against staff are not referred to the LADO: allegations against people who work with children must go to the local authority designated officer; set lado: true and name the LADO in the route'
          : 'The escalation route does not mention the LADO: say that allegations against staff are referred to the local authority designated officer (lado: true), within one working day',
      at: { path: ['safeguarding', 'escalation'], part: 'key' },
      fix: esc.lado === undefined ? addToMap(doc, ['safeguarding', 'escalation'], ['lado: true'], 'Refer allegations against staff to the LADO') : undefined,
    });
  },
});
