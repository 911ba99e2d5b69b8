import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'exit/plan',
    severity: 'warning',
    description: 'The specification says how the service hands over or closes at the end of the contract.',
    rationale:
      'Children in a service when its contract ends must not fall through the gap between providers. Commissioners wanted "ongoing engagement and development as opposed to \'one-off\' events"; an exit plan (case handover, records, staff transfer, joint visits) written at the start is the only one the council can enforce at the end.',
    evidence: ['IDeA 2009, section 3.2.7 ‘Sustainability’', 'IDeA 2009, section 3.5 ‘How are Children and Young People’s Services engaging with cultural organisations?’'],
    kinds: ['specification'],
    tags: ['exit'],
  },
  check({ model, report }) {
    const exit = get.obj(model.value.exit);
    if (text(exit?.plan)) return;
    report({
      message: 'The specification does not say what happens when the contract ends: add exit.plan: with how children\'s cases, records and staff hand over without harm to children',
      at: exit ? { path: ['exit'], part: 'key' } : sectionAt(model.value, 'exit'),
    });
  },
});
