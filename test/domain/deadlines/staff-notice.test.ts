import { createWorkingDayCalendar } from '../../../src/domain/calendar';
import {
  checkStaffNotice,
  dueFor,
  hasEnoughNotice,
  latestInviteDate,
} from '../../../src/domain/deadlines';

const calendar = createWorkingDayCalendar({ region: 'england-and-wales' });
const meeting = new Date('2026-06-15T09:00:00Z'); // Monday 15 June 2026, 10:00 BST

describe('Sedgemoor ToR 6.1 and Trafford QIP terms: staff get at least 10 working days notice of a meeting', () => {
  it('the last day to invite is the meeting day counted back 10 working days', () => {
    expect(latestInviteDate(meeting, calendar)).toBe('2026-06-01');
    expect(dueFor('staff-attendance-notice', meeting, calendar).toISOString()).toBe(
      '2026-06-01T22:59:59.999Z',
    );
  });

  it('counts back over the early May bank holiday: a meeting on 12 May 2026 needs inviting by 27 April', () => {
    expect(latestInviteDate(new Date('2026-05-12T13:00:00Z'), calendar)).toBe('2026-04-27');
  });

  it('any time on the last day is enough; the next morning is not', () => {
    expect(hasEnoughNotice(new Date('2026-06-01T21:00:00Z'), meeting, calendar)).toBe(true);
    expect(hasEnoughNotice(new Date('2026-05-29T09:00:00Z'), meeting, calendar)).toBe(true);
    expect(hasEnoughNotice(new Date('2026-06-01T23:30:00Z'), meeting, calendar)).toBe(false);
    expect(hasEnoughNotice(new Date('2026-06-02T08:00:00Z'), meeting, calendar)).toBe(false);
  });

  it('tells the officer when the invitation had to go', () => {
    expect(checkStaffNotice(new Date('2026-06-02T08:00:00Z'), meeting, calendar)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'notice-too-short',
          message:
            "Staff must get at least 10 working days' notice to attend a meeting; for a meeting on 15 June 2026 the invitation had to go by 1 June 2026.",
        },
      ],
    });
    expect(checkStaffNotice(new Date('2026-06-01T08:00:00Z'), meeting, calendar)).toEqual({
      ok: true,
      value: true,
    });
  });
});
