import { groupThousands } from '../text';
// Code lenses and inlay hints: how many indicators and tiers each outcome has, how many bids answer
// it, and where each target stands against its baseline.
import { evaluateTarget } from '../../../../grammar/src/index';
import { get } from '../model';
import type { Analysis } from '../service';
import type { Range } from '../text';
import { expressionsOf, nodeAt, scopeFor, type WorkspaceView } from './common';

export interface Lens {
  range: Range;
  title: string;
}

/** A lens above each outcome: its indicators and tiers, and for a specification how many bids answer it. */
export function codeLenses(a: Analysis, ws?: WorkspaceView): Lens[] {
  if (a.model.kind !== 'specification' && a.model.kind !== 'framework') return [];
  const out: Lens[] = [];
  const bids = ws && a.model.kind === 'specification' ? ws.all().filter((b) => b.model.kind === 'bid' && b.linked.specification?.uri === a.uri) : [];
  get.arr(a.model.value.outcomes).forEach((o, i) => {
    const { node } = nodeAt(a.doc, ['outcomes', i]);
    if (!node?.range) return;
    const outcome = get.obj(o);
    const indicators = get.arr(outcome?.indicators).length;
    const tiers = get.arr(outcome?.tiers).map((t) => get.str(t)).filter(Boolean);
    const parts = [indicators === 0 ? 'no indicators' : `${indicators} indicator${indicators === 1 ? '' : 's'}`];
    if (a.model.kind === 'specification') parts.push(tiers.length ? `tiers: ${tiers.join(', ')}` : 'all tiers');
    if (bids.length) {
      const id = get.str(outcome?.id);
      // from the bids' references (kept even for bids indexed but not open)
      const answering = bids.filter((b) => b.model.references.some((r) => r.target === 'outcome' && r.path[0] === 'responses' && r.id === id)).length;
      parts.push(`answered in ${answering} of ${bids.length} bid${bids.length === 1 ? '' : 's'}`);
    }
    const start = node.range[0];
    out.push({ range: a.doc.lines.range(start, start), title: parts.join(' · ') });
  });
  return out;
}

export interface InlayHint {
  offset: number;
  position: { line: number; character: number };
  label: string;
  tooltip: string;
}

function show(v: number, unit: string | undefined): string {
  if (unit === 'percent') return `${v}%`;
  if (unit === 'money') return `£${groupThousands(v)}`;
  return String(v);
}

/** After each indicator target: whether the baseline already meets it. */
export function inlayHints(a: Analysis, range?: { start: number; end: number }): InlayHint[] {
  const out: InlayHint[] = [];
  const scope = scopeFor(a, a.model.kind === 'bid' ? 'specification' : 'local');
  for (const e of expressionsOf(a)) {
    if (e.site.kind !== 'target' || !e.site.indicator) continue;
    if (range && (e.site.end < range.start || e.site.start > range.end)) continue;
    const ind = scope.get('indicator')?.get(e.site.indicator)?.value;
    const baseline = get.num(get.obj(ind?.baseline)?.value);
    if (baseline === undefined) continue;
    const r = evaluateTarget(e.parsed, baseline, { baseline });
    if (r.met === undefined) continue;
    const unit = get.str(ind?.unit);
    const label = r.met ? ` already met at baseline (${show(baseline, unit)})` : ` baseline ${show(baseline, unit)}: not met yet`;
    const tooltip = r.met
      ? `The baseline of ${show(baseline, unit)} already meets this target (${r.reason}). A target the service meets on day one does not ask it to change anything: consider a more ambitious one.`
      : `Against the baseline of ${show(baseline, unit)}: ${r.reason}.`;
    out.push({ offset: e.site.end, position: a.doc.lines.positionAt(e.site.end), label, tooltip });
  }
  return out;
}
