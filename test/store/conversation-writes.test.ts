import type { Activity } from 'botbuilder';
import { speakerOf } from '../../src/app/conversations/speaker';
import { teamsSpeakerOf } from '../../src/channels/teams/teams-speaker';
import { conversationModel } from '../../src/store/conversations/conversation-model';
import { useTestDatabase } from '../support/database';

const CHANNEL = '19:busy-channel@thread.tacv2';

/** A channel message as Teams sends it, from one person, in a thread of its own. */
function channelMessage(aad: string, name: string, id: string): Activity {
  return {
    type: 'message',
    id,
    serviceUrl: 'https://smba.busy.example/',
    channelId: 'msteams',
    from: { id: `29:1${aad}`, name, aadObjectId: aad },
    conversation: {
      id: `${CHANNEL};messageid=${id}`,
      conversationType: 'channel',
      tenantId: 'tenant-busy',
      isGroup: true,
      name: '',
    },
    recipient: { id: '28:bot', name: 'Scrutiny' },
    channelData: { tenant: { id: 'tenant-busy' }, channel: { id: CHANNEL }, team: { id: CHANNEL } },
  } as unknown as Activity;
}

describe('a channel’s stored reference', () => {
  const db = useTestDatabase();
  const settings = { timeZone: 'Europe/London', bootstrapOfficers: [] };

  it('is stored once, not rewritten by each person who writes there, in whichever thread', async () => {
    const ctx = { db: db(), now: () => new Date('2026-03-02T10:00:00Z') };
    await speakerOf(
      ctx,
      teamsSpeakerOf(channelMessage('aad-member', 'Megan', '1700000000001')),
      settings,
    );
    const conversations = conversationModel(db());
    const first = await conversations.findOne({ conversationId: CHANNEL }).lean();
    expect(first?.reference).not.toHaveProperty('user');
    expect(first?.reference).not.toHaveProperty('activityId');
    expect(first?.reference).toMatchObject({ conversation: { id: CHANNEL } });
    // Marked old, so a rewrite would show.
    const old = new Date('2026-01-01T00:00:00Z');
    await conversations.updateOne({ conversationId: CHANNEL }, { $set: { storedAt: old } });
    await speakerOf(
      ctx,
      teamsSpeakerOf(channelMessage('aad-other', 'Otto', '1700000000002')),
      settings,
    );
    const after = await conversations.findOne({ conversationId: CHANNEL }).lean();
    expect(after?.storedAt).toEqual(old);
    expect(await conversations.countDocuments({})).toBe(1);
  });
});
