import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { personalChatOf, type TeamsSent, type TeamsUser } from '../../support/teams';
import { teamsJourney } from '../../support/teams-journey';

const OFFICER: TeamsUser = { aad: '88888888-8888-4888-8888-888888888801', name: 'Rita Reporter' };
const TENANT = 'tenant-reports';

/*
 * `report quarter` in Teams: the summary card, and each file offered with Teams' file consent
 * card in the asker's personal chat (delivery is the channel's; the report is the app's).
 */
describe('Teams: report quarter answers with the summary card and offers the files', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-10-05T10:00:00Z') },
  );
  const { teams, capture, send } = teamsJourney(bot, {
    service: 'https://smba.reports.example',
    tenant: TENANT,
    channel: '19:reports@thread.tacv2',
  });
  const personal = {
    conversation: { id: personalChatOf(OFFICER), conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  type Card = { contentType?: string; name?: string; content?: unknown };
  const cards = (sent: TeamsSent[], contentType: string) =>
    sent
      .flatMap((s) => (s.attachments ?? []) as Card[])
      .filter((c) => c.contentType === contentType);

  it('the last complete quarter by default; a bad quarter is refused with how to write it', async () => {
    const sent = capture();
    const res = await send(teams.activity(OFFICER, 'report quarter', personal));
    expect(res.status).toBe(200);
    const summary = cards(sent, 'application/vnd.microsoft.card.adaptive').map((c) =>
      JSON.stringify(c.content),
    );
    expect(summary.some((c) => c.includes('Quarterly report: 2026-Q3'))).toBe(true);
    expect(summary.some((c) => c.includes('Reality checks'))).toBe(true);
    const offers = cards(sent, 'application/vnd.microsoft.teams.card.file.consent').map(
      (c) => c.name,
    );
    expect(offers).toEqual(
      expect.arrayContaining(['quarterly-report-2026-Q3.docx', 'quarterly-report-2026-Q3.pdf']),
    );

    const before = sent.length;
    await send(teams.activity(OFFICER, 'report quarter 2026-Q9', personal));
    const refusal = sent
      .slice(before)
      .map((s) => JSON.stringify(s))
      .join('\n');
    expect(refusal).toContain('2026-Q3');
    expect(cards(sent.slice(before), 'application/vnd.microsoft.teams.card.file.consent')).toEqual(
      [],
    );
  });
});
