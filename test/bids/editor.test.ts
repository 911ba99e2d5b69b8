import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldResponses, unansweredOutcomes } from '../../server/src/service/bid/scaffold';
import type { Fix } from '../../server/src/service/findings';
import { analyseBid, bidFixtures, lines } from './helpers';

const compliant = readFileSync(path.join(bidFixtures, 'compliant-bid.commspec.yaml'), 'utf8');
const file = path.join(bidFixtures, 'editing.commspec.yaml');
const analyse = (text: string) => analyseBid(file, text);
const apply = (text: string, fix: Fix) => {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
};
/** The bid with the responses section replaced. */
const withResponses = (text: string, block: string) => text.replace(/responses:\n(  .*\n)+/, block);

describe('scaffolding responses', () => {
  it('appends a response for each unanswered outcome at the list\'s indentation, with the specification\'s targets as commitments', () => {
    const text = withResponses(compliant, 'responses:\n  - outcome: stable-homes\n    approach: A key worker for every child.\n    commitments:\n      - { indicator: placement-stability, target: ">= 88% by 2028-08-31" }\n      - { indicator: placement-moves, target: "<= 2 moves in 12 months" }\n');
    const a = analyse(text);
    expect(unansweredOutcomes(a.doc, a.model, a.linked).map((o) => o.id)).toEqual(['emotional-wellbeing', 'short-breaks-family-time']);
    const fix = scaffoldResponses(a.doc, a.model, a.linked)!;
    expect(fix.title).toBe('Add responses to the 2 unanswered outcomes');
    const after = apply(text, fix);
    expect(after).toContain(
      [
        '      - { indicator: placement-moves, target: "<= 2 moves in 12 months" }',
        '  - outcome: emotional-wellbeing',
        "    approach: \"Describe how you will achieve this outcome: Children's emotional wellbeing improves while they live in the home.\"",
        '    commitments:',
        '      - { indicator: sdq-score, target: "reduce by 10% from baseline by 2029-03-31" }',
        '  - outcome: short-breaks-family-time',
      ].join('\n'),
    );
    const b = analyse(after);
    expect(lines(b.findings)).toEqual([]);
    expect(scaffoldResponses(b.doc, b.model, b.linked)).toBeUndefined();
  });

  it('follows a list written at column 0 and a document indented by four spaces', () => {
    const col0 = withResponses(compliant, 'responses:\n- outcome: stable-homes\n  approach: A key worker for every child.\n  commitments:\n  - { indicator: placement-stability, target: ">= 88% by 2028-08-31" }\n  - { indicator: placement-moves, target: "<= 2 moves in 12 months" }\n');
    const a = analyse(col0);
    const after = apply(col0, scaffoldResponses(a.doc, a.model, a.linked, ['emotional-wellbeing'])!);
    expect(after).toContain('\n- outcome: emotional-wellbeing\n  approach: ');
    expect(lines(analyse(after).findings, 'schema/')).toEqual([]);
    expect(lines(analyse(after).findings, 'bids/outcomes-answered')).toEqual(['17 bids/outcomes-answered error']);

    const four = compliant.replace(/\n( +)/g, (_m, sp: string) => `\n${' '.repeat(sp.length * 2)}`).replace(/responses:\n(    .*\n)+/, 'responses:\n    - outcome: stable-homes\n      approach: A key worker for every child.\n      commitments:\n          - { indicator: placement-stability, target: ">= 88% by 2028-08-31" }\n          - { indicator: placement-moves, target: "<= 2 moves in 12 months" }\n');
    const b = analyse(four);
    expect(lines(b.findings, 'schema/')).toEqual([]);
    const fixed = apply(four, scaffoldResponses(b.doc, b.model, b.linked)!);
    expect(fixed).toContain('\n    - outcome: emotional-wellbeing\n      approach: ');
    expect(fixed).toContain('\n      commitments:\n          - { indicator: sdq-score,');
    expect(lines(analyse(fixed).findings)).toEqual([]);
  });

  it('fills an empty list, or creates responses: when there is none', () => {
    const empty = withResponses(compliant, 'responses: []\n');
    const a = analyse(empty);
    const filled = apply(empty, scaffoldResponses(a.doc, a.model, a.linked)!);
    expect(filled).toContain('responses:\n  - outcome: stable-homes\n    approach: ');
    expect(lines(analyse(filled).findings)).toEqual([]);

    const none = withResponses(compliant, '');
    const b = analyse(none);
    expect(lines(b.findings, 'schema/')).toEqual(['3 schema/required error']);
    const created = apply(none, scaffoldResponses(b.doc, b.model, b.linked)!);
    expect(created.endsWith('      - { indicator: families-rested, target: ">= 70% by 2028-03-31" }\n')).toBe(true);
    expect(lines(analyse(created).findings)).toEqual([]);
  });

  it('keeps Windows line endings', () => {
    const crlf = withResponses(compliant, 'responses: []\n').replace(/\n/g, '\r\n');
    const a = analyse(crlf);
    const after = apply(crlf, scaffoldResponses(a.doc, a.model, a.linked)!);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines(analyse(after).findings)).toEqual([]);
  });

  it('offers nothing when every outcome is answered or the specification is unknown', () => {
    const a = analyse(compliant);
    expect(scaffoldResponses(a.doc, a.model, a.linked)).toBeUndefined();
    const lost = analyse(compliant.replace('./spec.commspec.yaml', './gone.commspec.yaml'));
    expect(scaffoldResponses(lost.doc, lost.model, lost.linked)).toBeUndefined();
  });

  it('is the fix of bids/outcomes-answered', () => {
    const a = analyse(readFileSync(path.join(bidFixtures, 'non-compliant-bid.commspec.yaml'), 'utf8'));
    const f = a.findings.find((x) => x.ruleId === 'bids/outcomes-answered')!;
    expect(f.fix?.title).toBe("Add a response to outcome 'emotional-wellbeing'");
  });
});
