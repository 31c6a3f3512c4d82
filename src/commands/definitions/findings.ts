import { checkRef, platformUserId, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';

/**
 * An officer's review of inspectors' findings before anything leaves the panel (issue 17). The
 * same as the Approve and Return buttons on the "findings to review" card, for officers who
 * would rather type, and for approving a whole inspection at once.
 */

const CHECK = {
  prefix: 'C',
  field: 'checkRef',
  noun: 'a check reference',
  example: 'C-40',
} as const;

export const findingsApproveCommand = defineCommand({
  type: 'findings-approve',
  name: 'findings approve',
  who: 'officer',
  usage: 'findings approve C-<n> [@inspector]',
  example: 'findings approve C-40 @Sam Patel',
  description:
    'Approves an inspector’s findings on a check (everyone’s waiting, with no one named); only approved findings verify local offers or leave the panel, blinded where the group’s policy says.',
  person: 'optional',
  reference: CHECK,
  options: {},
  fields: { checkRef, personUserId: platformUserId.optional() },
});

export const findingsReturnCommand = defineCommand({
  type: 'findings-return',
  name: 'findings return',
  who: 'officer',
  usage: 'findings return C-<n> @inspector "<reason>"',
  example: 'findings return C-40 @Sam Patel "Please add what the call handler said"',
  description:
    'Sends an inspector’s findings back with your reason; they see it privately and can send them again.',
  person: true,
  reference: CHECK,
  text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
  options: {},
  fields: { checkRef, personUserId: platformUserId, reason: text(TEXT_LIMITS.reason) },
});
