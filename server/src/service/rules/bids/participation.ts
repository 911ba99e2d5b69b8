import { defineRule } from '../types';
import { specLocation } from '../../bid/locate';
import { get } from '../../model';
import { documentAt, text } from '../helpers';
import { placeholder } from './shared';

export default defineRule({
  meta: {
    id: 'bids/participation',
    severity: 'warning',
    description: 'A bid describes how children and young people are involved in shaping and running the service.',
    rationale:
      'Commissioners involve children and young people in "service shaping, governance and its evaluation" and on bid panels, where young people score the bids. A bid that says nothing about how young people take part gives that panel nothing to score.',
    evidence: ['Ipsos MORI 2019, ‘Project activities’, p. 12', 'Ipsos MORI 2019, ‘Project activities’, p. 12', 'IDeA 2009, section 3.2.2 ‘Children and Young People are involved in the process’'],
    kinds: ['bid'],
    tags: ['bids', 'participation'],
  },
  check({ model, linked, report }) {
    const given = text(model.value.participation);
    const spec = linked.specification;
    const asked = spec && get.obj(spec.model.value.participation);
    if (given && placeholder(given)) {
      report({
        message: `participation: says only '${given}', a placeholder the panel cannot score${asked ? ' (the specification sets out how young people take part)' : ''}: describe how children and young people shape, run and evaluate the service (for example house meetings, interview panels, a say in budgets)`,
        at: { path: ['participation'], part: 'value' },
        related: asked && spec ? [specLocation(spec, ['participation'], "The specification's participation section", 'key')] : undefined,
      });
      return;
    }
    if (given) return;
    report({
      message: `This bid does not say how children and young people are involved${asked ? ', though the specification sets out how they take part' : ''}: add participation: describing how they shape, run and evaluate the service (for example house meetings, interview panels, a say in budgets)`,
      at: documentAt(model.value),
      related: asked && spec ? [specLocation(spec, ['participation'], "The specification's participation section", 'key')] : undefined,
    });
  },
});
