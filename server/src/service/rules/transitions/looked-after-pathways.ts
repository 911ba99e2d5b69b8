import { get } from '../../model';
import { defineRule } from '../types';
import { describeKind, serviceKind } from '../sense/service-type';
import { addToMap, addTopLevel, listing, sectionAt, text } from '../helpers';

type Pathway = 'step_down' | 'staying_put' | 'leaving_care';

const skeleton: Record<Pathway, string> = {
  step_down: "step_down: Each child's plan is reviewed for step-down to fostering or semi-independent living after 6 to 9 months in placement, with the child's views recorded.",
  staying_put: 'staying_put: Young people can stay on in their home after 18, up to 21, where they and their social worker agree it is right for them.',
  leaving_care: 'leaving_care: Preparation for leaving care starts at 15 with the pathway plan, covering independent living skills, housing, education, training and work.',
};
const words: Record<Pathway, string> = { step_down: 'step-down (step_down:)', staying_put: 'staying put after 18 (staying_put:)', leaving_care: 'leaving care (leaving_care:)' };

/** Placements only: a mentoring scheme or a grant for care leavers is a service for them, not a placement they leave. */
function required(value: Record<string, unknown>): { needs: Pathway[]; why: string } | undefined {
  const kind = serviceKind(value);
  if (kind.type === 'residential-care') return { needs: ['step_down', 'staying_put', 'leaving_care'], why: describeKind(kind) };
  if (kind.type === 'fostering') return { needs: ['staying_put', 'leaving_care'], why: describeKind(kind) };
  return undefined;
}

export default defineRule({
  meta: {
    id: 'transitions/looked-after-pathways',
    severity: 'warning',
    description: 'A residential or foster care service sets out step-down, staying-put and leaving-care pathways.',
    rationale:
      'The NELCP model placed a child "for 6-9 months before then stepping down to fostering or semi-independent care", offered the "option to stay put until 21 years old", and aimed to "develop a sustainable plan to step-down from residential care for all young people". Councils also sought "better managing the transition to adult services and leaving care". Without these routes, a placement becomes the destination rather than a stage.',
    evidence: ['Ipsos MORI 2019, ‘Project aims and intended outcomes’, p. 11', 'Ipsos MORI 2019, section 2 ‘Project theory of change: Outcomes’, p. 14', 'Ipsos MORI 2019, ‘Innovation’, p. 27', 'PwC 2011, ‘Priorities for improvement’, p. 73'],
    kinds: ['specification'],
    tags: ['transitions', 'looked-after'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const req = required(model.value);
    if (!req) return;
    const t = get.obj(model.value.transitions);
    if (model.value.transitions !== undefined && !t) return; // wrong type: a schema error
    const missing = req.needs.filter((k) => !text(t?.[k]));
    if (missing.length === 0) return;
    const lines = missing.map((k) => skeleton[k]);
    report({
      message: `This is ${req.why}, but the specification does not set out ${listing(missing.map((k) => words[k]))}: add ${missing.length > 1 ? 'them' : 'it'} under transitions:, so a placement is a stage in the child's plan rather than the destination`,
      at: sectionAt(model.value, 'transitions'),
      fix: t ? addToMap(doc, ['transitions'], lines, 'Add pathways to complete') : addTopLevel(doc, ['transitions:', ...lines.map((l) => '  ' + l)], 'Add pathways to complete'),
    });
  },
});
