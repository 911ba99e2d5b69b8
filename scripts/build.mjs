// Bundles the three front doors (CLI, language server, VS Code client) with esbuild.
// Schemas and taxonomies stay as data files next to the bundle (dist/ reads them from ../schemas).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'cli/src/main.ts', out: 'cli', external: [] },
  { in: 'cli/src/worker.ts', out: 'lint-worker', external: [] },
  { in: 'server/src/lsp/main.ts', out: 'server', external: [] },
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/service/index.ts', out: 'service', external: [] },
];

const started = Date.now();
// the schemas, precompiled into validation code that the bundles load at run time
const { precompiledValidators } = await import('./validators.mjs');
const { mkdirSync, writeFileSync } = await import('node:fs');
mkdirSync(path.join(root, 'dist'), { recursive: true });
const validatorSource = path.join(root, 'dist', '.validators-source.cjs');
writeFileSync(validatorSource, precompiledValidators());
// bundled, so that the VS Code extension (which ships no node_modules) can load it too
const validatorsBuild = await build({ absWorkingDir: root, entryPoints: [validatorSource], outfile: 'dist/validators.cjs', bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', legalComments: 'none', metafile: true });
const bundles = await Promise.all(
  entries
    .filter((e) => existsSync(path.join(root, e.in)))
    .map((e) =>
      build({
        absWorkingDir: root,
        entryPoints: [e.in],
        outfile: `dist/${e.out}.js`,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: production ? false : 'linked',
        minify: production,
        external: e.external,
        // eemeli/yaml's ES module build: bundled as ESM, its functions are called directly, not through the
        // property getters that a CommonJS package gets in a bundle (isMap, isScalar… are called millions of
        // times per analysis; ~10% of an edit's diagnostics time went to those getters).
        alias: { yaml: './node_modules/yaml/browser/index.js' },
        logLevel: 'warning',
        legalComments: 'none',
        metafile: true, // for the third-party notices
        // ESM dependencies (fdir) use import.meta.url, which a CommonJS bundle lacks.
        define: { 'import.meta.url': '__commspecImportMetaUrl' },
        banner: { js: "var __commspecImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
      }),
    ),
);
// The licences of what was bundled (legalComments: 'none' drops them from the bundles), in THIRD-PARTY-NOTICES;
// fails the build when a bundled package has no licence or one outside the allow-list in scripts/notices.mjs.
const { writeNotices, NoticesError } = await import('./notices.mjs');
try {
  writeNotices({ root, metafiles: [validatorsBuild, ...bundles].map((b) => b.metafile) });
} catch (e) {
  if (!(e instanceof NoticesError)) throw e;
  console.error(`commspec: build failed: third-party notices: ${e.message}`);
  process.exit(1);
}
if (!watch) console.error(`commspec: built dist/ in ${Date.now() - started} ms`);
