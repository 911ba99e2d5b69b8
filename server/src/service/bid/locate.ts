// Locations in the specification, for the `related` links of bid findings.
import type { PathSegment } from '../document';
import type { RelatedLocation } from '../findings';
import type { LinkedDocument } from '../rules/types';
import { containerRange, keyRange, valueRange } from '../validate';

/** A related location in the specification: the value (default), key or item at `path`. */
export function specLocation(spec: LinkedDocument, path: PathSegment[], message: string, part: 'key' | 'value' | 'container' = 'value'): RelatedLocation {
  const span = part === 'key' ? keyRange(spec.doc, path) : part === 'container' ? containerRange(spec.doc, path) : valueRange(spec.doc, path);
  return { uri: spec.uri, range: spec.doc.lines.range(span.start, Math.max(span.start, span.end)), message };
}
