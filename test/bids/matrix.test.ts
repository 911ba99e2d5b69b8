import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildComparison, complianceMatrix, type ComplianceMatrix, type MatrixRow } from '../../server/src/service/bid/matrix';
import { comparisonHtml, comparisonMarkdown, matrixHtml, matrixMarkdown, mdText } from '../../server/src/service/bid/report';
import { analyseBid, bidFixtures, fixtureBid, lineOf, specFile } from './helpers';

const matrixOf = (name: string) => complianceMatrix(fixtureBid(name))!;
const row = (m: ComplianceMatrix, key: string): MatrixRow => {
  const r = m.sections.flatMap((s) => s.rows).find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};
const brief = (r: MatrixRow) => ({ answer: r.answer, status: r.status, reason: r.reason });

describe('compliance matrix', () => {
  it('lists every requirement, outcome, indicator target, price and award criterion of the specification', () => {
    const m = matrixOf('compliant-bid.commspec.yaml');
    expect(m.sections.map((s) => [s.id, s.rows.map((r) => r.id)])).toEqual([
      ['requirements', ['sg-checks', 'sg-missing', 'sg-online', 'req-ofsted', 'req-local', 'req-forum']],
      ['outcomes', ['stable-homes', 'emotional-wellbeing', 'short-breaks-family-time']],
      ['indicators', ['placement-stability', 'placement-moves', 'sdq-score', 'families-rested']],
      ['prices', ['tier standard', 'tier enhanced', 'tier complex', 'tier complex, lot lot-south']],
      ['criteria', ['aw-quality', 'aw-price', 'aw-social-value']],
    ]);
    expect(m.counts).toEqual({ met: 20, partial: 0, 'not-met': 0, missing: 0 });
    expect(brief(row(m, 'indicator:sdq-score'))).toEqual({
      answer: '<= 17.5 by 2029-03-31',
      status: 'met',
      reason: "More ambitious than the specification: for the specification's target, reducing the baseline of 20 by 10% gives <= 18; the bid sets a lower maximum (<= 17.5 by 2029-03-31 against <= 18 by 2029-03-31)",
    });
    expect(row(m, 'indicator:placement-stability')).toMatchObject({ asked: '>= 85% by 2028-08-31', answer: '>= 88% by 2028-08-31', status: 'met', bidLine: 22, specLine: lineOf(specFile, 'target: ">= 85% by 2028-08-31"') });
    expect(row(m, 'price:complex/lot-south/week')).toMatchObject({ asked: 'At most £6,200 per week', answer: '£6,100 per week', status: 'met' });
    expect(m.notes).toEqual([
      'The bid answers the current version of the specification (1.2).',
      'Budget: The places in the lots bid for would cost between £3,203,200 and £5,075,200 a year, depending on the mix of needs, against an annual budget of £4,000,000.',
    ]);
  });

  it('gives the status and the reason for each answer of a non-compliant bid', () => {
    const m = matrixOf('non-compliant-bid.commspec.yaml');
    expect(brief(row(m, 'requirement:sg-online'))).toEqual({ answer: '', status: 'missing', reason: 'Not answered: every mandatory requirement needs an answer' });
    expect(brief(row(m, 'requirement:sg-missing'))).toEqual({ answer: 'partial', status: 'partial', reason: 'Partly compliant, with no explanation of what is missing or when it will be met' });
    expect(brief(row(m, 'requirement:req-local'))).toEqual({
      answer: 'not-compliant',
      status: 'not-met',
      reason: 'Our homes are in the neighbouring county. (a mandatory requirement: a bid that does not meet it is excluded)',
    });
    expect(row(m, 'requirement:req-forum')).toMatchObject({ status: 'missing', reason: 'Not answered (this requirement is not mandatory)' });
    expect(brief(row(m, 'outcome:emotional-wellbeing'))).toEqual({ answer: '', status: 'missing', reason: 'Not answered' });
    expect(brief(row(m, 'outcome:stable-homes'))).toEqual({
      answer: 'Experienced staff in every home.',
      status: 'partial',
      reason: "Answered, but 'placement-stability' is committed below the specification; 'placement-moves' has no committed target",
    });
    expect(brief(row(m, 'indicator:placement-stability'))).toEqual({
      answer: '>= 80% by 2028-08-31',
      status: 'not-met',
      reason: 'Less ambitious than the specification: the bid sets a lower minimum (>= 80% by 2028-08-31 against >= 85% by 2028-08-31)',
    });
    expect(brief(row(m, 'indicator:sdq-score'))).toEqual({ answer: '', status: 'missing', reason: 'The outcome is not answered' });
    expect(brief(row(m, 'price:complex/lot-south/week'))).toEqual({
      answer: '£6,400 per week',
      status: 'not-met',
      reason: '£6,400 per week is above the ceiling of £6,200 per week by £200',
    });
    expect(brief(row(m, 'criterion:aw-quality'))).toEqual({ answer: '', status: 'missing', reason: 'Not answered: it is scored, so an unanswered criterion scores nothing' });
    expect(brief(row(m, 'criterion:aw-price'))).toEqual({ answer: 'The prices given', status: 'met', reason: 'Scored on the prices given' });
    expect(m.counts).toEqual({ met: 7, partial: 3, 'not-met': 4, missing: 6 });
    expect(m.notes[0]).toBe(
      'The bid answers version 1.0, but the specification is at version 1.2. Changes since: 1.2: The placement-stability target rose from >= 80% to >= 85% by 2028-08-31; New safeguarding requirement sg-online: an online safety policy in every home. 1.1: The ceiling for the complex tier fell from £6,900 to £6,500 a week.',
    );
  });

  it('leaves out outcomes for lots the bid is not for, and says so', () => {
    const m = matrixOf('partly-compliant-bid.commspec.yaml');
    expect(m.bid.lots).toEqual(['lot-north']);
    expect(m.sections.find((s) => s.id === 'outcomes')!.rows.map((r) => r.id)).toEqual(['stable-homes', 'emotional-wellbeing']);
    expect(m.sections.find((s) => s.id === 'prices')!.rows.map((r) => r.id)).toEqual(['tier standard', 'tier enhanced', 'tier complex']);
    expect(m.notes).toContain("Outcome 'short-breaks-family-time' is for lot-south, which this bid is not for, so it needs no answer.");
    expect(row(m, 'indicator:placement-moves')).toMatchObject({ status: 'partial', reason: "Cannot be compared with the specification's target: only one of the targets gives a period (for example in 12 months)" });
    expect(row(m, 'price:enhanced//week')).toMatchObject({ status: 'partial', answer: '£700 per night', reason: 'Priced per night, but the ceiling is £5,000 per week: they cannot be compared' });
    expect(row(m, 'price:complex//week')).toMatchObject({ status: 'missing', answer: '' });
    expect(row(m, 'requirement:req-ofsted')).toMatchObject({ status: 'partial', reason: 'Partly: One home is rated good; the second opens in June 2026 and will be inspected by December 2026.' });
    expect(row(m, 'indicator:sdq-score')).toMatchObject({ status: 'met', reason: 'More ambitious than the specification: the bid commits to a larger reduction' });
  });

  it('is undefined when the specification cannot be found', () => {
    const text = readFileSync(path.join(bidFixtures, 'compliant-bid.commspec.yaml'), 'utf8').replace('./spec.commspec.yaml', './nowhere.commspec.yaml');
    expect(complianceMatrix(analyseBid(path.join(bidFixtures, 'x.commspec.yaml'), text))).toBeUndefined();
  });
});

