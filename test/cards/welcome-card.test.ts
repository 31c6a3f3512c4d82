import { renderSlackBlocks } from '../../src/cards/render-slack';
import { renderTeamsCard } from '../../src/cards/render-teams';

const base = {
  groupId: 'g1',
  groupName: 'Tenant Inspectors',
  officerName: 'Olive Officer',
  roles: 'member',
  codeOfConductRequired: true,
};

/** The welcome asks only what the group's own document asks: an age only where it says so. */
describe('the welcome card', () => {
  it('asks for the over-18 confirmation only where the group’s policy requires it', () => {
    const asked = JSON.stringify(
      renderTeamsCard('welcome', { ...base, over18Required: true, confidentialityRequired: true })
        .content,
    );
    const notAsked = JSON.stringify(
      renderTeamsCard('welcome', { ...base, over18Required: false, confidentialityRequired: false })
        .content,
    );
    expect(asked).toContain('"id":"over18"');
    expect(asked).toContain('"id":"confidentiality"');
    expect(notAsked).not.toContain('"id":"over18"');
    expect(notAsked).not.toContain('"id":"confidentiality"');
    expect(notAsked).toContain('"id":"codeOfConduct"');
  });

  it('in Slack, says and sends only what is asked', () => {
    const southampton = JSON.stringify(
      renderSlackBlocks(
        'welcome',
        { ...base, over18Required: false, confidentialityRequired: false },
        'Welcome',
      ),
    );
    expect(southampton).not.toContain('18 or over');
    const button = JSON.parse(southampton) as {
      blocks: Array<{ elements?: Array<{ value?: string }> }>;
    };
    const value = button.blocks.flatMap((b) => b.elements ?? []).find((e) => e.value)?.value;
    expect(JSON.parse(value ?? '{}')).toMatchObject({ over18: 'false', codeOfConduct: 'true' });
    const torus = JSON.stringify(
      renderSlackBlocks(
        'welcome',
        { ...base, over18Required: true, confidentialityRequired: true },
        'Welcome',
      ),
    );
    expect(torus).toContain('18 or over');
    expect(torus).toContain('confidentiality agreement');
  });
});
