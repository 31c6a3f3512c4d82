import { z } from 'zod';
import type { CommandGrammar } from './grammar';

/**
 * Who a command is for. 'group' is anyone who belongs to the group in any role (members and
 * officers alike); 'member' is someone holding a member seat, e.g. to declare interests.
 */
export type CommandAudience = 'anyone' | 'member' | 'officer' | 'group' | 'officer-or-chair';

/** Everything about a command except how it runs: that is the app's (src/app/commands). */
export interface CommandInfo extends CommandGrammar {
  type: string;
  /** The words that start the command, as people type them. */
  name: string;
  who: CommandAudience;
  usage: string;
  example: string;
  /** What `help` says about it. */
  description: string;
  /**
   * The shorter line a command menu shows (Teams' manifest allows 128 characters), for the
   * commands offered there; test/manifest holds the manifest to it.
   */
  menu?: string;
  /**
   * Its answer can be a form, which Slack must open within 3 seconds of the command
   * (app/dispatch/form-requests.ts). 'without-file': only when no file came with it.
   */
  answersWithForm?: true | 'without-file';
  /**
   * Its answer can take longer than a moment (a report rendered to files): a channel whose
   * answer waits for the work says it is working if it is still at it after a moment
   * (app/dispatch/slow-work.ts). Slack says so for every command already, on its ack.
   */
  slow?: true;
}

/**
 * One command, defined once: its words, who may use it, what may follow the words and the
 * schema of what it parses to. `fields` are the schema's properties besides `type`, which the
 * definition adds so the command's type is spelled once.
 */
export function defineCommand<const T extends string, F extends z.ZodRawShape>(
  spec: CommandInfo & { type: T; fields: F },
) {
  const { fields, ...info } = spec;
  return { ...info, schema: z.strictObject({ type: z.literal(spec.type), ...fields }) };
}

export type CommandDefinition = CommandInfo & { schema: z.ZodType };
