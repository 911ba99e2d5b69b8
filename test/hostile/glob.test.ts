// Issue 17, item 3: `overrides.files` patterns come from a configuration file anyone can propose, so matching them
// must take bounded time (picomatch's backtracking regular expressions took minutes on `*a*a*a…b`), and patterns
// too costly to prepare are refused with a configuration error at the pattern.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers';
import { commspec, workspace } from '../cli/run';
import { buildServer, pushCapabilities, startClient, type TestClient } from '../lsp/client';
import { compileGlob } from '../../server/src/service/glob';

const minimal = fixture('language/minimal.commspec.yaml');
/** Has an expressions/types error (a money target on a percent indicator), which overrides can turn off. */
const flawed = minimal.replace('"<= 5% by 2028-03-31"', '"<= £5 by 2028-03-31"');

/** Eleven stars between literals: picomatch's regex backtracks exponentially on a long name that does not match. */
const starry = '*a*a*a*a*a*a*a*a*a*a*a*.draft.commspec.yaml';
const longName = 'a'.repeat(70) + '.commspec.yaml';
const draftName = 'a'.repeat(12) + '.draft.commspec.yaml';
const braceBomb = '{a,b}'.repeat(20) + '.commspec.yaml';

function config(patterns: string[]): string {
  return ['overrides:', '  - files:', ...patterns.map((p) => `      - ${JSON.stringify(p)}`), '    rules:', '      expressions/types: "off"', ''].join('\n');
}

