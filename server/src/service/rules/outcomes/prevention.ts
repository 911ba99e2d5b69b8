import { get } from '../../model';
import { defineRule } from '../types';
import { outcomes, text } from '../helpers';

const preventionWords =
  /\b(prevent\w*|early (help|intervention|support)|before (problems|needs|difficulties|crisis|things)|avoid\w*|stay(s|ing)? together|no longer need|not (be )?(re-?referred|need|enter|come into|taken into)|step(s|ping)?[- ]down|escalat\w*|re-?referr\w*|entering care|come into care)\b/i;

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
    if (all.some(({ o }) => preventionWords.test(`${text(o.statement) ?? ''} ${text(o.rationale) ?? ''}`))) return;
    report({
      message: "No outcome is about prevention: consider one about needs avoided or caught early, for example 'Fewer children need to come into care' or 'Families are not re-referred within 12 months'",
      at: { path: ['outcomes'], part: 'key' },
    });
  },
});
