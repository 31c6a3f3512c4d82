import { parseCommand, type CommandType } from '../../commands';

/**
 * The commands and buttons whose answer is a form to fill in (run-command.ts `declare` and
 * `standards import` without a file; card-actions.ts `declaration.open` and `findings.open`),
 * known from the words or the verb alone, before anything is read. A channel that must open
 * its form at once (Slack: a trigger_id is good for 3 seconds) opens a placeholder for these
 * and fills it with whatever the reply turns out to be: the form, or a refusal. A new command
 * or button that answers with a form is added here too, or it opens late (replies.ts falls
 * back to opening it directly, which can fail once the trigger has expired).
 */
const FORM_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'declare',
  'standards-import',
]);
const FORM_VERBS: ReadonlySet<string> = new Set(['declaration.open', 'findings.open']);

/** Neither form command takes a date, so which command it is needs no calendar. */
const NO_CALENDAR = { today: '2000-01-01', addWorkingDays: (from: string) => from };

export function commandAnswersWithForm(text: string, attachments = 0): boolean {
  const parsed = parseCommand(text, NO_CALENDAR);
  if (!parsed.ok || !FORM_COMMANDS.has(parsed.command.type)) return false;
  // `standards import` with the file attached (Teams) imports it instead of asking for it.
  return !(parsed.command.type === 'standards-import' && attachments > 0);
}

export function actionAnswersWithForm(verb: string): boolean {
  return FORM_VERBS.has(verb);
}
