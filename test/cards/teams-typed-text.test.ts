import { defuseTeamsLinks, renderTeamsCard } from '../../src/cards/render-teams';

describe('Teams cards: typed text keeps its look but cannot disguise a link', () => {
  it('breaks [label](url) with a zero-width space, and nothing else', () => {
    expect(defuseTeamsLinks('[Your bank](https://evil.example) **bold** ] (aside)')).toBe(
      '[Your bank]\u200B(https://evil.example) **bold** ] (aside)',
    );
    expect(defuseTeamsLinks({ a: ['x](y'], n: 1, ok: true, none: null })).toEqual({
      a: ['x]\u200B(y'],
      n: 1,
      ok: true,
      none: null,
    });
  });

  it('applies to every card rendered for Teams', () => {
    const card = JSON.stringify(
      renderTeamsCard('notice', {
        title: 'Reason: [click me](https://evil.example)',
        tone: 'info',
        reasons: ['<at>Everyone</at> [here](https://x.example)'],
      }).content,
    );
    expect(card).not.toContain('](');
    expect(card).toContain('[click me]\u200B(https://evil.example)');
    // No mention entity is ever built from a view model, so <at> stays text.
    expect(card).not.toContain('msteams');
  });
});
