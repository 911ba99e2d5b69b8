import { get } from '../../model';
import { defineRule } from '../types';
import { sectionAt, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'evaluation/plan',
    severity: 'warning',
    description: 'The specification has an evaluation plan.',
    rationale:
      'The NELCP team "intended to conduct an impact, process and economic evaluation", yet found that "a value for money analysis was not possible within the scope of the evaluation". Evaluation designed after the contract starts misses its baseline and its comparison group; say at the outset what will be evaluated (process, impact, economic) and by whom.',
    evidence: ['Ipsos MORI 2019, ‘Changes to evaluation methods’, p. 19', 'Ipsos MORI 2019, ‘Evaluation questions’, p. 18'],
    kinds: ['specification'],
    tags: ['evaluation'],
  },
  check({ model, report }) {
    const e = get.obj(model.value.evaluation);
    if (text(e?.plan)) return;
    report({
      message: e
        ? 'The evaluation section has no plan: add plan: with what the evaluation covers (process, impact, economic), who does it and when'
        : 'This specification has no evaluation plan: add evaluation: with plan:, the types of evaluation (process, impact, economic), the evaluator and when outcomes become measurable',
      at: sectionAt(model.value, 'evaluation'),
    });
  },
});
