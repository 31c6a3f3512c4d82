import type { Command } from './command-list';

/** A typed command, or a sentence saying what was wrong and, when known, the usage line. */
export type ParseResult =
  { ok: true; command: Command } | { ok: false; message: string; usage?: string };
