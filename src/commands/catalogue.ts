import type { CommandType } from './command-schema';

/**
 * Who a command is for. 'group' is anyone who belongs to the group in any role (members and
 * officers alike); 'member' is someone holding a member seat, e.g. to declare interests.
 */
export type CommandAudience = 'anyone' | 'member' | 'officer' | 'group' | 'officer-or-chair';

export interface CommandInfo {
  type: CommandType;
  /** The words that start the command, as people type them. */
  name: string;
  who: CommandAudience;
  usage: string;
  example: string;
  description: string;
}

/** Every command in the order `help` lists them (the order of the command table in issue 4). */
export const COMMANDS: readonly CommandInfo[] = [
  {
    type: 'help',
    name: 'help',
    who: 'anyone',
    usage: 'help',
    example: 'help',
    description: 'Lists the commands you can use, with an example of each.',
  },
  {
    type: 'group-create',
    name: 'group create',
    who: 'officer',
    usage:
      'group create "<name>" preset:<torus-tims|southampton-ti|trafford-qip|sedgemoor-scrutiny>',
    example: 'group create "Liverpool Tenant Inspectors" preset:torus-tims',
    description: 'Creates a scrutiny group in this organisation and ties it to this chat.',
  },
  {
    type: 'group-add',
    name: 'group add',
    who: 'officer',
    usage:
      'group add @person role:<member|chair|vice-chair|officer|staff|committee> ' +
      '[tenure:<tenant|leaseholder|shared-owner>] [since:<date>] [area:"<area>"]',
    example: 'group add @Sam Patel role:member tenure:tenant since:2024-04-01 area:"Norris Green"',
    description: 'Adds a person to the group, or says every reason they cannot join.',
  },
  {
    type: 'member-record',
    name: 'member record',
    who: 'officer',
    usage:
      'member record @person [training:<date>] [conduct:<date>] ' +
      '[confidentiality:<date>] [over18:yes] [term:<date>]',
    example: 'member record @Sam Patel training:2026-02-14 confidentiality:today',
    description:
      'Records a member’s initial training, signed code of conduct and confidentiality agreement, over-18 confirmation or term start.',
  },
  {
    type: 'standards-import',
    name: 'standards import',
    who: 'officer',
    usage: 'standards import (with a CSV or JSON file attached)',
    example: 'standards import',
    description: "Imports the landlord's service standards from the attached file.",
  },
  {
    type: 'standards-list',
    name: 'standards',
    who: 'officer',
    usage: 'standards [page:<n>] [area:"<service area>"]',
    example: 'standards area:"Repairs and Maintenance"',
    description:
      'Lists the service standards with their keys (for `check assign … standard:<key>`), below-target ones first, a page at a time.',
  },
  {
    type: 'review-open',
    name: 'review open',
    who: 'officer',
    usage: 'review open "<topic>" type:<full|light>',
    example: 'review open "Keeping residents informed about repairs" type:full',
    description: 'Opens a review for this group.',
  },
  {
    type: 'check-assign',
    name: 'check assign',
    who: 'officer',
    usage:
      'check assign @person "<title>" kind:<kind> due:<21/12/2026|21 Dec|friday|+N wd> ' +
      '[review:R-<n>] [standard:<key>]',
    example:
      'check assign @Sam Patel "Report a dripping tap by phone" kind:test-call-repair due:+10wd review:R-12',
    description: 'Offers a reality check to a member.',
  },
  {
    type: 'evidence-request',
    name: 'evidence request',
    who: 'officer',
    usage:
      'evidence request @person "<what>" [review:R-<n>] [due:<21/12/2026|21 Dec|friday|+N wd>]',
    example:
      'evidence request @Alex Jones "Repair satisfaction survey results, 2024/25" review:R-12',
    description:
      'Asks a member of staff for information, due in 10 working days unless you say otherwise.',
  },
  {
    type: 'declare',
    name: 'declare',
    who: 'member',
    usage: 'declare',
    example: 'declare',
    description: 'Opens the declaration of interests form.',
  },
  {
    type: 'register',
    name: 'register',
    who: 'group',
    usage: 'register [page:<n>]',
    example: 'register',
    description: "Shows the group's register of declared interests.",
  },
  {
    type: 'mine',
    name: 'mine',
    who: 'anyone',
    usage: 'mine [page:<n>]',
    example: 'mine',
    description: 'Lists your open checks, requests and deadlines.',
  },
  {
    type: 'attendance',
    name: 'attendance',
    who: 'officer-or-chair',
    usage: 'attendance @person [@person …]',
    example: 'attendance @Sam Patel @Alex Jones @Jo Smith',
    description:
      'Records who is present at today’s meeting (officers and the chair); they are the ones who may vote.',
  },
  {
    type: 'conduct-warn',
    name: 'conduct warn',
    who: 'officer',
    usage: 'conduct warn @person "<reason>"',
    example: 'conduct warn @Sam Patel "Shouting over other members"',
    description: 'Records a code-of-conduct warning, numbered, with its reason.',
  },
  {
    type: 'conduct-vote',
    name: 'conduct vote',
    who: 'officer-or-chair',
    usage: 'conduct vote @person action:<leave-meeting|bar> [period:<N>m]',
    example: 'conduct vote @Sam Patel action:bar period:6m',
    description:
      'Opens a ballot of the members present (officers and the chair), as the group’s policy allows.',
  },
  {
    type: 'conduct-refer',
    name: 'conduct refer',
    who: 'officer',
    usage: 'conduct refer @person',
    example: 'conduct refer @Sam Patel',
    description:
      'Refers a breach to the body the group’s policy names (Trafford: the Nominations Committee).',
  },
  {
    type: 'conduct-withdraw',
    name: 'conduct withdraw',
    who: 'officer',
    usage: 'conduct withdraw @person "<reason>"',
    example: 'conduct withdraw @Sam Patel "Shared confidential tenant details"',
    description:
      'Ends a membership for a breach, where the group’s policy says so (Sedgemoor, Torus).',
  },
  {
    type: 'conduct-history',
    name: 'conduct history',
    who: 'officer-or-chair',
    usage: 'conduct history @person',
    example: 'conduct history @Sam Patel',
    description: 'Shows the warnings, ballots and decisions on record (officers and the chair).',
  },
];

export function commandInfo(type: CommandType): CommandInfo {
  const info = COMMANDS.find((command) => command.type === type);
  // COMMANDS covers every type (a test holds it to that), so this is a programming error.
  if (!info) throw new Error(`No catalogue entry for command ${type}`);
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

/** What `help` shows this person: only commands they may use, in catalogue order. */
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
