// Packages the VS Code extension as a VSIX: `node client/package-vsix.mjs [--out file.vsix]`, after a
// production build (`node scripts/build.mjs --production`).
//
// The repository's package.json is also the npm package's manifest, whose "files" list vsce will not
// combine with .vscodeignore. So this stages exactly the files .vscodeignore lets through, with the
// manifest minus its npm-only fields, and runs `vsce package --no-dependencies` there: the VSIX holds
// the two bundles (dist/client.js, dist/server.js), the schemas, grammars, snippets, templates,
// walkthrough and images, and no node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));

for (const f of ['dist/client.js', 'dist/server.js', 'THIRD-PARTY-NOTICES']) {
  if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: run node scripts/build.mjs --production first`);
}

// The allow-list is the "!" lines of .vscodeignore (which starts by excluding everything).
const allow = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1));
// the bundled packages' licences, which scripts/build.mjs writes next to package.json (not in .vscodeignore,
// so it is added here and to the staged .vscodeignore that vsce applies)
const extra = ['THIRD-PARTY-NOTICES'];
allow.push(...extra);
const toRegExp = (glob) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
const patterns = allow.map(toRegExp);

function walk(dir, rel = '') {
  const files = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const abs = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(abs).isDirectory()) files.push(...walk(abs, r));
    else files.push(r);
  }
  return files;
}

const stage = mkdtempSync(path.join(os.tmpdir(), 'commspec-vsix-'));
try {
  const picked = walk(root).filter((f) => f !== 'package.json' && patterns.some((p) => p.test(f)));
  for (const f of picked) {
    mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    cpSync(path.join(root, f), path.join(stage, f));
  }
  const { files: _files, scripts: _scripts, dependencies: _deps, devDependencies: _dev, bin: _bin, private: _private, ...vsixManifest } = manifest;
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(vsixManifest, null, 2));
  writeFileSync(path.join(stage, '.vscodeignore'), `${readFileSync(path.join(root, '.vscodeignore'), 'utf8').trimEnd()}\n${extra.map((f) => `!${f}`).join('\n')}\n`);
  const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const args = ['package', '--no-dependencies', '--readme-path', 'client/README.md', '--changelog-path', 'CHANGELOG.md', '--out', out];
  if (!manifest.repository) args.push('--allow-missing-repository');
  execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
  console.log(`packaged ${picked.length + 1} files into ${out}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
