import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHost } from '../../cli/src/host';
import { root } from '../helpers';
import { memoryHost } from '../helpers';
import { analyseBid, bidFixtures, fixtureBid, lineOf, lines, specFile } from './helpers';

const compliantText = readFileSync(path.join(bidFixtures, 'compliant-bid.commspec.yaml'), 'utf8');
const variant = (text: string) => analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), text);
const specLine = (needle: string, nth = 0) => lineOf(specFile, needle, nth);

describe('bid check: the fixtures', () => {
  it('a compliant bid has no findings at all', () => {
    expect(lines(fixtureBid('compliant-bid.commspec.yaml').findings)).toEqual([]);
  });

  it('a partly compliant bid has warnings only, each on its line', () => {
    const a = fixtureBid('partly-compliant-bid.commspec.yaml');
    expect(lines(a.findings)).toEqual([
      '3 bids/participation warning',
      '19 bids/target-ambition warning',
      '24 bids/prices-given warning',
      '26 bids/price-ceilings warning',
      '33 bids/not-compliant warning',
    ]);
    const moves = a.findings.find((f) => f.ruleId === 'bids/target-ambition')!;
    expect(moves.message).toBe(
      "Your committed target for 'placement-moves' (<= 2 moves) cannot be compared with the specification's (<= 2 moves in 12 months): only one of the targets gives a period (for example in 12 months). Write it in the same form and unit as the specification's target so the evaluators can see it is at least as ambitious",
    );
    expect(a.findings.find((f) => f.ruleId === 'bids/price-ceilings')!.message).toBe(
      "Your price for tier 'enhanced' is per night, but the specification's ceiling is £5,000 per week: give the price per week so it can be checked against the ceiling",
    );
    expect(a.findings.find((f) => f.ruleId === 'bids/prices-given')!.message).toContain("No price for tier 'complex' (ceiling £6,500 per week)");
    // the short-breaks outcome is for lot-south, which this bid is not for: no finding for it
    expect(a.findings.some((f) => f.message.includes('short-breaks-family-time'))).toBe(false);
  });

  it('a non-compliant bid: every problem, on its line, with its rule and severity', () => {
    const a = fixtureBid('non-compliant-bid.commspec.yaml');
    expect(lines(a.findings)).toEqual([
      '3 bids/lots-named warning',
      '3 bids/participation warning',
      '3 bids/social-value warning',
      '8 bids/current-version error',
      '15 bids/consortium error',
      '16 bids/outcomes-answered error',
      '19 bids/indicator-commitments error',
      '20 bids/target-ambition error',
      '21 bids/indicator-commitments error',
      '25 bids/target-ambition error',
      '29 bids/price-ceilings error',
      '30 bids/requirements-answered error',
      '32 bids/partial-explained error',
      '34 bids/not-compliant error',
      '35 bids/award-responses error',
    ]);
    const byLine = (line: number, rule: string) => a.findings.find((f) => f.range.start.line + 1 === line && f.ruleId === rule)!;
    expect(byLine(20, 'bids/target-ambition').message).toBe(
      "Your committed target for 'placement-stability' (>= 80% by 2028-08-31) is less ambitious than the specification's (>= 85% by 2028-08-31): commit to at least 85%",
    );
    expect(byLine(25, 'bids/target-ambition').message).toBe(
      "Your committed target for 'families-rested' (>= 70% by 2029-03-31) is less ambitious than the specification's (>= 70% by 2028-03-31): commit to reaching it by 2028-03-31 or earlier",
    );
    expect(byLine(29, 'bids/price-ceilings').message).toBe(
      "Your price for tier 'complex' (£6,400 per week) is above the specification's ceiling of £6,200 per week for tier 'complex' in lot 'lot-south': bring it to £6,200 per week or less, or give a separate price for tier 'complex' in lot 'lot-south'",
    );
    expect(byLine(21, 'bids/indicator-commitments').message).toBe("'sdq-score' is an indicator of outcome 'emotional-wellbeing', not 'stable-homes': move this commitment to your response to 'emotional-wellbeing'");
    expect(byLine(15, 'bids/consortium').message).toBe('This consortium names more than one lead (FastCare Homes Ltd and FastCare Support Ltd): only one member holds the contract; make the others role: member');
    expect(byLine(34, 'bids/not-compliant').message).toContain('a bid that does not meet a mandatory requirement is excluded');
    expect(byLine(35, 'bids/award-responses').message).toContain("'aw-quality' (Approach to the outcomes, quality, 50% of the score)");
    expect(byLine(30, 'bids/requirements-answered').message).toContain("The safeguarding requirement 'sg-online'");
  });

  it('every finding links to the lines of the specification it is about', () => {
    const a = fixtureBid('non-compliant-bid.commspec.yaml');
    const related = (line: number, rule: string) =>
      a.findings
        .find((f) => f.range.start.line + 1 === line && f.ruleId === rule)!
        .related!.map((r) => `${path.basename(r.uri)}:${r.range.start.line + 1}`);
    expect(related(20, 'bids/target-ambition')).toEqual([`spec.commspec.yaml:${specLine('target: ">= 85% by 2028-08-31"')}`]);
    expect(related(29, 'bids/price-ceilings')).toEqual([`spec.commspec.yaml:${specLine('lot: lot-south, ceiling: 6200')}`]);
    expect(related(16, 'bids/outcomes-answered')).toEqual([`spec.commspec.yaml:${specLine('- id: emotional-wellbeing')}`]);
    expect(related(30, 'bids/requirements-answered')).toEqual([`spec.commspec.yaml:${specLine('id: sg-online')}`]);
    expect(related(35, 'bids/award-responses')).toEqual([`spec.commspec.yaml:${specLine('id: aw-quality')}`]);
    expect(related(8, 'bids/current-version')).toEqual([
      `spec.commspec.yaml:${specLine('version: "1.2"')}`,
      `spec.commspec.yaml:${specLine('- version: "1.2"')}`,
      `spec.commspec.yaml:${specLine('- version: "1.1"')}`,
    ]);
    for (const f of a.findings.filter((x) => x.ruleId.startsWith('bids/') && x.related)) for (const r of f.related!) expect(r.uri).toBe(specFile);
  });
});

