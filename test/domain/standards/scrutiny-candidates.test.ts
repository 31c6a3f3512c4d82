import type { ServiceStandard } from '../../../src/domain/standards';
import {
  compareWithTarget,
  isScrutinyCandidate,
  listScrutinyCandidates,
} from '../../../src/domain/standards';

function make(partial: Partial<ServiceStandard> & { key: string }): ServiceStandard {
  return {
    serviceArea: 'Customer Service',
    promise: 'p',
    measure: 'm',
    target: undefined,
    latest: undefined,
    verification: { done: false },
    ...partial,
  };
}

describe('Scrutiny candidates (Trafford: "service identified from lower performance")', () => {
  it('Torus Liverpool: an email acknowledgement taking 6 hours against "within 4 hours" misses an at-most target', () => {
    const emails = make({
      key: 'emails',
      target: { value: 4, unit: 'hours', direction: 'at-most' },
      latest: { value: 6, period: '2024/25 Q3' },
    });
    expect(isScrutinyCandidate(emails)).toBe(true);
    expect(compareWithTarget(emails)).toEqual({ status: 'missed', shortfall: 2, unit: 'hours' });
  });

  it('meeting an at-most target exactly, or beating it, is not a candidate', () => {
    const exact = make({
      key: 'exact',
      target: { value: 10, unit: 'working-days', direction: 'at-most' },
      latest: { value: 10, period: '2024/25 Q3' },
    });
    const quicker = make({
      ...exact,
      key: 'quicker',
      latest: { value: 7.5, period: '2024/25 Q3' },
    });
    expect(isScrutinyCandidate(exact)).toBe(false);
    expect(compareWithTarget(quicker)).toEqual({
      status: 'met',
      margin: 2.5,
      unit: 'working-days',
    });
  });

  it('Torus Liverpool: rent collected at 99.45% against 99% is met (at-least)', () => {
    const rent = make({
      key: 'rent',
      target: { value: 99, unit: 'percent', direction: 'at-least' },
      latest: { value: 99.45, period: '2020/21 Q1-Q3' },
    });
    expect(compareWithTarget(rent)).toEqual({ status: 'met', margin: 0.45, unit: 'percent' });
  });

  it('a standard with no target, or no figure yet, is never a candidate', () => {
    const noTarget = make({ key: 'no-target', latest: { value: 1, period: 'x', unit: 'count' } });
    const noFigure = make({
      key: 'no-figure',
      target: { value: 4, unit: 'hours', direction: 'at-most' },
    });
    expect(compareWithTarget(noTarget)).toEqual({ status: 'no-target' });
    expect(compareWithTarget(noFigure)).toEqual({ status: 'no-figure' });
    expect(listScrutinyCandidates([noTarget, noFigure])).toEqual([]);
  });

  it('ranks candidates in different units by shortfall relative to the target', () => {
    const hours = make({
      key: 'hours',
      target: { value: 4, unit: 'hours', direction: 'at-most' },
      latest: { value: 8, period: 'q' },
    });
    const percent = make({
      key: 'percent',
      target: { value: 95, unit: 'percent', direction: 'at-least' },
      latest: { value: 90, period: 'q' },
    });
    expect(
      listScrutinyCandidates([percent, hours]).map((c) => [c.standard.key, c.relativeShortfall]),
    ).toEqual([
      ['hours', 1],
      ['percent', 5 / 95],
    ]);
  });
});
