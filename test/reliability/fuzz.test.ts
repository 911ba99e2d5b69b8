import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LanguageService } from '../../server/src/service/service';
import { examplePaths, memoryHost } from '../helpers';
import { completion } from '../../server/src/service/features/completion';
import { hover } from '../../server/src/service/features/hover';
import { allOccurrences, definition, highlights, prepareRename, references, rename } from '../../server/src/service/features/navigation';
import { Workspace } from '../../server/src/service/workspace';
import { documentSymbols, foldingRanges, selectionRange } from '../../server/src/service/features/structure';
import { documentLinks, semanticTokens } from '../../server/src/service/features/tokens';
import { codeActions, applyEdits } from '../../server/src/service/features/actions';
import { codeLenses, inlayHints } from '../../server/src/service/features/lenses';

/** How many generated inputs each property runs: small in CI, 100,000 under `npm run fuzz`. */
const runs = Number(process.env.FUZZ_RUNS ?? 150);
/** The most one analysis may take on these inputs (generous: CI machines are slow and shared). */
const boundMs = 5000;

const files: Record<string, string> = Object.fromEntries(examplePaths().map((p) => [p, readFileSync(p, 'utf8')]));
const names = Object.keys(files).sort();
const service = new LanguageService(memoryHost(files));
const incremental = new LanguageService(memoryHost(files), undefined, { incremental: true });

