import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveRules, type ConfigFile } from '../../server/src/service/config';
import { allRules } from '../../server/src/service/rules/index';
import { LanguageService } from '../../server/src/service/service';
import { fixturesRoot } from './harness';

const metas = allRules.map((r) => r.meta);
const byId = new Map(metas.map((m) => [m.id, m]));
const file = '/project/specs/residential.commspec.yaml';
const conf = (value: ConfigFile['value'], dir = '/project'): ConfigFile => ({ dir, value });

/** Findings of one rule for a text, with the settings a chain of config files gives. */
function findings(text: string, configs: ConfigFile[], ruleId: string, uri = file) {
  return new LanguageService().analyse(uri, text, effectiveRules(metas, configs, uri)).findings.filter((f) => f.ruleId === ruleId);
}

const accreditations = (n: number) =>
  readFileSync(path.join(fixturesRoot, 'market/accreditations/pass.commspec.yaml'), 'utf8').replace(/  accreditations:\n(    - .*\n)+/, `  accreditations:\n${Array.from({ length: n }, (_, i) => `    - Accreditation ${i + 1}\n`).join('')}`);

describe('configuration', () => {
  it('every rule option has a default of its declared type', () => {
    for (const m of metas) {
      for (const [name, o] of Object.entries(m.options ?? {})) {
        const ok = o.type === 'string[]' ? Array.isArray(o.default) && (o.default as unknown[]).every((x) => typeof x === 'string') : typeof o.default === o.type;
        expect(ok, `${m.id} option ${name}`).toBe(true);
      }
    }
  });

  it('recommended (the default) keeps default severities and leaves out strict-only rules', () => {
    const rules = effectiveRules(metas, [], file);
    expect(rules.get('safeguarding/section')?.severity).toBe('error');
    expect(rules.get('indicators/data-source')?.severity).toBe('warning');
    expect(rules.get('terminology/beds')?.severity).toBe('hint');
    const strictOnly = metas.filter((m) => m.strictOnly).map((m) => m.id);
    expect(strictOnly.length).toBeGreaterThan(0);
    for (const id of strictOnly) expect(rules.get(id)?.severity).toBe('off');
  });

  it('strict turns every rule on and warnings into errors', () => {
    const rules = effectiveRules(metas, [conf({ extends: 'strict' })], file);
    for (const m of metas) {
      const expected = m.severity === 'warning' ? 'error' : m.severity;
      expect(rules.get(m.id)?.severity, m.id).toBe(expected);
    }
  });

  it('all turns every rule on at its default severity', () => {
    const rules = effectiveRules(metas, [conf({ extends: 'all' })], file);
    for (const m of metas) expect(rules.get(m.id)?.severity, m.id).toBe(m.severity);
  });

  it('presets decide what runs: a strict-only rule reports only under strict or all', () => {
    const text = readFileSync(path.join(fixturesRoot, 'market/small-providers/fail.commspec.yaml'), 'utf8');
    expect(byId.get('market/small-providers')?.strictOnly).toBe(true);
    expect(findings(text, [], 'market/small-providers')).toHaveLength(0);
    expect(findings(text, [conf({ extends: 'all' })], 'market/small-providers')).toHaveLength(1);
    const strict = findings(text, [conf({ extends: 'strict' })], 'market/small-providers');
    expect(strict.map((f) => f.severity)).toEqual(['info']);
  });

  it('options come from meta defaults and can be overridden (market/accreditations max)', () => {
    expect(byId.get('market/accreditations')?.options?.max.default).toBe(3);
    expect(findings(accreditations(3), [], 'market/accreditations')).toHaveLength(0);
    expect(findings(accreditations(4), [], 'market/accreditations')).toHaveLength(1);
    expect(findings(accreditations(4), [conf({ rules: { 'market/accreditations': ['warning', { max: 5 }] } })], 'market/accreditations')).toHaveLength(0);
    const tight = findings(accreditations(2), [conf({ rules: { 'market/accreditations': ['error', { max: 1 }] } })], 'market/accreditations');
    expect(tight.map((f) => f.severity)).toEqual(['error']);
    expect(tight[0].message).toMatch(/at most 1/);
  });

  it('an option of the wrong type falls back to the default', () => {
    expect(findings(accreditations(4), [conf({ rules: { 'market/accreditations': ['warning', { max: 'five' }] } })], 'market/accreditations')).toHaveLength(1);
  });

  it('a severity alone keeps the default options', () => {
    const rules = effectiveRules(metas, [conf({ rules: { 'market/accreditations': 'error' } })], file);
    expect(rules.get('market/accreditations')).toEqual({ severity: 'error', options: { max: 3 } });
  });

  it('off turns a rule off', () => {
    const text = readFileSync(path.join(fixturesRoot, 'safeguarding/section/fail.commspec.yaml'), 'utf8');
    expect(findings(text, [], 'safeguarding/section')).toHaveLength(1);
    expect(findings(text, [conf({ rules: { 'safeguarding/section': 'off' } })], 'safeguarding/section')).toHaveLength(0);
  });

  it('overrides apply by glob, relative to the config file, and only to matching files', () => {
    const text = readFileSync(path.join(fixturesRoot, 'safeguarding/section/fail.commspec.yaml'), 'utf8');
    const configs = [conf({ overrides: [{ files: ['drafts/**'], rules: { 'safeguarding/section': 'off', 'indicators/data-source': 'error' } }] })];
    const draft = '/project/drafts/early.commspec.yaml';
    expect(findings(text, configs, 'safeguarding/section', draft)).toHaveLength(0);
    expect(findings(text, configs, 'safeguarding/section', file)).toHaveLength(1);
    expect(effectiveRules(metas, configs, draft).get('indicators/data-source')?.severity).toBe('error');
    expect(effectiveRules(metas, configs, file).get('indicators/data-source')?.severity).toBe('warning');
    // a glob without a slash matches the file name in any folder
    const byName = [conf({ overrides: [{ files: ['*.draft.commspec.yaml'], rules: { 'safeguarding/section': 'hint' } }] })];
    expect(findings(text, byName, 'safeguarding/section', '/project/a/b/x.draft.commspec.yaml').map((f) => f.severity)).toEqual(['hint']);
  });

  it('the nearest config wins, and root stops the search upwards', () => {
    const outer = conf({ rules: { 'governance/deputy': 'off' } }, '/');
    const inner = conf({ rules: { 'governance/deputy': 'error' } });
    expect(effectiveRules(metas, [outer, inner], file).get('governance/deputy')?.severity).toBe('error');
    const rooted = conf({ root: true, extends: 'all' });
    const outerStrict = conf({ extends: 'strict' }, '/');
    expect(effectiveRules(metas, [outerStrict, rooted], file).get('governance/deputy')?.severity).toBe('warning');
  });

  it('rule options are passed through to options that have several values (terminology/synonyms pairs)', () => {
    const text = readFileSync(path.join(fixturesRoot, 'terminology/synonyms/pass.commspec.yaml'), 'utf8').replace(/^summary: .*$/m, 'summary: Support for looked-after children, and for children in care placed out of the borough.');
    const configs = [conf({ rules: { 'terminology/synonyms': ['hint', { pairs: ['looked-after children|children in care'] }] } })];
    expect(findings(text, [], 'terminology/synonyms')).toHaveLength(0);
    expect(findings(text, configs, 'terminology/synonyms')).toHaveLength(1);
  });
});
