import { didYouMean } from '../../text';
import { taxonomies, type Taxonomy } from '../../taxonomies';
import { defineRule } from '../types';
import { listing } from '../helpers';

const kindNoun: Record<Taxonomy['kind'], string> = {
  'outcome-framework': 'an outcome framework',
  'need-model': 'a model of need tiers',
  'practice-features': 'a list of practice features',
};

export default defineRule({
  meta: {
    id: 'references/framework-tags',
    severity: 'error',
    description: 'Framework outcome tags name a built-in framework or a referenced framework document, and an outcome in it.',
    rationale:
      'Tagging outcomes to the council\'s plan and to national frameworks (Every Child Matters, the Children\'s Social Care National Framework, Supporting Families) is how commissioners show a service serves agreed priorities. A mistyped tag silently breaks that line of sight.',
    evidence: ['IDeA 2009, section 3.1 ‘The priorities for children and young people’; section 3.7 ‘Advice to cultural sector organisations seeking to better engage in commissioning of service?’ (outcomes linked to the Children and Young People\'s Plan)', 'DOMAIN.md section 5'],
    kinds: ['specification', 'framework'],
    tags: ['references', 'frameworks'],
  },
  check({ model, linked, report }) {
    for (const ref of model.references) {
      if (ref.target !== 'taxonomy') continue;
      const [prefix, code] = ref.id.split('/');
      // the slot decides the kind of list: outcomes are tagged with outcome frameworks, practice features come from a list of practice features
      const want: Taxonomy['kind'] = ref.path[0] === 'practice_features' ? 'practice-features' : 'outcome-framework';
      const lists = [...taxonomies.values()].filter((t) => t.kind === want).map((t) => t.id);
      const builtIn = taxonomies.get(prefix);
      const local = linked.frameworks.get(prefix);
      const declared = model.declarations.some((d) => d.kind === 'framework' && d.id === prefix);
      const prefixAt = { start: ref.start, end: ref.start + Math.min(prefix.length + (ref.end - ref.start - ref.id.length), ref.end - ref.start) };
      if (!builtIn && !local) {
        if (declared) continue; // the framework file could not be read: references/framework-files says so
        const known = want === 'practice-features' ? lists : [...lists, ...model.declarations.filter((d) => d.kind === 'framework').map((d) => d.id)];
        const s = didYouMean(prefix, known);
        const use = want === 'practice-features' ? `use a built-in list of practice features (${lists.join(', ')})` : `use a built-in outcome framework (${lists.join(', ')}) or add the council's framework under frameworks:`;
        report({
          message: `'${prefix}' is not a ${want === 'practice-features' ? 'list of practice features' : 'framework'} commspec knows: ${s ? `did you mean '${s}'? Otherwise ${use}` : use}`,
          at: prefixAt,
        });
        continue;
      }
      if (builtIn && builtIn.kind !== want) {
        const title = builtIn.title.replace(/\s*\([^)]*\)$/, '').replace(/:\s+/, ', ');
        const use =
          want === 'practice-features'
            ? `take practice features from ${listing(lists, 'or')}`
            : `tag outcomes with an outcome framework (${lists.join(', ')}) or the council's framework`;
        const instead =
          builtIn.kind === 'need-model'
            ? `, and give ${want === 'practice-features' ? 'need tiers' : "the outcome's need tiers"} under tiers:`
            : builtIn.kind === 'practice-features'
              ? ', and list features of practice under practice_features:'
              : `, and tag outcomes with ${prefix} under an outcome's frameworks:`;
        report({
          message: `'${prefix}' is ${kindNoun[builtIn.kind]} (${title}), not ${kindNoun[want]}: ${use}${instead}`,
          at: { start: ref.start, end: ref.end },
        });
        continue;
      }
      const codes = builtIn ? builtIn.codes.map((c) => c.code) : local!.model.declarations.filter((d) => d.kind === 'framework-outcome').map((d) => d.id);
      if (codes.includes(code)) continue;
      const s = didYouMean(code, codes);
      // 'Programme: seven features of practice' reads as 'Programme (seven features of practice)' before 'has no'
      const title = builtIn ? builtIn.title.replace(/^([^:()]+):\s+([^()]+)$/, '$1 ($2)') : local!.model.id;
      const [one, many] = builtIn?.kind === 'practice-features' ? ['practice feature', 'features of practice'] : ['outcome', 'outcomes'];
      report({
        message: `${title} has no ${one} '${code}'${s ? `: did you mean '${prefix}/${s}'?` : `: its ${many} are ${codes.join(', ')}`}`,
        at: { start: ref.start, end: ref.end },
        fix: s ? { title: `Change to '${prefix}/${s}'`, edits: [{ start: ref.start, end: ref.end, newText: `${prefix}/${s}` }] } : undefined,
      });
    }
  },
});
