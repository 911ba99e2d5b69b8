// 1. Language-service latency on a 5,000-line specification, next to yaml-language-server validating
//    the same document against commspec's JSON Schema, in the same process and run.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSpecification } from './generate.mjs';
import { fmt, measure, table } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function run({ quick = false } = {}) {
  const service = require(path.join(here, '..', 'dist', 'service.js'));
  const { getLanguageService } = require('yaml-language-server');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const text = generateSpecification({ seed: 5000, lines: 5000 });
  const lines = text.split('\n').length - 1;
  // 100 edits: a p95 over 40 samples is the third-slowest run, too noisy to judge a goal by
  const runs = quick ? 10 : 100;
  const uri = '/bench/spec.commspec.yaml';
  const statementAt = text.indexOf('statement: ', text.indexOf('outcomes:')) + 11;
  /** The document after the i-th one-character edit (a different character each time, so nothing is served from a text cache). */
  const edited = (i) => text.slice(0, statementAt) + String.fromCharCode(65 + (Math.abs(i) % 26)) + text.slice(statementAt + 1);

  const ls = new service.LanguageService(undefined, undefined, { incremental: true });
  const diagnostics = await measure((i) => ls.analyse(uri, edited(i)), { runs });

  const features = { complete: service.completion, hover: service.hover, documentSymbols: service.documentSymbols };
  const results = { lines, diagnostics };
  {
    const edit = edited(0);
    const analysis = ls.analyse(uri, edit);
    const completionAt = edit.indexOf('polarity: ', edit.indexOf('indicators:')) + 10;
    const hoverAt = edit.indexOf('data_source', edit.indexOf('indicators:')) + 3;
    results.completion = await measure(() => features.complete(analysis, completionAt), { runs });
    results.hover = await measure(() => features.hover(analysis, hoverAt), { runs });
    results.symbols = await measure(() => features.documentSymbols(analysis), { runs });
  }

  const schema = JSON.parse(readFileSync(path.join(here, '..', 'schemas', 'specification.schema.json'), 'utf8'));
  const yls = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema), workspaceContext: { resolveRelativePath: (r) => r } });
  yls.configure({ validate: true, completion: true, hover: true, schemas: [{ uri: schema.$id, fileMatch: ['*.commspec.yaml'], schema }] });
  let version = 1;
  const peer = await measure(async (i) => {
    const doc = TextDocument.create('file:///bench/spec.commspec.yaml', 'yaml', version++, edited(i));
    await yls.doValidation(doc, false);
  }, { runs });
  results.peerDiagnostics = peer;
  const docForPeer = TextDocument.create('file:///bench/spec.commspec.yaml', 'yaml', version++, edited(0));
  const completionAt = docForPeer.positionAt(edited(0).indexOf('polarity: ', edited(0).indexOf('indicators:')) + 10);
  results.peerCompletion = await measure(() => yls.doComplete(docForPeer, completionAt, false), { runs });

  const rows = [
    ['diagnostics after a one-character edit', fmt(diagnostics.median), fmt(diagnostics.p95), fmt(peer.median), fmt(peer.p95), (peer.median / diagnostics.median).toFixed(2) + '×'],
  ];
  if (results.completion) rows.push(['completion', fmt(results.completion.median), fmt(results.completion.p95), fmt(results.peerCompletion.median), fmt(results.peerCompletion.p95), (results.peerCompletion.median / results.completion.median).toFixed(2) + '×']);
  if (results.hover) rows.push(['hover', fmt(results.hover.median), fmt(results.hover.p95), '', '', '']);
  if (results.symbols) rows.push(['document symbols', fmt(results.symbols.median), fmt(results.symbols.p95), '', '', '']);
  table(`1. Language service on a ${lines}-line specification (ms; peer: yaml-language-server with the same JSON Schema)`, ['operation', 'median', 'p95', 'peer median', 'peer p95', 'speed-up'], rows);
  return results;
}
