import { get } from '../../model';
import { defineRule } from '../types';
import { outcomes } from '../helpers';

export default defineRule({
  meta: {
    id: 'outcomes/soft-outcome',
    severity: 'warning',
    description: 'When outcomes say whether they are hard or soft, at least one is soft.',
    rationale:
      '"The easiest outcomes to define are the quantifiable ones", but commissioners also need "outcomes that are harder to quantify, such as aspiration and improved life chances", measured with "qualitative indicators for \'softer\' outcomes such as increased confidence or a better self-image". A specification of hard measures only pays for what records capture and misses the changes children and families notice first.',
    evidence: ['SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'IDeA 2009, section 2.2.2 ‘Outcomes’'],
    kinds: ['specification'],
    tags: ['outcomes'],
  },
  check({ model, report }) {
    const all = outcomes(model.value);
    const typed = all.filter(({ o }) => get.str(o.type) === 'hard' || get.str(o.type) === 'soft');
    if (typed.length === 0 || typed.some(({ o }) => o.type === 'soft')) return;
    report({
      message: `${typed.length > 1 ? `All ${typed.length === all.length ? 'the' : typed.length} outcomes that say their type are hard measures` : all.length === 1 ? 'The only outcome is a hard measure (type: hard)' : `${typed[0].label}, the only outcome that says its type, is a hard measure`}: add at least one softer outcome (type: soft), such as confidence, wellbeing, relationships or aspiration, with a self-report or observed indicator`,
      at: { path: ['outcomes'], part: 'key' },
    });
  },
});
