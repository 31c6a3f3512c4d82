import { z } from 'zod';
import { BallotBox } from '../../store/conduct/ballot-box';
import { castVote } from '../conduct/ballots';
import { recordInvestigationOutcome } from '../conduct/conduct-steps';
import { ballotCard, ballotClosedDeliveries } from '../dispatch/conduct-views';
import { noticeReply, refusalReply } from '../dispatch/reply';
import { defineCardAction, emptyToUndefined, id } from './card-action';

export const ballotVote = defineCardAction({
  verb: 'ballot.vote',
  fields: { ballotId: id, choice: z.enum(['yes', 'no', 'abstain']) },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await castVote(ctx, actor, {
      ballotId: action.ballotId,
      choice: action.choice,
    });
    if (!result.ok) return { ...refusalReply(result.refusals), sharedCard: true };
    const ballot = result.value.closed ?? result.value.ballot;
    const zone = speaker.organisation.timeZone;
    return {
      kind: 'message',
      text: result.value.changed ? 'Your vote is changed.' : 'Thank you: your vote is counted.',
      card: await ballotCard(ctx, ballot, zone, {
        youVoted: true,
        votesCast: result.value.votesCast,
      }),
      sharedCard: true,
      deliveries: result.value.closed ? await ballotClosedDeliveries(ctx, result.value.closed) : [],
    };
  },
});

export const ballotRefresh = defineCardAction({
  verb: 'ballot.refresh',
  fields: { ballotId: id },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const box = new BallotBox(ctx.db);
    const ballot = await box.get(action.ballotId, actor.organisationId);
    if (!ballot)
      return refusalReply([
        { code: 'ballot.not-yours', message: 'That ballot is not one you can vote in.' },
      ]);
    const youVoted = await box.hasVoted(ballot._id, actor.personId);
    return {
      kind: 'message',
      text: youVoted ? 'You have voted.' : 'You have not voted yet.',
      card: await ballotCard(ctx, ballot, speaker.organisation.timeZone, { youVoted }),
      sharedCard: true,
    };
  },
});

export const conductOutcome = defineCardAction({
  verb: 'conduct.outcome',
  fields: {
    groupId: id,
    subjectId: id,
    outcome: z.preprocess(emptyToUndefined, z.string().optional()),
    remove: z.enum(['yes', 'no']).optional(),
  },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await recordInvestigationOutcome(ctx, actor, {
      groupId: action.groupId,
      subjectId: action.subjectId,
      outcome: action.outcome ?? '',
      removeFromMembership: action.remove === 'yes',
    });
    if (!result.ok) return refusalReply(result.refusals, 'The outcome was not recorded');
    return noticeReply(
      action.remove === 'yes'
        ? 'The outcome is recorded and the membership has ended.'
        : 'The outcome is recorded.',
    );
  },
});
