import { z } from 'zod';
import { cleanTypedValues } from '../../commands/typed-text';
import type { CardActionHandler } from './card-action';
import { ballotRefresh, ballotVote, conductOutcome } from './conduct';
import { checkAccept, checkDecline, findingsOpen, findingsSubmit } from './checks';
import { deadlineMet, deadlineNotMe } from './deadlines';
import { deliveryGiveUp, deliveryRetry } from './deliveries';
import { findingsApprove, findingsReturn } from './findings-review';
import { declarationDecide, declarationOpen, declarationSubmit } from './declarations';
import { evidenceGrant, evidenceMoreTime, evidenceNotMe, evidenceSent } from './evidence';
import { listPage, mineRefresh } from './lists';
import { onboardingConfirm } from './onboarding';
import { reviewRespond, reviewRespondOpen } from './review-plan';

/** Every button and form a card can carry, each registered once. */
export const CARD_ACTIONS: readonly CardActionHandler[] = [
  checkAccept,
  checkDecline,
  findingsOpen,
  findingsSubmit,
  findingsApprove,
  findingsReturn,
  declarationOpen,
  declarationSubmit,
  declarationDecide,
  mineRefresh,
  listPage,
  deadlineMet,
  deadlineNotMe,
  evidenceNotMe,
  evidenceGrant,
  evidenceMoreTime,
  evidenceSent,
  ballotVote,
  ballotRefresh,
  conductOutcome,
  onboardingConfirm,
  reviewRespondOpen,
  reviewRespond,
  deliveryRetry,
  deliveryGiveUp,
];

const [firstVariant, ...otherVariants] = CARD_ACTIONS.map((action) => action.schema);
if (!firstVariant) throw new Error('No card actions are registered');

/**
 * What a button or form on a card can ask for, whichever channel it was clicked in. Every
 * string in it is cleaned of control characters, escape sequences and bidi overrides first
 * (see typed-text.ts), the checklist's q.<id> answers included, so a new field is too.
 */
export const cardActionSchema = z.preprocess(
  cleanTypedValues,
  z.discriminatedUnion('verb', [firstVariant, ...otherVariants]),
);

const BY_VERB = new Map(CARD_ACTIONS.map((action) => [action.verb, action]));

export function cardActionFor(verb: string): CardActionHandler {
  const action = BY_VERB.get(verb);
  // cardActionSchema only accepts registered verbs, so this is a programming error.
  if (!action) throw new Error(`No handler for card action ${verb}`);
  return action;
}

/** The verbs whose answer is a form (see dispatch/form-requests.ts). */
export const FORM_VERBS: ReadonlySet<string> = new Set(
  CARD_ACTIONS.filter((action) => action.answersWithForm).map((action) => action.verb),
);
