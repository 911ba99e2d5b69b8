import { isScalar } from 'yaml';
import { nodeAtPath, type PathSegment } from '../../document';
import { get } from '../../model';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'structure/quoted-version',
    severity: 'warning',
    description: 'A version number that YAML would change (1.10, 2.0) is written in quotes.',
    rationale:
      'Unquoted, `version: 1.10` is read as the number 1.1 and `version: 2.0` as 2, so version 1.10 of a specification looks like version 1.1 to every tool that reads it: a bid answering "1.10" would be told it answers the wrong version, and the published history loses the difference between 1.1 and 1.10. In quotes, the version is kept exactly as written.',
    evidence: ['YAML 1.2 core schema: a plain scalar that matches the float pattern is a number'],
    kinds: ['specification', 'framework', 'bid'],
    tags: ['structure'],
    fixable: true,
  },
  check({ doc, model, report }) {
    const paths: PathSegment[][] = [['version']];
    get.arr(model.value.history).forEach((_, i) => paths.push(['history', i, 'version']));
    if (model.kind === 'bid') paths.push(['specification', 'version']);
    for (const path of paths) {
      const { node } = nodeAtPath(doc.yaml, path);
      if (!isScalar(node) || typeof node.value !== 'number' || !node.range) continue;
      const written = doc.text.slice(node.range[0], node.range[1]);
      if (written === String(node.value)) continue;
      report({
        message: `version: ${written} is read as the number ${String(node.value)}, so ${written} and ${String(node.value)} look the same to every tool: write it in quotes, "${written}"`,
        at: { start: node.range[0], end: node.range[1] },
        fix: { title: `Quote the version: "${written}"`, edits: [{ start: node.range[0], end: node.range[1], newText: `"${written}"` }], safe: true },
      });
    }
  },
});
