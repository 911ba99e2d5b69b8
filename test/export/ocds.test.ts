import { describe, expect, it } from 'vitest';
import { toOcds } from '../../server/src/service/export/ocds';
import { analyseFile, exampleFiles } from './helpers';
import { validatePackage } from './ocds-schema';

describe('scratch', () => {
  for (const file of exampleFiles()) {
    it(file, () => {
      const a = analyseFile(file);
      if (a.model.kind !== 'specification') return;
      const { package: pkg, notes } = toOcds(a);
      const r = validatePackage(pkg);
      console.log(file, notes, JSON.stringify(r.errors.slice(0, 10), null, 1));
      expect(r.valid).toBe(true);
    });
  }
});
