import { get } from '../../model';
import { defineRule } from '../types';
import { listing, outcomes, sectionAt, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'evaluation/measurable-from',
    severity: 'warning',
    description: 'The specification says when its outcomes become measurable.',
    rationale:
      'The DfE Innovation Programme evaluation of NELCP had to report that "the seven outcomes cannot be observed in this evaluation": the contract had not run long enough. Saying when each outcome (or the evaluation as a whole) becomes measurable sets honest expectations for reviews, payments and extension decisions.',
    evidence: ['Ipsos MORI 2019, chapter 5 ‘Outcomes’, p. 31', 'Ipsos MORI 2019, ‘Evaluation questions’, p. 18', 'PwC 2011, ‘Summary of programme lifecycle’, p. 9'],
    kinds: ['specification'],
    tags: ['evaluation', 'outcomes'],
  },
  check({ model, report }) {
    if (text(get.obj(model.value.evaluation)?.outcomes_measurable_from)) return;
    const all = outcomes(model.value);
    const missing = all.filter(({ o }) => !text(o.measurable_from));
    if (all.length === 0 || missing.length === 0) return;
    const names = missing.slice(0, 4).map(({ id }, i) => (id ? `'${id}'` : `outcome ${i + 1}`));
    report({
      message: `The specification does not say when ${missing.length === all.length ? 'its outcomes become' : `${missing.length > 1 ? 'the outcomes' : 'the outcome'} ${listing(names)}${missing.length > 4 ? ' and others' : ''} ${missing.length > 1 ? 'become' : 'becomes'}`} measurable: add evaluation.outcomes_measurable_from:, or measurable_from: on each outcome`,
      at: sectionAt(model.value, 'evaluation'),
    });
  },
});
