/**
 * The commspec language service as a library: text in, plain data out.
 * Bundled to dist/service.js for tools (and benchmarks) that use commspec without the CLI or LSP.
 */
export { LanguageService, noHost, isConfigFile, type Analysis, type Host, type ServiceOptions } from './service';
export { readDocument } from './document';
export { defaultRules, effectiveRules } from './config';
export { allRules } from './rules/index';
export { schemas } from './schema-nav';
export { taxonomies } from './taxonomies';
export type { Finding, Severity, Fix } from './findings';
