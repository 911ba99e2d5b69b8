import { describe, expect, test } from 'vitest';
import { applyEdits } from '../../server/src/service/features/actions';
import { definition, prepareRename, references, rename } from '../../server/src/service/features/navigation';
import { at, fixture, yamlErrors } from './helpers';

const spec = fixture('spec.commspec.yaml');
const bid = fixture('bid.commspec.yaml');
const framework = fixture('framework.commspec.yaml');

describe('definition', () => {
  test("a bid's outcome resolves into the specification file", () => {
    const { a, offset, ws, uri } = at('bid.commspec.yaml', bid.replace('outcome: families-stronger', 'outcome: families-st|ronger'));
    const d = definition(a, offset, ws)!;
    expect(d.target.uri).toBe(uri('spec.commspec.yaml'));
    expect(spec.slice(d.target.start, d.target.end)).toBe('families-stronger');
    expect(d.target.range.start.line).toBe(spec.slice(0, d.target.start).split('\n').length - 1);
  });

  test("a bid's commitment indicator and its specification id", () => {
    const { a, offset, ws } = at('bid.commspec.yaml', bid.replace('indicator: goals-met', 'indicator: goals|-met'));
    const d = definition(a, offset, ws)!;
    expect(spec.slice(d.target.start, d.target.end)).toBe('goals-met');
    const s = at('bid.commspec.yaml', bid.replace('  id: riverside-family-support', '  id: riverside-|family-support'));
    const ds = definition(s.a, s.offset, s.ws)!;
    expect(ds.target.uri).toBe(s.uri('spec.commspec.yaml'));
    expect(spec.slice(ds.target.start, ds.target.end)).toBe('riverside-family-support');
  });

  test('tiers, framework tags and the tier model resolve into the framework', () => {
    for (const [marked, expected] of [
      [spec.replace('tiers: [additional, complex]', 'tiers: [addi|tional, complex]'), 'additional'],
      [spec.replace('riverside-cyp/safe-at-home', 'riverside-cyp/safe-at-ho|me'), 'safe-at-home'],
      [spec.replace('riverside-cyp/safe-at-home', 'riverside-c|yp/safe-at-home'), 'riverside-cyp'],
      [spec.replace('tier_model: riverside-cyp', 'tier_model: river|side-cyp'), 'riverside-cyp'],
    ] as const) {
      const { a, offset, ws, uri } = at('spec.commspec.yaml', marked);
      const d = definition(a, offset, ws);
      expect(d?.target.uri, marked.slice(marked.indexOf('|') - 20, marked.indexOf('|') + 10)).toBe(uri('framework.commspec.yaml'));
      expect(framework.slice(d!.target.start, d!.target.end)).toBe(expected);
    }
  });

  test('a name in an expression resolves to the indicator in the same file', () => {
    const { a, offset, ws, uri } = at('spec.commspec.yaml', spec.replace('when goals-met >= 80%', 'when go|als-met >= 80%'));
    const d = definition(a, offset, ws)!;
    expect(d.target.uri).toBe(uri('spec.commspec.yaml'));
    expect(a.doc.text.slice(d.target.start, d.target.end)).toBe('goals-met');
    expect(d.target.start).toBe(a.doc.text.indexOf('id: goals-met') + 4);
  });

  test('a built-in taxonomy code has no file to go to', () => {
    const { a, offset, ws } = at('spec.commspec.yaml', spec.replace('csc-2023/families-stay-together', 'csc-2023/families-st|ay-together'));
    expect(definition(a, offset, ws)).toBeUndefined();
  });
});

describe('references and rename', () => {
  test('references to a specification outcome include the bid', () => {
    const { a, offset, ws, uri } = at('spec.commspec.yaml', spec.replace('  - id: families-stronger', '  - id: families-str|onger'));
    const refs = references(a, offset, ws).map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line}`);
    expect(refs).toEqual(['spec.commspec.yaml:17', 'spec.commspec.yaml:44', 'bid.commspec.yaml:12']);
    expect(references(a, offset, ws, false).map((r) => r.uri)).toEqual([uri('spec.commspec.yaml'), uri('bid.commspec.yaml')]);
  });

  test('references to a framework tier include the specification that uses it', () => {
    const { a, offset, ws } = at('framework.commspec.yaml', framework.replace('  - id: complex', '  - id: comp|lex'));
    const refs = references(a, offset, ws).map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1));
    expect(refs).toEqual(['framework.commspec.yaml', 'spec.commspec.yaml']);
  });

  test('renaming an indicator edits the declaration, the payment rule and the bid, and everything still parses', () => {
    const { a, offset, ws, uri } = at('spec.commspec.yaml', spec.replace('      - id: goals-met', '      - id: goals-|met'));
    const r = rename(a, offset, 'plan-goals-met', ws);
    if ('error' in r) throw new Error(r.error);
    const newSpec = applyEdits(a.doc.text, r.changes.get(uri('spec.commspec.yaml'))!);
    const newBid = applyEdits(bid, r.changes.get(uri('bid.commspec.yaml'))!);
    expect(newSpec).toContain('      - id: plan-goals-met');
    expect(newSpec).toContain('when plan-goals-met >= 80%');
    expect(newSpec).not.toMatch(/[^-]goals-met/);
    expect(newBid).toContain('indicator: plan-goals-met');
    expect(yamlErrors(newSpec)).toEqual([]);
    // the renamed workspace has no unresolved references
    ws.update(uri('spec.commspec.yaml'), newSpec, 2);
    ws.setDiskText(uri('bid.commspec.yaml'), newBid);
    expect(ws.analysis(uri('bid.commspec.yaml'))!.findings.filter((f) => f.ruleId === 'references/resolve')).toEqual([]);
    expect(ws.analysis(uri('spec.commspec.yaml'))!.findings.filter((f) => f.ruleId.startsWith('expressions/'))).toEqual([]);
  });

  test('renaming a framework outcome edits the tags that use it', () => {
    const { a, offset, ws, uri } = at('framework.commspec.yaml', framework.replace('  - id: safe-at-home', '  - id: safe-at-h|ome'));
    const r = rename(a, offset, 'safe-everywhere', ws);
    if ('error' in r) throw new Error(r.error);
    const newSpec = applyEdits(spec, r.changes.get(uri('spec.commspec.yaml'))!);
    expect(newSpec).toContain('frameworks: [riverside-cyp/safe-everywhere, csc-2023/families-stay-together]');
  });

  test('invalid names and built-in ids are refused with a reason', () => {
    const { a, offset, ws } = at('spec.commspec.yaml', spec.replace('      - id: goals-met', '      - id: goals-|met'));
    expect(rename(a, offset, 'Goals Met', ws)).toEqual({ error: "'Goals Met' is not a valid id: use lower-case words joined by hyphens, for example stable-homes" });
    const b = at('spec.commspec.yaml', spec.replace('csc-2023/families-stay-together', 'csc-2023/families-st|ay-together'));
    expect(prepareRename(b.a, b.offset)).toEqual({ error: expect.stringContaining('built into commspec') });
  });
});
