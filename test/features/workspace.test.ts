import { describe, expect, test } from 'vitest';
import { codeLenses, inlayHints } from '../../server/src/service/features/lenses';
import { kindAndId, resolveUri, uriDirname, Workspace } from '../../server/src/service/workspace';
import { allOccurrences } from '../../server/src/service/features/navigation';
import { LineIndex } from '../../server/src/service/text';
import { at, fixture, workspace } from './helpers';

const spec = fixture('spec.commspec.yaml');
const framework = fixture('framework.commspec.yaml');

describe('workspace index', () => {
  test('an analysis is made once per text and reused', () => {
    const { ws, uri } = workspace();
    ws.open(uri('spec.commspec.yaml'), spec, 1);
    const first = ws.analysis(uri('spec.commspec.yaml'));
    expect(ws.isFresh(uri('spec.commspec.yaml'))).toBe(true);
    expect(ws.analysis(uri('spec.commspec.yaml'))).toBe(first);
    ws.update(uri('spec.commspec.yaml'), spec, 2); // same text, new version
    expect(ws.analysis(uri('spec.commspec.yaml'))).toBe(first);
    ws.update(uri('spec.commspec.yaml'), spec.replace('[additional, complex]', '[additional, complx]'), 3);
    expect(ws.isFresh(uri('spec.commspec.yaml'))).toBe(false);
    const second = ws.analysis(uri('spec.commspec.yaml'))!;
    expect(second).not.toBe(first);
    expect(second.findings.map((f) => f.ruleId)).toContain('references/resolve');
  });

  test('a change to a framework re-analyses the specifications that use it', () => {
    const { ws, uri } = workspace();
    ws.open(uri('spec.commspec.yaml'), spec, 1);
    expect(ws.analysis(uri('spec.commspec.yaml'))!.findings.filter((f) => f.ruleId === 'references/resolve')).toEqual([]);
    expect(ws.dependents(uri('framework.commspec.yaml'))).toEqual([uri('spec.commspec.yaml')]);
    ws.open(uri('framework.commspec.yaml'), framework.replace('  - id: complex', '  - id: complex-needs'), 1);
    const after = ws.analysis(uri('spec.commspec.yaml'))!;
    expect(after.findings.find((f) => f.ruleId === 'references/resolve')?.message).toContain("'complex'");
    ws.close(uri('framework.commspec.yaml')); // back to the disk text
    expect(ws.analysis(uri('spec.commspec.yaml'))!.findings.filter((f) => f.ruleId === 'references/resolve')).toEqual([]);
  });

  test('documents are found by kind and id, open ones first', () => {
    const { ws, uri } = workspace({ 'copy.commspec.yaml': framework });
    expect(ws.findById('framework', 'riverside-cyp')).toBe(uri('framework.commspec.yaml'));
    ws.open(uri('copy.commspec.yaml'), framework, 1);
    expect(ws.findById('framework', 'riverside-cyp')).toBe(uri('copy.commspec.yaml'));
    expect(ws.findById('specification', 'riverside-cyp')).toBeUndefined();
  });

  test('the id index follows changes: a new id on disk, a deleted file, an open copy closed', () => {
    const { ws, uri } = workspace({ 'copy.commspec.yaml': framework });
    ws.setDiskText(uri('framework.commspec.yaml'), framework.replace('id: riverside-cyp', 'id: riverside-cyp-2'));
    expect(ws.findById('framework', 'riverside-cyp-2')).toBe(uri('framework.commspec.yaml'));
    expect(ws.findById('framework', 'riverside-cyp')).toBe(uri('copy.commspec.yaml'));
    ws.setDiskText(uri('copy.commspec.yaml'), undefined); // deleted
    expect(ws.findById('framework', 'riverside-cyp')).toBeUndefined();
    ws.open(uri('draft.commspec.yaml'), framework, 1); // a new, unsaved document
    expect(ws.findById('framework', 'riverside-cyp')).toBe(uri('draft.commspec.yaml'));
    ws.close(uri('draft.commspec.yaml'));
    expect(ws.findById('framework', 'riverside-cyp')).toBeUndefined();
  });

  test('a bid without a path finds its specification by id', () => {
    const { ws, uri } = workspace({ 'bid.commspec.yaml': fixture('bid.commspec.yaml').replace('  path: ./spec.commspec.yaml\n', '') });
    expect(ws.analysis(uri('bid.commspec.yaml'))!.linked.specification?.uri).toBe(uri('spec.commspec.yaml'));
  });

  test('a .commspec.yaml config found upward turns a rule off, and a change to it re-lints', () => {
    const broken = spec.replace('[additional, complex]', '[additional, complx]');
    const disk = new Map<string, string>([['file:///ws/framework.commspec.yaml', framework]]);
    const ws = new Workspace({ readFile: (u) => disk.get(u) });
    ws.setDiskText('file:///ws/framework.commspec.yaml', framework);
    ws.open('file:///ws/sub/spec.commspec.yaml', broken.replace('./framework.commspec.yaml', '../framework.commspec.yaml'), 1);
    const rules = () => ws.analysis('file:///ws/sub/spec.commspec.yaml')!.findings.map((f) => f.ruleId);
    expect(rules()).toContain('references/resolve');
    ws.setDiskText('file:///ws/.commspec.yaml', 'rules:\n  references/resolve: off\n');
    expect(rules()).not.toContain('references/resolve');
    ws.open('file:///ws/sub/.commspec.yaml', 'root: true\n', 1);
    expect(rules()).toContain('references/resolve');
  });

  test('a document indexed but not open is kept small: no text, tree or expressions, and its occurrences stay', () => {
    const { ws, uri } = workspace();
    const reads: string[] = [];
    const files = new Map([[uri('spec.commspec.yaml'), spec], [uri('framework.commspec.yaml'), framework]]);
    const counting = new Workspace({ readFile: (u) => (reads.push(u), files.get(u)) });
    counting.found(uri('spec.commspec.yaml'), spec);
    expect(reads).toEqual([]); // found: indexed by id, text not kept
    expect(counting.findById('specification', 'riverside-family-support')).toBe(uri('spec.commspec.yaml'));
    const kept = counting.analysis(uri('spec.commspec.yaml'))!;
    expect(reads.filter((u) => u === uri('spec.commspec.yaml'))).toHaveLength(1); // read again to be analysed
    expect(kept.doc.text).toBe('');
    expect(kept.doc.yaml).toBeUndefined();
    expect(kept.model.expressions).toEqual([]);
    expect(kept.occurrences!.spans.length).toBeGreaterThan(0);
    // the same findings and occurrences as the full analysis of an open document
    ws.open(uri('spec.commspec.yaml'), spec, 1);
    const full = ws.analysis(uri('spec.commspec.yaml'))!;
    expect(kept.findings).toEqual(full.findings);
    expect(allOccurrences(kept)).toEqual(allOccurrences(full));
    // kept line positions answer as the text did
    for (const o of [0, 1, 57, 400, spec.length - 1, spec.length, spec.length + 10]) expect(kept.doc.lines.positionAt(o)).toEqual(full.doc.lines.positionAt(o));
    // fresh without reading the disk again; a change on disk is noticed
    expect(counting.analysis(uri('spec.commspec.yaml'))).toBe(kept);
    expect(reads.filter((u) => u === uri('spec.commspec.yaml'))).toHaveLength(1);
    counting.setDiskText(uri('spec.commspec.yaml'), spec); // the same text: nothing to do
    expect(counting.analysis(uri('spec.commspec.yaml'))).toBe(kept);
    const changed = spec.replace('[additional, complex]', '[additional, complx]');
    files.set(uri('spec.commspec.yaml'), changed);
    counting.setDiskText(uri('spec.commspec.yaml'), changed);
    expect(counting.analysis(uri('spec.commspec.yaml'))!.findings.map((f) => f.ruleId)).toContain('references/resolve');
  });

  test('line positions are the same once the text is released, for every line ending', () => {
    const text = 'a: 1\r\nb: 2\rc: 3\n\nd: é\r\n';
    const lines = new LineIndex(text);
    const before = Array.from({ length: text.length + 3 }, (_, o) => [lines.positionAt(o), lines.lineEnd(Math.min(o, 6))]);
    const offsets = Array.from({ length: 6 }, (_, line) => lines.offsetAt({ line, character: 40 }));
    lines.releaseText();
    expect(lines.text).toBe('');
    expect(Array.from({ length: text.length + 3 }, (_, o) => [lines.positionAt(o), lines.lineEnd(Math.min(o, 6))])).toEqual(before);
    expect(Array.from({ length: 6 }, (_, line) => lines.offsetAt({ line, character: 40 }))).toEqual(offsets);
  });

  test('uri helpers', () => {
    expect(resolveUri('file:///ws/specs/a.commspec.yaml', '../fw/b.commspec.yaml')).toBe('file:///ws/fw/b.commspec.yaml');
    expect(resolveUri('/ws/specs/a.commspec.yaml', './b.commspec.yaml')).toBe('/ws/specs/b.commspec.yaml');
    expect(uriDirname('file:///ws/a.commspec.yaml')).toBe('file:///ws');
    expect(kindAndId('commspec: 1\nkind: bid\nid: "my-bid" # note\n')).toEqual({ kind: 'bid', id: 'my-bid' });
  });
});

describe('lenses and inlay hints', () => {
  test('each outcome shows its indicators, tiers and how many bids answer it', () => {
    const { a, ws } = at('spec.commspec.yaml', `|${spec}`);
    expect(codeLenses(a, ws).map((l) => [l.range.start.line, l.title])).toEqual([
      [17, '2 indicators · tiers: additional, complex · answered in 1 of 1 bid'],
      [34, 'no indicators · all tiers · answered in 0 of 1 bid'],
    ]);
  });

  test('a target is shown against its baseline', () => {
    const { a } = at('spec.commspec.yaml', `|${spec}`);
    expect(inlayHints(a).map((h) => [h.position.line, h.label])).toEqual([[28, ' baseline 62%: not met yet']]);
    const easy = at('spec.commspec.yaml', spec.replace('target: ">= 75% by 2028-03-31"', 'target: ">= 60% by 2028-03-31"|'));
    const hints = inlayHints(easy.a);
    expect(hints.map((h) => h.label)).toEqual([' already met at baseline (62%)']);
    expect(hints[0].offset).toBe(easy.offset);
    expect(hints[0].tooltip).toContain('consider a more ambitious one');
  });
});
