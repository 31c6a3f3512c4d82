import { presetPolicy } from '../../../src/domain/groups';
import {
  barUntil,
  liftSuspension,
  suspend,
  suspendForLiveComplaint,
  termEndFor,
  withdraw,
} from '../../../src/domain/people';
import type { MembershipFacts } from '../../../src/domain/people';
import { readyMember, TODAY } from './fixtures';

describe('Terms', () => {
  it('Trafford ToR: membership is a fixed term of three years', () => {
    expect(termEndFor(presetPolicy('trafford-qip'), '2025-04-01')).toBe('2028-03-31');
    expect(termEndFor(presetPolicy('trafford-qip'), '2024-02-29')).toBe('2027-02-28');
    expect(termEndFor(presetPolicy('trafford-qip'), '2025-03-01')).toBe('2028-02-29');
  });

  it('Torus TIMS ToR and Sedgemoor ToR: no fixed term, so no end date', () => {
    expect(termEndFor(presetPolicy('torus-tims'), '2025-04-01')).toBeUndefined();
    expect(termEndFor(presetPolicy('sedgemoor-scrutiny'), '2025-04-01')).toBeUndefined();
  });
});

describe('Membership status', () => {
  const active = readyMember();
  const suspended: MembershipFacts = {
    ...active,
    status: { kind: 'suspended', reason: 'Pending investigation.', since: '2026-02-01' },
  };
  const withdrawn: MembershipFacts = {
    ...active,
    status: { kind: 'withdrawn', reason: 'Resigned by email.', on: '2026-01-05' },
  };

  it('Torus TIMS ToR: a member in breach of tenancy is suspended pending investigation, with a reason', () => {
    const result = suspend(active, {
      reason: '  Pending investigation of a tenancy breach ',
      on: TODAY,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...active,
        status: {
          kind: 'suspended',
          reason: 'Pending investigation of a tenancy breach',
          since: TODAY,
        },
      },
    });
    expect(active.status).toEqual({ kind: 'active' });
  });

  it('a suspension needs a reason and cannot stack on another or follow a withdrawal', () => {
    expect(suspend(active, { reason: ' ', on: TODAY })).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.reason-required',
          message: 'Give a reason: the record must show why the membership changed.',
        },
      ],
    });
    const again = suspend(suspended, { reason: 'Another', on: TODAY });
    expect(again.ok || again.refusals.map((r) => r.code)).toEqual(['membership.already-suspended']);
    const late = suspend(withdrawn, { reason: 'Another', on: TODAY });
    expect(late.ok || late.refusals.map((r) => r.code)).toEqual(['membership.already-withdrawn']);
  });

  it('Southampton Code of Conduct: a running bar is not cut short by a suspension', () => {
    const barred: MembershipFacts = {
      ...active,
      status: { kind: 'barred', until: '2026-06-30', reason: 'Vote of members present.' },
    };
    const result = suspend(barred, { reason: 'Complaint', on: TODAY });
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual(['membership.barred']);
    expect(suspend(barred, { reason: 'Complaint', on: '2026-07-01' }).ok).toBe(true);
  });

  it('Torus TIMS ToR: a live complaint suspends until it is fully resolved', () => {
    const result = suspendForLiveComplaint(presetPolicy('torus-tims'), active, TODAY);
    expect(result.ok && result.value.status).toEqual({
      kind: 'suspended',
      reason: 'A live complaint is in the complaints process, until it is fully resolved.',
      since: TODAY,
    });
  });

  it('Sedgemoor ToR 9.2: an ongoing complaint does not suspend; it is noted as a declaration', () => {
    expect(suspendForLiveComplaint(presetPolicy('sedgemoor-scrutiny'), active, TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.complaint-does-not-suspend',
          message:
            'This group does not suspend members with a live complaint; record it as a declaration of interest instead.',
        },
      ],
    });
  });

  it('Torus TIMS ToR: lifting a suspension once the complaint is resolved makes the member active', () => {
    expect(liftSuspension(suspended)).toEqual({
      ok: true,
      value: { ...active, status: { kind: 'active' } },
    });
    const result = liftSuspension(active);
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual(['membership.not-suspended']);
  });

  it('Sedgemoor ToR 11.1: membership withdrawn for aggressive or offensive behaviour', () => {
    const result = withdraw(active, {
      reason: 'Aggressive behaviour at the 3 March meeting',
      on: TODAY,
    });
    expect(result.ok && result.value.status).toEqual({
      kind: 'withdrawn',
      reason: 'Aggressive behaviour at the 3 March meeting',
      on: TODAY,
    });
    const twice = withdraw(withdrawn, { reason: 'Again', on: TODAY });
    expect(twice.ok || twice.refusals.map((r) => r.code)).toEqual(['membership.already-withdrawn']);
  });

  it('Southampton Code of Conduct: members present may vote to bar for a period', () => {
    const result = barUntil(suspended, {
      until: '2026-09-01',
      reason: 'Vote of members present',
      asOf: TODAY,
    });
    expect(result.ok && result.value.status).toEqual({
      kind: 'barred',
      until: '2026-09-01',
      reason: 'Vote of members present',
    });
  });

  it('Southampton Code of Conduct: a bar must end in the future, have a reason, and not follow a withdrawal', () => {
    const result = barUntil(withdrawn, { until: TODAY, reason: '', asOf: TODAY });
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual([
      'membership.reason-required',
      'membership.already-withdrawn',
      'membership.bar-must-end-later',
    ]);
  });
});
