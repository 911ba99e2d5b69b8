import type { PathSegment } from '../../document';
import { get } from '../../model';
import { text } from '../helpers';

/** The tiers declared in a specification or framework, in order, with their paths. */
export function declaredTiers(value: Record<string, unknown>): Array<{ path: PathSegment[]; t: Record<string, unknown>; id: string; label: string }> {
  const out: Array<{ path: PathSegment[]; t: Record<string, unknown>; id: string; label: string }> = [];
  get.arr(value.tiers).forEach((item, i) => {
    const t = get.obj(item);
    if (!t) return;
    const id = text(t.id) ?? '';
    const name = text(t.label);
    out.push({ path: ['tiers', i], t, id, label: id ? `Tier '${id}'${name && name.toLowerCase() !== id ? ` (${name})` : ''}` : `Tier ${i + 1}` });
  });
  return out;
}