describe('bid check: versions', () => {
  it('a bid against an older version lists the changes made since, newest first, and not earlier ones', () => {
    const f = fixtureBid('non-compliant-bid.commspec.yaml').findings.find((x) => x.ruleId === 'bids/current-version')!;
    expect(f.message).toBe(
      "This bid answers version 1.0 of 'eastmoor-residential', but the specification is now at version 1.2. What changed since 1.0: 1.2 (2025-12-01): The placement-stability target rose from >= 80% to >= 85% by 2028-08-31; New safeguarding requirement sg-online: an online safety policy in every home. 1.1 (2025-11-10): The ceiling for the complex tier fell from £6,900 to £6,500 a week. Check your answers against the current version, then change version: to \"1.2\"",
    );
    expect(f.message).not.toContain('First published');
  });

  it('a bid against 1.1 is told only what changed in 1.2, and the fix answers 1.2', () => {
    const text = compliantText.replace('version: "1.2"', 'version: "1.1"');
    const a = variant(text);
    const f = a.findings.filter((x) => x.ruleId === 'bids/current-version');
    expect(f).toHaveLength(1);
    expect(f[0].range.start.line + 1).toBe(8);
    expect(f[0].message).toContain('What changed since 1.1: 1.2 (2025-12-01)');
    expect(f[0].message).not.toContain('1.1 (2025-11-10)');
    const fixed = text.slice(0, f[0].fix!.edits[0].start) + f[0].fix!.edits[0].newText + text.slice(f[0].fix!.edits[0].end);
    expect(lines(variant(fixed).findings)).toEqual([]);
  });

  it('versions compare as numbers: 1.10 is after 1.9', () => {
    const host = fileHost(new Map([[specFile, readFileSync(specFile, 'utf8').replace('version: "1.2"\nhistory:', 'version: "1.10"\nhistory:')]]));
    const a = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), compliantText.replace('version: "1.2"', 'version: "1.9"'), host);
    expect(a.findings.find((f) => f.ruleId === 'bids/current-version')?.message).toContain('answers version 1.9 of \'eastmoor-residential\', but the specification is now at version 1.10');
  });

  it('a bid naming a version the specification has not reached is told to check the file', () => {
    const a = variant(compliantText.replace('version: "1.2"', 'version: "1.3"'));
    expect(a.findings.find((f) => f.ruleId === 'bids/current-version')?.message).toBe(
      "This bid says it answers version 1.3 of 'eastmoor-residential', but the specification file is at version 1.2: check that you are reading the published version, and give the version you answered",
    );
  });
});

