import { childrenOf, parseExpression, type Expr } from '../../../../../grammar/src/index';
import { get } from '../../model';
import { indicators, listing, text } from '../helpers';
import { defineRule } from '../types';
import { classifyMeasure } from '../classifiers/measures';
import { headActivity, paymentActivityUnit, timesTheService } from '../sense/activity';


/** A data field that counts activity (a `count` whose description heads with a unit of activity) or times the service. */
function fieldMeasuresActivity(f: Record<string, unknown>, description: string): string | undefined {
  const noun = headActivity(description);
  if (get.str(f.unit) === 'count' && noun) return `counts ${noun}`;
  if (timesTheService(description)) return 'times the service';
  return undefined;
}

function perNoun(e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  if (e.type === 'payment') return perNoun(e.amount);
  if (e.type === 'paren') return perNoun(e.inner);
  if (e.type === 'per' && e.basis.kind === 'noun') return e.basis.name;
  return undefined;
}

/** Identifiers and counted nouns in an expression, in order. */
function walk(e: Expr | undefined): { names: string[]; nouns: string[] } {
  const names: string[] = [];
  const nouns: string[] = [];
  const stack: Expr[] = e ? [e] : [];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'identifier' && !names.includes(x.name)) names.push(x.name);
    if (x.type === 'count') nouns.push(x.noun);
    for (const child of childrenOf(x)) stack.push(child);
  }
  return { names, nouns };
}

export default defineRule({
  meta: {
    id: 'value-for-money/results-pay-outcomes',
    severity: 'warning',
    description: 'A payment-by-results clause pays for outcomes for children, not for activity or outputs (sessions, attendance, referrals, contacts).',
    rationale:
      'Services have long been "measured publicly, e.g. attendance, using performance indicators that are service-driven", and council staff "are used to describing activities, not outcomes". A "payment by results" that pays per session held, per referral taken or when attendance reaches a level is a volume payment under another name: the provider is paid for being busy, whether or not anything changes for children, and the council pays twice for the same activity. The trigger is judged from the expression itself (its unit of payment and the indicators and data fields its condition uses), with the indicator definitions read by the output-or-outcome classifier.',
    evidence: ['SHM 2009, section 1 ‘Starting Points for the Support Programme’, p. 5', 'SHM 2009, section 3 ‘Common Calls for Support’, p. 19', 'SHM 2009, section 3.3 ‘The Elusive Nature of Outcomes’, p. 22', 'Ipsos MORI 2019, ‘Innovation’, p. 27'],
    kinds: ['specification'],
    tags: ['value-for-money', 'payment-by-results', 'classifier'],
  },
  check({ model, report }) {
    const vfm = get.obj(model.value.value_for_money);
    const inds = new Map(indicators(model.value).map((i) => [i.id, i.ind]));
    const fields = new Map(get.arr(model.value.fields).map(get.obj).filter((f): f is Record<string, unknown> => !!f && typeof f.name === 'string').map((f) => [f.name as string, f]));
    get.arr(vfm?.outcome_payments).forEach((item, i) => {
      const p = get.obj(item);
      if (!p || get.str(p.type) !== 'payment-by-results') return;
      const rule = text(p.rule);
      if (!rule) return;
      const parsed = parseExpression(rule, 'payment');
      if (parsed.diagnostics.some((d) => d.severity === 'error') || !parsed.ast) return;
      const id = text(p.id) ?? `${i + 1}`;
      const ast = parsed.ast;
      const basis = perNoun(ast);
      const condition = ast.type === 'payment' ? ast.condition : undefined;
      const outputs: string[] = [];
      const changes: string[] = [];
      if (basis && paymentActivityUnit.test(basis)) outputs.push(`it pays per ${basis}`);
      const used = walk(condition);
      for (const noun of used.nouns) if (paymentActivityUnit.test(noun)) outputs.push(`its condition counts ${noun}`);
      for (const name of used.names) {
        const ind = inds.get(name);
        const f = fields.get(name);
        const described = ind ? text(ind.definition) : f ? text(f.description) : undefined;
        const words = described ?? (f ? name.replace(/_/g, ' ') : undefined);
        if (!words) continue;
        const c = classifyMeasure(words);
        const activity = f && described ? fieldMeasuresActivity(f, described) : undefined;
        if (c.label === 'output' || (activity && c.changeScore === 0)) {
          outputs.push(`'${name}' (${words.replace(/\.$/, '')}) ${activity ?? 'counts activity'}`);
          continue;
        }
        // Neither an output nor a change (the classifier found no signal either way): it settles
        // nothing. A bare field name ('home visits') is likewise too little to read as a change.
        if (c.changeScore === 0) continue;
        changes.push(name);
      }
      if (outputs.length === 0 || changes.length > 0) return;
      report({
        message: `Payment '${id}' is called payment by results but pays for activity: ${listing(outputs.slice(0, 2))}. Pay on a change for children instead (fewer placement moves, children safely at home, better school attendance), measured by an outcome indicator`,
        at: { path: ['value_for_money', 'outcome_payments', i, 'rule'], part: 'value' },
      });
    });
  },
});
