import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates } from '../calendar/local-date';
import type { MembershipPolicy } from '../groups/membership-policy';
import type { Refusal, Result } from '../shared/result';
import { ok, refuse, unlessRefused } from '../shared/result';
import type { MembershipFacts } from './membership-facts';
import { readableDate } from './readable-date';

/**
 * Moves between membership statuses. Each returns a new membership or every reason it cannot
 * move; none mutates its input. Who may make each move (officer, chair, a vote) is the app's
 * business, and the breach ladder that leads here is the policy's `conduct` data.
 */

export interface StatusChange {
  reason: string;
  on: LocalDate;
}

/** Torus TIMS ToR Safeguards: a member in breach of tenancy "will be suspended, pending investigation". */
export function suspend(
  membership: MembershipFacts,
  change: StatusChange,
): Result<MembershipFacts> {
  const refusals = [...reasonGiven(change.reason), ...notEnded(membership)];
  if (membership.status.kind === 'suspended')
    refusals.push({
      code: 'membership.already-suspended',
      message: `This membership has been suspended since ${readableDate(membership.status.since)}.`,
    });
  // A running bar is the stronger measure; suspending would quietly end it.
  if (
    membership.status.kind === 'barred' &&
    compareLocalDates(change.on, membership.status.until) < 0
  )
    refusals.push({
      code: 'membership.barred',
      message: `This member is barred until ${readableDate(membership.status.until)}, which a suspension would cut short.`,
    });
  return unlessRefused(refusals, () => ({
    ...membership,
    status: { kind: 'suspended', reason: change.reason.trim(), since: change.on },
  }));
}

/**
 * Torus TIMS ToR Exclusions: a live complaint may suspend a member "until the complaint is fully
 * resolved". Refused where the group's policy says otherwise (Sedgemoor ToR 9.2: an ongoing
 * complaint is noted as a declared interest, not a bar).
 */
export function suspendForLiveComplaint(
  policy: MembershipPolicy,
  membership: MembershipFacts,
  since: LocalDate,
): Result<MembershipFacts> {
  if (!policy.liveComplaintSuspends)
    return refuse(
      'membership.complaint-does-not-suspend',
      'This group does not suspend members with a live complaint; record it as a declaration of interest instead.',
    );
  return suspend(membership, {
    reason: 'A live complaint is in the complaints process, until it is fully resolved.',
    on: since,
  });
}

export function liftSuspension(membership: MembershipFacts): Result<MembershipFacts> {
  if (membership.status.kind !== 'suspended')
    return refuse('membership.not-suspended', 'This membership is not suspended.');
  return ok({ ...membership, status: { kind: 'active' } });
}

/**
 * Sedgemoor ToR 11.1: membership withdrawn for aggressive or offensive behaviour; also a member
 * resigning (Torus TIMS ToR: "inform the Tenant Voice team in writing").
 */
export function withdraw(
  membership: MembershipFacts,
  change: StatusChange,
): Result<MembershipFacts> {
  const refusals = [...reasonGiven(change.reason)];
  if (membership.status.kind === 'withdrawn')
    refusals.push({
      code: 'membership.already-withdrawn',
      message: `This membership was already withdrawn on ${readableDate(membership.status.on)}.`,
    });
  return unlessRefused(refusals, () => ({
    ...membership,
    status: { kind: 'withdrawn', reason: change.reason.trim(), on: change.on },
  }));
}

/**
 * Southampton Code of Conduct: "The members present can also vote as to whether the
 * tenant/leaseholder should be barred from the group for a period of time."
 */
export function barUntil(
  membership: MembershipFacts,
  bar: { until: LocalDate; reason: string; asOf: LocalDate },
): Result<MembershipFacts> {
  const refusals = [...reasonGiven(bar.reason), ...notEnded(membership)];
  if (compareLocalDates(bar.until, bar.asOf) <= 0)
    refusals.push({
      code: 'membership.bar-must-end-later',
      message: `A bar must end after today (${readableDate(bar.asOf)}); ${readableDate(bar.until)} is not.`,
    });
  return unlessRefused(refusals, () => ({
    ...membership,
    status: { kind: 'barred', until: bar.until, reason: bar.reason.trim() },
  }));
}

function reasonGiven(reason: string): Refusal[] {
  return reason.trim() === ''
    ? [
        {
          code: 'membership.reason-required',
          message: 'Give a reason: the record must show why the membership changed.',
        },
      ]
    : [];
}

function notEnded(membership: MembershipFacts): Refusal[] {
  return membership.status.kind === 'withdrawn'
    ? [
        {
          code: 'membership.already-withdrawn',
          message: `This membership was withdrawn on ${readableDate(membership.status.on)}.`,
        },
      ]
    : [];
}
