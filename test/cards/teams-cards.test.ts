import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_NAMES, loadTemplate } from '../../src/cards/templates';
import { renderTeamsCard } from '../../src/cards/render-teams';

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

describe('Teams cards, rendered from their samples', () => {
  it.each(CARD_NAMES)(
    '%s renders as an Adaptive Card 1.5 using Action.Execute only, with every ${…} filled',
    (name) => {
      const attachment = renderTeamsCard(name, loadTemplate(name, 'sample'));
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const card = attachment.content as Node;
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      const text = JSON.stringify(card);
      expect(text).not.toContain('${');
      walk(card, (n) => {
        if (typeof n.type === 'string' && n.type.startsWith('Action.'))
          expect(n.type).toBe('Action.Execute');
      });
    },
  );

  it('a check offer carries its reference in both buttons, so the click says which check', () => {
    const card = renderTeamsCard('check-offer', {
      ref: 'C-40',
      title: 'Void',
      kindLabel: 'Empty-home inspection',
      due: 'Friday 20 March 2026',
      area: 'Shirley',
      offeredTo: 'Ian',
    });
    const actions = (card.content as { actions: Array<{ verb: string; data: { ref: string } }> })
      .actions;
    expect(actions.map((a) => [a.verb, a.data.ref])).toEqual([
      ['check.accept', 'C-40'],
      ['check.decline', 'C-40'],
    ]);
  });

  it('every card listed has a Teams template and a sample on disk', () => {
    for (const name of CARD_NAMES) {
      expect(() =>
        readFileSync(join(__dirname, '../../cards', `${name}.teams.json`)),
      ).not.toThrow();
      expect(() =>
        readFileSync(join(__dirname, '../../cards', `${name}.sample.json`)),
      ).not.toThrow();
    }
  });
});
