import { CARD_NAMES, loadTemplate } from '../../src/cards/templates';
import { renderTeamsCard } from '../../src/cards/render-teams';

// The package's own bundle (its lib/ build is ESM without extensions and does not load in Node).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
};

/** Teams refuses a card payload over 28 KB. */
const TEAMS_CARD_LIMIT = 28 * 1024;

describe('Teams cards parsed by the adaptivecards library', () => {
  it.each(CARD_NAMES)(
    '%s, filled from its sample, parses and validates without a single event, under 28 KB',
    (name) => {
      const content = renderTeamsCard(name, loadTemplate(name, 'sample')).content;
      const card = new AC.AdaptiveCard();
      const context = new AC.SerializationContext();
      card.parse(content, context);
      const events = Array.from(
        { length: context.eventCount },
        (_, i) => context.getEventAt(i).message,
      );
      expect(events).toEqual([]);
      expect(card.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(content))).toBeLessThan(TEAMS_CARD_LIMIT);
    },
  );

  it('the check is real: an unknown element is reported', () => {
    const context = new AC.SerializationContext();
    new AC.AdaptiveCard().parse(
      { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] },
      context,
    );
    expect(context.eventCount).toBe(1);
  });
});
