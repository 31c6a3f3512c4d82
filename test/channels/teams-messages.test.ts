import nock from 'nock';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork, post } from '../support/http';

const SERVICE_URL = 'https://smba.test.example/teams/';

function messageActivity(text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: 'activity-1',
    timestamp: new Date().toISOString(),
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: { id: '29:member-1', name: 'A Member', aadObjectId: 'aad-member-1' },
    conversation: { id: 'a:conversation-1', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Scrutiny' },
    text,
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

describe('Teams messages on POST /api/messages (emulator mode)', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot();
  const url = () => `${bot().url}/api/messages`;

  it('replies to a message activity through the connector at the activity’s serviceUrl', async () => {
    const sent: Array<{ type?: string; text?: string; replyToId?: string }> = [];
    nock('https://smba.test.example')
      .post(
        '/teams/v3/conversations/a%3Aconversation-1/activities/activity-1',
        (body: (typeof sent)[number]) => {
          sent.push(body);
          return true;
        },
      )
      .reply(200, { id: 'reply-1' });

    const res = await post(url(), JSON.stringify(messageActivity('<at>Scrutiny</at> help')), {
      'content-type': 'application/json',
    });

    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'message', replyToId: 'activity-1' });
    const card = (
      sent[0] as { attachments?: Array<{ content: { body: Array<{ text?: string }> } }> }
    ).attachments?.[0]?.content;
    expect(card?.body[0]?.text).toBe('What you can do');
  });

  it('refuses an activity without a serviceUrl with 400 and a short reason', async () => {
    const activity = messageActivity('help');
    delete activity.serviceUrl;
    const res = await post(url(), JSON.stringify(activity), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'serviceUrl is missing' });
  });

  it('refuses an activity without a recipient with 400, before any turn runs', async () => {
    const activity = messageActivity('help');
    delete activity.recipient;
    const res = await post(url(), JSON.stringify(activity), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'recipient is missing' });
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await post(url(), '{"type":', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'body is not valid JSON' });
  });

  it('refuses a body of the wrong content type with 415', async () => {
    const res = await post(url(), 'type=message', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ error: 'expected Content-Type: application/json' });
  });
});
