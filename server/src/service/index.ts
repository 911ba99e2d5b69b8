/**
 * The commspec language service as a library: text in, plain data out.
 * Bundled to dist/service.js for tools (and benchmarks) that use commspec without the CLI or LSP.
 */
export { LanguageService, noHost, isConfigFile, type Analysis, type Host, type ServiceOptions } from './service';
export { readDocument } from './document';
export { defaultRules, effectiveRules } from './config';
export { allRules } from './rules/index';
export { reports, reportsCited } from './sources';
export { schemas } from './schema-nav';
export { taxonomies } from './taxonomies';
export type { Finding, Severity, Fix } from './findings';
/** The expression language on its own (parse, check, evaluate, compare), and a realistic mix for benchmarks. */
export * as expressions from '../../../grammar/src/index';
export { benchmarkPairs, benchmarkSymbols } from '../../../grammar/src/samples';
/** Editor features over an analysis (what the language server answers with), for tools and benchmarks. */
export { completion } from './features/completion';
export { hover } from './features/hover';
export { documentSymbols } from './features/structure';
/** Contract monitoring: returns (kind: return YAML or CSV) checked against a specification's targets and payment clauses. */
export * as monitoring from './monitor/index';
