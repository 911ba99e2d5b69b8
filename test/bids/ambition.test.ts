import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../grammar/src/index';
import { compareCommitment, deadlineOf, levelWords } from '../../server/src/service/bid/ambition';
import { checkVersion, compareVersions } from '../../server/src/service/bid/versions';

const t = (s: string) => parseExpression(s, 'target');

describe('compareCommitment', () => {
  it('follows the grammar for like targets, and says what to commit to when the bid is weaker', () => {
    expect(compareCommitment('>= 88% by 2027-03-31', '>= 85% by 2027-03-31', { polarity: 'higher' }).result).toBe('more');
    expect(compareCommitment('>= 85% by 2027-03-31', '>= 85% by 2027-03-31', { polarity: 'higher' }).result).toBe('equal');
    expect(compareCommitment('>= 80% by 2027-03-31', '>= 85% by 2027-03-31', { polarity: 'higher' })).toEqual({
      result: 'less',
      reason: 'the bid sets a lower minimum (>= 80% by 2027-03-31 against >= 85% by 2027-03-31)',
      advice: 'commit to at least 85%',
    });
    expect(compareCommitment('<= 20% by 2029-08-31', '<= 18% by 2029-08-31', { polarity: 'lower' }).advice).toBe('commit to at most 18%');
    expect(compareCommitment('<= 3 moves in 12 months', '<= 2 moves in 12 months', { polarity: 'lower' }).advice).toBe('commit to at most 2 moves in 12 months');
    expect(compareCommitment('reduce by 5% from baseline', 'reduce by 10% from baseline', { polarity: 'lower' }).advice).toBe('commit to reduce by at least 10% from baseline');
    // rolling periods are compared per day
    expect(compareCommitment('<= 4 moves in 24 months', '<= 2 moves in 12 months', { polarity: 'lower' }).result).toBe('equal');
  });

  it('a later deadline, or none, is less ambitious, and the advice gives the date', () => {
    expect(compareCommitment('>= 85% by 2028-03-31', '>= 85% by 2027-03-31', { polarity: 'higher' }).advice).toBe('commit to reaching it by 2027-03-31 or earlier');
    expect(compareCommitment('>= 85%', '>= 85% by 2027-03', { polarity: 'higher' }).advice).toBe('commit to reaching it by 2027-03 or earlier');
    expect(compareCommitment('>= 80% by 2028-03-31', '>= 85% by 2027-03-31', { polarity: 'higher' }).advice).toBe('commit to at least 85% by 2027-03-31 or earlier');
  });

  it('works a change from the baseline out as a level before comparing it with a level', () => {
    const spec = 'reduce by 10% from baseline by 2029-03-31';
    expect(compareCommitment('<= 17.5 by 2029-03-31', spec, { polarity: 'lower', unit: 'score', baseline: 20 })).toEqual({
      result: 'more',
      reason: "for the specification's target, reducing the baseline of 20 by 10% gives <= 18; the bid sets a lower maximum (<= 17.5 by 2029-03-31 against <= 18 by 2029-03-31)",
    });
    expect(compareCommitment('<= 18 by 2029-03-31', spec, { polarity: 'lower', unit: 'score', baseline: 20 }).result).toBe('equal');
    expect(compareCommitment('<= 18.5 by 2029-03-31', spec, { polarity: 'lower', unit: 'score', baseline: 20 }).result).toBe('less');
    // the other way round: the bid's change against the specification's level, in percentage points
    expect(compareCommitment('increase by 20 percentage points by 2028-08-31', '>= 85% by 2028-08-31', { polarity: 'higher', unit: 'percent', baseline: 64 })).toMatchObject({
      result: 'less',
      reason: expect.stringContaining('for your target, increasing the baseline of 64 by 20 percentage points gives >= 84%'),
    });
    // with no baseline the change cannot be worked out
    expect(compareCommitment('<= 17.5 by 2029-03-31', spec, { polarity: 'lower', unit: 'score' })).toMatchObject({
      result: 'incomparable',
      reason: 'one target is a change from the baseline and the other a fixed level: compare them against the baseline value',
    });
  });

  it('says why a target cannot be compared', () => {
    expect(compareCommitment('>= £5', '>= 85%', { polarity: 'higher' })).toEqual({ result: 'incomparable', reason: 'the bid is in money but the specification in percent' });
    expect(compareCommitment('>= 85% by', '>= 85%', {}).reason).toBe("the committed target '>= 85% by' cannot be read: correct it first");
    expect(compareCommitment('>= 85%', 'soon', {}).reason).toContain("the specification's target 'soon' cannot be read");
  });

  it('levelWords and deadlineOf', () => {
    expect(levelWords(t('> 85% by 2027-03'))).toBe('more than 85%');
    expect(levelWords(t('between 40 and 60'))).toBe('a range within 40 to 60');
    expect(deadlineOf(t('>= 85% by 2027-02'))).toBe('2027-02-28');
    expect(deadlineOf(t('>= 85% by 2028-02'))).toBe('2028-02-29');
    expect(deadlineOf(t('>= 85%'))).toBeUndefined();
  });
});

describe('versions', () => {
  it('compare numerically', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('2', '10')).toBe(-1);
  });
  it('the changes after the answered version, up to the current one, newest first', () => {
    const spec = {
      version: '2.0',
      history: [
        { version: '1.1', changes: ['b'] },
        { version: '2.0', date: '2026-01-01', changes: ['c'] },
        { version: '1.0', changes: ['a'] },
        { version: '2.1', changes: ['draft, not published'] },
      ],
    };
    const v = checkVersion({ specification: { version: 1 } }, spec);
    expect(v).toMatchObject({ answered: '1', current: '2.0', relation: 'older', hasHistory: true });
    expect(v.changes.map((h) => h.version)).toEqual(['2.0', '1.1']);
    expect(checkVersion({ specification: { version: '2.0' } }, spec).relation).toBe('same');
    expect(checkVersion({ specification: {} }, spec).relation).toBe('unknown');
  });
});
