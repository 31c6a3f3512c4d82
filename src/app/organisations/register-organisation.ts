import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../domain/calendar';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import type {
  CalendarRegionName,
  OrganisationRecord,
  Platform,
} from '../../store/organisations/organisation-model';
import { PersonBook } from '../../store/people/person-book';
import type { PersonRecord } from '../../store/people/person-model';
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
  const book = new OrganisationBook(ctx.db);
  const key = { platform: tenant.platform, platformTenantId: tenant.platformTenantId };
  const existing = await book.byTenant(key);
  if (existing) return existing;
  const { created, organisation } = await book.register({
    ...key,
    name: tenant.name,
    timeZone: tenant.timeZone,
    calendarRegion: tenant.calendarRegion ?? 'england-and-wales',
    createdAt: ctx.now(),
    createdBy: SYSTEM_ACTOR_ID,
  });
  // Only the racer that registered it records the registration.
  if (created)
    await new AuditTrail(ctx.db).append({
      organisationId: organisation._id,
      subject: { kind: 'organisation', id: organisation._id },
      action: 'organisation.registered',
      actorId: SYSTEM_ACTOR_ID,
      at: ctx.now(),
      details: { platform: tenant.platform },
    });
  return organisation;
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
  const book = new PersonBook(ctx.db);
  const existing = await book.byPlatformUser(organisationId, user.platformUserId);
  if (existing) {
    // Met first where no name was given (Slack's App Home event), they were filed under their
    // user id; the first message that carries a name puts it right.
    if (existing.displayName === user.platformUserId && user.displayName !== user.platformUserId) {
      await book.correctDisplayName(existing._id, user.displayName);
      existing.displayName = user.displayName;
    }
    if (user.chatUserId && existing.chatUserId !== user.chatUserId) {
      await book.correctChatUserId(existing._id, user.chatUserId);
      existing.chatUserId = user.chatUserId;
    }
    if (user.bootstrapOfficer && !existing.isOfficer) {
      await book.makeBootstrapOfficer(existing._id);
      await auditOfficer(ctx, organisationId, existing._id);
      return { ...existing, isOfficer: true };
    }
    return existing;
  }
  const { created, person } = await book.enrol({
    organisationId,
    platformUserId: user.platformUserId,
    ...(user.chatUserId ? { chatUserId: user.chatUserId } : {}),
    displayName: user.displayName,
    isOfficer: user.bootstrapOfficer ?? false,
    facts: {},
    createdAt: ctx.now(),
  });
  if (created && user.bootstrapOfficer) await auditOfficer(ctx, organisationId, person._id);
  return person;
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
  const organisation = await new OrganisationBook(ctx.db).get(organisationId);
  const key = `${organisation.calendarRegion} ${organisation.timeZone}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createWorkingDayCalendar({
      region: organisation.calendarRegion,
      zone: organisation.timeZone,
    });
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * One calendar per region and zone, made once: a calendar is pure (bank holidays by year), and
 * making one checks its zone with Intl, which showed in a profile of votes under load.
 */
const calendars = new Map<string, WorkingDayCalendar>();
