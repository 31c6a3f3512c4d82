/**
 * Loaded before the bot (`node --import tsx --import <this> src/main.ts`) by tests that run it
 * as a process: every clock in the process (Date, Date.now, so the scrutiny rules, Slack's
 * signature window and the scheduler) reads the real time plus an offset in milliseconds kept
 * in the file SCRUTINY_TEST_CLOCK_FILE. Reminders go out only at 09:00 on working days, so a
 * test that wants them due while it watches needs a working morning whatever the day it runs,
 * and several processes need the same one: the test writes the file, every process re-reads it
 * within a tenth of a second.
 */
import { readFileSync } from 'node:fs';

const file = process.env.SCRUTINY_TEST_CLOCK_FILE;

if (file) {
  const RealDate = Date;
  let offset = 0;
  const read = () => {
    try {
      // Number('') is 0, which would put the process back in the real year for a tenth of a
      // second (closing every ballot that is "past" its time): an empty file is not an offset.
      const text = readFileSync(file, 'utf8').trim();
      const value = Number(text);
      if (text !== '' && Number.isFinite(value)) offset = value;
    } catch {
      // A file being replaced is read again next time.
    }
  };
  read();
  setInterval(read, 100).unref();

  // Named Date: libraries recognise the type by name (mongoose's `type: Date`).
  const ShiftedDate = class Date extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  };
  (globalThis as { Date: DateConstructor }).Date = ShiftedDate as unknown as DateConstructor;
}
