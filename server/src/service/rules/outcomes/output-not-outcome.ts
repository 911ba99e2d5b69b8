import { defineRule } from '../types';
import { outcomes, text } from '../helpers';
import { classifyStatement } from './classify';

export default defineRule({
  meta: {
    id: 'outcomes/output-not-outcome',
    severity: 'warning',
    description: 'An outcome statement describes a change for children or families, not an activity or output of the service.',
    rationale:
      'Council staff "are used to describing activities, not outcomes", and services have been "measured publicly, e.g. attendance, using performance indicators that are service-driven". Sessions delivered, places provided, visits, attendance, staff trained and awareness raised are outputs: a provider can hit them all while nothing changes for children. The check uses a small transparent classifier (verbs of delivery, counts of activity, things put in place, access and waiting times, against change language about children, young people, families or the workforce) and errs towards silence when a statement could be either.',
    evidence: ['SHM 2009, section 1 ‘Starting Points for the Support Programme’, p. 5', 'SHM 2009, section 3 ‘Common Calls for Support’, p. 19', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'PwC 2011, ‘Summary of programme lifecycle’, p. 9', 'PwC 2011, ‘Engagement with the programme: Impact on services’', 'IDeA 2009, section 2.2.3 ‘Communication’', 'Ipsos MORI 2019, ‘Outputs’, p. 14'],
    kinds: ['specification', 'framework'],
    tags: ['outcomes', 'classifier'],
  },
  check({ model, report }) {
    for (const { path, o, label } of outcomes(model.value)) {
      const statement = text(o.statement);
      if (!statement) continue;
      const c = classifyStatement(statement);
      if (c.label !== 'output') continue;
      const why = c.outputReasons.slice(0, 2).join(', and ');
      report({
        message: `${label} reads like an output, not an outcome: ${why}. Say what changes for the children, young people or families (for example 'Children live in stable homes close to their community'), and list the activity under theory_of_change.activities`,
        at: { path: [...path, 'statement'], part: 'value' },
      });
    }
  },
});
