import type { OptionGrammar } from './option-readers';

/** What may follow a command's words; each definition (definitions/) carries its own. */
export interface CommandGrammar {
  /**
   * true: the command names exactly one mentioned person (filling personUserId); 'many': one
   * or more (filling personUserIds).
   */
  person: boolean | 'many';
  /** The one free-text piece, in quotes or as plain words, e.g. a review's topic. */
  text?: { field: string; noun: string; maxLength: number; optional?: true };
  options: Readonly<Record<string, OptionGrammar>>;
  /** `help` is what lost people type, so "help me please" still helps. */
  ignoresTheRest?: boolean;
}

export const NOTHING_MORE: CommandGrammar = { person: false, options: {} };
