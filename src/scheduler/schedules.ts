import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log/logger';

/**
 * The bot's recurring jobs, in the organisation's time zone. A job that is still running when
 * its next tick comes is not started twice, and stopAll() waits for running jobs to finish.
 */
export class Schedules {
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly log: Logger,
    private readonly timeZone: string,
  ) {}

  add(name: string, expression: string, job: () => Promise<void>): void {
    if (!cron.validate(expression))
      throw new Error(`schedule ${name}: "${expression}" is not a cron expression`);
    let busy = false;
    const task = cron.schedule(
      expression,
      async () => {
        if (busy) return;
        busy = true;
        const run = job()
          .catch((err: unknown) => this.log.error({ err, job: name }, 'scheduled job failed'))
          .finally(() => {
            busy = false;
            this.running.delete(run);
          });
        this.running.add(run);
        await run;
      },
      { timezone: this.timeZone, name },
    );
    this.tasks.push(task);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.tasks.map((task) => task.stop()));
    await Promise.all([...this.running]);
  }
}

/**
 * The shortest gap between the next few ticks of `expression`, in milliseconds: how often a job
 * on that schedule means to run.
 */
export function tickGapMs(expression: string, timeZone: string): number {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    const runs = task.getNextRuns(6).map((date) => date.getTime());
    const gaps = runs.slice(1).map((at, i) => at - (runs[i] ?? at));
    return Math.min(...gaps.filter((gap) => gap > 0));
  } finally {
    void task.destroy();
  }
}
