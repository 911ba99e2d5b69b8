import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { isRealDate as isRealCalendarDate } from '../../../grammar/src/index';
import { keyText, nodeAtPath, nodeSpan, type PathSegment, type SourceDocument } from './document';
import type { Finding } from './findings';
import { propertyNames, resolveSchema, schemaAtPath, schemas, type SchemaName, type SchemaNode } from './schema-nav';
import { didYouMean, quoteList } from './text';

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** True for a real calendar date written YYYY-MM-DD, or a real month written YYYY-MM (the grammar's calendar). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  return m !== null && isRealCalendarDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

/**
 * The schemas precompiled at build time (dist/validators.cjs, next to the bundle), or null when running
 * from source: then they are compiled here on first use. Both come from the same schemas and options.
 */
let precompiled: Partial<Record<SchemaName, ValidateFunction>> | null | undefined;

function loadPrecompiled(): Partial<Record<SchemaName, ValidateFunction>> | null {
  if (precompiled !== undefined) return precompiled;
  precompiled = null;
  try {
    if (typeof __filename === 'string' && /[\\/]dist[\\/][^\\/]+\.js$/.test(__filename)) {
      precompiled = createRequire(__filename)('./validators.cjs') as Partial<Record<SchemaName, ValidateFunction>>;
    }
  } catch {
    precompiled = null;
  }
  return precompiled;
}

function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) v = loadPrecompiled()?.[name];
  if (v) compiled.set(name, v);
  if (!v) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
      addFormats(ajv, ['email', 'uri']);
      ajv.addVocabulary(['x-entity', 'x-expression', 'patternErrorMessage', 'errorMessage']);
    }
    v = ajv.compile(schemas[name]);
    compiled.set(name, v);
  }
  return v;
}

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

/** "Indicator 'placement-stability'", "The safeguarding section", "The specification": what the commissioner calls the thing at a path. */
export function describeAt(name: SchemaName, root: unknown, path: readonly PathSegment[]): string {
  const schema = schemas[name];
  for (let i = path.length; i >= 0; i--) {
    const sub = path.slice(0, i);
    const node = schemaAtPath(schema, sub);
    const entity = node?.['x-entity'];
    const value = valueAt(root, sub) as Record<string, unknown> | undefined;
    if (entity) {
      const label = value && typeof value === 'object' ? (value.id ?? value.name ?? value.outcome ?? value.requirement ?? value.indicator ?? value.criterion) : undefined;
      if (typeof label === 'string' && label) return `${entity} '${label}'`;
      if (typeof sub[sub.length - 1] === 'number') return `${entity} ${Number(sub[sub.length - 1]) + 1}`;
      return i === 0 ? `The ${entity.toLowerCase()}` : `The ${entity.toLowerCase()} section`;
    }
    if (i > 0 && typeof sub[sub.length - 1] === 'string' && node && i === path.length) {
      return `The ${humanKey(String(sub[sub.length - 1]))} section`;
    }
  }
  return 'This document';
}

export function humanKey(key: string): string {
  return key.replace(/_/g, ' ');
}

