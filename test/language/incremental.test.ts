import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../server/src/service/document';
import { ChunkCache } from '../../server/src/service/incremental';
import { LanguageService } from '../../server/src/service/service';
import { generateSpecification } from '../../bench/generate.mjs';
import { examplePaths } from '../helpers';

/** Every node's range and scalar value, in document order: what positions and values the rest of commspec sees. */
function shape(node: unknown, out: string[] = []): string[] {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop() as { range?: number[] } | null;
    if (!n || typeof n !== 'object') continue;
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    out.push(`${n.constructor.name}@${n.range?.slice(0, 2).join('-')}${isScalar(n) ? `=${JSON.stringify(n.value)}` : ''}`);
    if (isMap(n) || isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return out;
}


function sameAsFullParse(text: string, cache: ChunkCache): boolean {
  const fast = cache.read(text);
  if (!fast) return false;
  const full = readDocument('/x.commspec.yaml', text);
  expect(fast.value).toEqual(full.value);
  expect(shape(fast.doc.contents)).toEqual(shape(full.yaml!.contents));
  return true;
}

describe('incremental reading of large documents', () => {
  it('gives exactly the values and ranges of a full parse, on every example and on generated specifications', () => {
    let used = 0;
    for (const text of [...examplePaths().map((f) => readFileSync(f, 'utf8')), generateSpecification({ seed: 3, lines: 2000 })]) if (sameAsFullParse(text, new ChunkCache())) used++;
    expect(used).toBeGreaterThanOrEqual(6);
  });

  it('stays exact across a sequence of random edits, reusing one cache', () => {
    const base = generateSpecification({ seed: 11, lines: 1500 });
    const cache = new ChunkCache();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(40), fc.constantFrom('', 'x', ' ', '\n', '  - id: extra\n', 'key: value\n', '#', ': ', '- ')), { minLength: 1, maxLength: 8 }), (edits) => {
        let text = base;
        for (const [at, del, ins] of edits) {
          const i = Math.min(at, text.length);
          text = text.slice(0, i) + ins + text.slice(i + del);
          const fast = cache.read(text);
          if (!fast) continue; // the caller falls back to a full parse
          const full = readDocument('/x.commspec.yaml', text);
          if (full.findings.some((f) => f.ruleId.startsWith('yaml/'))) throw new Error('chunked reading accepted a text with YAML errors');
          expect(fast.value).toEqual(full.value);
          expect(shape(fast.doc.contents)).toEqual(shape(full.yaml!.contents));
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it('falls back to a full parse for anchors, tabs, several documents and duplicate keys', () => {
    const cache = new ChunkCache();
    expect(cache.read('a: &x 1\nb: *x\n')).toBeUndefined();
    expect(cache.read('a:\n\t- 1\n')).toBeUndefined();
    expect(cache.read('a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(cache.read('a: 1\na: 2\n')).toBeUndefined();
    expect(cache.read('__proto__: 1\n')).toBeUndefined();
  });

  it('gives the same findings as a full reading in the language service', () => {
    const text = generateSpecification({ seed: 21, lines: 3000 });
    const edited = text.replace('status: draft', 'status: drafted').replace('polarity: higher', 'polarity: upwards');
    const plain = new LanguageService().analyse('/a.commspec.yaml', edited).findings;
    const incremental = new LanguageService(undefined, undefined, { incremental: true });
    incremental.analyse('/a.commspec.yaml', text);
    const again = incremental.analyse('/a.commspec.yaml', edited).findings;
    expect(again).toEqual(plain);
  });
});

describe('reuse', () => {
  it('reads an edited document from the cache, parsing only the edited chunk', () => {
    const text = generateSpecification({ seed: 4, lines: 3000 });
    const cache = new ChunkCache();
    expect(cache.read(text)).toBeDefined();
    const size = cache.size;
    const at = text.indexOf('statement: ', text.indexOf('outcomes:')) + 11;
    for (const c of 'ABC') {
      const edited = text.slice(0, at) + c + text.slice(at + 1);
      expect(sameAsFullParse(edited, cache)).toBe(true);
    }
    // one new entry per edit (the edited outcome), not a new copy of the document
    expect(cache.size).toBe(size + 3);
  });
});
