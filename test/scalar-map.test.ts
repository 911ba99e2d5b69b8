import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { createScalarSourceMap, scalarValueToSource } from '../server/src/service/scalar-map';

/** The scalar value of `key` at the top level of a YAML document. */
function scalarOf(src: string, key: string): Scalar<string> {
  const doc = parseDocument(src);
  expect(doc.errors).toEqual([]);
  const map = doc.contents;
  if (!isMap(map)) throw new Error('not a map');
  const node = map.get(key, true);
  if (!isScalar(node) || typeof node.value !== 'string') throw new Error(`no string scalar at ${key}`);
  return node as unknown as Scalar<string>;
}

/** Source text of the value span covering `needle` (the n-th occurrence in the value). */
function sourceOf(src: string, key: string, needle: string, nth = 0) {
  const node = scalarOf(src, key);
  const value = node.value;
  let at = -1;
  for (let k = 0; k <= nth; k++) at = value.indexOf(needle, at + 1);
  expect(at, `'${needle}' in ${JSON.stringify(value)}`).toBeGreaterThanOrEqual(0);
  const map = createScalarSourceMap(src, node, value);
  expect(map.exact).toBe(true);
  const [s, e] = map.rangeToSource(at, at + needle.length);
  return src.slice(s, e);
}

describe('scalarValueToSource', () => {
  it('plain scalars', () => {
    // A plain YAML scalar cannot start with '>' (that opens a folded block): commissioners write 'at least'.
    const src = 'title: x\ntarget: at least 85% by 2027-02-30  # comment\n';
    expect(sourceOf(src, 'target', '2027-02-30')).toBe('2027-02-30');
    expect(sourceOf(src, 'target', 'at least')).toBe('at least');
    const node = scalarOf(src, 'target');
    expect(scalarValueToSource(src, node, node.value)(node.value.length)).toBe(src.indexOf('  # comment'));
  });
  it('plain scalars folded over lines', () => {
    const src = 'rule: up to 7% of annual_fee\n  when placement-stability   \n     >= 85%\n\n  and tier = high\n';
    const node = scalarOf(src, 'rule');
    expect(node.value).toBe('up to 7% of annual_fee when placement-stability >= 85%\nand tier = high');
    expect(sourceOf(src, 'rule', 'placement-stability')).toBe('placement-stability');
    expect(sourceOf(src, 'rule', '>= 85%')).toBe('>= 85%');
    expect(sourceOf(src, 'rule', 'tier')).toBe('tier');
    expect(sourceOf(src, 'rule', 'annual_fee when')).toBe('annual_fee\n  when');
  });
  it('single-quoted scalars with doubled quotes and folding', () => {
    const src = "threshold: 'status = ''open'' and\n  age in 11..17'\n";
    expect(scalarOf(src, 'threshold').value).toBe("status = 'open' and age in 11..17");
    expect(sourceOf(src, 'threshold', "'open'")).toBe("''open''");
    expect(sourceOf(src, 'threshold', '11..17')).toBe('11..17');
  });
  it('double-quoted scalars with escapes', () => {
    const src = 'rule: "\\u00a3250k per year when note = \\"x\\"\\n\\tand \\x41ge > 1 \\U0001F600 £5"\n';
    const v = scalarOf(src, 'rule').value;
    expect(v).toBe('£250k per year when note = "x"\n\tand Age > 1 😀 £5');
    expect(sourceOf(src, 'rule', '£250k')).toBe('\\u00a3250k');
    expect(sourceOf(src, 'rule', '"x"')).toBe('\\"x\\"');
    expect(sourceOf(src, 'rule', '\n\tand')).toBe('\\n\\tand');
    expect(sourceOf(src, 'rule', 'Age')).toBe('\\x41ge');
    expect(sourceOf(src, 'rule', '😀')).toBe('\\U0001F600');
    expect(sourceOf(src, 'rule', '£5')).toBe('£5');
  });
  it('double-quoted scalars with folding and escaped line breaks', () => {
    const src = 'measure: "count(children where\n    moves <= 2) / co\\\n    unt(children)"\n';
    expect(scalarOf(src, 'measure').value).toBe('count(children where moves <= 2) / count(children)');
    expect(sourceOf(src, 'measure', 'moves')).toBe('moves');
    expect(sourceOf(src, 'measure', 'count', 1)).toBe('co\\\n    unt');
  });
  it('literal block scalars with chomping and indentation indicators', () => {
    const keep = 'target: |+\n  >= 85%\n  by 2027-03-31\n\n\nnext: 1\n';
    expect(scalarOf(keep, 'target').value).toBe('>= 85%\nby 2027-03-31\n\n\n');
    expect(sourceOf(keep, 'target', '2027-03-31')).toBe('2027-03-31');
    expect(sourceOf(keep, 'target', '%\nby')).toBe('%\n  by');
    const strip = 'target: |-\n    >= 85%\n';
    expect(sourceOf(strip, 'target', '85%')).toBe('85%');
    const indicated = 'target: |2\n   >= 85%\n  by 2027-03\n';
    expect(scalarOf(indicated, 'target').value).toBe(' >= 85%\nby 2027-03\n');
    expect(sourceOf(indicated, 'target', '>=')).toBe('>=');
    expect(sourceOf(indicated, 'target', '2027-03')).toBe('2027-03');
  });
  it('folded block scalars', () => {
    const src = 'rule: >\n  up to 7% of annual_fee\n  when x >= 85%\n\n  capped at £250k\n     (more indented)\n  end\n';
    const v = scalarOf(src, 'rule').value;
    expect(v).toBe('up to 7% of annual_fee when x >= 85%\ncapped at £250k\n   (more indented)\nend\n');
    expect(sourceOf(src, 'rule', 'when x')).toBe('when x');
    expect(sourceOf(src, 'rule', 'annual_fee when')).toBe('annual_fee\n  when');
    expect(sourceOf(src, 'rule', '£250k')).toBe('£250k');
    expect(sourceOf(src, 'rule', '(more')).toBe('(more');
    expect(sourceOf(src, 'rule', 'end')).toBe('end');
  });
  it('CRLF line endings', () => {
    const src = 'rule: >-\r\n  up to 7%\r\n  of annual_fee\r\nmeasure: "a\r\n  b"\r\nt: |\r\n  x\r\n  y\r\n';
    expect(sourceOf(src, 'rule', 'annual_fee')).toBe('annual_fee');
    expect(sourceOf(src, 'rule', '7% of')).toBe('7%\r\n  of');
    expect(sourceOf(src, 'measure', 'b')).toBe('b');
    expect(sourceOf(src, 't', 'y')).toBe('y');
    expect(sourceOf(src, 't', 'x\ny')).toBe('x\r\n  y');
  });
  it('a byte order mark at the start of the file', () => {
    const src = '\uFEFFtarget: at least 85% by 2027-03-31\nrule: "£1,200 per child"\n';
    expect(sourceOf(src, 'target', '2027-03-31')).toBe('2027-03-31');
    expect(sourceOf(src, 'rule', 'child')).toBe('child');
  });
  it('multi-byte characters', () => {
    const src = 'rule: £1,200 per child ≥ 😀 x\n';
    expect(sourceOf(src, 'rule', 'x')).toBe('x');
    expect(sourceOf(src, 'rule', '😀')).toBe('😀');
  });
  it('end offsets and the function form', () => {
    const src = 'rule: "a\\"b"\n';
    const node = scalarOf(src, 'rule');
    const f = scalarValueToSource(src, node, node.value);
    expect(node.value).toBe('a"b');
    expect(f(0)).toBe(7);
    expect(f(1)).toBe(8); // the escape starts here
    expect(f(2)).toBe(10);
    expect(f(3)).toBe(11); // the value's end: just before the closing quote
    expect(f(2, 'end')).toBe(10); // after the escape \"
    expect(f(99)).toBe(11);
    expect(f(-5)).toBe(7);
  });
  it('empty values and missing ranges', () => {
    const src = 'rule: ""\n';
    const node = scalarOf(src, 'rule');
    expect(scalarValueToSource(src, node, '')(0)).toBe(7);
    const f = scalarValueToSource('abc target xyz', { range: null }, 'target');
    expect(f(0)).toBe(4);
  });
  it('a value that differs from the source is aligned approximately', () => {
    const src = 'rule: "up to 7%"\n';
    const node = scalarOf(src, 'rule');
    const m = createScalarSourceMap(src, node, 'up to 7');
    expect(m.exact).toBe(true); // a cut value is found inside the reconstruction
    expect(src.slice(...m.rangeToSource(6, 7))).toBe('7');
    const approx = createScalarSourceMap(src, node, 'up  to');
    expect(approx.exact).toBe(false);
    expect(approx.toSource(0)).toBe(7);
  });
});
