import { didYouMean } from '../../text';
import { taxonomies } from '../../taxonomies';
import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'references/tier-model',
    severity: 'error',
    description: 'Need tiers come either from a tier model (a framework, or the default continuum of need) or are declared in the document, not both.',
    rationale:
      'There are no national tier codes: each council publishes its own threshold document. A specification should take its tiers from the council\'s framework so every service uses the same levels, or declare them in full; mixing the two leaves providers unsure which definition applies, the confusion providers reported in the NELCP bids.',
    evidence: ['Ipsos MORI 2019, ‘Cost per placement model’, p. 29 (providers unclear where a child should be placed)', 'IDeA 2009, section 3.2.10 ‘Levels of need and graduated responses’'],
    kinds: ['specification'],
    tags: ['tiers', 'references'],
  },
  check({ model, linked, report }) {
    const tierModel = get.str(model.value.tier_model);
    if (!tierModel) return;
    const ref = model.references.find((r) => r.target === 'tier-model');
    const at = ref ? { start: ref.start, end: ref.end } : { path: ['tier_model'] };
    if (Array.isArray(model.value.tiers) && model.value.tiers.length > 0) {
      report({ message: `This specification declares tiers and also takes them from '${tierModel}': keep one. Remove tier_model to use the tiers declared here, or remove tiers: to use the model's`, at });
      return;
    }
    const builtIn = taxonomies.get(tierModel);
    if (builtIn?.kind === 'need-model') return;
    const fw = linked.frameworks.get(tierModel);
    if (fw) {
      if (!fw.model.declarations.some((d) => d.kind === 'tier')) report({ message: `The framework '${tierModel}' declares no tiers: add tiers to it, or declare tiers here`, at });
      return;
    }
    if (model.declarations.some((d) => d.kind === 'framework' && d.id === tierModel)) return; // unreadable: reported by references/framework-files
    const known = ['continuum-of-need', ...model.declarations.filter((d) => d.kind === 'framework').map((d) => d.id)];
    const s = didYouMean(tierModel, known);
    report({
      message: `'${tierModel}' is ${builtIn ? `${builtIn.kind === 'practice-features' ? 'a list of practice features' : 'an outcome framework'} (${builtIn.title.replace(/:\s+/, ', ')}), not a tier model` : 'not a tier model here'}: ${s ? `did you mean '${s}'? Otherwise use` : 'use'} continuum-of-need (commspec's default model) or the id of a framework listed under frameworks:`,
      at,
    });
  },
});