describe('bid check: a specification that cannot be found', () => {
  it('a wrong path is a clear error at specification.path, and nothing else is checked or crashes', () => {
    const text = compliantText.replace('path: ./spec.commspec.yaml', 'path: ./specs/eastmoor.commspec.yaml');
    const a = variant(text);
    expect(lines(a.findings)).toEqual(['9 bids/specification-found error']);
    expect(a.findings[0].message).toBe(
      "The specification file ./specs/eastmoor.commspec.yaml cannot be found or read: check the path, relative to this bid. Until it is found, this bid's answers cannot be checked against it",
    );
    expect(a.findings[0].range.start.character).toBe(8);
  });

  it('no path and no workspace search: the error is at specification.id', () => {
    const text = compliantText.replace('  path: ./spec.commspec.yaml\n', '');
    const a = analyseBid('/virtual/bid.commspec.yaml', text, memoryHost({}));
    expect(lines(a.findings)).toEqual(['7 bids/specification-found error']);
    expect(a.findings[0].message).toContain("No specification with the id 'eastmoor-residential' was found: add path:");
  });

  it('a path to a document that is not a specification, or cannot be read as YAML, is an error, not a crash', () => {
    const host = memoryHost({ '/w/other.commspec.yaml': compliantText, '/w/broken.commspec.yaml': 'kind: [specification\n' });
    const notSpec = analyseBid('/w/bid.commspec.yaml', compliantText.replace('./spec.commspec.yaml', './other.commspec.yaml'), host);
    expect(lines(notSpec.findings)).toEqual(['9 bids/specification-found error']);
    expect(notSpec.findings[0].message).toContain('./other.commspec.yaml is not a specification (its kind is bid)');
    const broken = analyseBid('/w/bid.commspec.yaml', compliantText.replace('./spec.commspec.yaml', './broken.commspec.yaml'), host);
    expect(lines(broken.findings)).toEqual(['9 bids/specification-found error']);
  });

  it('a specification with another id is linked (so the bid is still checked) and the id is flagged', () => {
    const a = variant(compliantText.replace('id: eastmoor-residential', 'id: eastmoor-homes'));
    expect(lines(a.findings)).toEqual(['7 bids/specification-found error']);
    expect(a.findings[0].message).toBe("The specification at ./spec.commspec.yaml has the id 'eastmoor-residential', not 'eastmoor-homes': correct the id, or the path if it points at the wrong file");
  });
});

