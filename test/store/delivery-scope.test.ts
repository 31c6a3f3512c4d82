import { Types } from 'mongoose';
import { AuditTrail } from '../../src/store/audit/audit-trail';
import { auditEntryModel } from '../../src/store/audit/audit-entry-model';
import { conductEventModel } from '../../src/store/conduct/conduct-event-model';
import { ConductLog } from '../../src/store/conduct/conduct-log';
import { FirstRunWroteError, inDeliveryScope } from '../../src/store/delivery-scope';
import { InboundLedger, TAKE_OVER_AFTER_MS } from '../../src/store/inbound-ledger';
import { newId } from '../../src/store/model-registry';
import { useTestApp } from '../support/app';

const app = useTestApp();

const entry = (action: string, at: string) => ({
  organisationId: 'org-scope',
  subject: { kind: 'test', id: 'scope' },
  action,
  actorId: 'officer',
  at: new Date(at),
});

describe('records made while handling a delivery', () => {
  it('get ids that follow from the delivery, in the order they were made', async () => {
    const seed = new Types.ObjectId().toHexString();
    const run = () =>
      inDeliveryScope({ id: 'teams:activity-1', seed, replay: false }, () =>
        Promise.resolve([newId(), newId(), newId()]),
      );
    const first = await run();
    expect(await run()).toEqual(first);
    expect([...first].sort()).toEqual(first);
    expect(new Set(first).size).toBe(3);
    // Another delivery, or none, gets others.
    const other = await inDeliveryScope(
      { id: 'teams:activity-2', seed: new Types.ObjectId().toHexString(), replay: false },
      () => Promise.resolve(newId()),
    );
    expect(first).not.toContain(other);
    expect(newId()).not.toBe(newId());
  });

  it('sort in the order they were made among ids made outside any delivery', async () => {
    // A command's claim, an id made by other work, then a later claim: in one second, in one
    // process, as a test with a fixed clock has them (records with the same time sort by _id).
    const made: string[] = [];
    const firstSeed = new Types.ObjectId().toHexString();
    const plain = newId();
    const laterSeed = new Types.ObjectId().toHexString();
    const inScope = (id: string, seed: string) =>
      inDeliveryScope({ id, seed, replay: false }, () => Promise.resolve([newId(), newId()]));
    made.push(...(await inScope('slack:command-1', firstSeed)), plain);
    made.push(...(await inScope('slack:command-2', laterSeed)), newId());
    if (new Set(made.map((id) => id.slice(0, 8))).size === 1)
      expect([...made].sort()).toEqual(made);
    expect(made.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
  });

  it('a second run writes only what the first never reached', async () => {
    const seed = new Types.ObjectId().toHexString();
    const trail = new AuditTrail(app.db());
    // The first run writes one entry, then its process dies.
    await inDeliveryScope({ id: 'teams:activity-3', seed, replay: false }, () =>
      trail.append(entry('first.step', '2026-03-02T09:00:00Z')),
    );
    // The second, a minute later, makes the same entry (its own time) and then the next.
    await inDeliveryScope({ id: 'teams:activity-3', seed, replay: true }, async () => {
      await trail.append(entry('first.step', '2026-03-02T09:01:00Z'));
      await trail.append(entry('second.step', '2026-03-02T09:01:00Z'));
    });
    const stored = await auditEntryModel(app.db())
      .find({ organisationId: 'org-scope', action: { $in: ['first.step', 'second.step'] } })
      .lean();
    expect(stored.map((e) => [e.action, e.at.toISOString()]).sort()).toEqual([
      ['first.step', '2026-03-02T09:00:00.000Z'],
      ['second.step', '2026-03-02T09:01:00.000Z'],
    ]);
  });

  it('a second run that would write the record under another unique key stops, writing nothing', async () => {
    const seed = new Types.ObjectId().toHexString();
    const log = new ConductLog(app.db());
    const trail = new AuditTrail(app.db());
    const warning = (number: number) => ({
      organisationId: 'org-scope',
      groupId: 'group-scope',
      subjectId: 'member-scope',
      kind: 'warned' as const,
      number,
      meetingOn: '2026-03-02',
      key: `warning-2026-03-02-${number}`,
      by: 'officer',
      at: new Date('2026-03-02T09:00:00Z'),
    });
    await inDeliveryScope({ id: 'teams:activity-4', seed, replay: false }, () =>
      log.append(warning(1)),
    );
    // The second run has read the first's warning, and would give warning 2 in its place.
    await expect(
      inDeliveryScope({ id: 'teams:activity-4', seed, replay: true }, async () => {
        await log.append(warning(2));
        await trail.append(entry('after.that', '2026-03-02T09:01:00Z'));
      }),
    ).rejects.toBeInstanceOf(FirstRunWroteError);
    expect(await conductEventModel(app.db()).countDocuments({ subjectId: 'member-scope' })).toBe(1);
    expect(await auditEntryModel(app.db()).countDocuments({ action: 'after.that' })).toBe(0);
  });
});

describe('the inbound ledger, for a delivery whose handling died', () => {
  const at = (iso: string) => new Date(iso);

  it('turns repeats away while the first may still be running, then lets one take over', async () => {
    const ledger = new InboundLedger(app.db());
    const first = await ledger.claimOrRecall('teams:died-1', at('2026-03-02T09:00:00Z'));
    expect(first.first).toBe(true);
    const soon = await ledger.claimOrRecall('teams:died-1', at('2026-03-02T09:00:10Z'));
    expect(soon).toMatchObject({ first: false, finished: false });
    expect(await ledger.takeOver(soon, 'teams:died-1', at('2026-03-02T09:00:10Z'))).toBe(false);
    const afterTimeout = new Date(Date.parse('2026-03-02T09:00:00Z') + TAKE_OVER_AFTER_MS);
    const repeat = await ledger.claimOrRecall('teams:died-1', afterTimeout);
    const [one, two] = await Promise.all([
      ledger.takeOver(repeat, 'teams:died-1', afterTimeout),
      ledger.takeOver(repeat, 'teams:died-1', afterTimeout),
    ]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    await ledger.finish('teams:died-1', afterTimeout);
    expect(await ledger.claimOrRecall('teams:died-1', afterTimeout)).toMatchObject({
      first: false,
      finished: true,
    });
  });

  it('a claim left by a failed turn can be taken over at once, with its seed', async () => {
    const ledger = new InboundLedger(app.db());
    const now = at('2026-03-02T10:00:00Z');
    const first = await ledger.claimOrRecall('teams:failed-1', now);
    await ledger.abandon('teams:failed-1', now);
    const repeat = await ledger.claimOrRecall('teams:failed-1', now);
    expect(ledger.mayTakeOver(repeat, now)).toBe(true);
    expect(repeat.seed).toBe(first.seed);
  });
});
