import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { get } from '../../server/src/service/model';
import { OCDS_EXTENSIONS, OCDS_TEST_PREFIX, OcdsExportError, ocdsDateTime, toOcds } from '../../server/src/service/export/ocds';
import { commspec } from '../cli/run';
import { root } from '../helpers';
import { analyseFile, analyseText, exampleFiles } from './helpers';
import { codelist, mergePatch, mergedReleaseSchema, validatePackage } from './ocds-schema';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const specs = exampleFiles().filter((f) => analyseFile(f).model.kind === 'specification');

/**
 * What a target asks for, read independently of the exporter with plain patterns:
 * `>= 85% by 2028-08-31`, `<= 2 moves in 12 months`, `reduce by 10% from baseline by 2029-03-31`.
 */
function expected(target: string, baseline: number | undefined): { measure: number; date?: string; window?: string } {
  let m = /^(>=|<=|>|<|=)\s*£?([\d,.]+)%?(?:\s+[a-z]+)?(?:\s+in\s+(\d+ \w+?)s?)?(?:\s+by\s+(\d{4}-\d{2}(?:-\d{2})?))?$/.exec(target.trim());
  if (m) return { measure: Number(m[2].replace(/,/g, '')), window: m[3] ? `${m[3]}s` : undefined, date: m[4] };
  m = /^(reduce|increase) by ([\d.]+)(%| percentage points?)? from baseline by (\d{4}-\d{2}(?:-\d{2})?)$/.exec(target.trim());
  if (m && baseline !== undefined) {
    const amount = Number(m[2]);
    const sign = m[1] === 'reduce' ? -1 : 1;
    const level = m[3] === '%' ? baseline * (1 + (sign * amount) / 100) : baseline + sign * amount;
    return { measure: Math.round(level * 10000) / 10000, date: m[4] };
  }
  throw new Error(`the test does not know the target shape '${target}'`);
}

