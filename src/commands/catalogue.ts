import { COMMANDS } from './command-list';
import type { CommandType } from './command-list';
import type { CommandAudience, CommandDefinition } from './define-command';

export function commandInfo(type: CommandType): CommandDefinition {
  const info = COMMANDS.find((command) => command.type === type);
  // COMMANDS covers every type (its schema is built from it), so this is a programming error.
  if (!info) throw new Error(`No definition for command ${type}`);
  return info;
}

function mayUse(
  who: CommandAudience,
  audience: { isOfficer: boolean; isMember: boolean; isChair?: boolean },
) {
  switch (who) {
    case 'anyone':
      return true;
    case 'member':
      return audience.isMember;
    case 'officer':
      return audience.isOfficer;
    case 'group':
      return audience.isMember || audience.isOfficer;
    case 'officer-or-chair':
      return audience.isOfficer || audience.isChair === true;
  }
}

/** What `help` shows this person: only commands they may use, in the order COMMANDS lists them. */
export function helpFor(audience: {
  isOfficer: boolean;
  isMember: boolean;
  /** Chairs run meetings: they record attendance and open ballots too. */
  isChair?: boolean;
}): Array<{ usage: string; example: string; description: string }> {
  return COMMANDS.filter((command) => mayUse(command.who, audience)).map(
    ({ usage, example, description }) => ({ usage, example, description }),
  );
}
