import { get } from '../../model';
import { defineRule } from '../types';
import { text } from '../helpers';
import { firstMatch } from '../sense/prose';

const supervisionWords = /\b(supervision|supervisions|supervised by|supervises|supervisor|reflective (?:practice|sessions?)|case (?:consultation|discussion)s?|practice (?:supervision|support) sessions?)\b(?! (?:contact|visits?|access))/i;

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
    if (firstMatch(doc, supervisionWords, 'safeguarding', 'workforce', 'requirements')) return;
    report({
      message: 'Safeguarding asks for no supervision of staff: add supervision: saying how often staff who work with children have supervision and who gives it (for example monthly, with a qualified supervisor)',
      at: sg.training !== undefined ? { path: ['safeguarding', 'training'], part: 'key' } : { path: ['safeguarding'], part: 'key' },
    });
  },
});
