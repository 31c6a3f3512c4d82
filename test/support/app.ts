import type { Connection } from 'mongoose';
import { organisationFor, personFor } from '../../src/app/organisations/register-organisation';
import type { Actor } from '../../src/app/shared/actor';
import type { AppContext } from '../../src/app/shared/context';
import { prepareModels, type PrepareOptions } from '../../src/store/model-registry';
import { equalityIndexing } from '../../src/store/server/equality-indexes';
import { personModel } from '../../src/store/people/person-model';
import { useTestDatabase } from './database';

export interface TestApp {
  ctx(): AppContext;
  db(): Connection;
  /** Moves the app's clock; use-cases read it through ctx.now. */
  setNow(at: string | Date): void;
}

/** A database of the test file's own, indexes built, and a clock the test controls. */
export function useTestApp(startAt = '2026-03-02T09:00:00Z'): TestApp {
  const db = useTestDatabase();
  let now = new Date(startAt);
  beforeAll(async () => {
    await prepareModels(db(), testPrepareOptions());
  });
  return {
    ctx: () => ({ db: db(), now: () => now }),
    db,
    setNow: (at) => {
      now = new Date(at);
    },
  };
}

/** Prepares models as the bot would on the run's server, with its equality indexes. */
export function testPrepareOptions(): PrepareOptions {
  return equalityIndexing(process.env.TEST_FERRETDB_POSTGRESQL_URL);
}

let tenantCounter = 0;

/** A landlord on Teams, in England, keeping London time. */
export async function seedOrganisation(ctx: AppContext, name = 'Test Homes') {
  tenantCounter += 1;
  return organisationFor(ctx, {
    platform: 'teams',
    platformTenantId: `tenant-${process.pid}-${tenantCounter}`,
    name,
    timeZone: 'Europe/London',
  });
}

export async function seedPerson(
  ctx: AppContext,
  organisationId: string,
  name: string,
  options: { officer?: boolean; facts?: Record<string, unknown> } = {},
): Promise<Actor & { displayName: string }> {
  const person = await personFor(ctx, organisationId, {
    platformUserId: `user-${name.toLowerCase().replace(/\W+/g, '-')}`,
    displayName: name,
    bootstrapOfficer: options.officer,
  });
  if (options.facts) {
    await personModel(ctx.db).updateOne({ _id: person._id }, { $set: { facts: options.facts } });
  }
  return { organisationId, personId: person._id, displayName: name };
}