/** A short YAML skeleton for a missing property, taken from its schema. */
export function skeletonFor(root: SchemaNode, key: string, node: SchemaNode | undefined): string {
  const s = resolveSchema(root, node);
  if (!s) return `${key}: …`;
  if (s.examples?.length) return `${key}: ${JSON.stringify(s.examples[0])}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (s.properties) {
    const keys = s.required?.length ? s.required : Object.keys(s.properties);
    const shown = (keys.length > 4 ? keys.slice(0, 3) : keys).join(', ');
    if (key === 'baseline') return 'baseline: { value, date, source }';
    return `${key}: { ${shown}${keys.length > 4 ? ', …' : ''} }`;
  }
  if (types.includes('array')) {
    const item = resolveSchema(root, s.items || undefined);
    if (item?.properties) {
      const first = item.required?.[0] ?? Object.keys(item.properties)[0];
      return `${key}: a list, each item starting with "- ${first}:"`;
    }
    return `${key}: [ … ]`;
  }
  if (s.enum) return `${key}: ${s.enum.slice(0, 3).join(' | ')}${s.enum.length > 3 ? ' | …' : ''}`;
  if (s.const !== undefined) return `${key}: ${String(s.const)}`;
  return `${key}: …`;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a section of keys';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return value ? 'yes (true)' : 'no (false)';
  return `the text "${String(value).length > 40 ? String(value).slice(0, 37) + '…' : value}"`;
}

function expected(type: string): string {
  switch (type) {
    case 'array':
      return 'a list (each item on its own line starting with "- ")';
    case 'object':
      return 'a section of keys (key: value lines, indented under it)';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'text';
    case 'string,number':
      return 'text or a number';
    default:
      return type.replace(/,/g, ' or ');
  }
}

interface Located {
  start: number;
  end: number;
}

function spanOfValue(doc: SourceDocument, path: readonly PathSegment[]): Located {
  const { node, pair } = nodeAtPath(doc.yaml, path);
  const span = nodeSpan(node) ?? nodeSpan(pair?.key);
  if (span && span[1] > span[0]) return { start: span[0], end: span[1] };
  const keySpan = nodeSpan(pair?.key);
  if (keySpan) return { start: keySpan[0], end: keySpan[1] };
  return spanOfContainer(doc, path);
}

function spanOfKey(doc: SourceDocument, path: readonly PathSegment[]): Located {
  const { pair, node } = nodeAtPath(doc.yaml, path);
  const span = nodeSpan(pair?.key) ?? nodeSpan(node);
  if (span) return { start: span[0], end: Math.max(span[1], span[0]) };
  return spanOfContainer(doc, path);
}

/** Where to report something missing from the map at `path`: its id value, else the key that opens it, else its first line. */
function spanOfContainer(doc: SourceDocument, path: readonly PathSegment[]): Located {
  for (let i = path.length; i >= 0; i--) {
    const sub = path.slice(0, i);
    const { node, pair } = nodeAtPath(doc.yaml, sub);
    if (isMap(node)) {
      const idPair = node.items.find((p) => ['id', 'name', 'outcome', 'requirement', 'indicator'].includes(keyText(p.key) ?? ''));
      const idSpan = nodeSpan(idPair?.value);
      if (idSpan && idSpan[1] > idSpan[0]) return { start: idSpan[0], end: idSpan[1] };
    }
    const keySpan = nodeSpan(pair?.key);
    if (keySpan && keySpan[1] > keySpan[0]) return { start: keySpan[0], end: keySpan[1] };
    if (i === 0) {
      const first = isMap(node) ? nodeSpan(node.items[0]?.key) : nodeSpan(node);
      if (first) return { start: first[0], end: first[1] };
    }
    if (node && (isMap(node) || isSeq(node) || isScalar(node))) {
      const s = nodeSpan(node);
      if (s && typeof sub[sub.length - 1] === 'number') {
        // a list item with no id: its first line
        const lineEnd = doc.lines.lineEnd(doc.lines.positionAt(s[0]).line);
        return { start: s[0], end: Math.max(s[0] + 1, Math.min(s[1], lineEnd)) };
      }
    }
  }
  return { start: 0, end: 0 };
}

function finding(doc: SourceDocument, ruleId: string, message: string, at: Located): Finding {
  const length = doc.text.length;
  const start = Math.max(0, Math.min(at.start, length));
  const end = Math.max(start, Math.min(at.end, length));
  return { ruleId, severity: 'error', message, range: doc.lines.range(start, end), offsets: { start, end } };
}

/**
 * An unknown key that is really the rest of a value cut at a comma: `{ description: Education, health and
 * care plan }` reads as description: Education plus a key 'health and care plan' with no value.
 */
function splitByComma(doc: SourceDocument, path: readonly PathSegment[], extra: string): { key: string; value: string } | undefined {
  const { node: map } = nodeAtPath(doc.yaml, path);
  if (!isMap(map) || !(map as { flow?: boolean }).flow) return undefined;
  const i = map.items.findIndex((p) => isScalar(p.key) && p.key.value === extra);
  if (i < 1) return undefined;
  const pair = map.items[i];
  const before = map.items[i - 1];
  if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return undefined;
  if (!isScalar(before.key) || !isScalar(before.value) || typeof before.value.value !== 'string' || (before.value as Scalar).type !== 'PLAIN') return undefined;
  const gapStart = before.value.range?.[1];
  const keyStart = (pair.key as Scalar).range?.[0];
  if (gapStart === undefined || keyStart === undefined || !/^\s*,\s*$/.test(doc.text.slice(gapStart, keyStart))) return undefined;
  return { key: String(before.key.value), value: before.value.value };
}

function messageFor(doc: SourceDocument, name: SchemaName, e: ErrorObject): Finding | undefined {
  const root = schemas[name];
  const path = pathOf(e.instancePath);
  const last = path[path.length - 1];
  const keyName = typeof last === 'string' ? humanKey(last) : undefined;
  const value = e.data;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const who = describeAt(name, doc.value, path);
      const parentSchema = schemaAtPath(root, path);
      const hint = skeletonFor(root, missing, parentSchema?.properties?.[missing]);
      return finding(doc, 'schema/required', `${who} has no ${humanKey(missing)}: add ${hint}`, spanOfContainer(doc, path));
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = propertyNames(root, schemaAtPath(root, path));
      const suggestion = didYouMean(extra, allowed);
      const where = path.length === 0 ? `a ${name}` : describeAt(name, doc.value, path).replace(/^The /, 'the ').replace(/^This /, 'this ');
      const where2 = path.length === 0 ? where : where.charAt(0).toLowerCase() + where.slice(1);
      const split = splitByComma(doc, path, extra);
      const tail = split
        ? `a comma inside { } ends a value, so '${extra}' was read as a new key. If it belongs to ${split.key}, put the whole value in quotes: ${split.key}: "${split.value}, ${extra}"`
        : suggestion
          ? `did you mean '${suggestion}'?`
          : `the keys allowed here are ${quoteList(allowed, 12)}`;
      return finding(doc, 'schema/unknown-key', `'${extra}' is not a key commspec knows in ${where2}: ${tail}`, spanOfKey(doc, [...path, extra]));
    }
    case 'type': {
      const want = String((e.params as { type: string | string[] }).type);
      const label = keyName ? `'${keyName}'` : typeof last === 'number' ? `Item ${last + 1}` : 'The document';
      const shown = keyName ? `${label.charAt(0).toUpperCase()}${label.slice(1)}` : label;
      return finding(doc, 'schema/type', `${shown} should be ${expected(want)}, but here it is ${kindOf(value)}`, spanOfValue(doc, path));
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      const label = keyName ?? (typeof path[path.length - 2] === 'string' ? humanKey(String(path[path.length - 2])) : 'value');
      const head = `${kindOf(value).replace(/^the text /, '')} is not a ${label} commspec knows`;
      const tail = suggestion ? `: did you mean '${suggestion}'? The choices are ${quoteList(allowed, 12)}` : `: use one of ${quoteList(allowed, 12)}`;
      return finding(doc, 'schema/enum', `${head.charAt(0).toUpperCase()}${head.slice(1)}${tail}`, spanOfValue(doc, path));
    }
    case 'const': {
      const s = e.parentSchema as SchemaNode | undefined;
      const msg = s?.errorMessage ?? `${keyName ?? 'This value'} must be ${String((e.params as { allowedValue: unknown }).allowedValue)}`;
      return finding(doc, 'schema/const', msg, spanOfValue(doc, path));
    }
    case 'pattern': {
      const s = e.parentSchema as SchemaNode | undefined;
      const hint = s?.patternErrorMessage ?? `it should match ${(e.params as { pattern: string }).pattern}`;
      const what = keyName === 'id' ? 'an id' : keyName ? `a ${keyName}` : 'a value here';
      return finding(doc, 'schema/format', `${kindOf(value).replace(/^the text /, '')} is not valid as ${what}: ${hint.charAt(0).toLowerCase()}${hint.slice(1)}`, spanOfValue(doc, path));
    }
    case 'format': {
      const format = (e.params as { format: string }).format;
      const label = format === 'email' ? 'an email address' : format === 'uri' ? 'a link (it should start with https://)' : format;
      return finding(doc, 'schema/format', `${kindOf(value).replace(/^the text /, '')} is not ${label}`, spanOfValue(doc, path));
    }
    case 'minLength':
      return finding(doc, 'schema/empty', `'${keyName ?? 'This value'}' is empty: write something or remove the key`, spanOfKey(doc, path));
    case 'minimum':
    case 'maximum': {
      const limit = (e.params as { limit: number }).limit;
      const word = e.keyword === 'minimum' ? 'at least' : 'at most';
      return finding(doc, 'schema/range', `'${keyName ?? 'This value'}' must be ${word} ${limit}, but it is ${String(value)}`, spanOfValue(doc, path));
    }
    case 'minItems':
    case 'maxItems':
    case 'anyOf':
    case 'oneOf':
    case 'additionalItems':
    case 'items':
      return finding(doc, 'schema/shape', `'${keyName ?? 'This value'}' does not have a shape commspec understands here: ${(schemaAtPath(root, path)?.description ?? '').split('.')[0]}`, spanOfValue(doc, path));
    default:
      return finding(doc, 'schema/invalid', `${keyName ?? 'This value'} is not valid here (${e.keyword})`, spanOfValue(doc, path));
  }
}

/**
 * At most this many schema findings are kept for one document (as rules/engine.ts keeps at most this many of each
 * rule); the rest are counted in one summary finding. A hostile document with 20,000 unknown keys would otherwise get
 * 20,000 findings, and working out each message (with its "did you mean") takes seconds.
 */
export const maxSchemaFindings = 100;

/** "1234567" → "1,234,567", without depending on the locale of the machine. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The one finding that stands for the schema findings left out of a document. */
export function schemaSummaryMessage(omitted: number): string {
  return `… and ${thousands(omitted)} more schema ${omitted === 1 ? 'finding' : 'findings'} in this document, not listed: fix the ones above first (only the first ${maxSchemaFindings} are shown)`;
}

/** Checks a document against its kind's JSON Schema; every finding names the thing and says what to do. */
export function validateDocument(doc: SourceDocument, name: SchemaName): Finding[] {
  if (doc.value === undefined) return [];
  const v = validator(name);
  if (v(doc.value)) return capped(checkDates(doc, name), []);
  const errors = v.errors ?? [];
  // With anyOf, ajv reports each branch's failure; keep only the summary for that path (any path it begins with,
  // as written: looked up prefix by prefix, so the cost does not grow with the number of anyOf failures).
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const underAnyOf = (e: ErrorObject): boolean => {
    if (e.keyword === 'anyOf' || !e.schemaPath.includes('anyOf') || anyOfPaths.size === 0) return false;
    for (let n = 0; n <= e.instancePath.length; n++) if (anyOfPaths.has(e.instancePath.slice(0, n))) return true;
    return false;
  };
  const out: Finding[] = [];
  const seen = new Set<string>();
  let omitted = 0;
  let firstOmitted: Finding | undefined;
  const omittedSeen = new Set<string>();
  for (const e of errors) {
    if (underAnyOf(e)) continue;
    if (out.length >= maxSchemaFindings && firstOmitted) {
      // only counted: no message is worked out for a finding that will not be shown (one per path and keyword)
      const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
      if (omittedSeen.has(key)) continue;
      omittedSeen.add(key);
      omitted++;
      continue;
    }
    const f = messageFor(doc, name, e);
    if (!f) continue;
    const key = `${f.offsets.start}:${f.offsets.end}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= maxSchemaFindings) {
      firstOmitted = f;
      omittedSeen.add(`${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`);
      omitted++;
      continue;
    }
    out.push(f);
  }
  return capped(out, checkDates(doc, name), firstOmitted, omitted);
}