describe('override globs through the CLI', () => {
  it('a pattern with many stars is matched in bounded time, and still means what it says', () => {
    const dir = workspace({ '.commspec.yaml': config([starry]), [longName]: flawed, [draftName]: flawed });
    const t0 = Date.now();
    const r = commspec(['lint', '.', '-f', 'json'], { cwd: dir });
    const ms = Date.now() - t0;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // not null: the run finished inside the helper's 60 s timeout
    expect(ms).toBeLessThan(30_000);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    const rules = (name: string) => results.find((x) => path.basename(x.filePath) === name)!.messages.map((m) => m.ruleId);
    expect(rules(longName)).toContain('expressions/types'); // the pattern does not match it
    expect(rules(draftName)).not.toContain('expressions/types'); // it matches this one: the override applies
    rmSync(dir, { recursive: true, force: true });
  });

  it('a brace set that multiplies into a million alternatives is a configuration error at the pattern (exit 2)', () => {
    const dir = workspace({ '.commspec.yaml': config(['drafts/**', braceBomb]), 'spec.commspec.yaml': flawed });
    const r = commspec(['lint', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    // line 4, column 9: the second pattern, where the commissioner has to change it
    expect(r.stderr).toMatch(/\.commspec\.yaml:4:9 This pattern expands to more than 256 alternatives \(its \{…\} sets multiply\): list fewer names, or split it into several patterns/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    rmSync(dir, { recursive: true, force: true });
  });

  it('a pattern thousands of characters long is a configuration error at the pattern (exit 2)', () => {
    const dir = workspace({ '.commspec.yaml': config(['*' + 'x?'.repeat(2500)]), 'spec.commspec.yaml': flawed });
    const r = commspec(['lint', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.commspec\.yaml:3:9 This pattern is 5,001 characters long; commspec accepts patterns of up to 512 characters/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('override globs in the language server over stdio', () => {
  let client: TestClient | undefined;
  afterAll(async () => {
    if (client) await client.stop();
  });

  it('publishes diagnostics for a document despite a pathological pattern, and marks the refused pattern', async () => {
    const dir = workspace({ '.commspec.yaml': config([starry, braceBomb]), [longName]: flawed });
    buildServer();
    client = startClient();
    await client.initialize(pathToFileURL(dir).href, pushCapabilities);
    const spec = pathToFileURL(path.join(dir, longName)).href;
    client.open(spec, flawed);
    const published = await client.waitForDiagnostics(spec, () => true, 20_000);
    expect(published.diagnostics.map((d) => d.code)).toContain('expressions/types');

    const conf = pathToFileURL(path.join(dir, '.commspec.yaml')).href;
    client.open(conf, config([starry, braceBomb]));
    const confDiags = await client.waitForDiagnostics(conf, (p) => p.diagnostics.length > 0, 20_000);
    const glob = confDiags.diagnostics.filter((d) => d.code === 'schema/glob');
    expect(glob).toHaveLength(1); // the starry pattern is fine (normalised, matched linearly); the brace bomb is not
    expect(glob[0].range.start).toEqual({ line: 3, character: 8 });
    expect(glob[0].message).toMatch(/expands to more than 256 alternatives/);
    expect(client.proc.exitCode).toBeNull();
  }, 60_000);
});

describe('the glob matcher', () => {
  it('agrees with picomatch (dot: true, match on the name when there is no slash) on ordinary patterns', () => {
    const globs = ['drafts/**', '*.draft.commspec.yaml', '**/*.commspec.yaml', 'a/*/c.yaml', 'a/**/c.yaml', '**', '*', 'a/b', '{a,b}/*.yaml', 'x{1..3}.yaml', '[ab]*.yaml', 'a?c', './drafts/*', '**/drafts/**', '!drafts/**', 'a/**/b/**/c', '.hidden/*', '*.{yaml,yml}', 'spec (copy).yaml', '{a}', 'a\\*b', 'a***b', 'lot-[0-9]/*'];
    const paths = ['drafts/x.yaml', 'drafts', 'drafts/a/b.yaml', 'x.draft.commspec.yaml', 'a/b/x.draft.commspec.yaml', 'spec.commspec.yaml', 'a/b/c.yaml', 'a/c.yaml', 'a/x/y/c.yaml', 'a/b', 'b/z.yaml', 'x2.yaml', 'x4.yaml', 'a.yaml', 'c.yaml', 'abc', 'a/c', '.hidden/x', 'x/drafts/y', 'a/b/c', 'a/x/b/y/c', 'q.yml', 'spec (copy).yaml', '{a}', 'a*b', 'axb', 'aqqb', '.x.yaml', 'lot-3/s.yaml', 'lot-x/s.yaml'];
    const disagreements: string[] = [];
    for (const g of globs) {
      const matchBase = !g.includes('/');
      const ours = compileGlob(g, { matchBase });
      expect(ours.ok).toBe(true);
      for (const p of paths) {
        const want = picomatch.isMatch(p, g, { dot: true, matchBase });
        if (ours.ok && ours.glob.match(p) !== want) disagreements.push(`${g} ~ ${p}: picomatch ${want}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('matches in time linear in the path, whatever the pattern', () => {
    const path = ('a'.repeat(250) + '/').repeat(16) + 'a'.repeat(250);
    for (const g of ['*a'.repeat(60) + '*b', '**/'.repeat(40) + '*a*a*a*a*a*a*a*a*a*b', 'a*'.repeat(200) + 'b', '{a,b}'.repeat(8) + '*b', '?'.repeat(500)]) {
      const r = compileGlob(g, { matchBase: !g.includes('/') });
      expect(r.ok).toBe(true);
      const t0 = performance.now();
      if (r.ok) expect(r.glob.match(path)).toBe(false);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });

  it('refuses extended patterns and POSIX classes it does not support, with a way forward', () => {
    expect(compileGlob('@(a|b).yaml')).toMatchObject({ ok: false, problem: expect.stringMatching(/use \{a,b\}/) });
    expect(compileGlob('[[:alpha:]]*.yaml')).toMatchObject({ ok: false, problem: expect.stringMatching(/\[a-z\]/) });
    expect(compileGlob('{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,b}'.repeat(7))).toMatchObject({ ok: false, problem: expect.stringMatching(/expand to 18,368 characters of alternatives; commspec accepts up to 4,096/) });
  });
});
