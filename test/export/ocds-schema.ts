/**
 * The OCDS 1.1.5 release schema, merge-patched (RFC 7386) with the release-schema.json of each
 * extension a package declares, as a draft-04 validator. Reads only test/fixtures/ocds/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { OCDS_EXTENSIONS } from '../../server/src/service/export/ocds';
import { root } from '../helpers';

export const ocdsDir = path.join(root, 'test', 'fixtures', 'ocds');

function json(rel: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ocdsDir, rel), 'utf8')) as Record<string, unknown>;
}

/** RFC 7386 JSON Merge Patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The name of a declared extension's folder in the fixtures, from its URL. */
export function extensionName(url: string): string {
  const known = OCDS_EXTENSIONS.find((e) => e.url === url);
  if (!known) throw new Error(`The export declares an extension the tests do not hold: ${url}`);
  return known.name;
}

export function mergedReleaseSchema(extensionUrls: readonly string[]): Record<string, unknown> {
  let schema: unknown = json('release-schema.json');
  for (const url of extensionUrls) schema = mergePatch(schema, json(`extensions/${extensionName(url)}.release-schema.json`));
  return schema as Record<string, unknown>;
}

// Keywords OCDS adds to JSON Schema for its own tooling; they do not constrain data.
const ocdsKeywords = ['codelist', 'openCodelist', 'deprecated', 'versionId', 'wholeListMerge', 'omitWhenMerged', 'mergeStrategy', 'mergeOptions'];

export interface PackageValidation {
  valid: boolean;
  errors: ErrorObject[];
}

/** Validates a release package: the package schema, with releases checked against the merged release schema. */
export function validatePackage(pkg: Record<string, unknown>): PackageValidation {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, validateFormats: true });
  addFormats(ajv);
  for (const k of ocdsKeywords) ajv.addKeyword(k);
  const release = mergedReleaseSchema((pkg.extensions as string[] | undefined) ?? []);
  ajv.addSchema(release);
  const validate: ValidateFunction = ajv.compile(json('release-package-schema.json'));
  const valid = validate(pkg) as boolean;
  return { valid, errors: validate.errors ?? [] };
}

/** The codes of a codelist CSV in the fixtures (first column). */
export function codelist(name: string): Set<string> {
  const lines = readFileSync(path.join(ocdsDir, 'codelists', name), 'utf8').trim().split(/\r?\n/).slice(1);
  const header = readFileSync(path.join(ocdsDir, 'codelists', name), 'utf8').split(/\r?\n/)[0].split(',');
  const col = header.indexOf('Code');
  return new Set(lines.map((l) => l.split(',')[col]));
}
