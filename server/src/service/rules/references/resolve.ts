import { didYouMean } from '../../text';
import { defineRule } from '../types';
import { buildScope } from '../../scope';

const nouns: Record<string, string> = {
  outcome: 'outcome',
  indicator: 'indicator',
  tier: 'need tier',
  lot: 'lot',
  requirement: 'requirement',
  criterion: 'award criterion',
};

const plurals: Record<string, string> = { 'award criterion': 'award criteria', criterion: 'criteria' };
const plural = (noun: string) => plurals[noun] ?? `${noun}s`;
/** "an indicator", "an outcome", "a need tier". */
const article = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

export default defineRule({
  meta: {
    id: 'references/resolve',
    severity: 'error',
    description: 'Every reference to an outcome, indicator, tier, lot, requirement or criterion names one that exists.',
    rationale:
      'A payment rule that rewards an outcome that does not exist, a price for a tier nobody defined, or a bid answering a requirement the specification never set all look fine in a Word document and fail in the contract. References are checked the way a compiler checks names.',
    evidence: ['DOMAIN.md section 7: "every reference resolves"'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['structure', 'references'],
  },
  check({ doc, model, linked, report }) {
    const scopes = buildScope(doc.uri, model, linked);
    for (const ref of model.references) {
      if (ref.target === 'taxonomy' || ref.target === 'tier-model') continue;
      if (ref.scope === 'specification' && !linked.specification) continue; // bids/specification-found reports that
      const scope = ref.scope === 'specification' ? scopes.specification : scopes.local;
      const candidates = scope.get(ref.target as never);
      if (candidates?.has(ref.id)) continue;
      const noun = nouns[ref.target] ?? ref.target;
      const where = ref.scope === 'specification' ? `the specification '${linked.specification?.model.id ?? ''}'` : 'this document';
      const suggestion = candidates ? didYouMean(ref.id, candidates.keys()) : undefined;
      const other = [...scope.entries()].find(([, m]) => m.has(ref.id))?.[0];
      let tail: string;
      if (suggestion) tail = `did you mean '${suggestion}'?`;
      else if (other) tail = `'${ref.id}' is ${article(nouns[other] ?? other)}, not ${article(noun)}`;
      else if (candidates?.size) tail = `the ${plural(noun)} declared are ${[...candidates.keys()].slice(0, 8).join(', ')}`;
      else tail = `${where} declares no ${plural(noun)}`;
      report({
        message: `No ${noun} '${ref.id}' in ${where}: ${tail}`,
        at: { start: ref.start, end: ref.end },
        fix: suggestion ? { title: `Change to '${suggestion}'`, edits: [{ start: ref.start, end: ref.end, newText: suggestion }], safe: false } : undefined,
      });
    }
  },
});
