import mongoose from 'mongoose';
import { ReadCache, STALE_AFTER_MS } from '../../src/store/cache/read-cache';
import { GroupBook } from '../../src/store/groups/group-book';
import { groupModel } from '../../src/store/groups/group-model';
import { OrganisationBook } from '../../src/store/organisations/organisation-book';
import { organisationModel } from '../../src/store/organisations/organisation-model';
import { updateIfUnchanged } from '../../src/store/versioned-update';
import { testDatabaseUri, useTestDatabase } from '../support/database';

/** A read the test finishes when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the read cache', () => {
  it('reads once for callers that ask together, and again after the staleness bound', async () => {
    let now = 0;
    const cache = new ReadCache(() => now);
    let reads = 0;
    const load = async () => ({ n: ++reads });
    const together = await Promise.all([1, 2, 3].map(() => cache.get('groups', 'g1', load)));
    expect(together).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    now = STALE_AFTER_MS - 1;
    expect(await cache.get('groups', 'g1', load)).toEqual({ n: 1 });
    now = STALE_AFTER_MS + 1;
    expect(await cache.get('groups', 'g1', load)).toEqual({ n: 2 });
    expect(reads).toBe(2);
  });

  it('never serves a read that raced a write of this process', async () => {
    const cache = new ReadCache(() => 0);
    const slow = deferred<{ policy: string }>();
    const first = cache.get('groups', 'g1', () => slow.promise);
    // The write lands while the read is on its way, so the read may hold the old policy.
    cache.written('groups');
    slow.resolve({ policy: 'old' });
    expect(await first).toEqual({ policy: 'old' });
    expect(await cache.get('groups', 'g1', async () => ({ policy: 'new' }))).toEqual({
      policy: 'new',
    });
  });

  it('hands out copies, so a caller changing its record changes nobody else’s', async () => {
    const cache = new ReadCache(() => 0);
    const mine = await cache.get('organisations', 'o1', async () => ({ name: 'Sedgemoor' }));
    mine.name = 'changed by a caller';
    expect(await cache.get('organisations', 'o1', async () => ({ name: 'read again' }))).toEqual({
      name: 'Sedgemoor',
    });
  });

  it('does not remember a failed read', async () => {
    const cache = new ReadCache(() => 0);
    await expect(
      cache.get('groups', 'g1', async () => {
        throw new Error('server went away');
      }),
    ).rejects.toThrow('server went away');
    expect(await cache.get('groups', 'g1', async () => 'read')).toBe('read');
  });
});

describe('records kept in memory', () => {
  const db = useTestDatabase();
  const at = new Date('2026-12-01T10:00:00Z');

  async function organisation(name: string) {
    const { organisation } = await new OrganisationBook(db()).register({
      name,
      platform: 'teams',
      platformTenantId: `tenant-${name}`,
      timeZone: 'Europe/London',
      calendarRegion: 'england-and-wales',
      createdAt: at,
      createdBy: 'system',
    });
    return organisation;
  }

  /** A group with a policy of one field, enough to see which copy a read returns. */
  function panel(organisationId: string, name: string, conversationId?: string) {
    return new GroupBook(db()).create({
      organisationId,
      name,
      kind: 'scrutiny-panel',
      presetKey: 'southampton',
      policy: { quorum: 5 } as never,
      ...(conversationId ? { conversationId } : {}),
      createdAt: at,
      createdBy: 'system',
    });
  }

  it('show this instance’s own changes at once, whichever way they were written', async () => {
    const org = await organisation('Own');
    const organisations = new OrganisationBook(db());
    expect((await organisations.get(org._id)).calendarRegion).toBe('england-and-wales');
    await organisationModel(db()).updateOne(
      { _id: org._id },
      { $set: { calendarRegion: 'scotland' } },
    );
    expect((await organisations.get(org._id)).calendarRegion).toBe('scotland');

    const groups = new GroupBook(db());
    const group = await panel(org._id, 'Panel', '19:own@thread.tacv2');
    expect(await groups.idForConversation(org._id, '19:own@thread.tacv2')).toBe(group._id);
    expect((await groups.get(group._id)).policy).toEqual({ quorum: 5 });
    // A policy change goes through the versioned update, as `group policy set` does.
    await updateIfUnchanged(groupModel(db()), group._id, 0, { policy: { quorum: 6 } });
    expect((await groups.get(group._id)).policy).toEqual({ quorum: 6 });
    await groupModel(db()).updateOne({ _id: group._id }, { $unset: { conversationId: '' } });
    expect(await groups.idForConversation(org._id, '19:own@thread.tacv2')).toBeUndefined();
    await expect(groups.get(group._id, 'another-organisation')).rejects.toThrow();
  });

  it('show another instance’s change only after the staleness bound', async () => {
    const org = await organisation('Other');
    const here = new GroupBook(db());
    const organisations = new OrganisationBook(db());
    const group = await panel(org._id, 'Other panel');
    expect((await here.get(group._id)).policy).toEqual({ quorum: 5 });
    expect((await organisations.get(org._id)).timeZone).toBe('Europe/London');
    // Another bot process: its own connection, so its own cache and its own writes.
    const other = await mongoose.createConnection(testDatabaseUri()).asPromise();
    try {
      await groupModel(other).updateOne({ _id: group._id }, { $set: { policy: { quorum: 7 } } });
      expect((await new GroupBook(other).get(group._id)).policy).toEqual({ quorum: 7 });
      await organisationModel(other).updateOne(
        { _id: org._id },
        { $set: { timeZone: 'Europe/Belfast' } },
      );
      // Still the copies read before: this instance was not the writer.
      expect((await here.get(group._id)).policy).toEqual({ quorum: 5 });
      expect((await organisations.get(org._id)).timeZone).toBe('Europe/London');
    } finally {
      await other.close();
    }
  });
});