type Mutation =
  | { op: 'delete-lines'; at: number; count: number }
  | { op: 'indent'; at: number; delta: number }
  | { op: 'bytes'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(':', '- ', '"', "'", '[', '{', '&a ', '*a', '!!str ', '#', '\t', '\r\n', '\u0000', '\ufeff', '>', '|', '%')) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.op) {
    case 'delete-lines':
      lines.splice(m.at % lines.length, m.count);
      return lines.join('\n');
    case 'indent': {
      const i = m.at % lines.length;
      lines[i] = m.delta > 0 ? ' '.repeat(m.delta) + lines[i] : lines[i].slice(Math.min(-m.delta, lines[i].length - lines[i].trimStart().length));
      return lines.join('\n');
    }
    case 'bytes': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'duplicate-line': {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

function checkAnalysis(s: LanguageService, uri: string, text: string): void {
  const t0 = performance.now();
  const a = s.analyse(uri, text);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(boundMs);
  const lineCount = a.doc.lines.lineCount;
  for (const f of a.findings) {
    expect(f.offsets.start).toBeGreaterThanOrEqual(0);
    expect(f.offsets.end).toBeGreaterThanOrEqual(f.offsets.start);
    expect(f.offsets.end).toBeLessThanOrEqual(text.length);
    expect(f.range.start.line).toBeLessThan(lineCount);
    expect(f.range.end.line).toBeLessThan(lineCount);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    for (const e of f.fix?.edits ?? []) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
    }
  }
}

describe(`fuzzing (${runs} inputs per property; FUZZ_RUNS sets it)`, () => {
  it('mutated examples: the model, the schema check and every rule return findings inside the document, in bounded time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(mutation, { minLength: 1, maxLength: 6 }), (name, ms) => {
        const text = ms.reduce(apply, files[name]);
        checkAnalysis(service, name, text);
      }),
      { numRuns: runs },
    );
  });

  it('successive edits of one document through the incremental reader behave like fresh readings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(mutation, { minLength: 1, maxLength: 6 }), (name, ms) => {
        let text = files[name];
        for (const m of ms) {
          text = apply(text, m);
          checkAnalysis(incremental, name, text);
        }
        const fresh = service.analyse(name, text).findings.map((f) => [f.ruleId, f.range, f.message]);
        const inc = incremental.analyse(name, text).findings.map((f) => [f.ruleId, f.range, f.message]);
        expect(inc).toEqual(fresh);
      }),
      { numRuns: Math.max(20, Math.floor(runs / 5)) },
    );
  });

  it('a document kept in the workspace index, not open, answers like the open document: findings, occurrences, positions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(mutation, { maxLength: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (name, ms, offsets) => {
        const text = ms.reduce(apply, files[name]);
        const disk = { ...files, [name]: text };
        const ws = new Workspace({ readFile: (u) => disk[u] });
        for (const [u, t] of Object.entries(disk)) ws.found(u, t);
        const kept = ws.analysis(name)!;
        expect(kept.doc.text).toBe(''); // compacted
        const keptFindings = kept.findings.map((f) => [f.ruleId, f.range, f.message]);
        const keptOccurrences = allOccurrences(kept);
        const keptPositions = offsets.map((o) => kept.doc.lines.positionAt(o % (text.length + 2)));
        ws.open(name, text, 1);
        const full = ws.analysis(name)!;
        expect(keptFindings).toEqual(full.findings.map((f) => [f.ruleId, f.range, f.message]));
        expect(keptOccurrences).toEqual(allOccurrences(full));
        expect(keptPositions).toEqual(offsets.map((o) => full.doc.lines.positionAt(o % (text.length + 2))));
      }),
      { numRuns: Math.max(20, Math.floor(runs / 5)) },
    );
  });

  it('every editor feature, at random offsets of mutated documents, returns in bounds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(mutation, { maxLength: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (name, ms, offsets) => {
        const text = ms.reduce(apply, files[name]);
        const a = service.analyse(name, text);
        const t0 = performance.now();
        const inside = (r: { start: number; end: number }) => r.start >= 0 && r.end <= text.length && r.start <= r.end;
        for (const raw of offsets) {
          const offset = raw % (text.length + 1);
          for (const c of completion(a, offset)) expect(typeof c.label).toBe('string');
          const h = hover(a, offset);
          if (h) expect(inside(h)).toBe(true);
          const d = definition(a, offset);
          if (d) expect(inside(d.origin)).toBe(true);
          references(a, offset, undefined);
          for (const x of highlights(a, offset)) expect(inside(x)).toBe(true);
          const pr = prepareRename(a, offset);
          if (pr && 'start' in pr) {
            expect(inside(pr)).toBe(true);
            rename(a, offset, 'renamed-id', undefined);
          }
          selectionRange(a, offset);
          for (const action of codeActions(a, { start: offset, end: offset })) {
            const edits = action.edits.get(a.uri) ?? [];
            for (const e of edits) expect(inside(e)).toBe(true);
            if (edits.length) expect(typeof applyEdits(text, edits)).toBe('string');
          }
        }
        documentSymbols(a);
        foldingRanges(a);
        for (const t of semanticTokens(a)) {
          expect(t.line).toBeLessThan(a.doc.lines.lineCount);
          expect(t.character + t.length).toBeLessThanOrEqual(a.doc.lines.lineEnd(t.line) - a.doc.lines.lineStart(t.line));
        }
        documentLinks(a, { resolve: (_b, r) => r });
        codeLenses(a);
        inlayHints(a);
        expect(performance.now() - t0).toBeLessThan(boundMs);
      }),
      { numRuns: Math.max(20, Math.floor(runs / 3)) },
    );
  });

  it('random YAML-ish text never escapes as an exception', () => {
    const token = fc.constantFrom('commspec: 1\n', 'kind: specification\n', 'kind: bid\n', 'outcomes:\n', '  - id: a\n', '    indicators:\n', '      - target: ">= 5% by 2027"\n', 'tiers: [', ']', '{', '}', ': ', '- ', '&x ', '*x', '"', "'", '\n', '  ', '#', 'id: x\n', 'value_for_money:\n', '  award: { criteria: [ { id: q, type: quality, weight: 101 } ] }\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 8 })), { maxLength: 60 }), (parts) => {
        checkAnalysis(service, '/fuzz.commspec.yaml', parts.join(''));
      }),
      { numRuns: runs },
    );
  });
});
