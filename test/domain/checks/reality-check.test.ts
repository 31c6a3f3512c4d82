import { createRealityCheck } from '../../../src/domain/checks';

describe('Creating a reality check (Torus TIMS: activities within an agreed timescale)', () => {
  it('creates a check with no assignees yet', () => {
    const result = createRealityCheck({
      id: 'c1',
      groupId: 'southampton-ti',
      kind: 'site-visit',
      area: 'Weston',
      dueOn: '2024-10-31',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'c1',
        groupId: 'southampton-ti',
        kind: 'site-visit',
        area: 'Weston',
        dueOn: '2024-10-31',
        assignments: [],
      },
    });
  });

  it('lists every problem: no id, no group, unknown kind, impossible date', () => {
    const result = createRealityCheck({
      id: ' ',
      groupId: '',
      kind: 'picnic',
      dueOn: '2024-02-30',
    });
    expect(!result.ok && result.refusals.map((r) => r.code)).toEqual([
      'check.id-required',
      'check.group-required',
      'check.unknown-kind',
      'check.due-date-invalid',
    ]);
    expect(!result.ok && result.refusals[3]?.message).toBe(
      'The due date must be a real date written YYYY-MM-DD, not "2024-02-30".',
    );
  });
});
