/** How a command or click ended: done, refused with reasons, or failed inside the bot. */
export type Outcome = 'ok' | 'refused' | 'error';

/**
 * What the dispatchers report about the work they run. An interface, so the app layer depends
 * on two methods and not on a metrics library (src/metrics implements it for Prometheus).
 */
export interface Observer {
  commandRan(command: string, outcome: Outcome): void;
  cardActionRan(action: string, outcome: Outcome): void;
}

/** Runs one piece of work and reports how it ended; errors still propagate to the caller. */
export async function observed<T extends { refusals?: readonly unknown[] }>(
  report: ((outcome: Outcome) => void) | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!report) return work();
  try {
    const result = await work();
    report(result.refusals && result.refusals.length > 0 ? 'refused' : 'ok');
    return result;
  } catch (error) {
    report('error');
    throw error;
  }
}
