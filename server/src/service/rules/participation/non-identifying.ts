import { get } from '../../model';
import { defineRule } from '../types';
import { addToMap, addTopLevel, text } from '../helpers';

const consultative = ['child-and-family-views', 'consultation', 'survey'];
const line = 'data_protection: Views are anonymised before they leave the provider and reported in aggregate; nothing is published about groups of fewer than ten children or families.';

export default defineRule({
  meta: {
    id: 'participation/non-identifying',
    severity: 'warning',
    description: 'Where children and families are consulted, the specification says how their data is kept non-identifying.',
    rationale:
      'Published specifications and their evidence must not identify children. The NELCP evaluators warned young people that in a small group "we would not be able to ensure full anonymity"; a specification that draws on consultation, surveys or participation should say how views are anonymised and reported in aggregate.',
    evidence: ['Ipsos MORI 2019, ‘Acknowledgements’, p. 6', 'Ipsos MORI 2019, ‘Children and young people engagement’, p. 25', 'Data Protection Act 2018'],
    kinds: ['specification'],
    tags: ['participation', 'data'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const p = get.obj(model.value.participation);
    if (text(p?.data_protection)) return;
    const activities = get.arr(p?.activities).length;
    const sourceIndex = get.arr(get.obj(model.value.needs)?.sources).findIndex((s) => consultative.includes(get.str(get.obj(s)?.type) ?? ''));
    if (activities === 0 && sourceIndex < 0) return;
    const what = activities > 0 ? 'children and families take part in the service' : 'the evidence of need includes their views';
    report({
      message: `${what[0].toUpperCase()}${what.slice(1)}, but the specification does not say how their data is kept non-identifying: add participation.data_protection:, for example that views are reported in aggregate and no group smaller than ten is published`,
      at: p ? { path: ['participation'], part: 'key' } : { path: ['needs', 'sources', sourceIndex], part: 'container' },
      fix: p ? addToMap(doc, ['participation'], [line], 'Add a data protection statement') : addTopLevel(doc, ['participation:', '  ' + line], 'Add a data protection statement'),
    });
  },
});
