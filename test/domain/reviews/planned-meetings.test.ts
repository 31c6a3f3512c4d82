import { createWorkingDayCalendar } from '../../../src/domain/calendar';
import {
  earliestWithNotice,
  meetingsStillPlanned,
  openReview,
  planMeeting,
  recordMeeting,
  SEDGEMOOR_REVIEW_POLICY,
  type Review,
} from '../../../src/domain/reviews';

const calendar = createWorkingDayCalendar({ region: 'england-and-wales', zone: 'Europe/London' });
const TEN_DAYS = { workingDays: 10, calendar };

function opened(): Review {
  const result = openReview({
    id: 'r1',
    groupId: 'g1',
    title: 'Repairs',
    topicSource: 'complaints',
    depth: 'full',
    policy: SEDGEMOOR_REVIEW_POLICY,
    openedOn: '2026-12-01',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

const plan = (on: string, invited: string[] = ['staff-1']) => ({
  on,
  invited,
  by: 'officer-1',
  today: '2026-12-18',
});

describe('planning a review meeting with staff invited', () => {
  it('Sedgemoor ToR 6.1: 10 working days from Friday 18 December 2026 skip Christmas, the Boxing Day substitute and New Year', () => {
    expect(earliestWithNotice('2026-12-18', TEN_DAYS)).toBe('2027-01-06');
  });

  it('refuses a meeting at 9 working days with the earliest allowed date, and plans one at 10', () => {
    const short = planMeeting(opened(), plan('2027-01-05'), TEN_DAYS);
    expect(!short.ok && short.refusals.map((r) => r.code)).toEqual([
      'review.staff-notice-too-short',
    ]);
    expect(!short.ok && short.refusals[0]?.message).toContain('6 January 2027');
    const enough = planMeeting(opened(), plan('2027-01-06'), TEN_DAYS);
    expect(enough.ok && enough.value.plannedMeetings).toEqual([
      { on: '2027-01-06', invited: ['staff-1'], plannedBy: 'officer-1', plannedOn: '2026-12-18' },
    ]);
  });

  it('enforces no notice where the terms set none, or where no staff are invited', () => {
    expect(planMeeting(opened(), plan('2026-12-21')).ok).toBe(true);
    expect(planMeeting(opened(), plan('2026-12-21', []), TEN_DAYS).ok).toBe(true);
  });

  it('refuses a day already past, and adds later invitees to a meeting already planned that day', () => {
    const past = planMeeting(opened(), plan('2026-12-17'), TEN_DAYS);
    expect(!past.ok && past.refusals.map((r) => r.code)).toEqual(['review.meeting-plan-in-past']);
    const first = planMeeting(opened(), plan('2027-01-06'), TEN_DAYS);
    if (!first.ok) throw new Error('not planned');
    const second = planMeeting(first.value, plan('2027-01-06', ['staff-2', 'staff-1']), TEN_DAYS);
    expect(second.ok && second.value.plannedMeetings?.[0]?.invited).toEqual(['staff-1', 'staff-2']);
  });

  it('a planned meeting no longer shows as planned once a meeting that day is recorded as held', () => {
    const planned = planMeeting(opened(), plan('2027-01-06'), TEN_DAYS);
    if (!planned.ok) throw new Error('not planned');
    expect(meetingsStillPlanned(planned.value)).toHaveLength(1);
    const held = recordMeeting(planned.value, { on: '2027-01-06', attendees: 6 });
    expect(held.ok && meetingsStillPlanned(held.value)).toEqual([]);
  });

  it('reads a review stored before meetings could be planned', () => {
    const old = opened();
    expect(old.plannedMeetings).toBeUndefined();
    expect(meetingsStillPlanned(old)).toEqual([]);
  });
});
