import { describe, expect, it } from 'vitest';
import { compareAmbition, evaluateTarget, parseExpression } from '../../grammar/src/index';

const t = (s: string) => parseExpression(s, 'target');

describe('evaluateTarget', () => {
  it('comparisons', () => {
    expect(evaluateTarget(t('>= 85% by 2027-03-31'), 87)).toEqual({ met: true, reason: "87% meets '>= 85% by 2027-03-31'" });
    expect(evaluateTarget(t('>= 85%'), 82)).toEqual({ met: false, reason: "82% does not meet '>= 85%' (short by 3 percentage points)" });
    expect(evaluateTarget(t('>= 85%'), 85).met).toBe(true);
    expect(evaluateTarget(t('> 85%'), 85).met).toBe(false);
    expect(evaluateTarget(t('<= 2 moves in 12 months'), 2).met).toBe(true);
    expect(evaluateTarget(t('at most 3'), 4).met).toBe(false);
    expect(evaluateTarget(t('= 0'), 0).met).toBe(true);
    expect(evaluateTarget(t('<= £3,800 per week'), 3900).met).toBe(false);
    expect(evaluateTarget(t('<= 6 months'), 5).met).toBe(true);
  });
  it('between', () => {
    expect(evaluateTarget(t('between 40 and 60'), 40).met).toBe(true);
    expect(evaluateTarget(t('between 40 and 60'), 61)).toEqual({ met: false, reason: '61 is not between 40 and 60' });
  });
  it('changes from the baseline need a baseline', () => {
    expect(evaluateTarget(t('reduce by 10% from baseline'), 17)).toMatchObject({ met: undefined, reason: expect.stringContaining('baseline value is needed') });
    expect(evaluateTarget(t('reduce by 10% from baseline'), 18, { baseline: 20 }).met).toBe(true);
    expect(evaluateTarget(t('reduce by 10% from baseline'), 18.5, { baseline: 20 }).met).toBe(false);
    expect(evaluateTarget(t('increase by 5 percentage points from baseline'), 83, { baseline: 78 }).met).toBe(true);
    expect(evaluateTarget(t('increase by 5 percentage points from baseline'), 82.9, { baseline: 78 }).met).toBe(false);
    expect(evaluateTarget(t('reduce by 2 moves'), 1, { baseline: 3 }).met).toBe(true);
  });
  it('deadlines in the reason', () => {
    expect(evaluateTarget(t('>= 85% by 2027-03'), 80, { date: '2026-06-30' }).reason).toContain('not yet: the deadline is 2027-03-31');
    expect(evaluateTarget(t('>= 85% by 2027-03'), 90, { date: '2027-06-30' }).reason).toContain('after the deadline 2027-03-31');
  });
  it('refuses what it cannot evaluate', () => {
    expect(evaluateTarget(parseExpression('age > 1', 'threshold'), 1).met).toBeUndefined();
    expect(evaluateTarget(t('>= 85% by soon'), 90).met).toBeUndefined();
    expect(evaluateTarget(t('>= annual_fee'), 90).met).toBeUndefined();
    expect(evaluateTarget(t('>= 85%'), NaN).met).toBeUndefined();
  });
});

describe('compareAmbition', () => {
  const c = (bid: string, spec: string, p?: 'higher' | 'lower') => compareAmbition(t(bid), t(spec), p);
  it('levels', () => {
    expect(c('>= 88%', '>= 85%')).toEqual({ result: 'more', reason: 'the bid sets a higher minimum (>= 88% against >= 85%)' });
    expect(c('>= 85%', '>= 85%').result).toBe('equal');
    expect(c('at least 85%', '>= 85%').result).toBe('equal');
    expect(c('>= 80%', '>= 85%').result).toBe('less');
    expect(c('> 85%', '>= 85%').result).toBe('more');
    expect(c('<= 2 moves in 12 months', '<= 3 moves in 12 months').result).toBe('more');
    expect(c('<= 2 moves in 6 months', '<= 2 moves in 12 months').result).toBe('less');
    expect(c('<= 2 moves in 12 months', '<= 3 moves').result).toBe('incomparable');
    expect(c('<= 2 moves', '<= 2 placements').result).toBe('incomparable');
    expect(c('<= 85%', '>= 85%').result).toBe('incomparable');
    expect(c('>= £5', '>= 85%').result).toBe('incomparable');
  });
  it('polarity', () => {
    expect(c('= 90%', '>= 85%', 'higher').result).toBe('more');
    expect(c('= 2', '= 3', 'lower').result).toBe('more');
    expect(c('= 2', '= 3').result).toBe('incomparable');
    expect(c('<= 90%', '<= 95%', 'higher').result).toBe('incomparable');
  });
  it('deadlines: earlier is more ambitious', () => {
    expect(c('>= 85% by 2026-03', '>= 85% by 2027-03')).toMatchObject({ result: 'more', reason: 'an earlier deadline (2026-03-31 against 2027-03-31)' });
    expect(c('>= 85% by 2028-03', '>= 85% by 2027-03').result).toBe('less');
    expect(c('>= 88% by 2028-03', '>= 85% by 2027-03').result).toBe('incomparable');
    expect(c('>= 80% by 2026-03', '>= 85% by 2027-03').result).toBe('incomparable');
    expect(c('>= 85%', '>= 85% by 2027-03').result).toBe('less');
    expect(c('>= 90% by 2026-03-31', '>= 85% by 2027-03').result).toBe('more');
  });
  it('changes and ranges', () => {
    expect(c('reduce by 15% from baseline', 'reduce by 10% from baseline').result).toBe('more');
    expect(c('reduce by 5% from baseline', 'reduce by 10% from baseline').result).toBe('less');
    expect(c('increase by 5 percentage points', 'increase by 5% from baseline').result).toBe('incomparable');
    expect(c('increase by 5%', 'reduce by 5%').result).toBe('incomparable');
    expect(c('>= 85%', 'increase by 5 percentage points').result).toBe('incomparable');
    expect(c('between 45 and 55', 'between 40 and 60').result).toBe('more');
    expect(c('between 30 and 70', 'between 40 and 60').result).toBe('less');
    expect(c('between 30 and 50', 'between 40 and 60').result).toBe('incomparable');
  });
  it('refuses broken input', () => {
    expect(c('>= 85% by soon', '>= 85%')).toMatchObject({ result: 'incomparable', reason: expect.stringContaining('bid:') });
  });
});
