// The data fields a specification declares (`fields:`), by name, with their units.
import { get } from '../../model';

export type FieldUnit = 'number' | 'percent' | 'money' | 'count' | 'duration' | 'date' | 'years' | 'boolean' | 'category' | 'collection';

export function declaredFields(value: Record<string, unknown>): Map<string, FieldUnit> {
  const out = new Map<string, FieldUnit>();
  for (const f of get.arr(value.fields)) {
    const o = get.obj(f);
    const name = get.str(o?.name);
    const unit = get.str(o?.unit);
    if (name && unit) out.set(name, unit as FieldUnit);
  }
  return out;
}

/** The field that holds a child's age: a declared one named age or with unit `years`, else the built-in `age`. */
export function ageField(fields: Map<string, FieldUnit>): string {
  // someone else's age (a mother's, a carer's) is not the child's
  const other = /mother|father|parent|carer|adult|staff|worker|volunteer|partner/i;
  for (const name of fields.keys()) if (/^(child_|young_person_)?age(_years)?$/i.test(name)) return name;
  for (const [name, unit] of fields) if (unit === 'years' && !other.test(name)) return name;
  // the language's own `age` (a child's age in whole years), used without declaring it
  return 'age';
}

/**
 * The values a declared field can take: its `min:` and `max:`, else a range its description states
 * ('Score from 0 to 40 on the needs tool', 'a score out of 10', 'rated 1-5').
 */
export function fieldRange(value: Record<string, unknown>, name: string): { min: number; max: number } | undefined {
  for (const f of get.arr(value.fields)) {
    const o = get.obj(f);
    if (get.str(o?.name) !== name) continue;
    const min = get.num(o?.min);
    const max = get.num(o?.max);
    if (min !== undefined && max !== undefined && min <= max) return { min, max };
    const d = get.str(o?.description) ?? '';
    const between = /\b(?:from|between|of|rated|scored?|range)\s+(-?\d+(?:\.\d+)?)\s*(?:to|and|-|–)\s*(-?\d+(?:\.\d+)?)\b/i.exec(d) ?? /^\(?(-?\d+(?:\.\d+)?)\s*(?:to|-|–)\s*(-?\d+(?:\.\d+)?)\)?/.exec(d) ?? /\((-?\d+(?:\.\d+)?)\s*(?:to|-|–)\s*(-?\d+(?:\.\d+)?)\)/.exec(d);
    const lo = between ? Number(between[1]) : undefined;
    const hi = between ? Number(between[2]) : undefined;
    if (lo !== undefined && hi !== undefined && lo <= hi) return { min: min ?? lo, max: max ?? hi };
    const outOf = /\bout of (\d+(?:\.\d+)?)\b/i.exec(d);
    if (outOf) return { min: min ?? 0, max: max ?? Number(outOf[1]) };
    if (min !== undefined || max !== undefined) return { min: min ?? -Infinity, max: max ?? Infinity };
    return undefined;
  }
  return undefined;
}
