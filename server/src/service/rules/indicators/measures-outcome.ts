import { get } from '../../model';
import { outcomes, text } from '../helpers';
import { defineRule } from '../types';
import { classifyStatement } from '../outcomes/classify';
import { classifyMeasure } from '../classifiers/measures';
import { headActivity } from '../sense/activity';

const aboutSpeed = /\b(quick(?:ly|er)?|prompt(?:ly)?|timely|without (?:a )?(?:long )?wait(?:ing)?|waiting|fast(?:er)?|sooner|straight away|as soon as)\b/i;

export default defineRule({
  meta: {
    id: 'indicators/measures-outcome',
    severity: 'warning',
    description: 'An outcome about change for children is measured by at least one indicator of that change, not only by counts of activity.',
    rationale:
      'Services have been "measured publicly, e.g. attendance, using performance indicators that are service-driven". An outcome such as "young people feel safer and more confident" measured only by sessions delivered, attendance or contacts measures the service, not the change: the provider can meet every indicator while nothing changes for children. The outcome statement and each indicator definition are read by the output-or-outcome classifiers; the rule speaks only when every indicator of an outcome counts activity.',
    evidence: ['SHM 2009, section 3 ‘Common Calls for Support’, p. 19', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'PwC 2011, ‘Engagement with the programme: Impact on services’'],
    kinds: ['specification', 'framework'],
    tags: ['indicators', 'outcomes', 'classifier'],
  },
  check({ model, report }) {
    for (const { path, o, label } of outcomes(model.value)) {
      const statement = text(o.statement);
      if (!statement || classifyStatement(statement).label !== 'outcome') continue;
      // an outcome about getting help quickly is rightly measured by how long help takes
      if (aboutSpeed.test(statement)) continue;
      const inds = get.arr(o.indicators).map((x, j) => ({ ind: get.obj(x), j })).filter((x) => x.ind && text(x.ind.definition));
      if (inds.length === 0) continue;
      const judged = inds.map((x) => {
        const definition = text(x.ind!.definition)!;
        const c = classifyMeasure(definition);
        if (c.label === 'output' || c.changeScore > 0) return { ...x, c };
        // the classifier found nothing either way: a count whose head is a unit of activity
        // ('Supervising social worker visits to each household') still counts the service's work
        const unit = get.str(x.ind!.unit);
        const noun = unit === undefined || unit === 'count' || unit === 'number' ? headActivity(definition) : undefined;
        return { ...x, c: noun ? { ...c, label: 'output' as const, reasons: [`it counts ${noun}`] } : c };
      });
      if (judged.some((x) => x.c.label !== 'output')) continue;
      for (const { ind, j, c } of judged) {
        const id = text(ind!.id) ?? `${j + 1}`;
        report({
          message: `${label} is about a change for children, but indicator '${id}' counts activity${c.reasons[0] ? ` (${c.reasons[0]})` : ''}, and so do all its indicators: add an indicator of the change itself (for example the share of children whose wellbeing score improves), and keep this one as a process measure`,
          at: { path: [...path, 'indicators', j, 'definition'], part: 'value' },
        });
      }
    }
  },
});
