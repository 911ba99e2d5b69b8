import { describe, expect, it } from 'vitest';
import { analyse, fixture } from '../helpers';
import { LineIndex } from '../../server/src/service/text';

const minimal = fixture('language/minimal.commspec.yaml');

/** 1-based "line:col" of the n-th occurrence of `needle` in `text` (plus `shift` characters). */
function at(text: string, needle: string, shift = 0, occurrence = 0): string {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`needle not found: ${needle}`);
  }
  const p = new LineIndex(text).positionAt(i + shift);
  return `${p.line + 1}:${p.character + 1}`;
}

function find(text: string, ruleId: string) {
  const r = analyse(text);
  const hits = r.findings.filter((f) => f.ruleId === ruleId);
  return { all: r.findings, hits, first: hits[0], pos: hits[0] ? `${hits[0].range.start.line + 1}:${hits[0].range.start.character + 1}` : 'none' };
}

describe('the minimal specification', () => {
  it('is valid: no YAML, schema, reference or expression findings (good-practice rules are tested elsewhere)', () => {
    expect(analyse(minimal).findings.filter((f) => /^(yaml|schema|structure|references|expressions)\//.test(f.ruleId))).toEqual([]);
  });
});

describe('error kinds are reported at the right line and column, in plain words', () => {
  const cases: Array<{ name: string; text: string; rule: string; where: (t: string) => string; message: RegExp }> = [
    { name: 'empty file', text: '', rule: 'yaml/empty', where: () => '1:1', message: /file is empty/ },
    { name: 'comment-only file', text: '# nothing yet\n', rule: 'yaml/empty', where: () => '1:1', message: /file is empty/ },
    { name: 'a list instead of a document', text: '- a\n- b\n', rule: 'schema/kind', where: () => '1:1', message: /holds a list/ },
    { name: 'not YAML: unclosed bracket', text: minimal.replace('polarity: lower', 'polarity: [lower'), rule: 'yaml/syntax', where: (t) => at(t, 'baseline:'), message: /indentation|bracket|Unexpected/ },
    { name: 'tab indentation', text: minimal.replace('  lead: Example', '\tlead: Example'), rule: 'yaml/syntax', where: (t) => at(t, '\tlead'), message: /Tabs cannot indent/ },
    { name: 'duplicate key', text: minimal.replace('status: draft\n', 'status: draft\nstatus: published\n'), rule: 'yaml/syntax', where: (t) => at(t, 'status', 0, 1), message: /appears twice/ },
    { name: 'no kind', text: minimal.replace('kind: specification\n', ''), rule: 'schema/kind', where: () => '1:1', message: /add kind: specification/ },
    { name: 'misspelt kind', text: minimal.replace('kind: specification', 'kind: specfication'), rule: 'schema/kind', where: (t) => at(t, 'specfication'), message: /did you mean 'specification'/ },
    { name: 'wrong language version', text: minimal.replace('commspec: 1', 'commspec: 2'), rule: 'schema/const', where: (t) => at(t, '2\n'), message: /write commspec: 1/ },
    { name: 'missing top-level section', text: minimal.replace('commissioner:\n  lead: Example Borough Council\n', ''), rule: 'schema/required', where: (t) => at(t, 'minimal-early-help'), message: /^Specification 'minimal-early-help' has no commissioner: add commissioner: \{ lead \}$/ },
    {
      name: 'indicator without baseline',
      text: minimal.replace('        baseline: { value: 8, date: 2025-03-31, source: SSDA903 return }\n', ''),
      rule: 'schema/required',
      where: (t) => at(t, 'fewer-care-entries'),
      message: /^Indicator 'fewer-care-entries' has no baseline: add baseline: \{ value, date, source \}$/,
    },
    { name: 'unknown key with a suggestion', text: minimal.replace('    statement:', '    statment:'), rule: 'schema/unknown-key', where: (t) => at(t, 'statment'), message: /'statment' is not a key commspec knows in outcome 'families-stay-together': did you mean 'statement'\?/ },
    { name: 'unknown top-level key', text: minimal + 'budgett: 5\n', rule: 'schema/unknown-key', where: (t) => at(t, 'budgett'), message: /not a key commspec knows in a specification/ },
    {
      name: 'a value cut at a comma inside { }',
      text: minimal.replace('source: SSDA903 return }', 'source: SSDA903 return, table A1 }'),
      rule: 'schema/unknown-key',
      where: (t) => at(t, 'table A1'),
      message: /^'table A1' is not a key commspec knows in .*: a comma inside \{ \} ends a value, so 'table A1' was read as a new key\. If it belongs to source, put the whole value in quotes: source: "SSDA903 return, table A1"$/,
    },
    { name: 'a list where a map belongs', text: minimal.replace('commissioner:\n  lead: Example Borough Council', 'commissioner:\n  - Example Borough Council'), rule: 'schema/type', where: (t) => at(t, '- Example'), message: /'commissioner' should be a section of keys .* but here it is a list/ },
    { name: 'a map where a list belongs', text: minimal.replace('outcomes:\n  - id: families-stay-together', 'outcomes:\n  id: families-stay-together'), rule: 'schema/type', where: (t) => at(t, 'id: families'), message: /'outcomes' should be a list/ },
    { name: 'a word where a number belongs', text: minimal.replace('value: 8,', 'value: eight,'), rule: 'schema/type', where: (t) => at(t, 'eight'), message: /'value' should be a number, but here it is the text "eight"/ },
    { name: 'wrong enum value', text: minimal.replace('status: draft', 'status: drafted'), rule: 'schema/enum', where: (t) => at(t, 'drafted'), message: /"drafted" is not a status commspec knows: did you mean 'draft'\?/ },
    { name: 'badly written date', text: minimal.replace('start: 2026-04-01', 'start: 01/04/2026'), rule: 'schema/format', where: (t) => at(t, '01/04/2026'), message: /write dates as year-month-day/i },
    { name: 'impossible date', text: minimal.replace('end: 2029-03-31', 'end: 2029-02-30'), rule: 'schema/format', where: (t) => at(t, '2029-02-30'), message: /2029-02-30 is not a real date/ },
    { name: 'id not in kebab case', text: minimal.replace('id: families-stay-together', 'id: Families Stay Together'), rule: 'schema/format', where: (t) => at(t, 'Families Stay'), message: /not valid as an id: use lower-case words joined by hyphens/ },
    { name: 'empty text', text: minimal.replace('title: Early help family support', 'title: ""'), rule: 'schema/empty', where: (t) => at(t, 'title:'), message: /'title' is empty/ },
    { name: 'number out of range', text: minimal.replace('      - id: fewer-care-entries\n', '      - id: fewer-care-entries\n        minimum_n: 0\n'), rule: 'schema/range', where: (t) => at(t, 'minimum_n: 0', 11), message: /'minimum n' must be at least 1, but it is 0/ },
    { name: 'bad email', text: minimal.replace('  lead: Example Borough Council\n', '  lead: Example Borough Council\n  contacts:\n    - { role: Commissioning manager, email: not-an-email }\n'), rule: 'schema/format', where: (t) => at(t, 'not-an-email'), message: /is not an email address/ },
    {
      name: 'duplicate id',
      text: minimal.replace('      - id: fewer-care-entries', '      - id: families-stay-together'),
      rule: 'structure/unique-ids',
      where: (t) => at(t, 'families-stay-together', 0, 1),
      message: /already used by the outcome on line 12/,
    },
    { name: 'unknown reference', text: minimal.replace('    statement:', '    tiers: [intensive]\n    statement:'), rule: 'references/resolve', where: (t) => at(t, 'intensive'), message: /No need tier 'intensive' in this document/ },
    { name: 'unknown framework tag', text: minimal.replace('    statement:', '    frameworks: [csc-2023/stable-homes]\n    statement:'), rule: 'references/framework-tags', where: (t) => at(t, 'csc-2023/stable-homes'), message: /did you mean 'csc-2023\/stable-loving-homes'\?/ },
    { name: 'alias bomb', text: 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', rule: 'yaml/alias-bomb', where: (t) => at(t, '*a'), message: /alias bomb/ },
    { name: 'executable tag', text: minimal.replace('title: Early help family support', 'title: !!js/function "function () { return 1 }"'), rule: 'yaml/warning', where: (t) => at(t, '!!js/function'), message: /never run/ },
    { name: 'two documents in a file', text: minimal + '---\ncommspec: 1\n', rule: 'yaml/multiple-documents', where: (t) => at(t, '---'), message: /holds one document/ },
    { name: 'NUL byte', text: minimal.replace('Early help', 'Early\u0000help'), rule: 'yaml/binary', where: (t) => at(t, '\u0000'), message: /NUL character/ },
    { name: 'target that does not parse', text: minimal.replace('"<= 5% by 2028-03-31"', '"<= 5% by"'), rule: 'expressions/syntax', where: (t) => at(t, '"<= 5% by"', 7), message: /expected a date after 'by'/ },
    { name: 'target in the wrong unit', text: minimal.replace('"<= 5% by 2028-03-31"', '"<= £5 by 2028-03-31"'), rule: 'expressions/types', where: (t) => at(t, '£5'), message: /./ },
  ];

  it('has at least twenty different kinds', () => {
    expect(new Set(cases.map((c) => c.rule + c.message.source)).size).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    it(c.name, () => {
      const { hits, pos, all } = find(c.text, c.rule);
      expect(hits.length, `findings were: ${all.map((f) => `${f.ruleId} ${f.message}`).join(' | ')}`).toBeGreaterThan(0);
      expect(pos).toBe(c.where(c.text));
      expect(hits[0].message).toMatch(c.message);
      // messages are for commissioners: never raw validator text
      expect(hits[0].message).not.toMatch(/must NOT|instancePath|should match pattern|must have required property/);
    });
  }
});

describe('several problems in one file are all reported', () => {
  it('reports every schema problem, not just the first', () => {
    const text = minimal.replace('status: draft', 'status: drafted').replace('    statement:', '    statment:').replace('value: 8,', 'value: eight,');
    const rules = analyse(text).findings.map((f) => f.ruleId).sort();
    expect(rules).toEqual(expect.arrayContaining(['schema/enum', 'schema/type', 'schema/unknown-key', 'schema/required']));
  });

  it('reports several YAML problems in one file', () => {
    const text = minimal.replace('  lead: Example', '\tlead: Example').replace('status: draft\n', 'status: draft\nstatus: published\n');
    const yaml = analyse(text).findings.filter((f) => f.ruleId === 'yaml/syntax');
    expect(yaml.length).toBeGreaterThanOrEqual(2);
  });
});

describe('encodings and line endings', () => {
  it('reads CRLF files with the same positions as LF', () => {
    const lf = minimal.replace('status: draft', 'status: drafted');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyse(lf).findings.map((f) => [f.ruleId, f.range]);
    const b = analyse(crlf).findings.map((f) => [f.ruleId, f.range]);
    expect(b).toEqual(a);
  });

  it('keeps columns right after a byte-order mark', () => {
    const text = '\ufeff' + minimal.replace('status: draft', 'status: drafted');
    const f = analyse(text).findings.find((x) => x.ruleId === 'schema/enum')!;
    expect(f.range.start).toEqual({ line: 4, character: 8 });
  });

  it('reports text that was not valid UTF-8', () => {
    const f = analyse(minimal.replace('Early help', 'Early \ufffd help')).findings.find((x) => x.ruleId === 'yaml/encoding');
    expect(f?.range.start.line).toBe(3);
  });
});

describe('prototype pollution keys', () => {
  it('treats __proto__ and constructor as unknown keys and pollutes nothing', () => {
    const text = minimal + '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n';
    const findings = analyse(text).findings.filter((f) => f.ruleId === 'schema/unknown-key');
    expect(findings.map((f) => f.message.split("'")[1]).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('an expression that YAML reads as a block', () => {
  it('says to quote it, once, with a fix that quotes it', () => {
    const text = minimal.replace('"<= 5% by 2028-03-31"', '>= 5% by 2028-03-31');
    const yaml = analyse(text).findings.filter((f) => f.ruleId.startsWith('yaml/'));
    expect(yaml).toHaveLength(1);
    expect(yaml[0].message).toBe('A value that starts with > is read by YAML as the start of a block of text: put it in quotes, for example ">= 5% by 2028-03-31"');
    const edit = yaml[0].fix!.edits[0];
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    expect(fixed).toBe(minimal.replace('"<= 5% by 2028-03-31"', '">= 5% by 2028-03-31"'));
  });
});

describe('number formatting', () => {
  it('groups thousands as en-GB does, without Intl', async () => {
    const { groupThousands } = await import('../../server/src/service/text');
    for (const n of [0, 7, 999, 1000, 1234567, 1234.5, 1.5, 0.25, -45000, 1500000.456, 2.005, 99.999]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-GB', { maximumFractionDigits: 2 }));
    }
  });
});
