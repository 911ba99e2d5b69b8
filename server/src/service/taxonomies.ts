import c4eo from '../../../schemas/taxonomies/c4eo.json';
import continuumOfNeed from '../../../schemas/taxonomies/continuum-of-need.json';
import csc2023 from '../../../schemas/taxonomies/csc-2023.json';
import dfeInnovationPractice from '../../../schemas/taxonomies/dfe-innovation-practice.json';
import dfeInnovation from '../../../schemas/taxonomies/dfe-innovation.json';
import ecm from '../../../schemas/taxonomies/ecm.json';
import supportingFamilies from '../../../schemas/taxonomies/supporting-families.json';

export interface TaxonomyCode {
  code: string;
  label: string;
  description?: string;
  related?: string[];
  entry?: string;
  step_up?: string;
  step_down?: string;
}

export interface Taxonomy {
  id: string;
  kind: 'outcome-framework' | 'need-model' | 'practice-features';
  title: string;
  version: string;
  publisher?: string;
  status: 'current' | 'legacy';
  source: string;
  note?: string;
  codes: TaxonomyCode[];
}

/** The built-in taxonomies, shipped as versioned data in schemas/taxonomies/. */
export const taxonomies: ReadonlyMap<string, Taxonomy> = new Map(
  ([ecm, csc2023, dfeInnovation, dfeInnovationPractice, supportingFamilies, c4eo, continuumOfNeed] as Taxonomy[]).map((t) => [t.id, t]),
);

export function taxonomyCode(ref: string): { taxonomy: Taxonomy | undefined; code: TaxonomyCode | undefined } {
  const [prefix, code] = ref.split('/');
  const taxonomy = taxonomies.get(prefix);
  return { taxonomy, code: taxonomy?.codes.find((c) => c.code === code) };
}
