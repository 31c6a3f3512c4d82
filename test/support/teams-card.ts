/**
 * The data of the first `verb` action on a card a Teams click answered with (the JSON text
 * `teamsJourney().click` resolves with), as the card's button would send it: a journey submits
 * the form it was shown, not data it made up.
 */
export function actionDataIn(card: string, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(JSON.parse(card) as unknown, (_key, value: unknown) => {
    const node = value as { verb?: unknown; data?: unknown } | null;
    if (!found && node && node.verb === verb && typeof node.data === 'object' && node.data)
      found = node.data as Record<string, unknown>;
    return value;
  });
  if (!found) throw new Error(`No ${verb} action on the card`);
  return found;
}
