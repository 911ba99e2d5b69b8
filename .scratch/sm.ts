import { parseDocument, visit, isScalar } from 'yaml';
import { createScalarSourceMap } from '../server/src/service/scalar-map';
const docs = [
 '\uFEFFa: "x\\"y £5 \\u00a3 \\n z"\nb: \'it\'\'s £\'\nc: plain  text\n  more\n\n  after blank\nd: |2-\n   lit\n  x\ne: >\n  fold\n  ed\n\n  z\n   more\n  back\n\n\nf: !!str &an "t"\n',
 'k: |\r\n  a\r\n  b\r\n\r\nj: "multi\r\n  line\\\r\n  joined"\r\n',
 'x: |+\n  keep\n\n\ny: >-\n  strip\n  me\nz: "a  \n\n  b"\nw: \'one\n  two\'\nv: |\n\n  leading blank\n',
 '- target: >= 85% by 2027-03-31\n- rule: >\n    up to 7% of annual_fee\n    when placement-stability >= 85%\n',
 'emoji: "😀 \\U0001F600 x"\ntab: "a\\tb"\nk2: |1\n  two spaces\n',
];
let bad = 0;
for (const src of docs) {
  const doc = parseDocument(src);
  visit(doc, { Scalar(key, n: any) {
    if (key !== 'value' || typeof n.value !== 'string') return;
    const m = createScalarSourceMap(src, n, n.value);
    const pieces: string[] = [];
    for (let i = 0; i < n.value.length; i++) {
      const s = m.toSource(i); const ch = n.value[i];
      if (!/\s/.test(ch) && src[s] !== ch && src[s] !== '\\') { bad++; pieces.push(`MISMATCH@${i} ${JSON.stringify(ch)} vs ${JSON.stringify(src[s])}`); }
    }
    console.log(n.type, JSON.stringify(n.value), 'exact', m.exact, pieces.join(' '), 'end->', JSON.stringify(src.slice(m.toSource(0), m.toSource(n.value.length))));
  }});
}
console.log('bad', bad);
