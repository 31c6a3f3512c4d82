import type { Attachment } from 'botbuilder';
import { expand, isCardName, loadTemplate } from './templates';

/** A card by name, filled from its view model, as a Teams attachment (Adaptive Card 1.5). */
export function renderTeamsCard(name: string, viewModel: unknown): Attachment {
  if (!isCardName(name)) throw new RangeError(`No card template called ${name}`);
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: expand(loadTemplate(name, 'teams'), viewModel),
  };
}
