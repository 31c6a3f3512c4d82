import { COMMANDS, commandSchema, helpFor, mentionToken, parseCommand } from '../../src/commands';
import { fakeContext } from './parse-context';

// Every variant of the schema, read off zod, so a new command cannot miss the catalogue.
const SCHEMA_TYPES = commandSchema.options.map((option) => option.shape.type.value);

describe('COMMANDS', () => {
  it('describes every command exactly once', () => {
    expect(COMMANDS.map((c) => c.type).sort()).toEqual([...SCHEMA_TYPES].sort());
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: its example parses to that command',
    (_name, command) => {
      // Examples show a mention as it looks in chat; the channel would have made it a token.
      const asSent = command.example.replace(/@(\w+ \w+)/, (_m, name: string) =>
        mentionToken(name.replace(' ', '')),
      );
      const result = parseCommand(asSent, fakeContext());
      expect(result).toMatchObject({ ok: true, command: { type: command.type } });
    },
  );

  it('each usage line starts with the command name', () => {
    for (const command of COMMANDS) expect(command.usage.startsWith(command.name)).toBe(true);
  });
});

describe('helpFor', () => {
  const namesFor = (audience: { isOfficer: boolean; isMember: boolean; isChair?: boolean }) =>
    helpFor(audience).map((entry) => entry.usage.split(/ [@"([]/)[0]);

  it('someone outside the group sees help, the standards and mine', () => {
    expect(namesFor({ isOfficer: false, isMember: false })).toEqual([
      'help',
      'standards',
      'mine',
      'my data',
    ]);
  });

  it('a member also sees declare and register', () => {
    expect(namesFor({ isOfficer: false, isMember: true })).toEqual([
      'help',
      'standards',
      'review R-<n>',
      'review escalate R-<n>',
      'review plan R-<n>',
      'declare',
      'register',
      'mine',
      'my data',
      'resign',
    ]);
  });

  it('an officer who holds no member seat sees officer commands and the register, not declare', () => {
    expect(namesFor({ isOfficer: true, isMember: false })).toEqual([
      'help',
      'group create',
      'group add',
      'group policy',
      'group policy set <rule>:<on|off|number|list>',
      'member record',
      'member facts',
      'member suspend',
      'member lift',
      'member withdraw',
      'member erase',
      'standards import',
      'standards',
      'review open',
      'review R-<n>',
      'review scope R-<n>',
      'review done R-<n> step:<1-10>',
      'review skip R-<n> step:<1-10>',
      'review meeting R-<n> on:<date>',
      'review held R-<n> attendees:<n>',
      'review recommend R-<n>',
      'review report R-<n> <draft|final>',
      'review agree R-<n> agreed:<1,2>',
      'review escalate R-<n>',
      'review respond R-<n> accept:<1,2>',
      'review action R-<n> rec:<n>',
      'review action done R-<n> A<n>',
      'review plan R-<n>',
      'review plan submit R-<n>',
      'review plan signoff R-<n>',
      'review plan return R-<n>',
      'review followup R-<n> on:<21/12/2027|21 Dec|+N wd>',
      'check assign',
      'check offer',
      'findings approve C-<n>',
      'findings return C-<n>',
      'evidence request',
      'register',
      'mine',
      'my data',
      'attendance',
      'conduct warn',
      'conduct vote',
      'conduct refer',
      'conduct withdraw',
      'conduct history',
      'report feedback C-<n>',
      'report review R-<n> <draft|final>',
      'report quarter',
      'report year',
      'report you-said-we-did',
      'report plan R-<n>',
    ]);
  });

  it('a chair also sees the group’s rules, records attendance, opens ballots and sees conduct history', () => {
    expect(namesFor({ isOfficer: false, isMember: true, isChair: true })).toEqual([
      'help',
      'group policy',
      'standards',
      'review R-<n>',
      'review scope R-<n>',
      'review done R-<n> step:<1-10>',
      'review skip R-<n> step:<1-10>',
      'review meeting R-<n> on:<date>',
      'review held R-<n> attendees:<n>',
      'review recommend R-<n>',
      'review report R-<n> <draft|final>',
      'review escalate R-<n>',
      'review plan R-<n>',
      'review plan signoff R-<n>',
      'review plan return R-<n>',
      'declare',
      'register',
      'mine',
      'my data',
      'resign',
      'attendance',
      'conduct vote',
      'conduct history',
      'report review R-<n> <draft|final>',
      'report plan R-<n>',
    ]);
  });

  it('an officer who is also a member sees every command', () => {
    expect(helpFor({ isOfficer: true, isMember: true })).toHaveLength(COMMANDS.length);
  });

  it('gives usage, example and description only', () => {
    expect(helpFor({ isOfficer: false, isMember: false })[0]).toEqual({
      usage: 'help',
      example: 'help',
      description: 'Lists the commands you can use, with an example of each.',
    });
  });
});
