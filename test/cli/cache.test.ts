import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commspec, examplesCopy } from './run';

const spec = 'examples/early-help-family-support.commspec.yaml';
const framework = 'examples/havering-framework.commspec.yaml';
const debug = { COMMSPEC_DEBUG_CACHE: '1' };

/** The cache lines printed under COMMSPEC_DEBUG_CACHE=1, with paths made relative. */
function cacheLines(stderr: string, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('cache'))
    .map((l) => l.split(dir + path.sep).join(''));
}

describe('--cache', () => {
  it('reuses findings of unchanged files, and relints when the file, the settings or a linked framework change', () => {
    const dir = examplesCopy();
    const run = (...extra: string[]) => commspec(['lint', spec, framework, '--cache', '-f', 'json', ...extra], { cwd: dir, env: debug });

    const first = run();
    expect(first.status).toBe(0);
    expect(cacheLines(first.stderr, dir)).toEqual([`cache miss: ${spec} (not cached)`, `cache miss: ${framework} (not cached)`]);
    expect(first.stderr).toContain('cache: 0 hits, 2 misses');
    expect(existsSync(path.join(dir, '.commspec-cache', 'lint-cache.json'))).toBe(true);

    const second = run();
    expect(cacheLines(second.stderr, dir)).toEqual([`cache hit: ${spec}`, `cache hit: ${framework}`]);
    expect(second.stderr).toContain('cache: 2 hits, 0 misses');
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(first.status);

    // the file itself: a 'beds' for the rule to find (a hint by default)
    const text = readFileSync(path.join(dir, spec), 'utf8');
    writeFileSync(path.join(dir, spec), text.replace(/^(\s+- \{ description: )/m, '$1Emergency beds, '));
    expect(readFileSync(path.join(dir, spec), 'utf8')).toMatch(/Emergency beds, /);
    expect(cacheLines(run().stderr, dir)).toEqual([`cache miss: ${spec} (file changed)`, `cache hit: ${framework}`]);
    expect(cacheLines(run().stderr, dir)).toEqual([`cache hit: ${spec}`, `cache hit: ${framework}`]);

    // the settings: a rule flag, then a configuration file
    expect(cacheLines(run('--rule', 'outcomes/soft-outcome:off').stderr, dir)).toEqual([`cache miss: ${spec} (settings changed)`, `cache miss: ${framework} (settings changed)`]);
    writeFileSync(path.join(dir, 'examples', '.commspec.yaml'), 'rules:\n  terminology/beds: error\n');
    const strict = run();
    expect(cacheLines(strict.stderr, dir)).toEqual([`cache miss: ${spec} (settings changed)`, `cache miss: ${framework} (settings changed)`]);
    // the new settings are applied, not the cached findings: the planted 'beds' is now an error
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout)[0].messages).toContainEqual(expect.objectContaining({ ruleId: 'terminology/beds', severity: 'error' }));

    // the framework the specification takes its tiers from: both are relinted
    const fw = readFileSync(path.join(dir, framework), 'utf8');
    writeFileSync(path.join(dir, framework), fw.replace(/\n$/, '\n# changed\n'));
    expect(cacheLines(run().stderr, dir)).toEqual([`cache miss: ${spec} (linked document changed: ${framework})`, `cache miss: ${framework} (file changed)`]);
  });

  it('gives the same report from the cache as without it, errors included', () => {
    const dir = examplesCopy();
    const plain = commspec(['lint', 'examples'], { cwd: dir });
    commspec(['lint', 'examples', '--cache'], { cwd: dir });
    const cached = commspec(['lint', 'examples', '--cache'], { cwd: dir, env: debug });
    expect(cached.stderr).toMatch(/cache: \d+ hits, 0 misses/);
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.status).toBe(plain.status);
    expect(plain.status).toBe(1);
  });

  it('relints a bid when the specification it answers changes', () => {
    const dir = examplesCopy();
    const bid = 'examples/bids/oakfield-residential-bid.commspec.yaml';
    commspec(['lint', bid, '--cache'], { cwd: dir });
    appendFileSync(path.join(dir, 'examples/ne-london-residential.commspec.yaml'), '# changed\n');
    const r = commspec(['lint', bid, '--cache'], { cwd: dir, env: debug });
    expect(cacheLines(r.stderr, dir)).toEqual([`cache miss: ${bid} (linked document changed: examples/ne-london-residential.commspec.yaml)`]);
  });

  it('keeps the cache where --cache-location says, writes none without --cache, and survives a damaged cache', () => {
    const dir = examplesCopy();
    commspec(['lint', spec], { cwd: dir });
    expect(existsSync(path.join(dir, '.commspec-cache'))).toBe(false);
    commspec(['lint', spec, '--cache', '--cache-location', 'build/cache'], { cwd: dir });
    const file = path.join(dir, 'build', 'cache', 'lint-cache.json');
    expect(existsSync(file)).toBe(true);
    writeFileSync(file, '{ not json');
    const r = commspec(['lint', spec, '--cache', '--cache-location', 'build/cache'], { cwd: dir, env: debug });
    expect(r.status).toBe(0);
    expect(cacheLines(r.stderr, dir)).toEqual([`cache miss: ${spec} (not cached)`]);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toBeTypeOf('object');
  });
});
