import type { OptionGrammar } from './option-readers';
import type { ReferencePrefix } from './references';

/** What may follow a command's words; each definition (definitions/) carries its own. */
export interface CommandGrammar {
  /**
   * true: the command names exactly one mentioned person (filling personUserId); 'many': one
   * or more (filling personUserIds); 'optional': at most one, and none is fine.
   */
  person: boolean | 'many' | 'optional';
  /** The one free-text piece, in quotes or as plain words, e.g. a review's topic. */
  text?: { field: string; noun: string; maxLength: number; optional?: true };
  options: Readonly<Record<string, OptionGrammar>>;
  /** A reference typed after the command's words, e.g. the R-12 of `review done R-12 step:3`. */
  reference?: { prefix: ReferencePrefix; field: string; noun: string; example: string };
  /** One bare word from a fixed list, e.g. `draft` or `final`, filling `field` with it. */
  word?: { field: string; noun: string; choices: readonly string[]; required: boolean };
  /** `help` is what lost people type, so "help me please" still helps. */
  ignoresTheRest?: boolean;
}

export const NOTHING_MORE: CommandGrammar = { person: false, options: {} };