/** The schema findings, then the date findings, at most maxSchemaFindings in all, and a summary of any left out. */
function capped(out: Finding[], dates: Finding[], firstOmitted?: Finding, omitted = 0): Finding[] {
  for (const d of dates) {
    if (out.length < maxSchemaFindings) out.push(d);
    else {
      firstOmitted ??= d;
      omitted++;
    }
  }
  if (firstOmitted && omitted > 0) out.push({ ruleId: 'schema/invalid', severity: 'error', message: schemaSummaryMessage(omitted), range: firstOmitted.range, offsets: firstOmitted.offsets });
  return out;
}

/** Dates that match the pattern but are not real days (2027-02-30) or months (2027-13). */
function checkDates(doc: SourceDocument, name: SchemaName): Finding[] {
  const out: Finding[] = [];
  const root = schemas[name];
  const dateDef = root.$defs?.date;
  if (!dateDef) return out;
  // only the parts of the document whose schema can hold a date are walked; paths are built only for a finding
  type Link = { seg: PathSegment; parent: Link | undefined } | undefined;
  const pathOf = (l: Link): PathSegment[] => {
    const p: PathSegment[] = [];
    for (let x = l; x; x = x.parent) p.unshift(x.seg);
    return p;
  };
  const stack: Array<{ value: unknown; link: Link; schema: SchemaNode | undefined }> = [{ value: doc.value, link: undefined, schema: resolveSchema(root, root) }];
  while (stack.length) {
    const { value, link, schema } = stack.pop()!;
    if (!schema || !holdsDate(root, schema, dateDef.pattern)) continue;
    if (typeof value === 'string') {
      if (schema.pattern === dateDef.pattern && /^\d{4}-\d{2}(-\d{2})?$/.test(value) && !isRealDate(value)) {
        out.push(finding(doc, 'schema/format', `${value} is not a real date: check the month and the day`, spanOfValue(doc, pathOf(link))));
      }
    } else if (Array.isArray(value)) {
      const item = schema.items ? resolveSchema(root, schema.items) : undefined;
      if (item && holdsDate(root, item, dateDef.pattern)) for (let i = 0; i < value.length; i++) stack.push({ value: value[i], link: { seg: i, parent: link }, schema: item });
    } else if (value && typeof value === 'object' && schema.properties) {
      for (const k in value) {
        const sub = Object.hasOwn(schema.properties, k) ? resolveSchema(root, schema.properties[k]) : undefined;
        if (sub && holdsDate(root, sub, dateDef.pattern)) stack.push({ value: (value as Record<string, unknown>)[k], link: { seg: k, parent: link }, schema: sub });
      }
    }
  }
  return out;
}

