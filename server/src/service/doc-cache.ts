import type { SourceDocument } from './document';

/**
 * Per-document caches that rules and features share while a document is analysed. Every cache made here
 * can be released at once, so that documents kept for a long time (a workspace index of thousands of
 * files) do not keep the intermediate results of their analysis.
 */
const registry: Array<{ map: WeakMap<SourceDocument, unknown>; scope: 'analysis' | 'document' }> = [];

/**
 * A cache keyed by document. `analysis` caches live only while the document is being analysed (rules'
 * working data); `document` caches live while the document's analysis is kept and in use (editor features).
 */
export function documentCache<V>(scope: 'analysis' | 'document'): WeakMap<SourceDocument, V> {
  const map = new WeakMap<SourceDocument, V>();
  registry.push({ map: map as WeakMap<SourceDocument, unknown>, scope });
  return map;
}

/** Drops a document's cached data: the analysis caches only, or everything. */
export function releaseDocumentCaches(doc: SourceDocument, scope: 'analysis' | 'all'): void {
  for (const r of registry) if (scope === 'all' || r.scope === 'analysis') r.map.delete(doc);
}
