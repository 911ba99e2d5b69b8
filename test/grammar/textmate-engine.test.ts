// The TextMate grammars under the engine VS Code itself uses (vscode-textmate with the Oniguruma regex
// library), together with VS Code's own YAML grammar (test/fixtures/textmate/yaml, see SOURCE.md there):
// what a commissioner sees highlighted in the editor, line by line, for a whole example.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const repo = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const contributed: Array<{ scopeName: string; path: string; injectTo?: string[] }> = pkg.contributes.grammars;
const yamlDir = path.join(repo, 'test', 'fixtures', 'textmate', 'yaml');
const files: Record<string, string> = {
  'source.yaml': path.join(yamlDir, 'yaml.tmLanguage.json'),
  'source.yaml.1.3': path.join(yamlDir, 'yaml-1.3.tmLanguage.json'),
  'source.yaml.1.2': path.join(yamlDir, 'yaml-1.2.tmLanguage.json'),
  'source.yaml.1.1': path.join(yamlDir, 'yaml-1.1.tmLanguage.json'),
  'source.yaml.1.0': path.join(yamlDir, 'yaml-1.0.tmLanguage.json'),
  'source.yaml.embedded': path.join(yamlDir, 'yaml-embedded.tmLanguage.json'),
  // the extension's grammars, as its package.json contributes them
  ...Object.fromEntries(contributed.map((g) => [g.scopeName, path.join(repo, g.path)])),
};

type Token = { text: string; scopes: string[] };
let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope) => contributed.filter((g) => g.injectTo?.includes(scope)).map((g) => g.scopeName),
  });
  grammar = (await registry.loadGrammar('source.commspec'))!;
  expect(grammar).toBeTruthy();
});

function tokenize(text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    expect(r.stoppedEarly, line).toBe(false);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const example = readFileSync(path.join(repo, 'examples', 'ne-london-residential.commspec.yaml'), 'utf8');
const exampleLines = example.split('\n');
const lineOf = (needle: string) => {
  const i = exampleLines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`'${needle}' not in the example`);
  return i;
};
/** The scopes of a token by its text on a line (the first token with that text). */
function scopesAt(lines: Token[][], line: number, text: string): string[] {
  const t = lines[line].find((x) => x.text.trim() === text);
  if (!t) throw new Error(`no token '${text}' on line ${line + 1}: ${JSON.stringify(lines[line].map((x) => x.text))}`);
  return t.scopes;
}
/** The commspec scopes on a line, other than the document's own (source.commspec). */
const commspecScopes = (lines: Token[][], line: number) => lines[line].flatMap((t) => t.scopes).filter((s) => s.endsWith('.commspec') && s !== 'source.commspec');

describe('TextMate grammars in the real engine (vscode-textmate + Oniguruma) with VS Code’s YAML grammar', () => {
  it('tokenizes a whole example, every line to its end', () => {
    const lines = tokenize(example);
    expect(lines).toHaveLength(exampleLines.length);
    for (const [i, tokens] of lines.entries()) expect(tokens.map((t) => t.text).join(''), `line ${i + 1}`).toBe(exampleLines[i]);
  });

  it('marks the header, the sections and declared ids', () => {
    const lines = tokenize(example);
    expect(scopesAt(lines, 0, 'commspec')).toContain('keyword.other.header.commspec');
    expect(scopesAt(lines, lineOf('kind: specification'), 'specification')).toContain('constant.language.kind.commspec');
    expect(scopesAt(lines, exampleLines.indexOf('outcomes:'), 'outcomes')).toContain('entity.name.section.commspec');
    const idLine = exampleLines.findIndex((l) => /^\s+- id: [a-z]/.test(l));
    const id = /- id: ([a-z0-9-]+)/.exec(exampleLines[idLine])![1];
    expect(scopesAt(lines, idLine, id)).toContain('entity.name.type.id.commspec');
  });

  it('highlights expressions in quoted, plain and block values of the expression keys', () => {
    const lines = tokenize(example);
    const quoted = lineOf('target: ">= 85% by 2028-08-31"');
    expect(scopesAt(lines, quoted, '>=')).toContain('keyword.operator.commspec');
    expect(scopesAt(lines, quoted, '85%')).toContain('constant.numeric.percent.commspec');
    expect(scopesAt(lines, quoted, '2028-08-31')).toContain('constant.other.date.commspec');
    const plain = lineOf('threshold: age in 11..17 and needs_score in 0..10');
    expect(scopesAt(lines, plain, 'needs_score')).toContain('variable.other.commspec');
    const measure = lineOf('measure: count(children where moves <= 1');
    expect(scopesAt(lines, measure, 'count')).toContain('support.function.commspec');
    expect(scopesAt(lines, measure, '<=')).toContain('keyword.operator.commspec');
    const needs = tokenize('commspec: 1\nkind: specification\nneeds:\n  eligibility: age in 5..18 and has_ehcp\n');
    expect(scopesAt(needs, 3, 'has_ehcp')).toContain('variable.other.commspec');
  });

  it('leaves other keys to YAML: prose with numbers and percentages gets no expression scopes', () => {
    const doc = ['commspec: 1', 'kind: specification', 'id: demo', 'outcomes:', '  - id: stable-homes', '    statement: At least 85% of children stay in one home for 12 months', '    indicators:', '      - id: moves', '        target: ">= 85%"', '# a comment: >= 85%'].join('\n');
    const lines = tokenize(doc);
    expect(commspecScopes(lines, 5)).toEqual([]);
    expect(scopesAt(lines, 5, 'statement').join(' ')).toContain('entity.name.tag.yaml');
    expect(commspecScopes(lines, 8)).toContain('constant.numeric.percent.commspec');
    expect(commspecScopes(lines, 9)).toEqual([]);
    expect(lines[9].flatMap((t) => t.scopes).join(' ')).toContain('comment.line.number-sign.yaml');
  });

  it('follows a block scalar expression over its lines and stops where it ends', () => {
    const doc = ['commspec: 1', 'kind: specification', 'outcomes:', '  - id: a', '    indicators:', '      - id: b', '        measure: >-', '          count(children where moves <= 1)', '          / count(children)', '        statement: count of 3 children'].join('\n');
    const lines = tokenize(doc);
    expect(scopesAt(lines, 7, 'count')).toContain('support.function.commspec');
    expect(scopesAt(lines, 8, 'count')).toContain('support.function.commspec');
    expect(commspecScopes(lines, 9)).toEqual([]);
  });
});
