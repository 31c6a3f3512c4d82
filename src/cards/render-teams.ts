import { expand, isCardName, loadTemplate } from './templates';

// Markdown links only when `(` follows `]` at once, so this is the whole of a link's syntax.
const LINK_OPENING = /\]\(/g;

/**
 * Adaptive Card TextBlocks read a Markdown subset: bold, italic, lists and `[label](url)` links
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format).
 * What people type cannot mention anyone in a card, since a mention needs an msteams.entities
 * entry and no template builds one from a view model; bold or a list is harmless. A link whose
 * label hides where it goes is not, so typed text loses its link syntax: a zero-width space
 * between `]` and `(` leaves it looking as typed. Backslash escapes are not used because Teams
 * clients render them differently (microsoft/AdaptiveCards#5590, #4677): some would show the
 * backslashes. A bare URL is still linked, and shows where it goes.
 */
export function defuseTeamsLinks(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LINK_OPENING, ']\u200B(');
  if (Array.isArray(value)) return value.map(defuseTeamsLinks);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defuseTeamsLinks(v)]));
  return value;
}

/**
 * The shape of a Bot Framework attachment, written here so that the cards need nothing from
 * botbuilder: only src/channels/teams may import Microsoft's SDK (eslint.config.mjs), which keeps
 * a move to the Microsoft 365 Agents SDK inside that folder (docs: docs/agents-sdk.md).
 */
export interface TeamsCardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: Record<string, unknown>;
}

/** A card by name, filled from its view model, as a Teams attachment (Adaptive Card 1.5). */
export function renderTeamsCard(name: string, viewModel: unknown): TeamsCardAttachment {
  if (!isCardName(name)) throw new RangeError(`No card template called ${name}`);
  const content = expand(loadTemplate(name, 'teams'), defuseTeamsLinks(viewModel));
  if (typeof content !== 'object' || content === null || Array.isArray(content))
    throw new TypeError(`The ${name} template did not expand to a card`);
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: { ...content } };
}
