// 5. Hostile inputs (issue 17): the cost of what an attacker controls, against peers in the same run.
//    a. Override globs (item 3): commspec's matcher (server/src/service/glob.ts) next to picomatch, the library it
//       replaced, on ordinary patterns (same results, throughput compared) and on patterns built to backtrack.
//    b. Exports of a 1 MB field (item 5): Markdown, HTML and Word, each next to the floor of reading the same
//       document (the full analysis), and the growth from 256 KB to 1 MB (1.00 = linear).
// The modules are bundled from the TypeScript sources with esbuild at the start (dist/service.js does not export them).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure, table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const require = createRequire(import.meta.url);

async function load() {
  const dir = path.join(root, 'node_modules', '.cache', 'bench-hostile');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `entry-${process.pid}.cjs`);
  await build({
    absWorkingDir: root,
    stdin: {
      contents: [
        "export { compileGlob } from './server/src/service/glob';",
        "export { renderMarkdown } from './server/src/service/export/markdown';",
        "export { renderDocx } from './server/src/service/export/docx';",
        "export { renderHtml } from './server/src/service/render/html';",
        "export { LanguageService } from './server/src/service/service';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  try {
    return require(out);
  } finally {
    rmSync(out, { force: true });
  }
}

/** Paths as a repository of specifications has them: folders by year and lot, drafts, the odd long name. */
function paths(count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const year = 2024 + (i % 4);
    const lot = `lot-${i % 7}`;
    const name = i % 11 === 0 ? `${'residential-'.repeat(4)}${i}.draft.commspec.yaml` : `spec-${i}${i % 5 === 0 ? '.draft' : ''}.commspec.yaml`;
    out.push(i % 3 === 0 ? name : i % 3 === 1 ? `${year}/${lot}/${name}` : `archive/${year}/old/${lot}/${name}`);
  }
  return out;
}

const ordinary = ['drafts/**', '*.draft.commspec.yaml', '**/*.commspec.yaml', 'archive/**', '2025/*/spec-*.commspec.yaml', '{2024,2025}/**', 'lot-[0-3]/*', '**/old/**/*.draft.*', '*-1?.commspec.yaml', '!archive/**'];

async function globs(lib, quick) {
  const picomatch = require('picomatch');
  const list = paths(quick ? 500 : 2000);
  const ours = ordinary.map((g) => lib.compileGlob(g, { matchBase: !g.includes('/') }).glob);
  const theirs = ordinary.map((g) => picomatch(g, { dot: true, matchBase: !g.includes('/') }));
  // the same answers first: a faster matcher that disagrees would be no use
  let disagreements = 0;
  for (const p of list) for (let i = 0; i < ordinary.length; i++) if (ours[i].match(p) !== theirs[i](p)) disagreements++;
  const runs = quick ? 5 : 15;
  const a = await measure(() => { for (const p of list) for (const g of ours) g.match(p); }, { runs, warmup: 2 });
  const b = await measure(() => { for (const p of list) for (const m of theirs) m(p); }, { runs, warmup: 2 });
  const matches = list.length * ordinary.length;
  table(`5a. Override globs: ${ordinary.length} ordinary patterns × ${list.length} paths (${matches.toLocaleString('en-GB')} matches, ms)`, ['matcher', 'median', 'p95', 'µs per match'], [
    ['commspec (glob.ts)', fmt(a.median), fmt(a.p95), ((a.median * 1000) / matches).toFixed(3)],
    ['picomatch 4', fmt(b.median), fmt(b.p95), ((b.median * 1000) / matches).toFixed(3)],
  ]);
  console.log(`   disagreements: ${disagreements}; commspec ÷ picomatch time: ${(a.median / b.median).toFixed(2)} (above 1: commspec slower on ordinary patterns)`);

  // `*a*a…*.draft.commspec.yaml` against a 70-letter name that does not match: picomatch's regex backtracks
  const name = 'a'.repeat(70) + '.commspec.yaml';
  const budgetMs = quick ? 1500 : 5000;
  const rows = [];
  const hostile = [];
  let picomatchStopped = false;
  for (const stars of [2, 3, 4, 5, 6, 7, 8, 10, 12, 20, 40, 60]) {
    const g = '*a'.repeat(stars) + '*.draft.commspec.yaml';
    const compiled = lib.compileGlob(g, { matchBase: true }).glob;
    const ourMs = (await measure(() => compiled.match(name), { runs: 5, warmup: 1 })).median;
    let theirMs;
    if (!picomatchStopped) {
      const m = picomatch(g, { dot: true, matchBase: true });
      const t0 = performance.now();
      m(name);
      theirMs = performance.now() - t0;
      if (theirMs > budgetMs / 10) picomatchStopped = true; // each star costs picomatch about ten times more: the next could take minutes
    }
    hostile.push({ stars, commspecMs: ourMs, picomatchMs: theirMs });
    rows.push([stars, fmt(ourMs), theirMs === undefined ? 'not run (minutes)' : fmt(theirMs), theirMs === undefined ? '—' : (theirMs / ourMs).toFixed(0)]);
  }
  table(`5a. Override globs built to backtrack: '*a' × stars + '*.draft.commspec.yaml' against a 70-letter name (ms per match)`, ['stars', 'commspec', 'picomatch 4', 'picomatch ÷ commspec'], rows);
  return { ordinary: { patterns: ordinary.length, paths: list.length, commspec: a, picomatch: b, ratio: a.median / b.median, disagreements }, hostile };
}

const KB = 1024;
const shapes = {
  'spaces (one run, no line break)': (n) => 'Start' + ' '.repeat(n) + 'end',
  'lines ending in spaces': (n) => Array.from({ length: Math.ceil(n / 40) }, (_, i) => `line ${i}`.padEnd(40, ' ')).join('\n'),
  backticks: (n) => '`a'.repeat(n / 2),
  words: (n) => 'the service supports families '.repeat(Math.ceil(n / 30)),
};

async function exports(lib, quick) {
  const minimal = readFileSync(path.join(root, 'test', 'fixtures', 'language', 'minimal.commspec.yaml'), 'utf8');
  const spec = (field) =>
    minimal
      .replace('status: draft', `status: draft\nsummary: ${JSON.stringify(field)}`)
      .replace('definition: Children supported who enter care within 12 months', `definition: ${JSON.stringify(field)}`);
  const formats = {
    markdown: (a) => lib.renderMarkdown(a),
    html: (a) => lib.renderHtml(a, { mode: 'standalone' }),
    docx: (a) => lib.renderDocx(a),
  };
  const runs = quick ? 2 : 5;
  const rows = [];
  const out = [];
  for (const [shape, make] of Object.entries(shapes)) {
    const small = new lib.LanguageService().analyse('/bench/s.commspec.yaml', spec(make(256 * KB)));
    const text = spec(make(1024 * KB));
    const analysis = await measure(() => new lib.LanguageService().analyse('/bench/l.commspec.yaml', text), { runs, warmup: 1 });
    const large = new lib.LanguageService().analyse('/bench/l.commspec.yaml', text);
    for (const [format, render] of Object.entries(formats)) {
      const s = await measure(() => render(small), { runs, warmup: 1 });
      const l = await measure(() => render(large), { runs, warmup: 1 });
      const growth = l.median / 4 / s.median; // time per KB at 1 MB ÷ at 256 KB
      out.push({ shape, format, ms256k: s.median, ms1m: l.median, p95: l.p95, analysisMs: analysis.median, ratioToAnalysis: l.median / analysis.median, growth });
      rows.push([shape, format, fmt(s.median), fmt(l.median), fmt(l.p95), fmt(analysis.median), (l.median / analysis.median).toFixed(2), growth.toFixed(2)]);
    }
  }
  table('5b. Exports of a specification with a 1 MB field in its summary and an indicator definition (ms)', ['field', 'format', '256 KB', '1 MB median', '1 MB p95', 'reading it (floor)', 'export ÷ reading', 'growth'], rows);
  console.log('   growth: time per KB at 1 MB ÷ at 256 KB (1.00 = linear; the old regular expressions were about 4.00, quadratic)');
  return out;
}

export async function run({ quick = false } = {}) {
  const lib = await load();
  return { globs: await globs(lib, quick), exports: await exports(lib, quick) };
}
