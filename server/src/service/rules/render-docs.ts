import { reportsCited } from '../sources';
// Renders the rule documentation (docs/rules/<category>/<name>.md and docs/rules/README.md) from the
// rules' metadata and their fixture files. Pure: reads the fixtures and the labelled outcome statements,
// writes nothing. scripts/gen-rule-docs.ts writes the result; test/rules/docs.test.ts checks it is current.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { effectiveRules, presets } from '../config';
import { LanguageService, type Host } from '../service';
import { allRules } from './index';
import type { Rule } from './types';
import { classifierSignals, OUTPUT_THRESHOLD } from './outcomes/classify';
import { labelledStatements, measureClassifier, type Confusion } from './outcomes/classifier-metrics';
import { classifierSets, type LabelledSetSpec } from './classifiers/sets';
import { measureSplits, readLabelledSet } from './classifiers/metrics';

export const docsDir = 'docs/rules';
export const fixturesDir = 'test/fixtures/rules';
export const labelledStatementsFile = 'test/fixtures/outcome-statements.yaml';

/** The repository root: the nearest folder above `from` holding commspec's package.json. */
export function findRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'commspec') return dir;
      } catch {
        // not ours
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No commspec package.json above ${from}`);
    dir = up;
  }
}

const fileHost: Host = {
  readFile(uri) {
    try {
      return readFileSync(uri, 'utf8');
    } catch {
      return undefined;
    }
  },
  resolve: (base, relative) => path.resolve(path.dirname(base), relative),
};

/** Every page, keyed by its path relative to the repository root (forward slashes). */
export function renderRuleDocs(root: string = findRoot(), rules: readonly Rule[] = allRules): Map<string, string> {
  const out = new Map<string, string>();
  const service = new LanguageService(fileHost, rules);
  const metas = rules.map((r) => r.meta);
  const recommended = effectiveRules(metas, [{ dir: '/', value: { extends: 'recommended' } }], '/x.commspec.yaml');
  for (const rule of rules) {
    out.set(`${docsDir}/${rule.meta.id}.md`, rulePage(root, rule, service, recommended.get(rule.meta.id)?.severity !== 'off'));
  }
  out.set(`${docsDir}/README.md`, indexPage(rules, (id) => recommended.get(id)?.severity !== 'off'));
  return out;
}

function rulePage(root: string, rule: Rule, service: LanguageService, inRecommended: boolean): string {
  const m = rule.meta;
  const lines: string[] = [];
  lines.push(`# ${m.id}`, '', `${m.description}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Default severity | ${m.severity} |`);
  lines.push(`| In the \`recommended\` preset | ${inRecommended ? 'yes' : 'no (on in `strict` and `all`)'} |`);
  lines.push(`| Documents | ${m.kinds.join(', ')} |`);
  lines.push(`| Fix | ${m.fixable ? 'offers a fix' : 'no automatic fix'} |`);
  if (m.tags?.length) lines.push(`| Tags | ${m.tags.join(', ')} |`);
  lines.push('', '## Why it matters', '', m.rationale, '', '**Evidence**', '');
  for (const e of m.evidence) lines.push(`- ${e}`);
  const cited = reportsCited(m.evidence);
  if (cited.length) {
    lines.push('', '**Sources**', '');
    for (const r of cited) lines.push(`- ${r.short}: ${r.reference}`);
  }
  lines.push('');

  if (m.id === 'outcomes/output-not-outcome') lines.push(...classifierSection(root));
  for (const set of classifierSets.filter((x) => x.rules.includes(m.id))) lines.push(...labelledSetSection(root, set));

  const dir = path.join(root, fixturesDir, ...m.id.split('/'));
  const fail = path.join(dir, 'fail.commspec.yaml');
  const pass = path.join(dir, 'pass.commspec.yaml');
  const fixes: Array<{ title: string; safe: boolean }> = [];
  if (existsSync(fail)) {
    const text = readFileSync(fail, 'utf8');
    const findings = service
      .analyse(fail, text, effectiveRules([m], [{ dir: '/', value: { extends: 'all' } }], fail))
      .findings.filter((f) => f.ruleId === m.id);
    lines.push('## Example: flagged', '', '```yaml', stripMarkers(text), '```', '');
    for (const f of findings) {
      lines.push(`- line ${f.range.start.line + 1} (${f.severity}): ${f.message}`);
      if (f.fix && !fixes.some((x) => x.title === f.fix!.title)) fixes.push({ title: f.fix.title, safe: !!f.fix.safe });
    }
    lines.push('');
  }
  if (existsSync(pass)) {
    lines.push('## Example: passes', '', '```yaml', stripMarkers(readFileSync(pass, 'utf8')), '```', '');
  }

  lines.push('## Options', '');
  const options = Object.entries(m.options ?? {});
  if (options.length === 0) lines.push('None.', '');
  else {
    lines.push('| Option | Type | Default | Meaning |', '|---|---|---|---|');
    for (const [name, o] of options) lines.push(`| \`${name}\` | ${o.type} | \`${JSON.stringify(o.default)}\` | ${o.description} |`);
    lines.push('');
  }

  lines.push('## Fix', '');
  if (!m.fixable) lines.push('None: the finding says what to add or change.', '');
  else if (fixes.length === 0) lines.push('Offers a fix where the document allows one.', '');
  else {
    for (const f of fixes) lines.push(`- "${f.title}": ${f.safe ? 'safe, applied by `commspec lint --fix`' : 'offered in the editor; review it before saving (not applied by `commspec lint --fix`)'}.`);
    lines.push('');
  }

  lines.push('## Configure', '', 'In `.commspec.yaml`:', '', '```yaml', 'rules:');
  if (options.length) lines.push(`  ${m.id}: [${m.severity}, { ${options.map(([n, o]) => `${n}: ${JSON.stringify(o.default)}`).join(', ')} }]`);
  else lines.push(`  ${m.id}: ${m.severity === 'error' ? 'warning' : 'error'}   # or off, info, hint`);
  lines.push('```', '', `To turn it off for one line, with a reason: \`# commspec-disable-next-line ${m.id} -- why\`.`, '');
  return lines.join('\n');
}

