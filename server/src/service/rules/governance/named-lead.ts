import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'governance/named-lead',
    severity: 'warning',
    description: 'The governance section names the role that leads the contract for the commissioner.',
    rationale:
      'Partnerships valued a "single point of contact", and contract management fails without one: commissioners reported "nowhere near enough capacity to manage the contracts". Naming the lead role tells the provider who decides, and tells the council who is accountable.',
    evidence: ['PwC 2011, ‘Engagement with the programme’, p. 46', 'SHM 2009, section 3.2 ‘The Capacity Crunch’, p. 21'],
    kinds: ['specification'],
    tags: ['governance'],
  },
  check({ model, report }) {
    const g = get.obj(model.value.governance);
    if (text(g?.lead)) return;
    report({
      message: g
        ? 'The governance section names no lead: add lead: with the role that leads the contract for the commissioner, for example Head of Service for Children in Care'
        : 'This specification does not say who leads the contract: add governance: with lead: (the role that leads it), a deputy, and how often the contract is monitored',
      at: sectionAt(model.value, 'governance'),
    });
  },
});