describe('compliance matrix as Markdown and HTML', () => {
  const hostile = readFileSync(path.join(bidFixtures, 'non-compliant-bid.commspec.yaml'), 'utf8').replace(
    'approach: Experienced staff in every home.',
    'approach: "<script>alert(1)</script> | *bold* and [a link](http://x) & `code`"',
  );
  const m = complianceMatrix(analyseBid(path.join(bidFixtures, 'hostile.commspec.yaml'), hostile))!;

  it('Markdown: a heading, the facts, one table per section, and every cell escaped', () => {
    const md = matrixMarkdown(m, { footer: 'Generated by commspec test', displayPath: (u) => path.basename(u) });
    expect(md).toContain('# Compliance matrix: FastCare Group response to the Eastmoor residential homes tender');
    expect(md).toContain('- Summary: 7 met, 3 partly met, 4 not met, 6 missing');
    expect(md).toContain('- Specification: Residential homes for children in care in Eastmoor (eastmoor-residential, version 1.2), in spec.commspec.yaml');
    expect(md).toContain('## Indicator targets\n\n| Indicator | The specification asks | The bid\'s answer | Status | Why |\n| --- | --- | --- | --- | --- |');
    expect(md).toContain("| placement-stability: Children placed for 12 months or more with no more than one move in the last 12 months. | >= 85% by 2028-08-31 | >= 80% by 2028-08-31 | ✗ Not met |");
    expect(md).toContain('| sg-online: An online safety policy in every home. | Safeguarding requirement (mandatory); evidence: Online safety policy | None | – Missing |');
    expect(md).toContain('&lt;script>alert(1)&lt;/script> \\| \\*bold\\* and \\[a link\\](http://x) & \\`code\\`');
    expect(md).not.toContain('<script>');
    // every table row has the same number of cells as its header
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.split(/(?<!\\)\|/).length).toBe(7);
    expect(md.trimEnd().endsWith('Generated by commspec test')).toBe(true);
  });

  it('mdText escapes markup but keeps comparisons readable', () => {
    expect(mdText('<= 2 moves | >= 85%')).toBe('<= 2 moves \\| >= 85%');
    expect(mdText('<b>x</b>\nnext &amp;')).toBe('&lt;b>x&lt;/b> next &amp;amp;');
  });

  it('HTML: a standalone, accessible page with every piece of text escaped and no script', () => {
    const html = matrixHtml(m, { footer: 'Generated by commspec test' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | *bold* and [a link](http://x) &amp; &#96;code&#96;');
    expect(html).not.toMatch(/\son\w+=/i);
    const tables = html.match(/<table>/g)!.length;
    expect(tables).toBe(5);
    expect(html.match(/<\/table>/g)!.length).toBe(tables);
    expect(html.match(/<caption>/g)!.length).toBe(tables);
    expect(html).toContain(`<thead><tr><th scope="col">Requirement</th><th scope="col">The specification asks</th><th scope="col">The bid's answer</th><th scope="col">Status</th><th scope="col">Why</th></tr></thead>`);
    expect(html).toContain('<th scope="row"><code>sg-online</code><br>An online safety policy in every home.</th>');
    expect(html).toContain('<span class="status status-not-met"><span aria-hidden="true">✗ </span>Not met</span>');
    expect(html.match(/<th scope="row">/g)!.length).toBe(20);
    expect(html).toContain('<footer><p>Generated by commspec test</p></footer>');
  });
});

describe('comparison of several bids', () => {
  const matrices = ['compliant-bid.commspec.yaml', 'partly-compliant-bid.commspec.yaml', 'non-compliant-bid.commspec.yaml'].map(matrixOf);
  const c = buildComparison(matrices);

  it('has one row per item of the specification and one column per bid', () => {
    expect(c.bids.map((b) => b.bidder)).toEqual(['Brookside Care Partnership', "Hillside Children's Homes", 'FastCare Group']);
    const requirements = c.sections.find((s) => s.id === 'requirements')!;
    expect(requirements.rows.map((r) => r.id)).toEqual(['sg-checks', 'sg-missing', 'sg-online', 'req-ofsted', 'req-local', 'req-forum']);
    const local = requirements.rows.find((r) => r.id === 'req-local')!;
    expect(local.cells.map((x) => x?.status)).toEqual(['met', 'met', 'not-met']);
    const outcome = c.sections.find((s) => s.id === 'outcomes')!.rows.find((r) => r.id === 'short-breaks-family-time')!;
    expect(outcome.cells.map((x) => x?.status)).toEqual(['met', undefined, 'partial']);
    const stability = c.sections.find((s) => s.id === 'indicators')!.rows.find((r) => r.id === 'placement-stability')!;
    expect(stability.cells.map((x) => x && `${x.status} ${x.answer}`)).toEqual(['met >= 88% by 2028-08-31', 'met >= 85% by 2028-08-31', 'not-met >= 80% by 2028-08-31']);
    expect(c.bids.map((b) => b.counts)).toEqual(matrices.map((m) => m.counts));
  });

  it('renders as Markdown and HTML', () => {
    const md = comparisonMarkdown(c, { displayPath: (u) => path.basename(u) });
    expect(md).toContain("# Bids compared: Residential homes for children in care in Eastmoor");
    expect(md).toContain("| Requirement | The specification asks | Brookside Care Partnership | Hillside Children's Homes | FastCare Group |");
    expect(md).toContain('| req-local: Every home within Eastmoor or 20 miles of its boundary. | Mandatory; evidence: Addresses | ✓ Met: compliant (evidence: Addresses) | ✓ Met: compliant (evidence: Addresses) | ✗ Not met: not-compliant |');
    expect(md).toContain('| Not applicable |');
    expect(md).toContain('| FastCare Group response to the Eastmoor residential homes tender | FastCare Group | non-compliant-bid.commspec.yaml | lot-north, lot-south | 1.0 (out of date) | 7 | 3 | 4 | 6 |');
    const html = comparisonHtml(c);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<th scope="col">Brookside Care Partnership</th><th scope="col">Hillside Children&#39;s Homes</th><th scope="col">FastCare Group</th>');
    expect(html).toContain('<td><span class="none">Not applicable</span></td>');
    expect(html.match(/<table>/g)!.length).toBe(6);
  });
});
