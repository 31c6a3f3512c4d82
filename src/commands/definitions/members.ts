import { z } from 'zod';
import { page, platformUserId, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { NOTHING_MORE } from '../grammar';
import { localDateSchema } from '../../domain/calendar/local-date';
import { choiceOption, dateOption, pageOption, textOption } from '../option-readers';

/** What members do for themselves: declare interests, read the register, see their own work. */

export const declareCommand = defineCommand({
  type: 'declare',
  name: 'declare',
  who: 'member',
  usage: 'declare',
  example: 'declare',
  description: 'Opens the declaration of interests form.',
  menu: 'Opens the declaration of interest form',
  answersWithForm: true,
  ...NOTHING_MORE,
  fields: {},
});

export const registerCommand = defineCommand({
  type: 'register',
  name: 'register',
  who: 'group',
  usage: 'register [page:<n>]',
  example: 'register',
  description: "Shows the group's register of declared interests.",
  menu: "Shows this group's register of interests",
  person: false,
  options: { page: pageOption() },
  fields: { page: page.optional() },
});

export const mineCommand = defineCommand({
  type: 'mine',
  name: 'mine',
  who: 'anyone',
  usage: 'mine [page:<n>]',
  example: 'mine',
  description: 'Lists your open checks, requests and deadlines.',
  menu: 'Your open checks, requests and deadlines',
  person: false,
  options: { page: pageOption() },
  fields: { page: page.optional() },
});

/**
 * The eligibility facts an officer records about a person (src/domain/people/person-facts.ts),
 * typed `staff:yes breach:no committee:STAC`. Only these yes/no answers and a committee's name are
 * kept: nothing about why (domain.md "Confidentiality and data protection"). `group add` takes
 * the same options, so a refusal can list every reason at once.
 */
const YES_NO = ['yes', 'no'] as const;
const yesNo = z.enum(YES_NO).optional();

function yesNoOption(key: string, field: string, noun: string) {
  return choiceOption({ key, field, noun, choices: YES_NO, required: false });
}

export const FACT_OPTIONS = {
  staff: yesNoOption('staff', 'staff', 'whether they are staff'),
  'manager-agreed': yesNoOption('manager-agreed', 'managerAgreed', 'whether their manager agreed'),
  breach: yesNoOption('breach', 'breach', 'whether they are in breach of tenancy'),
  judgement: yesNoOption(
    'judgement',
    'judgement',
    'whether they have a county court judgement or notice of seeking possession',
  ),
  'ex-customer': yesNoOption('ex-customer', 'exCustomer', 'whether they are an ex-customer'),
  'board-elsewhere': yesNoOption(
    'board-elsewhere',
    'boardElsewhere',
    'whether they sit on another housing board',
  ),
  'excluded-before': yesNoOption(
    'excluded-before',
    'excludedBefore',
    'whether they were excluded before for behaviour',
  ),
  'helped-develop': yesNoOption(
    'helped-develop',
    'helpedDevelop',
    'whether they helped develop the service under review',
  ),
  // Southampton TI: "a current tenant or leaseholder ... of at least 12 months, or; Have been
  // trained": training done before joining, so the tenancy rule can be met by it.
  trained: dateOption({
    key: 'trained',
    field: 'trained',
    noun: 'a training date',
    required: false,
    notBeforeToday: false,
  }),
  committee: textOption({
    key: 'committee',
    field: 'committee',
    noun: 'a committee',
    example: 'STAC (or committee:none)',
    maxLength: TEXT_LIMITS.committee,
  }),
};

export const FACT_FIELDS = {
  staff: yesNo,
  managerAgreed: yesNo,
  breach: yesNo,
  judgement: yesNo,
  exCustomer: yesNo,
  boardElsewhere: yesNo,
  excludedBefore: yesNo,
  helpedDevelop: yesNo,
  trained: localDateSchema.optional(),
  committee: text(TEXT_LIMITS.committee).optional(),
};

export const FACTS_USAGE =
  '[staff:yes|no] [manager-agreed:yes|no] [breach:yes|no] [judgement:yes|no] ' +
  '[ex-customer:yes|no] [board-elsewhere:yes|no] [excluded-before:yes|no] ' +
  '[helped-develop:yes|no] [trained:<date>] [committee:<name>|none]';

export const memberFactsCommand = defineCommand({
  type: 'member-facts',
  name: 'member facts',
  who: 'officer',
  usage: `member facts @person ${FACTS_USAGE}`,
  example: 'member facts @Sam Patel staff:no breach:no committee:STAC',
  description:
    'Records the eligibility facts the group’s rules read about a person: staff, breach of tenancy, court judgement or notice, ex-customer, board elsewhere, excluded before, helped develop the service, trained for the role (before joining), committee.',
  person: true,
  options: FACT_OPTIONS,
  fields: { personUserId: platformUserId, ...FACT_FIELDS },
});

const REASON = { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason };

export const memberSuspendCommand = defineCommand({
  type: 'member-suspend',
  name: 'member suspend',
  who: 'officer',
  usage: 'member suspend @person "<reason>" [complaint:yes]',
  example: 'member suspend @Sam Patel "Under investigation"',
  description:
    'Suspends a member, who keeps their place but cannot take part; complaint:yes suspends for a live complaint where the group’s policy says so (Torus).',
  person: true,
  // A live complaint carries its own reason (Torus: "until the complaint is fully resolved").
  text: { ...REASON, optional: true },
  options: {
    complaint: choiceOption({
      key: 'complaint',
      field: 'complaint',
      noun: 'a live complaint',
      choices: ['yes'],
      required: false,
    }),
  },
  fields: {
    personUserId: platformUserId,
    reason: text(TEXT_LIMITS.reason).optional(),
    complaint: z.literal('yes').optional(),
  },
});

export const memberLiftCommand = defineCommand({
  type: 'member-lift',
  name: 'member lift',
  who: 'officer',
  usage: 'member lift @person "<reason>"',
  example: 'member lift @Sam Patel "Complaint resolved"',
  description: 'Lifts a member’s suspension, with the reason.',
  person: true,
  text: REASON,
  options: {},
  fields: { personUserId: platformUserId, reason: text(TEXT_LIMITS.reason) },
});

export const memberWithdrawCommand = defineCommand({
  type: 'member-withdraw',
  name: 'member withdraw',
  who: 'officer',
  usage: 'member withdraw @person "<reason>"',
  example: 'member withdraw @Sam Patel "No longer a customer"',
  description: 'Ends a membership, with the reason; their place is freed.',
  person: true,
  text: REASON,
  options: {},
  fields: { personUserId: platformUserId, reason: text(TEXT_LIMITS.reason) },
});

export const resignCommand = defineCommand({
  type: 'resign',
  name: 'resign',
  who: 'member',
  usage: 'resign ["<reason>"]',
  example: 'resign "Moving out of the area"',
  description: 'Leaves the group, with a reason if you wish to give one.',
  person: false,
  text: { ...REASON, optional: true },
  options: {},
  fields: { reason: text(TEXT_LIMITS.reason).optional() },
});
