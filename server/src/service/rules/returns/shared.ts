// What the returns rules share: a return's rows checked once against the specification it links to.
import type { SourceDocument } from '../../document';
import { readContract, type Contract } from '../../monitor/contract';
import { resolveReturns, type ReturnFinding } from '../../monitor/evaluate';
import { returnFromDocument } from '../../monitor/returns';
import type { Linked, RuleContext } from '../types';

export const returnsEvidence =
  'commspec issue 20, ‘Contract monitoring’: after award the commissioner receives quarterly returns and must answer which outcomes are on track and what is owed; "today that is a spreadsheet nobody checks against the contract"';
export const monitoringGuide = 'docs/monitoring.md, ‘Diagnostics’: the checks commspec monitor makes of a return against its specification';

interface Checked {
  contract: Contract;
  findings: ReturnFinding[];
}

/** One check per document and specification reading, whichever returns rule asks first. */
const cache = new WeakMap<SourceDocument, { spec: SourceDocument; checked: Checked }>();

/** The findings of the monitor's checks of this return against its linked specification (none without one). */
export function checkedReturn(doc: SourceDocument, linked: Linked): Checked | undefined {
  const spec = linked.specification;
  if (!spec || spec.model.kind !== 'specification') return undefined;
  const hit = cache.get(doc);
  if (hit && hit.spec === spec.doc) return hit.checked;
  const contract = readContract(spec.uri, spec.doc.value);
  const file = returnFromDocument(doc, { validate: false });
  // a word where an indicator's number belongs is a schema error in YAML (schema/shape reports it): not again here
  file.rows = file.rows.filter((r) => !(r.section === 'values' && r.text !== undefined));
  const resolved = resolveReturns(contract, [file]);
  const checked = { contract, findings: resolved.findings };
  cache.set(doc, { spec: spec.doc, checked });
  return checked;
}

/** Reports the monitor's findings with one rule id; a finding located in the specification is shown on `specification:`. */
export function reportMonitorFindings(ctx: RuleContext, ruleId: string): void {
  const checked = checkedReturn(ctx.doc, ctx.linked);
  if (!checked) return;
  for (const f of checked.findings) {
    if (f.ruleId !== ruleId) continue;
    const here = f.uri === ctx.doc.uri && !(f.offsets.start === 0 && f.offsets.end === 0);
    ctx.report({ message: f.message, severity: f.severity, at: here ? { start: f.offsets.start, end: f.offsets.end } : { path: ['specification'], part: 'key' }, related: f.related });
  }
}
