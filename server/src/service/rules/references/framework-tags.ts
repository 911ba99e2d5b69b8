import { didYouMean } from '../../text';
import { taxonomies } from '../../taxonomies';
import { defineRule } from '../types';

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
      const builtIn = taxonomies.get(prefix);
      const local = linked.frameworks.get(prefix);
      const declared = model.declarations.some((d) => d.kind === 'framework' && d.id === prefix);
      if (!builtIn && !local) {
        if (declared) continue; // the framework file could not be read: references/framework-files says so
        const known = [...taxonomies.keys(), ...model.declarations.filter((d) => d.kind === 'framework').map((d) => d.id)];
        const s = didYouMean(prefix, known);
        report({
          message: `'${prefix}' is not a framework commspec knows${s ? `: did you mean '${s}'?` : ''}. Use a built-in framework (${[...taxonomies.keys()].join(', ')}) or add the council's framework under frameworks:`,
          at: { start: ref.start, end: ref.start + Math.min(prefix.length + (ref.end - ref.start - ref.id.length), ref.end - ref.start) },
        });
        continue;
      }
      const codes = builtIn ? builtIn.codes.map((c) => c.code) : local!.model.declarations.filter((d) => d.kind === 'framework-outcome').map((d) => d.id);
      if (codes.includes(code)) continue;
      const s = didYouMean(code, codes);
      const title = builtIn?.title ?? local!.model.id;
      report({
        message: `${title} has no outcome '${code}'${s ? `: did you mean '${prefix}/${s}'?` : `: its outcomes are ${codes.join(', ')}`}`,
        at: { start: ref.start, end: ref.end },
        fix: s ? { title: `Change to '${prefix}/${s}'`, edits: [{ start: ref.start, end: ref.end, newText: `${prefix}/${s}` }] } : undefined,
      });
    }
  },
});
