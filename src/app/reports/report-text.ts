import { blindText } from '../../domain/checks/blinding';
import { DEFAULT_ZONE } from '../../domain/calendar';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import type { AppContext } from '../shared/context';
import type { Blinding } from '../checks/findings-views';

/** Free text as it may leave the panel: blinded where the group's policy says so. */
export function outward(text: string, blinding: Blinding): string {
  return blinding.on ? blindText(text, blinding.names).text : text;
}

/** "YYYY-MM-DD" of an instant in the organisation's time zone. */
export function localDateOf(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The organisation's time zone, in which its dates and periods are counted. */
export async function organisationZone(ctx: AppContext, organisationId: string): Promise<string> {
  return (await new OrganisationBook(ctx.db).timeZoneOf(organisationId)) ?? DEFAULT_ZONE;
}
