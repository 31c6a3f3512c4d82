import type { Command, CommandDefinition, CommandOf, CommandType } from '../../commands';
import type { CommandRequest } from '../dispatch/command-request';
import type { Reply } from '../dispatch/reply';
import type { AppContext } from '../shared/context';

/**
 * A command's definition (src/commands/definitions: its words, grammar and schema) paired with
 * what runs it: a use-case call and the reply it makes.
 */
export interface CommandHandler {
  command: CommandDefinition & { type: CommandType };
  // A method, so each handler may take its own command's type; runCommand only hands it a
  // command of that type, as parsed by its definition's schema.
  handle(ctx: AppContext, request: CommandRequest, command: Command): Promise<Reply>;
}

export function handleCommand<T extends CommandType>(
  command: CommandDefinition & { type: T },
  handle: (ctx: AppContext, request: CommandRequest, command: CommandOf<T>) => Promise<Reply>,
): CommandHandler {
  return { command, handle };
}
