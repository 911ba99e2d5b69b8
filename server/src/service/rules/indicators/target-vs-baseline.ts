import { constValue, evaluateTarget, parseExpression } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { defineRule } from '../types';
import { indicators, text } from '../helpers';

const holdVerb = String.raw`\b(?:hold(?:s|ing)?|held|maintain(?:s|ed|ing)?|sustain(?:s|ed|ing)?|keep(?:s|ing)?|kept|preserv(?:e|es|ed|ing)|protect(?:s|ed|ing)?)\b`;
/** What is held: the current level (in any of several words) or the baseline itself. */
const heldLevel = new RegExp(
  holdVerb +
    String.raw`[^.;]{0,60}?(?:\b(?:current|present|existing|today's|this year's|last year's|recent|same)\s+(?:\w+\s+)?(?:levels?|rates?|figures?|performance|position|standards?|proportions?|percentages?|shares?|results?|scores?|values?)\b|\bbaseline\b|\b(?:where|as) (?:it|they|things) (?:is|are|stands?) (?:now|today)\b)`,
  'i',
);
/** Or a figure, which must be the baseline's: "keep it at 92%". */
const heldFigure = new RegExp(holdVerb + String.raw`[^.;]{0,60}?(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]*\d)`, 'gi');
/** Said as an aim, not as a description of who is counted ("children who maintain their current rate …"). */
const aimWords = /\b(?:aims?|aimed|aiming|goal|objective|intention|intends?|intended|priority|ambition|target|wants?|seeks?|commitment|commits?|expects?|enough|the point)\b/i;
const aimForm = new RegExp(String.raw`(?:^|\bto\s+|\bwill\s+|\bshould\s+|\bmust\s+)` + holdVerb, 'i');

/** The indicator's own words say that holding the current level (the baseline) is the aim. */
function statesHoldAim(ind: Record<string, unknown>, baseline: number): boolean {
  const texts = [text(ind.definition), text(get.obj(ind.baseline)?.note)].filter((t): t is string => !!t);
  for (const sentence of texts.flatMap((t) => t.split(/(?<=[.;!?])\s+|;\s*/))) {
    const held = heldLevel.test(sentence) || [...sentence.matchAll(heldFigure)].some((m) => Math.abs(Number(m[1]) - baseline) < 1e-9);
    if (!held) continue;
    if (aimWords.test(sentence) || aimForm.test(sentence.trim())) return true;
  }
  return false;
}

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
      const threshold = constValue(ast.form.value)?.value;
      const equal = threshold !== undefined && Math.abs(threshold - baseline) < 1e-9;
      const holds = statesHoldAim(ind, baseline);
      // a target set at the baseline, with the aim of holding it said in words, is a deliberate choice
      if (equal && holds) continue;
      const what = `The target of ${label.replace(/^Indicator/, 'indicator')} ('${target}')`;
      const drift = op.startsWith('>') ? 'lower' : 'higher';
      report({
        message: holds
          ? `${what} is set ${op.startsWith('>') ? 'below' : 'above'} the baseline (${baseline}${unit}${date ? ` on ${date}` : ''}), though the indicator says holding the current level is the aim: as written the figure could get ${drift} and still meet it. Set the target at the baseline (${op} ${baseline}${unit}) or beyond it`
          : `${what} is already met by its baseline (${baseline}${unit}${date ? ` on ${date}` : ''}): as written the figure could get ${drift} and still meet it. Set the target beyond the baseline, or, if holding the current level is the aim, set it at the baseline and say so in the definition (for example 'the aim is to hold the current level')`,
        at: { path: [...path, 'target'], part: 'value' },
      });
    }
  },
});
