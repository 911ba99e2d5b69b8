// Versions of a specification: which is newer, and what changed since the version a bid answered.
import type { PathSegment } from '../document';
import { get } from '../model';

/** A version as written (`1.2`, or the number 1.2), as text; undefined when absent. */
export function versionText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

/** Compares dotted versions numerically (1.10 is after 1.9; 1.2 equals 1.2.0). Text that is not dotted numbers compares as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  if (![...pa, ...pb].every((p) => /^\d+$/.test(p))) return a === b ? 0 : a < b ? -1 : 1;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number(pa[i] ?? 0);
    const y = Number(pb[i] ?? 0);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export interface HistoryEntry {
  version: string;
  date?: string;
  changes: string[];
  /** Path of the entry in the specification. */
  path: PathSegment[];
}

export interface VersionCheck {
  /** The version the bid says it answers. */
  answered?: string;
  /** The specification's current version. */
  current?: string;
  /** `same`, `older` (the bid answers an earlier version), `newer` (the bid names a version the file has not reached) or `unknown`. */
  relation: 'same' | 'older' | 'newer' | 'unknown';
  /** For `older`: the history entries after the answered version, up to the current one, newest first. */
  changes: HistoryEntry[];
  /** Whether the specification has a `history:` at all. */
  hasHistory: boolean;
}

export function checkVersion(bid: Record<string, unknown>, spec: Record<string, unknown>): VersionCheck {
  const answered = versionText(get.obj(bid.specification)?.version);
  const current = versionText(spec.version);
  const history: HistoryEntry[] = [];
  get.arr(spec.history).forEach((item, i) => {
    const h = get.obj(item);
    const version = versionText(h?.version);
    if (!h || !version) return;
    history.push({ version, date: get.str(h.date), changes: get.arr(h.changes).filter((c): c is string => typeof c === 'string' && c.trim() !== ''), path: ['history', i] });
  });
  const out: VersionCheck = { answered, current, relation: 'unknown', changes: [], hasHistory: history.length > 0 };
  if (!answered || !current) return out;
  const c = compareVersions(answered, current);
  out.relation = c === 0 ? 'same' : c < 0 ? 'older' : 'newer';
  if (out.relation === 'older') {
    out.changes = history
      .filter((h) => compareVersions(h.version, answered) > 0 && compareVersions(h.version, current) <= 0)
      .sort((x, y) => compareVersions(y.version, x.version));
  }
  return out;
}
