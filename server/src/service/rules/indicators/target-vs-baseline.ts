import { evaluateTarget, parseExpression } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { defineRule } from '../types';
import { indicators, text } from '../helpers';

export default defineRule({
  meta: {
    id: 'indicators/target-vs-baseline',
    severity: 'warning',
    description: 'A target is not already met by its own baseline.',
    rationale:
      'A target the service already meets on day one asks for nothing, and may let outcomes fall: ">= 60%" against a baseline of 70% is met even if the figure drops ten points. Targets should be set from "the current pattern of outcomes … and recent trends"; if holding the current level is the aim, make it explicit (for example ">= 70%" with the reason in the definition).',
    evidence: ['IDeA 2009, section 3.3 ‘What are the commissioning procedures?’', 'DOMAIN.md section 3: baseline, target and polarity'],
    kinds: ['specification'],
    tags: ['indicators', 'expressions'],
  },
  check({ model, report }) {
    for (const { path, ind, label } of indicators(model.value)) {
      const target = text(ind.target);
      const baseline = get.num(get.obj(ind.baseline)?.value);
      if (!target || baseline === undefined) continue;
      const parsed = parseExpression(target, 'target');
      const ast = parsed.ast;
      if (parsed.diagnostics.some((d) => d.severity === 'error') || ast?.type !== 'target' || ast.form.mode !== 'compare') continue;
      const op = ast.form.op;
      const polarity = get.str(ind.polarity);
      // only targets whose direction agrees with the polarity; a contradiction is expressions/target-direction's finding
      if (op === '=' || op === '!=') continue;
      if ((op === '>=' || op === '>') && polarity === 'lower') continue;
      if ((op === '<=' || op === '<') && polarity === 'higher') continue;
      const result = evaluateTarget(parsed, baseline, { baseline });
      if (result.met !== true) continue;
      const unit = get.str(ind.unit) === 'percent' ? '%' : '';
      const date = text(get.obj(ind.baseline)?.date);
      report({
        message: `The target of ${label.replace(/^Indicator/, 'indicator')} ('${target}') is already met by its baseline (${baseline}${unit}${date ? ` on ${date}` : ''}): as written the figure could get ${op.startsWith('>') ? 'lower' : 'higher'} and still meet it. Set the target beyond the baseline, or say in the definition that holding the current level is the aim`,
        at: { path: [...path, 'target'], part: 'value' },
      });
    }
  },
});
