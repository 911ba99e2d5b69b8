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

/** The field that holds a child's age: one with unit `years`, else one named age. */
export function ageField(fields: Map<string, FieldUnit>): string | undefined {
  // someone else's age (a mother's, a carer's) is not the child's
  const other = /mother|father|parent|carer|adult|staff|worker|volunteer|partner/i;
  for (const name of fields.keys()) if (/^(child_|young_person_)?age(_years)?$/i.test(name)) return name;
  for (const [name, unit] of fields) if (unit === 'years' && !other.test(name)) return name;
  return undefined;
}
