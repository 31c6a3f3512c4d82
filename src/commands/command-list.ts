import { z } from 'zod';
import {
  attendanceCommand,
  conductHistoryCommand,
  conductReferCommand,
  conductVoteCommand,
  conductWarnCommand,
  conductWithdrawCommand,
} from './definitions/conduct';
import {
  groupAddCommand,
  groupCreateCommand,
  groupPolicyCommand,
  groupPolicySetCommand,
  memberRecordCommand,
} from './definitions/groups';
import { findingsApproveCommand, findingsReturnCommand } from './definitions/findings';
import { helpCommand } from './definitions/help';
import {
  declareCommand,
  memberFactsCommand,
  memberLiftCommand,
  memberSuspendCommand,
  memberWithdrawCommand,
  mineCommand,
  registerCommand,
  resignCommand,
} from './definitions/members';
import {
  checkAssignCommand,
  checkOfferCommand,
  evidenceRequestCommand,
  reviewOpenCommand,
} from './definitions/reviews';
import {
  reviewAgreeCommand,
  reviewDoneCommand,
  reviewEscalateCommand,
  reviewHeldCommand,
  reviewMeetingCommand,
  reviewRecommendCommand,
  reviewReportCommand,
  reviewScopeCommand,
  reviewShowCommand,
  reviewSkipCommand,
} from './definitions/review-steps';
import {
  reviewActionCommand,
  reviewActionDoneCommand,
  reviewFollowUpCommand,
  reviewPlanCommand,
  reviewPlanReturnCommand,
  reviewPlanSignOffCommand,
  reviewPlanSubmitCommand,
  reviewRespondCommand,
} from './definitions/review-plan';
import { standardsImportCommand, standardsListCommand } from './definitions/standards';
import {
  reportFeedbackCommand,
  reportPlanCommand,
  reportQuarterCommand,
  reportReviewCommand,
  reportYearCommand,
  reportYouSaidCommand,
} from './definitions/reports';
import { memberEraseCommand, myDataCommand } from './definitions/personal-data';

/**
 * Every command, each listed once, in the order `help` shows them. The parser reads its words
 * and grammar from here; src/app/commands pairs each with its handler. The two lists are kept
 * apart so the parser needs nothing from the app (test/app/commands-registry.test.ts holds
 * them to the same commands).
 */
export const COMMANDS = [
  helpCommand,
  groupCreateCommand,
  groupAddCommand,
  groupPolicyCommand,
  groupPolicySetCommand,
  memberRecordCommand,
  memberFactsCommand,
  memberSuspendCommand,
  memberLiftCommand,
  memberWithdrawCommand,
  memberEraseCommand,
  standardsImportCommand,
  standardsListCommand,
  reviewOpenCommand,
  reviewShowCommand,
  reviewScopeCommand,
  reviewDoneCommand,
  reviewSkipCommand,
  reviewMeetingCommand,
  reviewHeldCommand,
  reviewRecommendCommand,
  reviewReportCommand,
  reviewAgreeCommand,
  reviewEscalateCommand,
  reviewRespondCommand,
  reviewActionCommand,
  reviewActionDoneCommand,
  reviewPlanCommand,
  reviewPlanSubmitCommand,
  reviewPlanSignOffCommand,
  reviewPlanReturnCommand,
  reviewFollowUpCommand,
  checkAssignCommand,
  checkOfferCommand,
  findingsApproveCommand,
  findingsReturnCommand,
  evidenceRequestCommand,
  declareCommand,
  registerCommand,
  mineCommand,
  myDataCommand,
  resignCommand,
  attendanceCommand,
  conductWarnCommand,
  conductVoteCommand,
  conductReferCommand,
  conductWithdrawCommand,
  conductHistoryCommand,
  reportFeedbackCommand,
  reportReviewCommand,
  reportQuarterCommand,
  reportYearCommand,
  reportYouSaidCommand,
  reportPlanCommand,
] as const;

type SchemasOf<T extends readonly { schema: unknown }[]> = { [K in keyof T]: T[K]['schema'] };

/** Each definition's schema, in order. `map` forgets it maps a tuple; the type says it does. */
function schemasOf<const T extends readonly { schema: unknown }[]>(commands: T): SchemasOf<T> {
  return commands.map((command) => command.schema) as SchemasOf<T>;
}

/**
 * The typed commands both channels hand to the use-cases. The parser builds a plain object and
 * this schema has the last word, so a use-case never sees a command the schema would refuse.
 */
export const commandSchema = z.discriminatedUnion('type', schemasOf(COMMANDS));

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
/** One command variant by its type, e.g. CommandOf<'group-add'>. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
