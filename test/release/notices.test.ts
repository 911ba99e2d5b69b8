// THIRD-PARTY-NOTICES: the VSIX and the npm tarball carry a notice (with the licence text) for every
// third-party package in the bundles, and scripts/notices.mjs (which scripts/build.mjs runs) refuses a
// package without a licence or with one outside its allow-list.
//
// The bundled packages are found here independently of the script: from the `// node_modules/<pkg>/…`
// comments esbuild writes before each module in the development bundles (the global setup builds them),
// the packages the precompiled validators require, and the packages a bundled dependency carries in its
// own build (docx ships nanoid and fflate inside its dist/).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commspec-notices-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RULE = '='.repeat(80);
const normal = (s: string) => s.replace(/\r\n?/g, '\n').trim();

interface Bundled {
  name: string;
  version: string;
  dir: string; // relative to root, posix
}

function packageAt(dir: string): Bundled {
  const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  return { name: pkg.name, version: pkg.version, dir };
}

/** Node's lookup of `name` from inside the package folder `from`. */
function lookup(from: string, name: string): string | undefined {
  const candidates: string[] = [];
  for (let d = from; d; ) {
    candidates.push(`${d}/node_modules/${name}`);
    const up = d.lastIndexOf('/node_modules/');
    d = up < 0 ? '' : d.slice(0, up);
  }
  candidates.push(`node_modules/${name}`);
  return candidates.find((c) => existsSync(path.join(root, c, 'package.json')));
}

function bundledPackages(): Map<string, Bundled> {
  const found = new Map<string, Bundled>();
  const add = (dir: string) => {
    const p = packageAt(dir);
    found.set(`${p.name}@${p.version}`, p);
  };
  const moduleFiles = new Set<string>();
  for (const bundle of ['cli.js', 'lint-worker.js', 'server.js', 'client.js', 'service.js']) {
    const source = readFileSync(path.join(root, 'dist', bundle), 'utf8');
    for (const m of source.matchAll(/^\/\/ (.*node_modules\/(?:@[^/\n]+\/)?[^/\n]+)\/([^\n]+)$/gm)) {
      add(m[1]);
      moduleFiles.add(`${m[1]}/${m[2]}`);
    }
  }
  // dist/validators.cjs is minified: read what its source requires
  for (const m of readFileSync(path.join(root, 'dist', '.validators-source.cjs'), 'utf8').matchAll(/require\("((?:@[^/"]+\/)?[^/"]+)/g)) {
    add(`node_modules/${m[1]}`);
  }
  // packages built into a bundled package's own build
  for (const file of moduleFiles) {
    const host = file.replace(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
    const hostName = packageAt(host).name;
    for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) {
      if (m[1] === hostName) continue;
      const at = lookup(host, m[1]);
      expect(at, `${m[1]}, built into ${hostName}, is installed`).toBeDefined();
      add(at!);
    }
  }
  return found;
}

/** name@version -> the notice's section (header and licence text). */
function sections(notices: string): Map<string, string> {
  const parts = notices.split(`\n${RULE}\n`);
  const out = new Map<string, string>();
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const [name, version] = parts[i].split('\n')[0].split(' ');
    out.set(`${name}@${version}`, `${parts[i]}\n${parts[i + 1]}`);
  }
  return out;
}

