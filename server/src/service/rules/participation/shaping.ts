import { get } from '../../model';
import { text } from '../helpers';
import { defineRule } from '../types';
import { judgeParticipation } from '../classifiers/participation';

const shapingStages = new Set(['design', 'procurement', 'governance', 'evaluation']);

export default defineRule({
  meta: {
    id: 'participation/shaping',
    severity: 'warning',
    description: 'Children, young people and families shape, govern or evaluate the service, not only hear about decisions already made.',
    rationale:
      'Participation means a part in "service shaping, governance and its evaluation" and a place on the panels that assess bids; the NELCP had young people co-produce its specification and score bids. "Young people will be informed of decisions" or "a satisfaction survey each year" is consultation after the fact: the decisions have been made without them. The check reads the participation statement and each activity with a classifier of participation (shaping against informing) and speaks only when nothing in the section gives children or families a say before decisions.',
    evidence: ['Ipsos MORI 2019, ‘Project activities’, p. 12', 'IDeA 2009, section 3.2.2 ‘Children and Young People are involved in the process’'],
    kinds: ['specification'],
    tags: ['participation', 'classifier'],
  },
  check({ model, report }) {
    const p = get.obj(model.value.participation);
    if (!p) return;
    const texts: Array<{ t: string; stage?: string }> = [];
    const st = text(p.statement);
    if (st) texts.push({ t: st });
    for (const a of get.arr(p.activities).map(get.obj)) {
      const d = text(a?.description);
      if (d) texts.push({ t: d, stage: get.str(a?.stage) });
    }
    if (texts.length === 0) return;
    const judged = texts.map((x) => ({ ...x, j: judgeParticipation(x.t) }));
    const shaping = judged.some((x) => x.j.level === 'shaping' || (x.stage !== undefined && shapingStages.has(x.stage) && x.j.level !== 'informing'));
    if (shaping) return;
    const informing = judged.filter((x) => x.j.level === 'informing');
    if (informing.length === 0) return;
    const example = informing[0].t.length > 90 ? informing[0].t.slice(0, 87) + '…' : informing[0].t;
    report({
      message: `Children and families are only told or asked after decisions are made ('${example}'): give them a part in shaping the service, its governance, its evaluation or the assessment of bids (for example young people on the bid panel)`,
      at: { path: ['participation'], part: 'key' },
    });
  },
});
