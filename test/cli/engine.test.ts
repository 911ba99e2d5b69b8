import { describe, expect, it } from 'vitest';
import { applySafeFixes, Linter } from '../../cli/src/engine';
import { defaultRules } from '../../server/src/service/config';
import type { Finding } from '../../server/src/service/findings';
import { defineRule, type Rule } from '../../server/src/service/rules/types';
import { fixture } from '../helpers';

function finding(start: number, end: number, newText: string, safe = true, more: Array<[number, number, string]> = []): Finding {
  return {
    ruleId: 'test/fix',
    severity: 'warning',
    message: 'm',
    range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
    offsets: { start, end },
    fix: { title: 't', safe, edits: [{ start, end, newText }, ...more.map(([s, e, t]) => ({ start: s, end: e, newText: t }))] },
  };
}

describe('applySafeFixes', () => {
  it('applies only safe fixes, from the end, leaving the rest of the text alone', () => {
    const text = 'one two three four';
    const out = applySafeFixes(text, [finding(0, 3, '1'), finding(4, 7, '2', false), finding(14, 18, '4')]);
    expect(out).toEqual({ text: '1 two three 4', applied: 2 });
  });

  it('skips a fix that overlaps one already chosen, and applies a multi-edit fix whole or not at all', () => {
    const text = 'abcdefghij';
    const out = applySafeFixes(text, [finding(0, 4, 'X'), finding(2, 6, 'Y'), finding(6, 7, 'G', true, [[9, 10, 'J']]), finding(8, 10, 'Z')]);
    // 0-4 wins over 2-6; the two-edit fix spans 6-10 and wins over 8-10
    expect(out).toEqual({ text: 'XefGhiJ', applied: 2 });
  });

  it('applies the same fix offered twice only once', () => {
    expect(applySafeFixes('beds', [finding(0, 4, 'placements'), finding(0, 4, 'placements')])).toEqual({ text: 'placements', applied: 1 });
  });

  it('ignores edits outside the text', () => {
    expect(applySafeFixes('abc', [finding(2, 9, 'x')])).toEqual({ text: 'abc', applied: 0 });
  });
});

/** A rule whose "safe" fix breaks the YAML: the linter must refuse it. */
const breaksYaml: Rule = defineRule({
  meta: { id: 'test/breaks-yaml', severity: 'warning', description: 'd', rationale: 'r', evidence: [], kinds: ['specification'], fixable: true },
  check({ doc, report }) {
    const at = doc.text.indexOf('title:');
    if (at >= 0) report({ message: 'break it', at: { start: at, end: at + 6 }, fix: { title: 'break', safe: true, edits: [{ start: at, end: at + 6, newText: 'title: [' }] } });
  },
});

describe('Linter with fixes', () => {
  it('refuses a fix that would make the document invalid YAML, and keeps the original text', () => {
    const text = fixture('language/minimal.commspec.yaml');
    const linter = new Linter(new Map(), [breaksYaml]);
    const r = linter.run({ index: 0, file: '/virtual/a.commspec.yaml', text, settings: defaultRules([breaksYaml.meta]), fix: true });
    expect(r.fixedText).toBeUndefined();
    expect(r.fixRefused).toMatch(/would have made the document invalid/);
    expect(r.findings.map((f) => f.ruleId)).toContain('test/breaks-yaml');
  });

  it('records the linked documents it read, with a hash, or null when missing', () => {
    const text = fixture('language/minimal.commspec.yaml').replace('outcomes:', 'frameworks:\n  - { id: fw, path: ./missing-framework.commspec.yaml }\noutcomes:');
    const r = new Linter().run({ index: 0, file: '/virtual/dir/a.commspec.yaml', text, settings: defaultRules(new Linter().rules.map((x) => x.meta)), fix: false });
    expect(r.deps).toEqual({ '/virtual/dir/missing-framework.commspec.yaml': null });
  });
});
