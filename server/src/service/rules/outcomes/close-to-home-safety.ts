import { isScalar } from 'yaml';
import { nodeAtPath } from '../../document';
import type { Fix } from '../../findings';
import { defineRule } from '../types';
import { outcomes, text } from '../helpers';

/** Phrases that ask for a child to live near home, or inside the area. */
const localities: RegExp[] = [
  /\b((close|closer) to|(near|nearer)( to)?) (home|their (own )?(home|homes|community|communities|family|families|school|schools|area|friends)|the (community|family|home area)|family and friends|where they (grew up|are from|come from))\b/i,
  /\bin-(borough|county|city)\b/i,
  /\bin (borough|county)\b/i, // "placed in county"; "in County Durham" is a place name, filtered below
  /\bwithin (the |their )?(borough|sub-region|local area|county|city|district|local authority( area)?)\b/i,
  /\bwithin \d+ miles\b/i,
  /\b(placed|placements?) locally\b|\blocal placements?\b/i,
  // "in the city" is a locality only where it says where children are placed or live
  /\b(placed|placements?|housed|(?<!\b(who|that|which) )(live|lives|living)|stay|stays|remain|remains|return|returns|move|moves|moved)\b[^.;,]{0,30}?\bin (the |their (own |home )?)(county|city|borough|district|local area)\b/i,
];

function locality(statement: string): RegExpExecArray | undefined {
  for (const re of localities) {
    const m = re.exec(statement);
    if (!m) continue;
    if (/^in county$/i.test(m[0]) && /^\s+[A-Z]/.test(statement.slice(m.index + m[0].length))) continue; // "in County Durham"
    return m;
  }
  return undefined;
}

/**
 * Qualifiers that make the closeness depend on safety: "where it is safe", "unless it is unsafe",
 * "when safe to do so", "consistent with their safety". A "safe" elsewhere in the sentence ("and feel
 * safe in their placement") is a second outcome, not a qualifier.
 */
const qualifiers: RegExp[] = [
  /\b(where|when|wherever|whenever|if|unless|provided( that)?|(as|so) long as|(in)?so far as)\s+((it|this|that|doing so|to do so|so doing|the move|this move|the placement|this placement|such a placement|living (there|locally|nearby)|staying (there|locally))\s+)?((is|are|would be|will be|remains|can be|has been)\s+)?((not|judged|assessed|considered|deemed|found|agreed|shown)\s+)*(to be\s+)?(safe|unsafe|safely|safer|in\s+(the|their|his or her|each)\s+(child's\s+|young person's\s+)?best interests)\b/i,
  /\b(where|when|if)\s+(they|the child|the young person|children|young people)\s+can\s+([a-z]+\s+){0,3}safely\b/i,
  /\b(where|when|if|unless)\s+(it|this|that|doing so)\s+((does|would|will|could|might)( not)?\s+)?(puts?|places?|exposes?|leaves?)\s+(them|the child|the young person|children|young people)\s+(at\s+)?(risk|harm|danger)\b/i,
  /\b(consistent|in line|compatible|in keeping)\s+with\s+(their|the child's|the young person's|children's|young people's|each child's|his or her)\s+(own\s+)?(safety|welfare|best interests|safeguarding plan)\b/i,
  /\bsubject to\s+(their\s+|the child's\s+|a\s+|the\s+)?(safety|safeguarding|risk assessment|best interests)\b/i,
  /\b(safety|safeguarding) (permitting|allowing)\b|\bwhere (safety|safeguarding|risk assessment) (allows|permits)\b/i,
  /\bbest interests\b/i,
];

const qualified = (statement: string) => qualifiers.some((re) => re.test(statement));

export default defineRule({
  meta: {
    id: 'outcomes/close-to-home-safety',
    severity: 'warning',
    description: 'An outcome about staying close to home or the community says it applies only where that is safe.',
    rationale:
      'Placing children near home keeps school, family and friends together, but stakeholders in the NELCP evaluation stressed that staying "close to the community" is only a desirable outcome "where this is safe": for a child at risk of exploitation or harm at home, distance can be the protection. An unqualified locality target pushes providers to place locally when they should not.',
    evidence: ['Ipsos MORI 2019, ‘Clarity of the NELCP purpose and objectives’, p. 26'],
    kinds: ['specification', 'framework'],
    tags: ['outcomes', 'safeguarding'],
    fixable: true,
  },
  check({ doc, model, report }) {
    for (const { path, o, label } of outcomes(model.value)) {
      const statement = text(o.statement);
      if (!statement) continue;
      const m = locality(statement);
      if (!m || qualified(statement)) continue;
      report({
        message: `${label} asks for '${m[0]}' without saying that this applies only where it is safe: add 'where that is safe' to the closeness, so no provider is pushed to place a child near a risk`,
        at: { path: [...path, 'statement'], part: 'value' },
        fix: appendQualifier(doc.text, nodeAtPath(doc.yaml, [...path, 'statement']).node, m[0]),
      });
    }
  },
});

/**
 * Inserts ", where that is safe" before a single-line statement's final full stop (plain or quoted
 * scalars only), or straight after the locality when another clause follows it ("close to home, where
 * that is safe, and feel safe in their placement"), so the qualifier qualifies the closeness.
 */
function appendQualifier(source: string, node: unknown, phrase: string): Fix | undefined {
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const [start, end] = node.range;
  const raw = source.slice(start, end);
  if (raw.includes('\n')) return undefined;
  let at: number;
  if (node.type === 'PLAIN') {
    // a plain value inside { } or [ ] cannot take a comma: leave it to the commissioner
    const after = /^[ \t]*([,}\]])/.exec(source.slice(end));
    if (after) return undefined;
    at = end;
  }
  else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') at = end - 1;
  else return undefined;
  while (at > start && /\s/.test(source[at - 1])) at--;
  if (source[at - 1] === '.') at--;
  const i = raw.indexOf(phrase);
  if (i >= 0) {
    const stop = start + i + phrase.length;
    const next = /^(,?)\s+(and|but|while|whilst)\b/i.exec(source.slice(stop, at));
    if (next) return { title: "Add 'where that is safe'", edits: [{ start: stop, end: stop, newText: next[1] ? ', where that is safe' : ', where that is safe,' }], safe: false };
  }
  return { title: "Add 'where that is safe'", edits: [{ start: at, end: at, newText: ', where that is safe' }], safe: false };
}
