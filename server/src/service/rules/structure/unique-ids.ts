import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'structure/unique-ids',
    severity: 'error',
    description: 'Every id in a document is used once.',
    rationale:
      'Outcomes, indicators, tiers, lots, requirements and award criteria are referred to by id: from payment rules, bids and other documents. Two items with one id make every such reference ambiguous, so a bid could answer the wrong outcome.',
    evidence: ['DOMAIN.md section 7: "tier ids, outcome ids and indicator ids are unique and every reference resolves"'],
    kinds: ['specification', 'framework'],
    tags: ['structure'],
  },
  check({ model, doc, report }) {
    const first = new Map<string, (typeof model.declarations)[number]>();
    for (const d of model.declarations) {
      if (d.kind === 'field') continue;
      const prior = first.get(d.id);
      if (!prior) {
        first.set(d.id, d);
        continue;
      }
      const line = doc.lines.positionAt(prior.start).line + 1;
      report({
        message: `The id '${d.id}' is already used by the ${prior.kind.replace('-', ' ')} on line ${line}: give this ${d.kind.replace('-', ' ')} an id of its own`,
        at: { start: d.start, end: d.end },
        related: [{ uri: doc.uri, range: doc.lines.range(prior.start, prior.end), message: `'${d.id}' first used here` }],
      });
    }
    const fields = new Map<string, number>();
    for (const d of model.declarations) {
      if (d.kind !== 'field') continue;
      if (fields.has(d.id)) report({ message: `The data field '${d.id}' is declared twice: keep one`, at: { start: d.start, end: d.end } });
      else fields.set(d.id, d.start);
    }
  },
});