describe('bid check: consortia', () => {
  const withMembers = (members: string) => compliantText.replace(/  members:\n(    - .*\n)+/, members);
  it('no lead', () => {
    const a = variant(compliantText.replace('role: lead', 'role: member'));
    expect(lines(a.findings)).toEqual(['13 bids/consortium error']);
    expect(a.findings[0].message).toBe(
      'This consortium names no lead: Brookside Homes Ltd and Eastmoor Family Breaks are all members. Mark the member that will hold the contract and answer for the others with role: lead',
    );
  });
  it('no members', () => {
    const a = variant(withMembers(''));
    expect(lines(a.findings)).toEqual(['12 bids/consortium error']);
    expect(a.findings[0].message).toContain('A consortium bid names its members');
  });
  it('members with consortium roles but another type of bidder is a warning', () => {
    const a = variant(compliantText.replace('type: consortium', 'type: private'));
    expect(lines(a.findings)).toEqual(['12 bids/consortium warning']);
  });
  it('a single provider with subcontractors is not a consortium', () => {
    const a = variant(withMembers('  members:\n    - { name: Bow Mentors, role: subcontractor, delivers: Education mentoring. }\n').replace('type: consortium', 'type: private'));
    expect(lines(a.findings)).toEqual([]);
  });
  it('a consortium where the specification does not accept them', () => {
    const host = fileHost(new Map([[specFile, readFileSync(specFile, 'utf8').replace('consortium_bids: true', 'consortium_bids: false')]]));
    const a = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), compliantText, host);
    expect(lines(a.findings)).toEqual(['12 bids/consortium error']);
    expect(a.findings[0].related?.[0].range.start.line).toBe(lineOf(specFile, 'consortium_bids') - 1);
  });
});

describe('bid check: targets, prices and budget', () => {
  it('a level is compared with a reduction from the baseline: 17.5 beats a 10% cut from 20, 18.5 does not', () => {
    const ok = variant(compliantText);
    expect(lines(ok.findings)).toEqual([]);
    const weak = variant(compliantText.replace('"<= 17.5 by 2029-03-31"', '"<= 18.5 by 2029-03-31"'));
    expect(lines(weak.findings)).toEqual(['27 bids/target-ambition error']);
    expect(weak.findings[0].message).toBe("Your committed target for 'sdq-score' (<= 18.5 by 2029-03-31) is less ambitious than the specification's (reduce by 10% from baseline by 2029-03-31): commit to reduce by at least 10% from baseline");
  });

  it('a target with an error is left to the expression rules', () => {
    const a = variant(compliantText.replace('">= 88% by 2028-08-31"', '">= 88 days by 2028-08-31"'));
    expect(a.findings.map((f) => f.ruleId)).toContain('expressions/types');
    expect(a.findings.filter((f) => f.ruleId.startsWith('bids/'))).toEqual([]);
  });

  it('a price per placement per week is compared with a ceiling in the same unit, and in no other', () => {
    const specText = readFileSync(specFile, 'utf8').replace('{ tier: standard, ceiling: 4000, per: week }', '{ tier: standard, ceiling: 4000, per: placement, period: week }');
    const host = { ...fileHost(), readFile: (u: string) => (path.resolve(u) === specFile ? specText : fileHost().readFile(u)) };
    const inWeeks = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), compliantText, host);
    expect(inWeeks.findings.find((f) => f.ruleId === 'bids/price-ceilings')?.message).toBe(
      "Your price for tier 'standard' is per week, but the specification's ceiling is £4,000 per placement per week: give the price per placement per week so it can be checked against the ceiling",
    );
    const over = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), compliantText.replace('{ tier: standard, price: 3850, per: week }', '{ tier: standard, price: 4150, per: placement, period: week }'), host);
    expect(over.findings.find((f) => f.ruleId === 'bids/price-ceilings')?.message).toBe(
      "Your price for tier 'standard' (£4,150 per placement per week) is above the specification's ceiling of £4,000 per placement per week: bring it to £4,000 per placement per week or less",
    );
    const within = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), compliantText.replace('{ tier: standard, price: 3850, per: week }', '{ tier: standard, price: 3850, per: placement, period: week }'), host);
    expect(within.findings.filter((f) => f.ruleId.startsWith('bids/price'))).toEqual([]);
  });

  it('a lot-specific price replaces the general one for that lot', () => {
    const a = variant(compliantText.replace('{ tier: complex, price: 6100, per: week }', '{ tier: complex, price: 6450, per: week }\n  - { tier: complex, lot: lot-south, price: 6150, per: week }'));
    expect(lines(a.findings)).toEqual([]);
    const over = variant(compliantText.replace('{ tier: complex, price: 6100, per: week }', '{ tier: complex, price: 6450, per: week }\n  - { tier: complex, lot: lot-south, price: 6250, per: week }'));
    expect(lines(over.findings)).toEqual(['36 bids/price-ceilings error']);
  });

  it('prices that cannot fit the budget at any mix of needs', () => {
    const text = compliantText.replace('{ tier: standard, price: 3850, per: week }', '{ tier: standard, price: 3990, per: week }');
    const host = fileHost(new Map([[specFile, readFileSync(specFile, 'utf8').replace('budget: { annual: 4000000 }', 'budget: { annual: 3000000 }')]]));
    const a = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), text, host);
    expect(lines(a.findings)).toEqual(['32 bids/within-budget error']);
    expect(a.findings[0].message).toBe(
      "Even at the bid's lowest prices, the places in the lots bid for cost £3,319,680 a year, more than the annual budget of £3,000,000: the bid cannot be afforded at any mix of needs; review your prices",
    );
  });
});

