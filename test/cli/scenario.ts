import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../helpers';
import { commspec } from './run';

export const version: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

/** Makes output stable for snapshots: the temporary folder and the version become placeholders. */
export function normalise(text: string, dir: string): string {
  const fwd = dir.replace(/\\/g, '/');
  return text
    .split(`file://${fwd}`)
    .join('file://<workspace>')
    .split(fwd)
    .join('<workspace>')
    .split(`"${version}"`)
    .join('"<version>"');
}

let ruleIds: string[] | undefined;
/** Every configurable rule id, from the built CLI. */
export function allRuleIds(): string[] {
  if (!ruleIds) {
    const r = commspec(['rules', '--format', 'json']);
    if (r.status !== 0) throw new Error(`commspec rules failed: ${r.stderr}`);
    ruleIds = (JSON.parse(r.stdout) as Array<{ id: string }>).map((x) => x.id);
  }
  return ruleIds;
}

/**
 * A .commspec.yaml that turns every rule off except `keep`, so a snapshot holds only the findings it is about
 * and stays the same when new rules are added.
 */
export function onlyRules(keep: Record<string, string>, extra = ''): string {
  const lines = ['root: true', 'rules:'];
  for (const id of allRuleIds()) lines.push(`  ${id}: ${keep[id] ?? 'off'}`);
  return lines.join('\n') + '\n' + extra;
}

/** A small specification; `n` varies its id and, every few files, plants problems so files differ. */
export function generatedSpec(n: number): string {
  const status = n % 7 === 0 ? 'drafted' : 'draft';
  const beds = n % 5 === 0 ? 'Emergency beds for young people' : 'Emergency placements for young people';
  const target = n % 3 === 0 ? '"<= £5 by 2028-03-31"' : '"<= 5% by 2028-03-31"';
  return `commspec: 1
kind: specification
id: generated-${n}
title: Early help family support ${n}
status: ${status}
summary: ${beds}
term:
  start: 2026-04-01
  end: 2029-03-31
commissioner:
  lead: Example Borough Council
outcomes:
  - id: families-stay-together
    statement: Children are able to stay safely with their families
    indicators:
      - id: fewer-care-entries
        definition: Children supported who enter care within 12 months
        unit: percent
        polarity: lower
        baseline: { value: 8, date: 2025-03-31, source: SSDA903 return }
        target: ${target}
`;
}

const minimal = readFileSync(path.join(root, 'test', 'fixtures', 'language', 'minimal.commspec.yaml'), 'utf8');

/**
 * The workspace the format scenarios lint: one file with an error, a warning with a safe fix after an emoji
 * (two UTF-16 code units) and a message with quotes; a clean file; and a file whose name needs escaping in
 * every format (space, colon, comma, percent, ampersand) holding a YAML syntax error.
 */
export function formatFixture(): Record<string, string> {
  return {
    '.commspec.yaml': onlyRules({ 'terminology/beds': 'warning', 'expressions/types': 'error' }),
    'specs/flawed.commspec.yaml': minimal
      .replace('status: draft', 'status: drafted\nsummary: "Children 👧 need emergency beds & <care>"')
      .replace('"<= 5% by 2028-03-31"', '"<= £5 by 2028-03-31"'),
    'specs/clean.commspec.yaml': minimal,
    'specs/odd: a&b, 100%.commspec.yaml': 'commspec: 1\nkind: specification\nid: [unclosed\n',
  };
}