describe('OCDS release packages for every example specification', () => {
  expect(specs.length).toBeGreaterThanOrEqual(4);
  for (const file of specs) {
    describe(path.basename(file), () => {
      const analysis = analyseFile(file);
      const v = analysis.model.value;
      const { package: pkg, notes } = toOcds(analysis);
      const release = (pkg.releases as J[])[0];
      const tender = release.tender as J;

      it('is valid against the OCDS 1.1.5 release package schema, merge-patched with the declared extensions (draft-04)', () => {
        const result = validatePackage(pkg);
        expect(result.errors.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
        expect(result.valid).toBe(true);
        expect(notes).toEqual([]);
      });

      it('declares every extension it uses, and uses closed and recommended code lists', () => {
        expect(pkg.extensions).toEqual(OCDS_EXTENSIONS.map((e) => e.url));
        expect(codelist('tenderStatus.csv').has(tender.status)).toBe(true);
        for (const l of tender.lots) expect(codelist('tenderStatus.csv').has(l.status)).toBe(true);
        for (const m of tender.milestones) expect(codelist('milestoneType.csv').has(m.type), m.type).toBe(true);
        for (const d of [...tender.documents, ...(release.planning?.documents ?? [])]) expect(codelist('documentType.csv').has(d.documentType), d.documentType).toBe(true);
        if (tender.awardCriteria) expect(codelist('awardCriteria.csv').has(tender.awardCriteria)).toBe(true);
        expect(codelist('currency.csv').has(tender.value.currency)).toBe(true);
        for (const s of tender.sustainability ?? []) {
          expect(codelist('sustainabilityGoal.csv').has(s.goal), s.goal).toBe(true);
          for (const st of s.strategies ?? []) expect(codelist('sustainabilityStrategy.csv').has(st)).toBe(true);
        }
      });

      it('identifies the process from the specification id, with the test prefix by default', () => {
        expect(release.ocid).toBe(`${OCDS_TEST_PREFIX}-${v.id}`);
        expect(release.id).toBe(`${v.id}-${v.version}`);
        expect(tender.title).toBe(v.title);
        expect(tender.description).toBe(v.summary);
        expect(release.buyer.name).toBe(get.obj(v.commissioner)!.lead);
        expect(tender.value).toEqual({ amount: get.obj(get.obj(v.value_for_money)!.budget)!.total, currency: 'GBP' });
        expect(toOcds(analysis)).toEqual(toOcds(analysis));
      });

      it('maps back: every indicator is a target metric whose observations carry the baseline and the target', () => {
        const metrics = new Map((tender.targets as J[]).map((m) => [m.id, m]));
        let count = 0;
        for (const o of get.arr(v.outcomes).map((x) => get.obj(x)!)) {
          for (const ind of get.arr(o.indicators).map((x) => get.obj(x)!)) {
            count++;
            const metric = metrics.get(ind.id);
            expect(metric, String(ind.id)).toBeDefined();
            expect(metric!.title).toBe(ind.definition);
            const target = (metric!.observations as J[]).find((x) => x.dimensions.observationType === 'target')!;
            const baseline = get.obj(ind.baseline)!;
            const want = expected(String(ind.target), get.num(baseline.value));
            expect(target.measure, String(ind.target)).toBeCloseTo(want.measure, 6);
            expect(target.dimensions.outcome).toBe(o.id);
            if (want.date) expect(target.period.endDate.slice(0, want.date.length)).toBe(want.date);
            if (want.window) expect(target.dimensions.window).toBe(want.window);
            if (ind.unit === 'percent') expect(target.unit).toEqual({ name: 'percent', id: 'P1' });
            const base = (metric!.observations as J[]).find((x) => x.dimensions.observationType === 'baseline')!;
            if (typeof baseline.value === 'number') {
              expect(base.measure).toBe(baseline.value);
              if (typeof baseline.date === 'string') expect(base.period.endDate.startsWith(baseline.date)).toBe(true);
            } else expect(base.measure).toBeUndefined();
          }
        }
        expect(tender.targets).toHaveLength(count);
      });

      it('carries every safeguarding and mandatory requirement as a criterion requirement', () => {
        const ids = new Set((tender.criteria as J[]).flatMap((c) => (c.requirementGroups as J[]).flatMap((g) => (g.requirements as J[]).map((r) => r.id))));
        const sg = get.obj(v.safeguarding)!;
        for (const r of [...get.arr(sg.requirements), ...get.arr(v.requirements)].map((x) => get.obj(x)!)) expect(ids.has(r.id), String(r.id)).toBe(true);
        for (const c of get.arr(sg.checks)) expect(ids.has(`check-${c}`)).toBe(true);
      });

      it('has the lots, the award criteria weights on each lot, and the price ceilings as items', () => {
        const lots = get.arr(get.obj(v.market)?.lots).map((l) => get.obj(l)!);
        expect((tender.lots as J[]).map((l) => l.id)).toEqual(lots.length ? lots.map((l) => l.id) : ['whole-contract']);
        const criteria = get.arr(get.obj(get.obj(v.value_for_money)!.award)!.criteria).map((c) => get.obj(c)!);
        for (const lot of tender.lots as J[]) {
          expect((lot.awardCriteria.criteria as J[]).map((c) => c.numbers[0].number)).toEqual(criteria.map((c) => c.weight));
          expect((lot.awardCriteria.criteria as J[]).map((c) => c.type)).toEqual(criteria.map((c) => (c.type === 'price' ? 'price' : 'quality')));
        }
        for (const p of get.arr(get.obj(v.value_for_money)!.prices).map((x) => get.obj(x)!)) {
          const items = (tender.items as J[]).filter((i) => i.unit?.value?.amount === p.ceiling && i.unit?.name === (p.period ? `${p.per} per ${p.period}` : p.per));
          expect(items.length, `price ${p.tier} ${p.ceiling}`).toBeGreaterThan(0);
          for (const i of items) expect((tender.lots as J[]).some((l) => l.id === i.relatedLot)).toBe(true);
        }
      });

      it('has the specification as a technical specifications document, the contract period and the dated milestones', () => {
        expect(tender.documents[0].documentType).toBe('technicalSpecifications');
        const term = get.obj(v.term)!;
        expect(tender.contractPeriod.startDate.slice(0, 10)).toBe(term.start);
        expect(tender.contractPeriod.endDate.slice(0, 10)).toBe(term.end);
        const dated = [get.obj(v.governance)?.reviews, get.obj(v.evaluation)?.reports, get.obj(v.mobilisation)?.milestones].flatMap((l) => get.arr(l)).map((x) => get.obj(x)!);
        for (const m of dated) expect((tender.milestones as J[]).some((x) => x.dueDate?.startsWith(m.date) && x.title === m.description)).toBe(true);
        for (const p of get.arr(get.obj(v.value_for_money)!.outcome_payments).map((x) => get.obj(x)!)) {
          expect((tender.milestones as J[]).find((x) => x.id === `payment-${p.id}`)?.type).toBe('payment');
        }
        expect((tender.milestones as J[]).some((x) => x.type === 'reporting')).toBe(true);
      });
    });
  }
});

describe('OCDS details', () => {
  const nelcp = analyseFile(path.join(root, 'examples', 'ne-london-residential.commspec.yaml'));

  it('the validator rejects a broken release, so the schema tests can fail', () => {
    const { package: pkg } = toOcds(nelcp);
    const broken = JSON.parse(JSON.stringify(pkg)) as J;
    broken.releases[0].tender.status = 'open-for-bids';
    broken.releases[0].tender.targets[0].observations[0].measure = { value: 64 };
    broken.releases[0].tender.criteria[0].requirementGroups[0].requirements = [];
    broken.releases[0].tender.lots[0].awardCriteria.criteria[0].numbers[0].weight = 'percent';
    const result = validatePackage(broken);
    expect(result.valid).toBe(false);
    const where = result.errors.map((e) => e.instancePath);
    expect(where).toContain('/releases/0/tender/status');
    expect(where).toContain('/releases/0/tender/targets/0/observations/0/measure');
    expect(where).toContain('/releases/0/tender/criteria/0/requirementGroups/0/requirements');
    expect(where).toContain('/releases/0/tender/lots/0/awardCriteria/criteria/0/numbers/0/weight');
  });

  it('merge-patches as RFC 7386 says', () => {
    expect(mergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })).toEqual({ a: 'z', c: { d: 'e' } });
    expect(mergePatch({ a: [1] }, { a: [2, 3] })).toEqual({ a: [2, 3] });
    const merged = mergedReleaseSchema(OCDS_EXTENSIONS.map((e) => e.url)) as J;
    expect(Object.keys(merged.definitions.Tender.properties)).toEqual(expect.arrayContaining(['targets', 'criteria', 'lots', 'suitability', 'riskDetails']));
    expect(merged.definitions.Tender.properties.title).toBeDefined();
  });

  it('uses the registered prefix given, and refuses one that is not a prefix', () => {
    const { package: pkg } = toOcds(nelcp, { ocidPrefix: 'ocds-abc123', documentUrl: 'https://council.example/specs/nelcp.yaml', packageUri: 'https://council.example/ocds/nelcp.json' });
    const release = (pkg.releases as J[])[0];
    expect(release.ocid).toBe('ocds-abc123-ne-london-residential');
    expect(pkg.uri).toBe('https://council.example/ocds/nelcp.json');
    expect(release.tender.documents[0].url).toBe('https://council.example/specs/nelcp.yaml');
    expect(validatePackage(pkg).valid).toBe(true);
    expect(() => toOcds(nelcp, { ocidPrefix: 'abc' })).toThrow(OcdsExportError);
  });

  it('fills the UK profile fields that apply: duration in months, risks, SME and VCSE suitability', () => {
    const tender = ((toOcds(nelcp).package.releases as J[])[0]).tender;
    expect(tender.contractPeriod.durationInMonths).toBe(96);
    expect(tender.contractPeriod.maxExtentDate).toBe('2036-08-31T23:59:59+01:00');
    expect(tender.riskDetails).toContain('Reliance on one person to lead implementation');
    expect(tender.suitability).toEqual({ sme: true, vcse: true });
    expect(tender.lots[0].value).toEqual({ amount: 44000000, currency: 'GBP' });
  });

  it('gives UK dates with the right offset', () => {
    expect(ocdsDateTime('2027-03-31', true)).toBe('2027-03-31T23:59:59+01:00');
    expect(ocdsDateTime('2027-01-15', false)).toBe('2027-01-15T00:00:00+00:00');
    expect(ocdsDateTime('2027-03', true)).toBe('2027-03-31T23:59:59+01:00');
    expect(ocdsDateTime('2026-03-29', false)).toBe('2026-03-29T00:00:00+00:00');
    expect(ocdsDateTime('2026-10-25', false)).toBe('2026-10-25T00:00:00+01:00');
    expect(ocdsDateTime('2027-02-30', false)).toBeUndefined();
  });

  it('refuses documents that are not specifications', () => {
    const fw = analyseFile(path.join(root, 'examples', 'havering-framework.commspec.yaml'));
    expect(() => toOcds(fw)).toThrow(/for specifications/);
  });

  it('says which targets it could not read instead of inventing a number', () => {
    const text = readFileSync(path.join(root, 'examples', 'ne-london-residential.commspec.yaml'), 'utf8').replace('target: ">= 85% by 2028-08-31"', 'target: ">= england_rate by 2028-08-31"');
    const { package: pkg, notes } = toOcds(analyseText(text, 'nelcp-edited.commspec.yaml'));
    expect(notes.some((n) => n.startsWith('Indicator placement-stability:'))).toBe(true);
    const metric = ((pkg.releases as J[])[0].tender.targets as J[]).find((m) => m.id === 'placement-stability');
    expect(metric!.observations.find((o: J) => o.dimensions.observationType === 'target').measure).toBe('>= england_rate by 2028-08-31');
    expect(validatePackage(pkg).valid).toBe(true);
  });
});