const dateHolders = new WeakMap<SchemaNode, boolean>();

/** Whether a value under this (resolved) schema can be, or contain, a date: through properties and items. */
function holdsDate(root: SchemaNode, schema: SchemaNode, datePattern: string | undefined): boolean {
  const visiting = new Set<SchemaNode>();
  const visit = (node: SchemaNode): { holds: boolean; sure: boolean } => {
    const known = dateHolders.get(node);
    if (known !== undefined) return { holds: known, sure: true };
    if (visiting.has(node)) return { holds: false, sure: false }; // a cycle: not decided here
    visiting.add(node);
    let holds = node.pattern === datePattern;
    let sure = true;
    const children = [...Object.values(node.properties ?? {}), ...(node.items ? [node.items] : [])];
    for (const c of children) {
      if (holds) break;
      const r = resolveSchema(root, c);
      if (!r) continue;
      const v = visit(r);
      holds = v.holds;
      sure &&= v.sure;
    }
    visiting.delete(node);
    if (holds || sure) dateHolders.set(node, holds); // a "no" that rests on an undecided cycle is not kept
    return { holds, sure: holds || sure };
  };
  return visit(schema).holds;
}

export function keyRange(doc: SourceDocument, path: readonly PathSegment[]): Located {
  return spanOfKey(doc, path);
}
export function valueRange(doc: SourceDocument, path: readonly PathSegment[]): Located {
  return spanOfValue(doc, path);
}
export function containerRange(doc: SourceDocument, path: readonly PathSegment[]): Located {
  return spanOfContainer(doc, path);
}