/** Drops the `# expect: …` test markers from a fixture, keeping line numbers. */
function stripMarkers(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s*#\s*expect:.*$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

function classifierSection(root: string): string[] {
  const file = path.join(root, labelledStatementsFile);
  const lines = ['## How the classifier decides', ''];
  lines.push(
    `Each statement is scored against named signals. Output signals (score added when the pattern is found): ${classifierSignals.output.map((s) => `\`${s.id}\` (${s.weight})`).join(', ')}. Change signals: ${classifierSignals.change.map((s) => `\`${s.id}\` (${s.weight})`).join(', ')}. A statement is flagged when its output score is at least ${OUTPUT_THRESHOLD} and higher than its change score; a tie or a weak signal is left alone, because a false alarm teaches commissioners to ignore the check.`,
    '',
  );
  if (!existsSync(file)) return [...lines, 'The labelled set was not found, so no figures are given.', ''];
  const m = measureClassifier(labelledStatements(parse(readFileSync(file, 'utf8'))));
  lines.push(
    '### Measured precision and recall',
    '',
    `Measured on \`${labelledStatementsFile}\`: ${m.all.n} statements labelled output or outcome by a colleague, independently of the classifier. "Output" is the positive class: precision is the share of flagged statements that really are outputs, recall the share of outputs that are flagged. The classifier was developed on the statements with an even index; the odd-index half was held out.`,
    '',
    ...confusionTable('outputs', 'outcomes', [['held out (odd index)', m.heldOut], ['whole set', m.all], ['development (even index)', m.development]]),
    '',
    'The held-out figures are the honest ones: recall there is lower than on the development half, so expect the check to miss some outputs phrased in ways it has not seen (for example results that are really counts of use). It is tuned to stay quiet rather than guess.',
    '',
  );
  return lines;
}

/** A table of confusion counts and precision and recall, one row per part of a labelled set. */
function confusionTable(pos: string, neg: string, rows: Array<[string, Confusion]>): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `| Set | n | flagged ${pos} | flagged ${neg} (false alarms) | missed ${pos} | ${neg} left alone | precision | recall |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(([name, c]) => `| ${name} | ${c.n} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} | ${pct(c.precision)} | ${pct(c.recall)} |`),
  ];
}

function labelledSetSection(root: string, set: LabelledSetSpec): string[] {
  const file = path.join(root, set.file);
  const lines = ['## How well the judgement is measured', ''];
  if (!existsSync(file)) return [...lines, 'The labelled set was not found, so no figures are given.', ''];
  const items = readLabelledSet(parse(readFileSync(file, 'utf8')), set.labels, set.key);
  const m = measureSplits(items, set.positive, set.flag);
  const [pos, neg] = set.labels[0] === set.positive ? set.labels : [set.labels[1], set.labels[0]];
  lines.push(
    `Measured on \`${set.file}\`: ${m.all.n} ${set.describe}. "${pos}" is what the check flags: precision is the share of flagged items that really are ${pos}, recall the share of ${pos} items that are flagged. The judgement was developed on the development half; the test half was held out and only measured.`,
    '',
    ...confusionTable(pos, neg, [['held out (test half)', m.test], ['whole set', m.all], ['development half', m.dev]]),
    '',
    'The held-out figures are the honest ones: expect the check to miss some wordings it has not seen. It is tuned to stay quiet rather than guess.',
    '',
  );
  return lines;
}

function indexPage(rules: readonly Rule[], inRecommended: (id: string) => boolean): string {
  const lines = ['# commspec rules', ''];
  lines.push(
    `commspec checks specifications, frameworks and bids with ${rules.length} rules. Each rule has a default severity; the \`recommended\` preset (the default) turns on every rule except the strict-only suggestions, \`strict\` turns every rule on and makes warnings errors, and \`all\` turns every rule on at its default severity. Presets are ${presets.map((p) => `\`${p}\``).join(', ')}.`,
    '',
    'Configure rules in `.commspec.yaml` (`rules:` with a severity or `[severity, { options }]`, and `overrides:` by glob), or turn one off for a line with `# commspec-disable-next-line <rule-id> -- reason`.',
    '',
    'This page and the rule pages are generated by `scripts/gen-rule-docs.ts` from the rules and their test fixtures; do not edit them by hand.',
    '',
    '| Rule | Default severity | In recommended | Fix | Description |',
    '|---|---|---|---|---|',
  );
  for (const r of rules) {
    const m = r.meta;
    lines.push(`| [${m.id}](${m.id}.md) | ${m.severity} | ${inRecommended(m.id) ? 'yes' : 'no'} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
