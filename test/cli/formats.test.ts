import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers';
import { commspec, workspace } from './run';
import { formatFixture, generatedSpec, normalise } from './scenario';

/** The vendored OASIS schema is draft-04; its only draft-04-specific keywords are the top-level id and $schema. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

let dir: string;
beforeAll(() => {
  dir = workspace(formatFixture());
});

const odd = 'specs/odd: a&b, 100%.commspec.yaml';

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 against the official schema, with rules, precise regions and fixes', async () => {
    const r = commspec(['lint', '-f', 'sarif'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('commspec');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    // every result points at its rule by index, and the rule carries the metadata code scanning shows
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    const beds = run.tool.driver.rules.find((x: { id: string }) => x.id === 'terminology/beds');
    expect(beds.shortDescription.text).toMatch(/placements/);
    expect(beds.fullDescription.text).toMatch(/NELCP/);
    expect(beds.helpUri).toMatch(/docs\/rules\/terminology\/beds\.md$/);
    expect(beds.defaultConfiguration.level).toBe('note');

    // the emoji before 'beds' is two UTF-16 code units: column 38, not 37
    const bedsResult = run.results.find((x: { ruleId: string }) => x.ruleId === 'terminology/beds');
    expect(bedsResult.level).toBe('warning');
    expect(bedsResult.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 38, endLine: 6, endColumn: 42 });
    expect(bedsResult.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 6, startColumn: 38, endLine: 6, endColumn: 42 },
      insertedContent: { text: 'placements' },
    });
    const enumResult = run.results.find((x: { ruleId: string }) => x.ruleId === 'schema/enum');
    expect(enumResult.level).toBe('error');
    expect(enumResult.locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 9, endLine: 5, endColumn: 16 });
    // names that need percent-encoding in a uri
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toContain('specs/odd%3A%20a%26b%2C%20100%25.commspec.yaml');
    await expect(normalise(r.stdout, dir)).toMatchFileSnapshot('__snapshots__/formats.sarif.json');
  });

  it('is valid for a clean run (no results) and for a single file given by name', () => {
    const r = commspec(['lint', 'specs/clean.commspec.yaml', '-f', 'sarif'], { cwd: dir });
    expect(r.status).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].artifacts[0].location.uri).toBe('specs/clean.commspec.yaml');
  });
});

describe('--format junit', () => {
  it('is well-formed XML: a suite per file, a case per finding, a passing case for a clean file', async () => {
    const r = commspec(['lint', '-f', 'junit'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout);
    const suites = xml.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: Array<Record<string, unknown>> }>;
    expect(suites.map((s) => s.name)).toEqual(['specs/clean.commspec.yaml', 'specs/flawed.commspec.yaml', odd]);
    const [clean, flawed, oddSuite] = suites;
    expect(clean).toMatchObject({ tests: '1', failures: '0' });
    expect(clean.testcase).toHaveLength(1);
    expect(clean.testcase[0].failure).toBeUndefined();
    expect(flawed).toMatchObject({ tests: '3', failures: '3' });
    const enumCase = flawed.testcase.find((c) => String(c.name).startsWith('5:9 schema/enum'))!;
    expect((enumCase.failure as Record<string, string>).message).toMatch(/^"drafted" is not a status commspec knows: did you mean 'draft'\?/);
    // the file name survives escaping (& , : %)
    expect(oddSuite.testcase.every((c) => c.classname === odd && c.file === odd)).toBe(true);
    expect(xml.testsuites.tests).toBe('10');
    expect(xml.testsuites.failures).toBe('9');
    // test case names are unique within a suite, so CI tools do not merge them
    for (const s of suites) expect(new Set(s.testcase.map((c) => c.name)).size).toBe(s.testcase.length);
    await expect(normalise(r.stdout, dir)).toMatchFileSnapshot('__snapshots__/formats.junit.xml');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const d = workspace({ 'x.commspec.yaml': 'commspec: 1\nkind: specification\nid: "a\\u0001b"\ntitle: <&>\n' });
    const r = commspec(['lint', '-f', 'junit'], { cwd: d });
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).not.toMatch(/\u0001/);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding, escaping properties and data', async () => {
    const r = commspec(['lint', '-f', 'github'], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines).toContain(
      "::warning file=specs/flawed.commspec.yaml,line=6,col=38,endLine=6,endColumn=42,title=terminology/beds::Say 'placements', not 'beds': children are in placements with a plan, not beds",
    );
    // ':' ',' '%' in a property are encoded; the message part keeps ':' and ','
    const oddLine = lines.find((l) => l.includes('yaml/syntax'))!;
    expect(oddLine).toBe('::error file=specs/odd%3A a&b%2C 100%25.commspec.yaml,line=4,col=1,endLine=4,endColumn=1,title=yaml/syntax::The indentation here does not line up with the lines around it');
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::[^\n]+$/);
    await expect(normalise(r.stdout, dir)).toMatchFileSnapshot('__snapshots__/formats.github.txt');
  });

  it('encodes line breaks and percent signs in messages', () => {
    // a message that quotes the document's text: a status with a percent sign and a line break
    const d = workspace({ 's.commspec.yaml': readFileSync(path.join(root, 'test/fixtures/language/minimal.commspec.yaml'), 'utf8').replace('status: draft', 'status: "50% done\\nnext"') });
    const r = commspec(['lint', '-f', 'github', '--quiet'], { cwd: d });
    const line = r.stdout.split('\n').find((l) => l.includes('schema/enum'))!;
    expect(line).toMatch(/::"50%25 done%0Anext" is not a status/);
  });
});

describe('--format markdown', () => {
  it('summarises the run in tables for a pull-request comment', async () => {
    const r = commspec(['lint', '-f', 'markdown'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^### ❌ commspec: 8 errors, 1 warning in 2 of 3 files\n/);
    expect(r.stdout).toContain('| `specs/flawed.commspec.yaml` | 2 | 1 | 0 |');
    // a '|' in a message does not break the table
    expect(r.stdout).toContain('add status: draft \\| consultation \\| published \\| …');
    for (const row of r.stdout.split('\n').filter((l) => l.startsWith('| `specs'))) {
      expect(row.replace(/\\\|/g, '').split('|').length).toBeGreaterThanOrEqual(6);
    }
    await expect(normalise(r.stdout, dir)).toMatchFileSnapshot('__snapshots__/formats.markdown.md');
  });

  it('stays within comment size limits: at most 200 rows and 60,000 characters of findings, then a count of the rest', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`s${i}.commspec.yaml`] = generatedSpec(i);
    const d = workspace(files);
    const total = (JSON.parse(commspec(['lint', '-f', 'json'], { cwd: d }).stdout) as Array<{ messages: unknown[] }>).reduce((n, r) => n + r.messages.length, 0);
    expect(total).toBeGreaterThan(200);
    const r = commspec(['lint', '-f', 'markdown'], { cwd: d });
    const rows = r.stdout.split('\n').filter((l) => /^\| `s\d+\.commspec\.yaml` \| \d+:\d+ \|/.test(l));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThanOrEqual(200);
    expect(r.stdout).toContain(`…and ${total - rows.length} more findings. Run \`commspec lint\` to see them all.`);
    expect(r.stdout.length).toBeLessThan(65_536);
  });

  it('says so when there is nothing to report', () => {
    const r = commspec(['lint', 'specs/clean.commspec.yaml', '-f', 'markdown'], { cwd: dir });
    expect(r.stdout).toBe('### ✅ commspec: no problems in 1 file\n');
  });
});

describe('--format gitlab', () => {
  it('writes a GitLab Code Quality report with stable, unique fingerprints', () => {
    const r = commspec(['lint', '-f', 'gitlab'], { cwd: dir });
    const issues = JSON.parse(r.stdout) as Array<{ check_name: string; severity: string; fingerprint: string; location: { path: string; positions: { begin: { line: number } } } }>;
    expect(issues).toHaveLength(9);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(9);
    expect(issues.find((i) => i.check_name === 'schema/enum')).toMatchObject({ severity: 'major', location: { path: 'specs/flawed.commspec.yaml', positions: { begin: { line: 5 } } } });
    const again = JSON.parse(commspec(['lint', '-f', 'gitlab'], { cwd: dir }).stdout);
    expect(again.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });
});

describe('--format stylish and json', () => {
  it('match their snapshots', async () => {
    const s = commspec(['lint'], { cwd: dir });
    await expect(normalise(s.stdout, dir)).toMatchFileSnapshot('__snapshots__/formats.stylish.txt');
    const j = commspec(['lint', '-f', 'json'], { cwd: dir });
    await expect(normalise(j.stdout, dir)).toMatchFileSnapshot('__snapshots__/formats.json');
  });
});

describe('--output-file', () => {
  it('writes the report to the file (creating folders), prints nothing, and keeps the exit code', () => {
    const r = commspec(['lint', '-f', 'sarif', '-o', 'reports/deep/commspec.sarif'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(path.join(dir, 'reports/deep/commspec.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
  });

  it('exits 2 when the report cannot be written', () => {
    const r = commspec(['lint', '-o', 'specs/clean.commspec.yaml/report.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/The report could not be written to specs\/clean\.commspec\.yaml\/report\.txt/);
  });
});