describe('commspec export --ocds', () => {
  it('writes a valid release package and notes the test prefix', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commspec-ocds-'));
    const r = commspec(['export', '--ocds', path.join(root, 'examples', 'family-nurse-partnership.commspec.yaml'), '-o', 'release.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`the ocid uses the OCDS test prefix ${OCDS_TEST_PREFIX}`);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'release.json'), 'utf8')) as J;
    expect(validatePackage(pkg).valid).toBe(true);
    expect(pkg.releases[0].ocid).toBe(`${OCDS_TEST_PREFIX}-derby-family-nurse-partnership`);
  });

  it('prints to standard output, with --ocid-prefix', () => {
    const r = commspec(['export', '--ocds', 'examples/ne-london-residential.commspec.yaml', '--ocid-prefix', 'ocds-abc123']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).releases[0].ocid).toBe('ocds-abc123-ne-london-residential');
    expect(r.stderr).not.toContain('test prefix');
  });

  it('exits 2 for usage problems: no format, a framework, a bad prefix, a missing file', () => {
    for (const args of [
      ['export', 'examples/ne-london-residential.commspec.yaml'],
      ['export', '--ocds', 'examples/havering-framework.commspec.yaml'],
      ['export', '--ocds', 'examples/ne-london-residential.commspec.yaml', '--ocid-prefix', 'nope'],
      ['export', '--ocds', 'examples/no-such.commspec.yaml'],
    ]) {
      const r = commspec(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^commspec: /);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 1 for a specification with errors, and still exports it', () => {
    const r = commspec(['export', '--ocds', 'examples/flawed/broken-schema.commspec.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has 9 errors; it was exported anyway');
    expect(JSON.parse(r.stdout).releases).toHaveLength(1);
  });
});
