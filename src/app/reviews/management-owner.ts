import type { Refusal } from '../../domain/shared/result';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import type { AppContext } from '../shared/context';

/**
 * Sedgemoor ToR 6.2 puts the duty to answer the agreed recommendations on senior management,
 * so whoever owns it must be the landlord's own: an officer, or staff in one of its groups. A
 * tenant on the panel cannot be made to answer for the service.
 */
export async function whyNotManagement(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<Refusal[]> {
  return whyNotLandlordStaff(ctx, organisationId, personId, {
    code: 'review.management-not-staff',
    because: 'so cannot answer for management',
  });
}

/**
 * Sedgemoor ToR 6.1 and Trafford QIP ToR 7 let the panel call "any member of staff" to its
 * meetings on notice; a tenant is not called that way, so only the landlord's own are invited.
 */
export async function whyNotStaffToCall(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<Refusal[]> {
  return whyNotLandlordStaff(ctx, organisationId, personId, {
    code: 'review.invitee-not-staff',
    because: 'so cannot be called to a meeting on notice',
  });
}

async function whyNotLandlordStaff(
  ctx: AppContext,
  organisationId: string,
  personId: string,
  refusal: { code: string; because: string },
): Promise<Refusal[]> {
  const person = await new PersonBook(ctx.db).inOrganisation(organisationId, personId);
  if (person?.isOfficer) return [];
  const memberships = await new MembershipRoll(ctx.db).ofPerson(organisationId, personId);
  if (memberships.some((m) => m.roles.includes('staff') && m.status.kind !== 'withdrawn'))
    return [];
  const name = person?.displayName ?? 'That person';
  return [
    {
      code: refusal.code,
      message: `${name} is not staff or an officer here, ${refusal.because}; add them to a group with role:staff first, or name someone who is.`,
    },
  ];
}
