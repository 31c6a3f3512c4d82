import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root';
import type * as ACData from 'adaptivecards-templating';

export const CARD_NAMES = [
  'notice',
  'help',
  'standards',
  'mine',
  'register',
  'check-offer',
  'check-status',
  'evidence-request',
  'declaration-form',
  'welcome',
  'findings-form',
  'declaration-decided',
  'standards-upload',
  'nudge',
  'digest',
  'more-time-asked',
  'ballot',
  'ballot-result',
  'conduct-history',
  'referral',
  'group-policy',
  'improvement-plan',
  'management-response',
  'review',
  'management-notice',
  'findings-review',
  'report-summary',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

export function isCardName(name: string): name is CardName {
  return (CARD_NAMES as readonly string[]).includes(name);
}

/** cards/ sits beside package.json. */
function cardsDirectory(): string {
  return join(packageRoot(), 'cards');
}

const cache = new Map<string, unknown>();

export function loadTemplate(
  name: CardName,
  channel: 'teams' | 'slack' | 'modal' | 'sample',
): unknown {
  const file = join(cardsDirectory(), `${name}.${channel}.json`);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return cache.get(file);
}

// Parsing a template's expressions costs far more than expanding them (a profile under load
// put antlr4ts and adaptive-expressions at 8% of the bot's CPU), so each is parsed once.
// Expansion is synchronous, so one prepared Template can serve every request.
const prepared = new WeakMap<object, ACData.Template>();

let templating: typeof ACData | undefined;
/**
 * Loaded with the first card, not at start: the templating library and its expression parser
 * (antlr4ts, adaptive-expressions) are about 15 MB of an idle bot that nobody has talked to.
 */
function templatingLibrary(): typeof ACData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  templating ??= require('adaptivecards-templating') as typeof ACData;
  return templating;
}

/** Expands a template with a view model (adaptivecards-templating: ${…}, $data, $when). */
export function expand(template: unknown, viewModel: unknown): unknown {
  if (typeof template !== 'object' || template === null)
    return new (templatingLibrary().Template)(template).expand({ $root: viewModel });
  let ready = prepared.get(template);
  if (!ready) {
    ready = new (templatingLibrary().Template)(template);
    prepared.set(template, ready);
  }
  return ready.expand({ $root: viewModel });
}

/** Slack-only modals that ask for one or two fields before a card action runs. */
export function loadModal(
  name:
    | 'check-decline'
    | 'evidence-more-time'
    | 'declaration-exclude'
    | 'conduct-outcome'
    | 'findings-return',
): unknown {
  const file = join(cardsDirectory(), `${name}.modal.json`);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return cache.get(file);
}
