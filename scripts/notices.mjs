// Third-party licence notices for what esbuild bundled.
//
// The bundles in dist/ (and so the VSIX and the npm package) carry the code of their dependencies but,
// built with legalComments: 'none', not their licences. From esbuild's metafiles this finds every
// package whose files went into a bundle (and the packages a pre-bundled dependency such as docx
// carries inside its own dist/, which esbuild marks with `// node_modules/<name>/…` comments), checks
// each one's licence against ALLOWED and writes THIRD-PARTY-NOTICES with each package's licence text:
// its LICENSE/LICENCE/COPYING file(s) and NOTICE file, or, when it ships none, the licence and author
// that its package.json declares (the notice says so).
//
// scripts/build.mjs calls writeNotices() after bundling. As a command, on saved metafiles:
//   node scripts/notices.mjs [--root DIR] [--out FILE | --check] META.json...
// exits 1 with the list of problems when a bundled package has no licence or one outside ALLOWED.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** SPDX identifiers whose code may be bundled (each package's own terms are reproduced in the notice). */
export const ALLOWED = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0'];

export class NoticesError extends Error {
  constructor(problems) {
    super(
      `${problems.length} bundled package${problems.length === 1 ? '' : 's'} cannot be shipped:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        `\nAllowed licences: ${ALLOWED.join(', ')}. Drop or replace the dependency, or, after a review of its ` +
        `licence, add the licence to ALLOWED in scripts/notices.mjs.`,
    );
    this.name = 'NoticesError';
    this.problems = problems;
  }
}

const LICENCE_FILE = /^(licen[cs]e|copying)([-._].*)?$/i;
const NOTICE_FILE = /^notice([-._].*)?$/i;
const posix = (p) => p.split(path.sep).join('/');

/** The package folder (relative, posix) that a metafile input path belongs to, or null for the project's own files. */
export function packageDirOf(input) {
  const p = posix(input).replace(/^\([^)]*\):/, ''); // "(disabled):…" and other namespaces
  const i = p.lastIndexOf('node_modules/');
  if (i < 0) return null;
  const rest = p.slice(i + 'node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return p.slice(0, i) + 'node_modules/' + name;
}

/** Whether an SPDX expression is satisfied by ALLOWED (OR: one side suffices; AND, WITH: all parts must be allowed). */
export function licenceAllowed(expression, allowed = ALLOWED) {
  const tokens = String(expression).match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const fail = () => {
    throw new Error(`cannot read the licence expression "${expression}"`);
  };
  const factor = () => {
    const t = tokens[i++];
    if (t === undefined || t === ')') fail();
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') fail();
      return v;
    }
    if (tokens[i]?.toUpperCase() === 'WITH') {
      i += 2; // an exception adds terms: let a person read it
      return false;
    }
    return allowed.includes(t.replace(/\+$/, ''));
  };
  const and = () => {
    let v = factor();
    while (tokens[i]?.toUpperCase() === 'AND') (i++, (v = factor() && v));
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[i]?.toUpperCase() === 'OR') (i++, (v = and() || v));
    return v;
  };
  try {
    const v = or();
    return i === tokens.length && v;
  } catch {
    return false;
  }
}

/** The licence a package.json declares, as one SPDX-like string, or null. */
function declaredLicence(pkg) {
  const one = (l) => (typeof l === 'string' ? l : l && typeof l.type === 'string' ? l.type : null);
  if (pkg.license !== undefined) return one(pkg.license);
  if (Array.isArray(pkg.licenses)) {
    const all = pkg.licenses.map(one).filter(Boolean);
    return all.length ? (all.length === 1 ? all[0] : `(${all.join(' OR ')})`) : null;
  }
  return one(pkg.licence ?? pkg.licenses);
}

const person = (a) => (typeof a === 'string' ? a : a && a.name ? [a.name, a.email && `<${a.email}>`, a.url && `(${a.url})`].filter(Boolean).join(' ') : null);
const repoUrl = (r) => {
  const u = typeof r === 'string' ? r : r?.url;
  if (!u) return null;
  return u.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://').replace(/^github:/, 'https://github.com/');
};

/** A package folder next to or above `fromDir` that holds `name` (Node's lookup), for packages embedded in another's build. */
function resolveFrom(root, fromDir, name) {
  const candidates = [];
  for (let d = fromDir; d; ) {
    candidates.push(`${d}/node_modules/${name}`);
    const up = d.lastIndexOf('/node_modules/');
    d = up < 0 ? '' : d.slice(0, up);
  }
  candidates.push(`node_modules/${name}`);
  return candidates.find((c) => existsSync(path.join(root, c, 'package.json'))) ?? null;
}

function readPackage(root, dir) {
  const abs = path.join(root, dir);
  const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8'));
  const names = readdirSync(abs)
    .filter((f) => statSync(path.join(abs, f)).isFile())
    .sort();
  const text = (f) => readFileSync(path.join(abs, f), 'utf8').replace(/\r\n?/g, '\n').trim();
  return {
    name: pkg.name ?? dir.slice(dir.lastIndexOf('node_modules/') + 13),
    version: pkg.version ?? '0.0.0',
    dir,
    licence: declaredLicence(pkg),
    author: person(pkg.author),
    repository: repoUrl(pkg.repository) ?? (typeof pkg.homepage === 'string' ? pkg.homepage : null),
    licenceFiles: names.filter((f) => LICENCE_FILE.test(f)).map((f) => ({ file: f, text: text(f) })),
    noticeFiles: names.filter((f) => NOTICE_FILE.test(f)).map((f) => ({ file: f, text: text(f) })),
    bundles: new Set(),
    embeddedIn: new Set(),
  };
}

/**
 * The third-party packages in the bundles that the metafiles describe, sorted by name and version, and the
 * problems (a missing or unexpected licence, an embedded package that is not installed).
 */
export function collectPackages(root, metafiles) {
  const byDir = new Map(); // package folder -> { bundles, files }
  for (const meta of metafiles) {
    const outputs = Object.entries(meta.outputs ?? {}).filter(([o]) => !o.endsWith('.map'));
    const inputsOf = outputs.length ? outputs.map(([o, v]) => [o, Object.keys(v.inputs ?? {})]) : [['(bundle)', Object.keys(meta.inputs ?? {})]];
    for (const [out, inputs] of inputsOf) {
      for (const input of inputs) {
        if (input.startsWith('(disabled):')) continue;
        const dir = packageDirOf(input);
        if (!dir) continue;
        const entry = byDir.get(dir) ?? { bundles: new Set(), files: new Set() };
        entry.bundles.add(out);
        entry.files.add(posix(input).replace(/^\([^)]*\):/, ''));
        byDir.set(dir, entry);
      }
    }
  }
  const problems = [];
  const packages = new Map(); // name@version -> package
  const add = (dir, bundles, embeddedIn) => {
    let pkg;
    try {
      pkg = readPackage(root, dir);
    } catch (e) {
      problems.push(`${dir}: cannot read its package.json (${e.message})`);
      return null;
    }
    const key = `${pkg.name}@${pkg.version}`;
    const seen = packages.get(key) ?? pkg;
    for (const b of bundles) seen.bundles.add(b);
    if (embeddedIn) seen.embeddedIn.add(embeddedIn);
    packages.set(key, seen);
    return seen;
  };
  for (const [dir, { bundles, files }] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) {
    const host = add(dir, bundles, null);
    if (!host) continue;
    // a dependency that is itself an esbuild bundle carries other packages' code: find them by esbuild's markers
    const embedded = new Set();
    for (const f of files) {
      let source;
      try {
        source = readFileSync(path.join(root, f), 'utf8');
      } catch {
        continue;
      }
      for (const m of source.matchAll(/^\/\/ (?:[^\n]*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) if (m[1] !== host.name) embedded.add(m[1]);
    }
    for (const name of [...embedded].sort()) {
      const at = resolveFrom(root, dir, name);
      if (!at) problems.push(`${name} (built into ${host.name}@${host.version}): not installed, so its licence cannot be checked`);
      else add(at, bundles, `${host.name}@${host.version}`);
    }
  }
  const list = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }));
  for (const p of list) {
    const id = `${p.name}@${p.version} (${p.dir})`;
    const where = ` [in ${[...p.bundles].sort().join(', ')}${p.embeddedIn.size ? `, built into ${[...p.embeddedIn].join(', ')}` : ''}]`;
    if (!p.licence) problems.push(`${id}: declares no licence in its package.json${p.licenceFiles.length ? ` (read ${p.licenceFiles.map((f) => f.file).join(', ')})` : ' and ships no licence file'}${where}`);
    else if (!licenceAllowed(p.licence)) problems.push(`${id}: licence "${p.licence}" is not in the allow-list${where}`);
  }
  return { packages: list, problems };
}

const RULE = '='.repeat(80);

/** The text of THIRD-PARTY-NOTICES for the packages collectPackages() found. */
export function renderNotices(packages) {
  const parts = [
    'THIRD-PARTY SOFTWARE NOTICES',
    '',
    'The commspec bundles (dist/*.js and dist/validators.cjs, in the npm package and the VS Code extension)',
    `include code from the ${packages.length} third-party packages below. Each one's licence text follows, as`,
    'the package ships it. Generated by scripts/notices.mjs from what esbuild bundled: do not edit.',
    '',
    ...packages.map((p) => `  ${p.name} ${p.version}  ${p.licence}`),
  ];
  for (const p of packages) {
    parts.push('', RULE, `${p.name} ${p.version}`, `Licence: ${p.licence}`);
    if (p.author) parts.push(`Author: ${p.author}`);
    if (p.repository) parts.push(`Source: ${p.repository}`);
    parts.push(`Bundled in: ${[...p.bundles].sort().join(', ')}`);
    if (p.embeddedIn.size) parts.push(`Built into: ${[...p.embeddedIn].sort().join(', ')} (which carries its code in its own build)`);
    parts.push(RULE);
    if (p.licenceFiles.length) {
      for (const f of p.licenceFiles) parts.push('', ...(p.licenceFiles.length > 1 ? [`--- ${f.file} ---`, ''] : []), f.text);
    } else {
      parts.push(
        '',
        `This package ships no LICENSE, LICENCE or COPYING file. Its package.json declares the licence`,
        `${p.licence}${p.author ? `, author ${p.author}` : ', and names no author'}; the standard text of ${p.licence} applies.`,
      );
    }
    for (const f of p.noticeFiles) parts.push('', `--- ${f.file} ---`, '', f.text);
  }
  return parts.join('\n') + '\n';
}

/**
 * Checks the bundled packages and writes the notices to `out` (only when they changed, atomically: other
 * builds may be reading it). Throws NoticesError, writing nothing, when a package cannot be shipped.
 */
export function writeNotices({ root, metafiles, out = path.join(root, 'THIRD-PARTY-NOTICES'), check = false }) {
  const { packages, problems } = collectPackages(root, metafiles);
  if (problems.length) throw new NoticesError(problems);
  const text = renderNotices(packages);
  if (!check && (!existsSync(out) || readFileSync(out, 'utf8') !== text)) {
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  }
  return { packages, bytes: Buffer.byteLength(text), out };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, v] = args.splice(i, 2);
    return v;
  };
  const root = path.resolve(opt('--root') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const out = opt('--out');
  const check = args.includes('--check');
  const files = args.filter((a) => a !== '--check');
  if (!files.length) {
    console.error('usage: node scripts/notices.mjs [--root DIR] [--out FILE | --check] META.json...');
    process.exit(2);
  }
  try {
    const metafiles = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
    const r = writeNotices({ root, metafiles, out: out && path.resolve(out), check });
    console.error(`commspec: ${check ? 'checked' : `wrote ${path.relative(process.cwd(), r.out) || r.out}:`} ${r.packages.length} third-party packages, ${r.bytes} bytes`);
  } catch (e) {
    console.error(`commspec: third-party notices: ${e instanceof NoticesError ? e.message : e.stack}`);
    process.exit(1);
  }
}
