import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, workspace } from '../cli/run';
import { bidFixtures } from './helpers';

const read = (name: string) => readFileSync(path.join(bidFixtures, name), 'utf8');
const files = {
  'spec.commspec.yaml': read('spec.commspec.yaml'),
  'bids/compliant.commspec.yaml': read('compliant-bid.commspec.yaml').replace('./spec.commspec.yaml', '../spec.commspec.yaml'),
  'bids/partly.commspec.yaml': read('partly-compliant-bid.commspec.yaml').replace('./spec.commspec.yaml', '../spec.commspec.yaml'),
  'bids/non-compliant.commspec.yaml': read('non-compliant-bid.commspec.yaml').replace('./spec.commspec.yaml', '../spec.commspec.yaml'),
};

describe('commspec check-bid', () => {
  it('a compliant bid: exit 0, no findings, and --report writes its compliance matrix as HTML', () => {
    const dir = workspace(files);
    const r = commspec(['check-bid', 'bids/compliant.commspec.yaml', '--report', 'matrix.html'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ 1 document checked, no problems\n');
    expect(r.stderr).toBe(`commspec: Wrote the compliance matrix for ${path.join('bids', 'compliant.commspec.yaml')} to matrix.html\n`);
    const html = readFileSync(path.join(dir, 'matrix.html'), 'utf8');
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<h1>Compliance matrix: Brookside Care Partnership response to the Eastmoor residential homes tender</h1>');
    expect(html).toContain('<dt>Summary</dt><dd>20 met, 0 partly met, 0 not met, 0 missing</dd>');
    expect(html).not.toMatch(/<script/i);
  });

  it('a non-compliant bid: exit 1 and every finding, in the lint formats', () => {
    const dir = workspace(files);
    const r = commspec(['check-bid', 'bids/non-compliant.commspec.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ {2}20:\d+ +error +Your committed target for 'placement-stability' \(>= 80% by 2028-08-31\) is less ambitious than the specification's \(>= 85% by 2028-08-31\): commit to at least 85% +bids\/target-ambition$/m);
    expect(r.stdout).toMatch(/✖ 15 problems \(12 errors, 3 warnings/);
    const json = commspec(['check-bid', 'bids/non-compliant.commspec.yaml', '--format', 'json'], { cwd: dir });
    expect(json.status).toBe(1);
    const [result] = JSON.parse(json.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; severity: number | string }> }>;
    expect(result.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      '3 bids/lots-named',
      '3 bids/participation',
      '3 bids/social-value',
      '8 bids/current-version',
      '15 bids/consortium',
      '16 bids/outcomes-answered',
      '19 bids/indicator-commitments',
      '20 bids/target-ambition',
      '21 bids/indicator-commitments',
      '25 bids/target-ambition',
      '29 bids/price-ceilings',
      '30 bids/requirements-answered',
      '32 bids/partial-explained',
      '34 bids/not-compliant',
      '35 bids/award-responses',
    ]);
    const quiet = commspec(['check-bid', 'bids/non-compliant.commspec.yaml', '-q', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(quiet.stdout)[0].messages).toHaveLength(12);
  });

  it('a folder of bids: findings for each, and --report writes the comparison table (the specification in the folder is skipped)', () => {
    const dir = workspace(files);
    const r = commspec(['check-bid', '.', '--report', 'comparison.md', '-f', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    expect(results.map((x) => path.relative(dir, x.filePath))).toEqual([path.join('bids', 'compliant.commspec.yaml'), path.join('bids', 'non-compliant.commspec.yaml'), path.join('bids', 'partly.commspec.yaml')]);
    expect(results.map((x) => x.messages.length)).toEqual([0, 15, 5]);
    expect(r.stderr).toBe('commspec: Wrote the comparison of 3 bids to comparison.md\n');
    const md = readFileSync(path.join(dir, 'comparison.md'), 'utf8');
    expect(md).toContain('# Bids compared: Residential homes for children in care in Eastmoor');
    expect(md).toContain("| Requirement | The specification asks | Brookside Care Partnership | FastCare Group | Hillside Children's Homes |");
    expect(md).toContain(`| FastCare Group response to the Eastmoor residential homes tender | FastCare Group | ${path.join('bids', 'non-compliant.commspec.yaml')} | lot-north, lot-south | 1.0 (out of date) | 7 | 3 | 4 | 6 |`);
  });

  it('--spec replaces the path the bid gives', () => {
    const dir = workspace({ ...files, 'bids/compliant.commspec.yaml': files['bids/compliant.commspec.yaml'].replace('../spec.commspec.yaml', '../old/spec.commspec.yaml') });
    const lost = commspec(['check-bid', 'bids/compliant.commspec.yaml'], { cwd: dir });
    expect(lost.status).toBe(1);
    expect(lost.stdout).toContain('The specification file ../old/spec.commspec.yaml cannot be found or read');
    const found = commspec(['check-bid', 'bids/compliant.commspec.yaml', '--spec', 'spec.commspec.yaml', '--report', 'm.md'], { cwd: dir });
    expect(found.stdout).toBe('✔ 1 document checked, no problems\n');
    expect(found.status).toBe(0);
    expect(readFileSync(path.join(dir, 'm.md'), 'utf8')).toContain('- Summary: 20 met, 0 partly met, 0 not met, 0 missing');
  });

  it('a bid whose specification cannot be found: a clear finding, and no report (exit 2)', () => {
    const dir = workspace({ 'bid.commspec.yaml': files['bids/compliant.commspec.yaml'] });
    const r = commspec(['check-bid', 'bid.commspec.yaml', '--report', 'm.html'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/9:9 +error +The specification file \.\.\/spec\.commspec\.yaml cannot be found or read: check the path, relative to this bid\. Until it is found, this bid's answers cannot be checked against it +bids\/specification-found/);
    expect(r.stderr).toBe("commspec: No report written: the specification that bid.commspec.yaml answers could not be found (see its findings); give its location with specification.path: or --spec\n");
    expect(existsSync(path.join(dir, 'm.html'))).toBe(false);
  });

  it('usage problems exit 2 with a message: a specification given as a bid, an unknown report type, a missing --spec, no bids', () => {
    const dir = workspace(files);
    const spec = commspec(['check-bid', 'spec.commspec.yaml'], { cwd: dir });
    expect(spec.status).toBe(2);
    expect(spec.stderr).toBe('commspec: spec.commspec.yaml is a specification, not a bid: check it with commspec lint, or pass it with --spec\n');
    const ext = commspec(['check-bid', 'bids', '--report', 'out.pdf'], { cwd: dir });
    expect(ext.status).toBe(2);
    expect(ext.stderr).toContain("--report writes HTML (.html) or Markdown (.md), but 'out.pdf' has neither extension");
    const noSpec = commspec(['check-bid', 'bids', '--spec', 'nope.commspec.yaml'], { cwd: dir });
    expect(noSpec.status).toBe(2);
    expect(noSpec.stderr).toContain('--spec: no such file: nope.commspec.yaml');
    const none = commspec(['check-bid', '.'], { cwd: workspace({ 'spec.commspec.yaml': files['spec.commspec.yaml'] }) });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('No bids (documents with kind: bid) found in .');
    expect(commspec(['check-bid', 'bids', '--format', 'nope'], { cwd: dir }).status).toBe(2);
  });

  it('bids for different specifications are not compared', () => {
    const other = files['spec.commspec.yaml'].replace('id: eastmoor-residential', 'id: eastmoor-fostering');
    const dir = workspace({ ...files, 'other.commspec.yaml': other, 'bids/fostering.commspec.yaml': files['bids/compliant.commspec.yaml'].replace('id: eastmoor-residential', 'id: eastmoor-fostering').replace('../spec.commspec.yaml', '../other.commspec.yaml') });
    const r = commspec(['check-bid', 'bids', '--report', 'c.html'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('No report written: the bids answer different specifications (other.commspec.yaml, spec.commspec.yaml)');
    expect(existsSync(path.join(dir, 'c.html'))).toBe(false);
  });

  it('the flawed QuickCare example fails and the Oakfield example passes', () => {
    const q = commspec(['check-bid', 'examples/flawed/bids/quickcare-residential-bid.commspec.yaml', '-f', 'json']);
    expect(q.status).toBe(1);
    expect(JSON.parse(q.stdout)[0].messages.map((m: { line: number; ruleId: string }) => `${m.line} ${m.ruleId}`)).toEqual([
      '9 bids/current-version',
      '15 bids/consortium',
      '25 references/resolve',
      '27 bids/outcomes-answered',
      '32 bids/target-ambition',
      '55 bids/price-ceilings',
      '63 bids/partial-explained',
    ]);
    const o = commspec(['check-bid', 'examples/bids']);
    expect(o.status).toBe(0);
    expect(o.stdout).toBe('✔ 1 document checked, no problems\n');
  });
});
