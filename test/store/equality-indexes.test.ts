import { startBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log/logger';
import { deadlineModel } from '../../src/store/deadlines/deadline-model';
import { indexEqualities } from '../../src/store/server/equality-indexes';
import { newId } from '../../src/store/model-registry';
import { useTestApp } from '../support/app';
import { testDatabaseUri } from '../support/database';

const postgresqlUrl = process.env.TEST_FERRETDB_POSTGRESQL_URL;
const app = useTestApp();

/** The plan PostgreSQL chose for a find, as FerretDB's explain passes it on. */
async function planOf(filter: Record<string, unknown>): Promise<string> {
  const explained = (await deadlineModel(app.db()).find(filter).explain()) as unknown as {
    queryPlanner?: unknown;
  };
  return JSON.stringify(explained.queryPlanner);
}

// Only FerretDB on PostgreSQL needs them; on SQLite or MongoDB there is nothing to check.
(postgresqlUrl ? describe : describe.skip)('equality indexes on FerretDB v1 on PostgreSQL', () => {
  beforeAll(async () => {
    // Enough rows that a sequential scan costs more than the index, as in a real database.
    await deadlineModel(app.db()).insertMany(
      Array.from({ length: 2000 }, (_, i) => ({
        _id: newId(),
        organisationId: `org-${i % 40}`,
        kind: 'information-request',
        subject: { kind: 'test', id: `s-${i}` },
        ownerId: `p-${i % 25}`,
        dueAt: new Date('2026-12-15T00:00:00Z'),
        state: 'open',
        createdAt: new Date('2026-12-01T00:00:00Z'),
        createdBy: 'test',
        version: 0,
        nudgeHour: 490000 + (i % 100),
      })),
    );
  });

  it('serves lookups by _id and by the first top-level field of each declared index', async () => {
    const [one] = await deadlineModel(app.db()).find().limit(1).lean();
    expect(one).toBeDefined();
    expect(await planOf({ _id: one?._id })).toContain('Index Scan');
    expect(await planOf({ nudgeHour: 490007 })).toContain('Index Scan');
    expect(await planOf({ ownerId: 'p-3', state: 'open' })).toContain('Index Scan');
    // The unique key leads with `subject.kind`, which FerretDB v1 does not pass on: its first
    // top-level field is indexed instead, so the lookup by subject and owner is served too.
    expect(
      await planOf({ 'subject.kind': 'test', 'subject.id': 's-7', kind: 'x', ownerId: 'p-7' }),
    ).toContain('Index Scan');
    // A field no index leads with is still read in full: the indexes are the ones asked for.
    expect(await planOf({ createdBy: 'test' })).not.toContain('Index Scan');
  });

  it('asking again changes nothing, and a collection not yet created is passed over', async () => {
    const again = await indexEqualities(postgresqlUrl ?? '', app.db().name, [
      { collection: 'deadlines', fields: ['_id', 'nudgeHour'] },
      { collection: 'never_written', fields: ['_id'] },
    ]);
    expect(again).toBe(0);
    expect(await planOf({ nudgeHour: 490007 })).toContain('Index Scan');
  });
});

describe('a PostgreSQL the bot cannot reach for these indexes', () => {
  it('does not stop the bot: it starts, serves, and says lookups will read whole collections', async () => {
    const lines: string[] = [];
    const config = loadConfig({
      MONGODB_URI: testDatabaseUri('unreachable-postgresql'),
      // Port 1 on loopback: nothing listens there.
      FERRETDB_POSTGRESQL_URL: 'postgres://nobody@127.0.0.1:1/none',
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const bot = await startBot(
      config,
      createLogger('warn', { write: (line: string) => void lines.push(line) }),
      { runSchedules: false },
    );
    try {
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
      expect(lines.join('')).toContain('could not add the PostgreSQL indexes');
    } finally {
      await bot.stop();
    }
  });
});
