import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../domain/calendar';
import { isDuplicateKeyError } from '../../store/connection';
import {
  organisationModel,
  type CalendarRegionName,
  type OrganisationRecord,
  type Platform,
} from '../../store/organisations/organisation-model';
import { personModel, type PersonRecord } from '../../store/people/person-model';
import { AuditTrail } from '../../store/audit/audit-trail';
import { SYSTEM_ACTOR_ID } from '../shared/actor';
import type { AppContext } from '../shared/context';

/**
 * The organisation a Teams tenant or Slack workspace stands for, created the first time anyone
 * there talks to the bot. Safe to call on every message: the unique index settles races.
 */
export async function organisationFor(
  ctx: AppContext,
  tenant: {
    platform: Platform;
    platformTenantId: string;
    name: string;
    timeZone: string;
    calendarRegion?: CalendarRegionName;
  },
): Promise<OrganisationRecord> {
  const model = organisationModel(ctx.db);
  const key = { platform: tenant.platform, platformTenantId: tenant.platformTenantId };
  const existing = await model.findOne(key).lean();
  if (existing) return existing;
  try {
    const created = await model.create({
      ...key,
      name: tenant.name,
      timeZone: tenant.timeZone,
      calendarRegion: tenant.calendarRegion ?? 'england-and-wales',
      createdAt: ctx.now(),
      createdBy: SYSTEM_ACTOR_ID,
    });
    await new AuditTrail(ctx.db).append({
      organisationId: created._id,
      subject: { kind: 'organisation', id: created._id },
      action: 'organisation.registered',
      actorId: SYSTEM_ACTOR_ID,
      at: ctx.now(),
      details: { platform: tenant.platform },
    });
    return created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return model.findOne(key).lean<OrganisationRecord>().orFail();
  }
}

/**
 * The person behind a chat user, created on first contact. People listed as bootstrap
 * officers in the configuration become officers, so the first groups can be set up.
 */
export async function personFor(
  ctx: AppContext,
  organisationId: string,
  user: {
    platformUserId: string;
    chatUserId?: string;
    displayName: string;
    bootstrapOfficer?: boolean;
  },
): Promise<PersonRecord> {
  const model = personModel(ctx.db);
  const key = { organisationId, platformUserId: user.platformUserId };
  const existing = await model.findOne(key).lean();
  if (existing) {
    // Met first where no name was given (Slack's App Home event), they were filed under their
    // user id; the first message that carries a name puts it right.
    if (existing.displayName === user.platformUserId && user.displayName !== user.platformUserId) {
      await model.updateOne({ _id: existing._id }, { displayName: user.displayName });
      existing.displayName = user.displayName;
    }
    if (user.chatUserId && existing.chatUserId !== user.chatUserId) {
      await model.updateOne({ _id: existing._id }, { chatUserId: user.chatUserId });
      existing.chatUserId = user.chatUserId;
    }
    if (user.bootstrapOfficer && !existing.isOfficer) {
      await model.updateOne({ _id: existing._id }, { isOfficer: true, $inc: { version: 1 } });
      await auditOfficer(ctx, organisationId, existing._id);
      return { ...existing, isOfficer: true };
    }
    return existing;
  }
  try {
    const created = await model.create({
      ...key,
      ...(user.chatUserId ? { chatUserId: user.chatUserId } : {}),
      displayName: user.displayName,
      isOfficer: user.bootstrapOfficer ?? false,
      facts: {},
      createdAt: ctx.now(),
    });
    if (user.bootstrapOfficer) await auditOfficer(ctx, organisationId, created._id);
    return created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return model.findOne(key).lean<PersonRecord>().orFail();
  }
}

async function auditOfficer(ctx: AppContext, organisationId: string, personId: string) {
  await new AuditTrail(ctx.db).append({
    organisationId,
    subject: { kind: 'person', id: personId },
    action: 'person.made-officer',
    actorId: SYSTEM_ACTOR_ID,
    at: ctx.now(),
    reason: 'listed in BOOTSTRAP_OFFICERS',
  });
}

/** The organisation's working-day calendar, for deadlines. */
export async function calendarOf(
  ctx: AppContext,
  organisationId: string,
): Promise<WorkingDayCalendar> {
  const organisation = await organisationModel(ctx.db).findById(organisationId).lean().orFail();
  return createWorkingDayCalendar({
    region: organisation.calendarRegion,
    zone: organisation.timeZone,
  });
}
