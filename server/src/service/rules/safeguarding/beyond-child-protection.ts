import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'safeguarding/beyond-child-protection',
    severity: 'warning',
    description: 'The safeguarding scope goes beyond child protection.',
    rationale:
      'Safeguarding in children\'s services covered, "in addition to the core child protection issues", "risky behaviour linked to drugs, alcohol, antisocial and sexual behaviour and choices, bullying and domestic abuse". Today that includes criminal and sexual exploitation, online harm and going missing. A scope of child protection alone leaves the harms most young people in services actually face unaddressed.',
    evidence: ['IDeA 2009, section 3.1 ‘The priorities for children and young people’', 'IDeA 2009, section 2.2.4 ‘Efficiency’'],
    kinds: ['specification'],
    tags: ['safeguarding'],
  },
  check({ model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    if (sg.scope === undefined) {
      report({
        message: 'The safeguarding section does not say which harms the service must respond to: add scope:, going beyond child protection to, for example, exploitation, domestic abuse, substance misuse, bullying and online safety',
        at: { path: ['safeguarding'], part: 'key' },
      });
      return;
    }
    const scope = get.arr(sg.scope).filter((s): s is string => typeof s === 'string');
    if (!Array.isArray(sg.scope) || scope.some((s) => s !== 'child-protection')) return;
    report({
      message: scope.length === 0
        ? 'The safeguarding scope is empty, so it names no harm the service must respond to: list them under scope:, child-protection and beyond it, for example criminal-exploitation, child-sexual-exploitation, domestic-abuse, substance-misuse, bullying and online-safety'
        : 'The safeguarding scope is child protection only: add the other harms the service must respond to, for example criminal-exploitation, child-sexual-exploitation, domestic-abuse, substance-misuse, bullying and online-safety',
      at: { path: ['safeguarding', 'scope'], part: 'key' },
    });
  },
});
