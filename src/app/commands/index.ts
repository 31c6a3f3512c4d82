import type { CommandType } from '../../commands';
import type { CommandHandler } from './command-handler';
import {
  attendanceHandler,
  conductHistoryHandler,
  conductReferHandler,
  conductVoteHandler,
  conductWarnHandler,
  conductWithdrawHandler,
} from './conduct';
import {
  groupAddHandler,
  groupCreateHandler,
  groupPolicyHandler,
  groupPolicySetHandler,
  memberRecordHandler,
} from './groups';
import { findingsApproveHandler, findingsReturnHandler } from './findings';
import { helpHandler } from './help';
import {
  declareHandler,
  memberFactsHandler,
  memberLiftHandler,
  memberSuspendHandler,
  memberWithdrawHandler,
  mineHandler,
  registerHandler,
  resignHandler,
} from './members';
import {
  checkAssignHandler,
  checkOfferHandler,
  evidenceRequestHandler,
  reviewOpenHandler,
} from './reviews';
import {
  reviewAgreeHandler,
  reviewDoneHandler,
  reviewEscalateHandler,
  reviewHeldHandler,
  reviewMeetingHandler,
  reviewRecommendHandler,
  reviewReportHandler,
  reviewScopeHandler,
  reviewShowHandler,
  reviewSkipHandler,
} from './review-steps';
import {
  reviewActionDoneHandler,
  reviewActionHandler,
  reviewFollowUpHandler,
  reviewPlanHandler,
  reviewPlanReturnHandler,
  reviewPlanSignOffHandler,
  reviewPlanSubmitHandler,
  reviewRespondHandler,
} from './review-plan';
import { standardsImportHandler, standardsListHandler } from './standards';
import {
  reportFeedbackHandler,
  reportPlanHandler,
  reportQuarterHandler,
  reportReviewHandler,
  reportYearHandler,
  reportYouSaidHandler,
} from './reports';
import { memberEraseHandler, myDataHandler } from './personal-data';

/**
 * Every command's handler, each registered once. The parser keeps its own list of definitions
 * (src/commands/command-list.ts) so it needs nothing from the app; the registry test holds the
 * two lists to the same commands, one handler each.
 */
export const COMMAND_HANDLERS: readonly CommandHandler[] = [
  helpHandler,
  groupCreateHandler,
  groupAddHandler,
  groupPolicyHandler,
  groupPolicySetHandler,
  memberRecordHandler,
  memberFactsHandler,
  memberSuspendHandler,
  memberLiftHandler,
  memberWithdrawHandler,
  memberEraseHandler,
  standardsImportHandler,
  standardsListHandler,
  reviewOpenHandler,
  reviewShowHandler,
  reviewScopeHandler,
  reviewDoneHandler,
  reviewSkipHandler,
  reviewMeetingHandler,
  reviewHeldHandler,
  reviewRecommendHandler,
  reviewReportHandler,
  reviewAgreeHandler,
  reviewEscalateHandler,
  reviewRespondHandler,
  reviewActionHandler,
  reviewActionDoneHandler,
  reviewPlanHandler,
  reviewPlanSubmitHandler,
  reviewPlanSignOffHandler,
  reviewPlanReturnHandler,
  reviewFollowUpHandler,
  checkAssignHandler,
  checkOfferHandler,
  findingsApproveHandler,
  findingsReturnHandler,
  evidenceRequestHandler,
  declareHandler,
  registerHandler,
  mineHandler,
  myDataHandler,
  resignHandler,
  attendanceHandler,
  conductWarnHandler,
  conductVoteHandler,
  conductReferHandler,
  conductWithdrawHandler,
  conductHistoryHandler,
  reportFeedbackHandler,
  reportReviewHandler,
  reportQuarterHandler,
  reportYearHandler,
  reportYouSaidHandler,
  reportPlanHandler,
];

const BY_TYPE = new Map(COMMAND_HANDLERS.map((handler) => [handler.command.type, handler]));

export function commandHandlerFor(type: CommandType): CommandHandler {
  const handler = BY_TYPE.get(type);
  // Every command has a handler (test/app/commands-registry.test.ts), so this is a programming error.
  if (!handler) throw new Error(`No handler for command ${type}`);
  return handler;
}
