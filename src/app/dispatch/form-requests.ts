import { COMMANDS, parseCommand } from '../../commands';
import { FORM_VERBS } from '../card-actions';

/**
 * Whether a command or button answers with a form to fill in, known from the words or the verb
 * alone, before anything is read; each definition says so (`answersWithForm`). A channel that
 * must open its form at once (Slack: a trigger_id is good for 3 seconds) opens a placeholder
 * for these and fills it with whatever the reply turns out to be: the form, or a refusal.
 */

/** Neither form command takes a date, so which command it is needs no calendar. */
const NO_CALENDAR = { today: '2000-01-01', addWorkingDays: (from: string) => from };

function answersOf(text: string) {
  const parsed = parseCommand(text, NO_CALENDAR);
  if (!parsed.ok) return undefined;
  return COMMANDS.find((command) => command.type === parsed.command.type)?.answersWithForm;
}

export function commandAnswersWithForm(text: string, attachments = 0): boolean {
  const answers = answersOf(text);
  // `standards import` with the file attached (Teams) imports it instead of asking for it.
  return answers === true || (answers === 'without-file' && attachments === 0);
}

/** A command that asks for a file unless one came with it (`standards import`). */
export function commandTakesFile(text: string): boolean {
  return answersOf(text) === 'without-file';
}

export function actionAnswersWithForm(verb: string): boolean {
  return FORM_VERBS.has(verb);
}
