import { CARD_ACTIONS, cardActionSchema } from '../../src/app/card-actions';
import { COMMAND_HANDLERS } from '../../src/app/commands';
import { COMMANDS, commandSchema } from '../../src/commands';

// Read off zod, so a command or verb added to a schema but not registered is caught here.
const SCHEMA_TYPES = commandSchema.options.map((option) => option.shape.type.value);

describe('the command and card-action registries', () => {
  it('every command type has exactly one definition and one handler, the same definition', () => {
    expect(COMMANDS.map((c) => c.type).sort()).toEqual([...SCHEMA_TYPES].sort());
    expect(COMMAND_HANDLERS.map((h) => h.command.type).sort()).toEqual([...SCHEMA_TYPES].sort());
    for (const handler of COMMAND_HANDLERS)
      expect(COMMANDS.find((c) => c.type === handler.command.type)).toBe(handler.command);
  });

  it('every command has its own words', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every card verb has exactly one definition, and the payload schema accepts only those', () => {
    const verbs = CARD_ACTIONS.map((a) => a.verb);
    expect(new Set(verbs).size).toBe(verbs.length);
    for (const action of CARD_ACTIONS) expect(action.schema.shape.verb.value).toBe(action.verb);
    expect(cardActionSchema.safeParse({ verb: 'no.such-verb' }).success).toBe(false);
  });
});