describe('bid check: prices per placement per week', () => {
  it('are annualised for the budget like prices per week', () => {
    const perPlacement = (t: string) => t.replace(/per: week \}/g, 'per: placement, period: week }');
    const text = perPlacement(compliantText.replace('{ tier: standard, price: 3850, per: week }', '{ tier: standard, price: 3990, per: week }'));
    const host = fileHost(new Map([[specFile, perPlacement(readFileSync(specFile, 'utf8').replace('budget: { annual: 4000000 }', 'budget: { annual: 3000000 }'))]]));
    const a = analyseBid(path.join(bidFixtures, 'variant.commspec.yaml'), text, host);
    expect(lines(a.findings)).toEqual(['32 bids/within-budget error']);
    expect(a.findings[0].message).toContain('cost £3,319,680 a year, more than the annual budget of £3,000,000');
  });
});

describe('bid check: the examples', () => {
  const example = (rel: string) => analyseBid(path.join(root, 'examples', rel));

  it('reports each problem planted in the QuickCare bid, at the line examples/README.md gives, and nothing else', () => {
    const a = example('flawed/bids/quickcare-residential-bid.commspec.yaml');
    expect(lines(a.findings)).toEqual([
      '9 bids/current-version error',
      '15 bids/consortium error',
      '25 references/resolve error',
      '27 bids/outcomes-answered error',
      '32 bids/target-ambition error',
      '55 bids/price-ceilings error',
      '63 bids/partial-explained error',
    ]);
    const m = (rule: string) => a.findings.find((f) => f.ruleId === rule)!.message;
    expect(m('bids/current-version')).toContain('the specification is now at version 1.2');
    expect(m('bids/consortium')).toContain('names no lead');
    expect(m('bids/outcomes-answered')).toContain("Outcome 'skilled-stable-staff'");
    expect(m('bids/outcomes-answered')).toContain("'staff-turnover'");
    expect(m('bids/target-ambition')).toBe("Your committed target for 'placement-stability' (>= 80% by 2028-08-31) is less ambitious than the specification's (>= 85% by 2028-08-31): commit to at least 85%");
    expect(m('bids/price-ceilings')).toContain('above the specification\'s ceiling of £6,200 per week');
    expect(m('bids/partial-explained')).toContain("'req-ofsted' is partial");
  });

  it('the Oakfield bid is clean', () => {
    expect(lines(example('bids/oakfield-residential-bid.commspec.yaml').findings)).toEqual([]);
  });
});
