import { COMMANDS, parseCommand } from '../../commands';

/** What a channel says while a slow command works, as Slack's ack says for every command. */
export const WORKING_TEXT = 'Working on it…';
/** "Longer than a moment": most reports are done before this, and then nothing is said. */
export const WORKING_AFTER_MS = 1500;

/** Which command it is needs no calendar: none of the slow ones takes a date. */
const NO_CALENDAR = { today: '2000-01-01', addWorkingDays: (from: string) => from };

export function commandIsSlow(text: string): boolean {
  const parsed = parseCommand(text, NO_CALENDAR);
  return parsed.ok && COMMANDS.find((c) => c.type === parsed.command.type)?.slow === true;
}

/**
 * Runs a command's work and, if the command is a slow one and the work is still going after
 * `afterMs`, says so once through `say`. A notice already on its way is awaited before the
 * answer is handed back, so the answer never arrives before "Working on it…".
 */
export async function sayWorkingIfSlow<T>(
  text: string,
  work: Promise<T>,
  say: () => Promise<unknown>,
  afterMs = WORKING_AFTER_MS,
): Promise<T> {
  if (!commandIsSlow(text)) return work;
  let saying: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    saying = say().catch(() => undefined);
  }, afterMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    if (saying) await saying;
  }
}
