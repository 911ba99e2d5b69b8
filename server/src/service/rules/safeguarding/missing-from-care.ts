import { get } from '../../model';
import { defineRule } from '../types';
import { describeKind, isLookedAfterCare, serviceKind } from '../sense/service-type';
import { firstMatch } from '../sense/prose';

const missingWords = /\b(missing (?:from (?:care|home|placement)|episodes?|children|person|protocol|procedures?|incidents?)|go(?:es|ing)? missing|run(?:s|ning)? away|runaways?|absent without (?:leave|permission)|unauthori[sz]ed absences?|return (?:home )?interviews?)\b/i;

export default defineRule({
  meta: {
    id: 'safeguarding/missing-from-care',
    severity: 'warning',
    description: 'A residential or foster care service sets out what happens when a child goes missing from care.',
    rationale:
      "Children in children's homes and foster care go missing far more often than other children, and going missing is a warning sign of exploitation. The Department for Education's statutory guidance on children who run away or go missing from home or care expects a missing-from-care protocol agreed with the placing authority and the police, and a return interview after every episode. Safeguarding is wider than child protection at home.",
    evidence: ['IDeA 2009, section 3.1 ‘The priorities for children and young people’', "DfE, Statutory guidance on children who run away or go missing from home or care (2014)", "Children's Homes (England) Regulations 2015, reg. 34"],
    kinds: ['specification'],
    tags: ['safeguarding', 'looked-after'],
  },
  check({ doc, model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    const kind = serviceKind(model.value);
    if (!isLookedAfterCare(kind)) return;
    if (get.arr(sg.scope).includes('missing-from-care')) return;
    if (firstMatch(doc, missingWords, 'safeguarding', 'requirements', 'transitions')) return;
    report({
      message: `This is ${describeKind(kind)}, but safeguarding says nothing about children going missing: require a missing-from-care protocol agreed with the placing authority and the police, with a return interview after every episode, and add missing-from-care to scope:`,
      at: sg.scope !== undefined ? { path: ['safeguarding', 'scope'], part: 'key' } : { path: ['safeguarding'], part: 'key' },
    });
  },
});
