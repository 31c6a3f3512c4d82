import { findingsReviewView } from '../../src/app/checks/findings-views';
import { renderSlackBlocks, SLACK_LIMITS } from '../../src/cards/render-slack';
import { renderTeamsCard } from '../../src/cards/render-teams';
import { MAX_OFFERS_PER_CHECK } from '../../src/domain/checks';
import type { CheckAssignmentRecord } from '../../src/store/checks/reality-check-model';

const TEAMS_LIMIT = 28 * 1024;
const SLACK_FIELD = 2000;
const long = (n: number, who = 'Ann Hall') =>
  `${who} at 4 Elm Road, L1 8JQ said `.padEnd(n, 'the repair was slow and ');

function assignment(personId: string, at: number): CheckAssignmentRecord {
  return {
    _id: `a${String(at).padStart(3, '0')}`,
    organisationId: 'o',
    groupId: 'g',
    checkId: 'c',
    personId,
    status: 'submitted',
    offeredBy: 'officer',
    offeredAt: new Date(Date.UTC(2026, 2, 2, 9, at)),
    acceptedAt: new Date(Date.UTC(2026, 2, 2, 10)),
    submission: {
      answers: {},
      findings: {
        // The form's limits: 50 lines of 2,000 characters a list.
        strengths: Array.from({ length: 50 }, () => long(2000)),
        weaknesses: Array.from({ length: 50 }, () => long(2000)),
        recommendations: Array.from({ length: 50 }, () => long(2000)),
        evidence: [],
      },
      offers: Array.from({ length: MAX_OFFERS_PER_CHECK }, (_, i) => ({
        offerKey: `a-rather-long-local-offer-key-number-${i}`,
        verdict: 'partly' as const,
        evidence: long(1000),
      })),
      submittedAt: new Date(Date.UTC(2026, 2, 3)),
    },
    version: 1,
  };
}

describe('the "findings to review" card at the limits of what an inspector can send', () => {
  // Southampton's twelve inspectors on one inspection, each with long names.
  const team = Array.from({ length: 12 }, (_, i) => assignment(`p${i}`, i));
  const names = new Map(
    team.map((a, i) => [a.personId, `Inspector Person ${i} `.padEnd(100, 'x')]),
  );
  const card = findingsReviewView({
    check: { reference: 'C-123456789', title: 'T'.repeat(200) },
    assignment: team[0]!,
    assignments: team,
    names,
    blinding: { on: true, names: ['Ann Hall'] },
    zone: 'Europe/London',
  });

  it('stays within Teams’ 28 KB, showing every offer', () => {
    const attachment = renderTeamsCard(card.name, card.viewModel);
    const json = JSON.stringify(attachment.content);
    expect(json.length).toBeLessThan(TEAMS_LIMIT);
    for (let i = 0; i < MAX_OFFERS_PER_CHECK; i += 1)
      expect(json).toContain(`a-rather-long-local-offer-key-number-${i}`);
    expect(json).toContain('Inspector 1 beyond the panel');
  });

  it('stays within Slack’s blocks and field sizes, with both buttons', () => {
    const { blocks } = renderSlackBlocks(card.name, card.viewModel, 'Findings to review');
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const block of blocks as Array<{
      text?: { text: string };
      fields?: Array<{ text: string }>;
    }>) {
      expect((block.text?.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      for (const field of block.fields ?? [])
        expect(field.text.length).toBeLessThanOrEqual(SLACK_FIELD);
    }
    const text = JSON.stringify(blocks);
    expect(text).toContain('findings.approve:C-123456789:p0');
    expect(text).toContain('findings.return:C-123456789:p0');
  });

  it('shows the blinded text beside the original, and what was removed', () => {
    const view = card.viewModel as {
      blindingNote: string;
      offers: Array<{ evidence: string; blinded: string }>;
    };
    expect(view.offers[0]?.evidence).toContain('Ann Hall at 4 Elm Road, L1 8JQ');
    expect(view.offers[0]?.blinded).toContain('[name] at [address], [postcode]');
    expect(view.blindingNote).toMatch(/\d+ names, \d+ postcodes, \d+ addresses removed/);
  });
});