/** One file of a zip archive (yauzl, which vsce itself reads VSIX files with). */
function readZipEntry(zipFile: string, entry: string): Promise<string | undefined> {
  const vsceRequire = createRequire(require.resolve('@vscode/vsce/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const yauzl: any = vsceRequire('yauzl');
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    yauzl.open(zipFile, { lazyEntries: true }, (err: Error | null, zip: any) => {
      if (err) return reject(err);
      let found = false;
      zip.on('error', reject);
      zip.on('end', () => found || resolve(undefined));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      zip.on('entry', (e: any) => {
        if (e.fileName !== entry) return zip.readEntry();
        found = true;
        zip.openReadStream(e, (err2: Error | null, stream: NodeJS.ReadableStream) => {
          if (err2) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('THIRD-PARTY-NOTICES in the VSIX and the npm package', () => {
  it('has a notice with the licence text for every bundled package', async () => {
    const expected = bundledPackages();
    // the development bundles name every module they hold; a production (minified) one names none
    expect(expected.size, 'packages named in dist/*.js: run node scripts/build.mjs (not --production)').toBeGreaterThan(20);

    const vsix = path.join(tmp, 'commspec.vsix');
    const packDir = path.join(tmp, 'pack');
    mkdirSync(packDir);
    const [, pack] = await Promise.all([
      run(process.execPath, [path.join(root, 'client', 'package-vsix.mjs'), '--out', vsix], { cwd: root, maxBuffer: 16 << 20 }),
      // --ignore-scripts: prepare would rebuild dist/ under the other suites' feet
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: root, maxBuffer: 16 << 20 }),
    ]);
    const tarball = path.join(packDir, JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0].filename);
    const fromTarball = spawnSync('tar', ['-xzOf', tarball, 'package/THIRD-PARTY-NOTICES'], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(fromTarball.status, `THIRD-PARTY-NOTICES in the npm tarball: ${fromTarball.stderr}`).toBe(0);
    const fromVsix = await readZipEntry(vsix, 'extension/THIRD-PARTY-NOTICES');
    expect(fromVsix, 'extension/THIRD-PARTY-NOTICES in the VSIX').toBeDefined();

    const committed = readFileSync(path.join(root, 'THIRD-PARTY-NOTICES'), 'utf8');
    for (const [where, notices] of [
      ['VSIX', fromVsix!],
      ['npm tarball', fromTarball.stdout],
    ] as const) {
      expect(notices, `${where} notices are the built THIRD-PARTY-NOTICES`).toBe(committed);
      const found = sections(notices);
      expect([...found.keys()].sort(), `packages with a notice in the ${where}`).toEqual([...expected.keys()].sort());
      for (const [id, pkg] of expected) {
        const section = found.get(id)!;
        const licenceFiles = readdirSync(path.join(root, pkg.dir)).filter(
          (f) => /^(licen[cs]e|copying)([-._].*)?$/i.test(f) && statSync(path.join(root, pkg.dir, f)).isFile(),
        );
        const declared = JSON.parse(readFileSync(path.join(root, pkg.dir, 'package.json'), 'utf8')).license;
        expect(section, `${id} licence line`).toContain(`\nLicence: ${declared}\n`);
        if (licenceFiles.length === 0) expect(section, `${id} says it ships no licence file`).toContain('ships no LICENSE, LICENCE or COPYING file');
        for (const f of licenceFiles) expect(section.includes(normal(readFileSync(path.join(root, pkg.dir, f), 'utf8'))), `${id}: the text of its ${f}`).toBe(true);
      }
    }
    // the npm manifest links to the project
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(manifest.repository.url).toBe('git+https://github.com/commspec/commspec.git');
    expect(manifest.bugs.url).toBe('https://github.com/commspec/commspec/issues');
    expect(manifest.homepage).toMatch(/^https:\/\/github\.com\/commspec\/commspec/);
  }, 60_000);
});

describe('scripts/notices.mjs refuses packages it may not ship', () => {
  const fixture = mkdtempSync(path.join(tmp, 'fixture-'));
  const fakePackage = (name: string, pkg: Record<string, unknown>, licenceFile?: string) => {
    const dir = path.join(fixture, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...pkg }));
    writeFileSync(path.join(dir, 'index.js'), 'module.exports = 1;\n');
    if (licenceFile) writeFileSync(path.join(dir, 'LICENSE'), licenceFile);
  };
  fakePackage('copyleft-pkg', { license: 'GPL-3.0-only' }, 'GNU GENERAL PUBLIC LICENSE\nVersion 3\n');
  fakePackage('unlicensed-pkg', {});
  fakePackage('both-pkg', { license: 'MIT AND GPL-2.0-only' }, 'MIT and GPL\n');
  fakePackage('choice-pkg', { license: '(MIT OR GPL-3.0-only)' }, 'MIT License\n\nCopyright (c) Choice\n');
  fakePackage('bare-pkg', { license: 'ISC', author: { name: 'Ann Author', email: 'ann@example.org' } });
  /** A metafile like esbuild's, for one bundle holding the project's own code and these packages. */
  const metafile = (file: string, packages: string[]) => {
    const inputs = Object.fromEntries(['src/main.ts', ...packages.map((p) => `node_modules/${p}/index.js`)].map((i) => [i, { bytesInOutput: 20 }]));
    writeFileSync(path.join(fixture, file), JSON.stringify({ inputs: {}, outputs: { 'dist/app.js': { inputs } } }));
    return path.join(fixture, file);
  };
  const notices = (meta: string, out: string) =>
    spawnSync(process.execPath, [path.join(root, 'scripts', 'notices.mjs'), '--root', fixture, '--out', out, meta], { encoding: 'utf8' });

  it('fails, naming each package and its licence, when one has no licence or a forbidden one', () => {
    const out = path.join(fixture, 'NOTICES-bad');
    const r = notices(metafile('bad.json', ['copyleft-pkg', 'unlicensed-pkg', 'both-pkg', 'choice-pkg', 'bare-pkg']), out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('3 bundled packages cannot be shipped');
    expect(r.stderr).toContain('copyleft-pkg@1.0.0 (node_modules/copyleft-pkg): licence "GPL-3.0-only" is not in the allow-list');
    expect(r.stderr).toContain('unlicensed-pkg@1.0.0 (node_modules/unlicensed-pkg): declares no licence in its package.json and ships no licence file');
    expect(r.stderr).toContain('both-pkg@1.0.0 (node_modules/both-pkg): licence "MIT AND GPL-2.0-only" is not in the allow-list');
    expect(r.stderr).toMatch(/Allowed licences: MIT, ISC, BSD-2-Clause, BSD-3-Clause, Apache-2.0, 0BSD, BlueOak-1\.0\.0\./);
    expect(r.stderr).not.toContain('choice-pkg'); // MIT OR GPL: MIT may be chosen
    expect(r.stderr).not.toContain('bare-pkg');
    expect(existsSync(out), 'no notices written').toBe(false);
  });

  it('writes the notices when every package is allowed, from package.json when there is no licence file', () => {
    const out = path.join(fixture, 'NOTICES-good');
    const r = notices(metafile('good.json', ['choice-pkg', 'bare-pkg']), out);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect([...sections(text).keys()]).toEqual(['bare-pkg@1.0.0', 'choice-pkg@1.0.0']);
    expect(sections(text).get('choice-pkg@1.0.0')).toContain('MIT License\n\nCopyright (c) Choice');
    const bare = sections(text).get('bare-pkg@1.0.0')!;
    expect(bare).toContain('Licence: ISC');
    expect(bare).toContain('ships no LICENSE, LICENCE or COPYING file');
    expect(bare).toContain('Ann Author <ann@example.org>');
  });
});
