import { startDeadline } from '../../../src/app/deadlines/start-deadline';
import { sendMorningDigests } from '../../../src/app/nudges/morning-digest';
import { createLogger } from '../../../src/log/logger';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';
import { RecordingMessenger } from '../../support/recording-messenger';

const app = useTestApp('2026-12-01T10:00:00Z');
const log = createLogger('silent');

describe('the officers’ morning digest', () => {
  it('lists what is overdue and what falls due this week, once a working morning, not on a bank holiday', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx, 'Digest Homes');
    const officer = await seedPerson(ctx, org._id, 'Dee Digest', { officer: true });
    const lead = await seedPerson(ctx, org._id, 'Les Lead');
    for (const [id, dueOn] of [
      ['late', '2026-12-18'],
      ['this-week', '2026-12-24'],
      ['next-year', '2027-01-15'],
    ] as const)
      await startDeadline(ctx, {
        organisationId: org._id,
        kind: 'improvement-plan',
        subject: { kind: 'review', id: `digest-${id}` },
        ownerId: lead.personId,
        from: ctx.now(),
        dueOn,
        startedBy: officer.personId,
      });

    const messenger = new RecordingMessenger();
    app.setNow('2026-12-21T08:00:00Z'); // Monday
    await sendMorningDigests(app.ctx(), messenger, 'one', log);
    await sendMorningDigests(app.ctx(), messenger, 'two', log); // another instance, same morning
    const digests = messenger.sent.filter(
      (s) => s.to.kind === 'person' && s.to.personId === officer.personId,
    );
    expect(digests).toHaveLength(1);
    const model = digests[0]?.message.card?.viewModel as {
      overdue: Array<{ due: string; owner: string }>;
      thisWeek: Array<{ due: string }>;
    };
    expect(model.overdue.map((d) => d.due)).toEqual(['Friday 18 December 2026']);
    expect(model.overdue[0]?.owner).toBe('Les Lead');
    expect(model.thisWeek.map((d) => d.due)).toEqual(['Thursday 24 December 2026']);

    app.setNow('2026-12-28T08:00:00Z'); // the Boxing Day substitute holiday
    await sendMorningDigests(app.ctx(), messenger, 'one', log);
    expect(
      messenger.sent.filter((s) => s.to.kind === 'person' && s.to.personId === officer.personId),
    ).toHaveLength(1);
  });
});
