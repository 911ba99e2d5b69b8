import { isScalar, isSeq } from 'yaml';
import { nodeAtPath } from '../../document';
import { get } from '../../model';
import { defineRule } from '../types';
import { firstMatch } from '../sense/prose';

const barred = /\b(?<!adults?'? )(?:children'?s'? )?barred lists?\b/i;
const dbs = /\b(DBS|CRB|disclosure and barring|criminal records? checks?|police checks?|vetting)\b/i;

export default defineRule({
  meta: {
    id: 'safeguarding/barred-list',
    severity: 'warning',
    description: "Safer recruitment requires an enhanced DBS check that includes the children's barred list.",
    rationale:
      "Commissioners wanted staff who \"not only have the basic CRB checks\" but were trained and skilled. For anyone in regulated activity with children the check that counts is the enhanced DBS check with a check of the children's barred list: a standard or plain enhanced check does not say whether the person is barred from working with children. A specification that asks only for 'DBS checks' lets a provider buy the cheaper check.",
    evidence: ['IDeA 2009, section 2.2.4 ‘Efficiency’', 'Safeguarding Vulnerable Groups Act 2006', 'Working Together to Safeguard Children 2023', 'Keeping Children Safe in Education 2024, Part 3'],
    kinds: ['specification'],
    tags: ['safeguarding', 'workforce'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const sg = get.obj(model.value.safeguarding);
    if (!sg || Object.keys(sg).length === 0) return;
    const checks = get.arr(sg.checks);
    if (checks.includes('enhanced-dbs-with-barred-list')) return;
    if (firstMatch(doc, barred, 'safeguarding', 'workforce', 'requirements', 'market')) return;
    const i = checks.indexOf('enhanced-dbs');
    if (i >= 0) {
      const { node } = nodeAtPath(doc.yaml, ['safeguarding', 'checks', i]);
      const seq = nodeAtPath(doc.yaml, ['safeguarding', 'checks']).node;
      const r = isScalar(node) && isSeq(seq) ? node.range : undefined;
      report({
        message: "The enhanced DBS check does not include the children's barred list: require enhanced-dbs-with-barred-list, the check for anyone in regulated activity with children",
        at: { path: ['safeguarding', 'checks', i], part: 'value' },
        fix: r ? { title: "Require the enhanced DBS check with the children's barred list", edits: [{ start: r[0], end: r[1], newText: 'enhanced-dbs-with-barred-list' }], safe: true } : undefined,
      });
      return;
    }
    const said = firstMatch(doc, dbs, 'safeguarding', 'workforce', 'requirements');
    if (said) {
      report({
        message: `The specification asks for '${said.match[0]}' checks but not the children's barred list: require an enhanced DBS check with the children's barred list (enhanced-dbs-with-barred-list under checks:)`,
        at: { start: said.scalar.start, end: said.scalar.end },
      });
      return;
    }
    report({
      message: "Safeguarding names no pre-employment check: require an enhanced DBS check with the children's barred list for everyone working with children (checks: [enhanced-dbs-with-barred-list, safer-recruitment, references])",
      at: sg.checks !== undefined ? { path: ['safeguarding', 'checks'], part: 'key' } : { path: ['safeguarding'], part: 'key' },
    });
  },
});
