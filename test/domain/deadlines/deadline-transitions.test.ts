import { createWorkingDayCalendar } from '../../../src/domain/calendar';
import type { Deadline } from '../../../src/domain/deadlines';
import {
  dueSoon,
  isOverdue,
  markMissed,
  meet,
  openDeadline,
  waive,
} from '../../../src/domain/deadlines';

const calendar = createWorkingDayCalendar({ region: 'england-and-wales' });

// Sedgemoor ToR 6.1: received Tuesday 31 March 2026, due end of Thursday 16 April (BST).
const request: Deadline = openDeadline({
  kind: 'information-request',
  subject: { kind: 'evidence-request', id: 'req-1' },
  ownerId: 'service-lead-1',
  from: new Date('2026-03-31T09:00:00Z'),
  calendar,
});
const dueAt = new Date('2026-04-16T22:59:59.999Z');

describe('Deadline: opening one from a rule (Sedgemoor ToR 6.1 information request)', () => {
  it('is open and due at the end of the tenth working day', () => {
    expect(request).toEqual({
      kind: 'information-request',
      subject: { kind: 'evidence-request', id: 'req-1' },
      ownerId: 'service-lead-1',
      dueAt,
      state: 'open',
    });
  });
});

describe('Deadline: meet', () => {
  it('records when it was met and leaves the input alone', () => {
    const at = new Date('2026-04-10T10:00:00Z');
    expect(meet(request, at)).toEqual({ ok: true, value: { ...request, state: 'met', metAt: at } });
    expect(request.state).toBe('open');
  });

  it('refuses a second time, saying when it was met', () => {
    const met = { ...request, state: 'met' as const, metAt: new Date('2026-03-03T12:00:00Z') };
    expect(meet(met, new Date('2026-03-04T12:00:00Z'))).toEqual({
      ok: false,
      refusals: [
        { code: 'deadline-closed', message: 'This deadline was already met on 3 March 2026.' },
      ],
    });
  });

  it('still closes a missed deadline when the answer comes late, keeping when it was missed', () => {
    const missedAt = new Date('2026-04-17T08:00:00Z');
    const missed = { ...request, state: 'missed' as const, missedAt };
    const at = new Date('2026-04-20T09:00:00Z');
    expect(meet(missed, at)).toEqual({
      ok: true,
      value: { ...request, state: 'met', missedAt, metAt: at },
    });
  });

  it('keeps fields a store adds to the deadline', () => {
    const stored = { ...request, _id: 'd1', version: 3 };
    const result = meet(stored, new Date('2026-04-10T10:00:00Z'));
    expect(result.ok && result.value._id).toBe('d1');
  });
});

describe('Deadline: markMissed', () => {
  it('refuses before the due instant, including at 23:59:59.999 on the due day', () => {
    expect(markMissed(request, dueAt)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'deadline-not-yet-due',
          message: 'This deadline runs to the end of 16 April 2026, so it cannot be missed yet.',
        },
      ],
    });
  });

  it('marks it missed one millisecond later (midnight BST)', () => {
    const now = new Date(dueAt.getTime() + 1);
    expect(markMissed(request, now)).toEqual({
      ok: true,
      value: { ...request, state: 'missed', missedAt: now },
    });
  });

  it('refuses once met, waived or already missed', () => {
    const later = new Date('2026-05-01T10:00:00Z');
    const met = { ...request, state: 'met' as const, metAt: new Date('2026-04-10T10:00:00Z') };
    const missed = {
      ...request,
      state: 'missed' as const,
      missedAt: new Date('2026-04-17T07:00:00Z'),
    };
    const waived = {
      ...request,
      state: 'waived' as const,
      waivedBy: 'o1',
      waivedReason: 'Panel paused.',
    };
    expect(markMissed(met, later)).toMatchObject({
      ok: false,
      refusals: [{ code: 'deadline-closed' }],
    });
    expect(markMissed(waived, later)).toEqual({
      ok: false,
      refusals: [
        { code: 'deadline-closed', message: 'This deadline was already waived: Panel paused.' },
      ],
    });
    expect(markMissed(missed, later)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'deadline-already-missed',
          message: 'This deadline was already marked missed on 17 April 2026.',
        },
      ],
    });
  });
});

describe('Deadline: waive', () => {
  it('records who waived it and why', () => {
    expect(waive(request, 'officer-1', '  Service lead on leave; agreed by the chair.  ')).toEqual({
      ok: true,
      value: {
        ...request,
        state: 'waived',
        waivedBy: 'officer-1',
        waivedReason: 'Service lead on leave; agreed by the chair.',
      },
    });
  });

  it('needs a reason and a person, and lists every missing one', () => {
    const refused = waive(request, ' ', '');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusals.map((r) => r.code)).toEqual([
        'waiver-needs-person',
        'waiver-needs-reason',
      ]);
    }
  });

  it('refuses once met, with every reason', () => {
    const met = { ...request, state: 'met' as const, metAt: new Date('2026-03-03T12:00:00Z') };
    const refused = waive(met, 'officer-1', '');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusals.map((r) => r.code)).toEqual([
        'deadline-closed',
        'waiver-needs-reason',
      ]);
    }
  });
});

describe('Deadline: isOverdue', () => {
  it('is overdue only after the due instant while still owed', () => {
    expect(isOverdue(request, dueAt)).toBe(false);
    expect(isOverdue(request, new Date(dueAt.getTime() + 1))).toBe(true);
    const missed = { ...request, state: 'missed' as const };
    expect(isOverdue(missed, new Date('2026-05-01T10:00:00Z'))).toBe(true);
    const met = { ...request, state: 'met' as const };
    expect(isOverdue(met, new Date('2026-05-01T10:00:00Z'))).toBe(false);
  });
});

describe('Deadline: dueSoon for the nudge scheduler', () => {
  // Due end of Thursday 16 April 2026.
  it('counts working days ahead from today', () => {
    const tuesday = new Date('2026-04-14T08:00:00Z');
    expect(dueSoon(request, tuesday, 1, calendar)).toBe(false);
    expect(dueSoon(request, tuesday, 2, calendar)).toBe(true);
  });

  it('skips the weekend and Easter: on Thursday 2 April the deadline is 8 working days off', () => {
    const thursday = new Date('2026-04-02T08:00:00Z');
    expect(dueSoon(request, thursday, 7, calendar)).toBe(false);
    expect(dueSoon(request, thursday, 8, calendar)).toBe(true);
  });

  it('0 means due today; nothing is due soon once past due or closed', () => {
    expect(dueSoon(request, new Date('2026-04-16T20:00:00Z'), 0, calendar)).toBe(true);
    expect(dueSoon(request, new Date('2026-04-16T23:00:00Z'), 5, calendar)).toBe(false);
    const met = { ...request, state: 'met' as const };
    expect(dueSoon(met, new Date('2026-04-15T08:00:00Z'), 5, calendar)).toBe(false);
    expect(() => dueSoon(request, new Date('2026-04-15T08:00:00Z'), -1, calendar)).toThrow(
      RangeError,
    );
  });
});
