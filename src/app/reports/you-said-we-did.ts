import { z } from 'zod';
import { longDate } from '../dispatch/view-models';
import { ok, type Result } from '../../domain/shared/result';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import { personModel } from '../../store/people/person-model';
import { reviewModel, type ReviewRecord } from '../../store/reviews/review-model';
import { localToday } from '../people/standing';
import { requireOfficer } from '../shared/authorise';
import { defineUseCase } from '../shared/use-case';
import { yearKey } from './report-period';
import { outward } from './report-text';
import { actionLines, recommendationLines } from './review-outline';

/**
 * "You said, we did" (Torus TIMS: outcomes presented "to all customers via 'you said, we did'
 * on the Torus website"; Sedgemoor 4.3(10) "publicising the review outcomes"). It is for the
 * public, so it is always blinded, whatever a group's policy: no one is named, and names,
 * addresses, emails and phone numbers are taken out of every text.
 */

export interface YouSaidWeDidItem {
  review: string;
  topic: string;
  youSaid: string;
  weDid: string[];
}

export interface YouSaidWeDid {
  organisation: string;
  year?: number;
  asOf: string;
  items: YouSaidWeDidItem[];
}

function month(date: string): string {
  return longDate(date).split(' ').slice(2).join(' ');
}

export const youSaidWeDid = defineUseCase({
  name: 'youSaidWeDid',
  input: z.object({ year: yearKey.optional() }),
  async run(ctx, actor, input): Promise<Result<YouSaidWeDid>> {
    const refusals = await requireOfficer(ctx, actor, 'produce "you said, we did"');
    if (refusals.length > 0) return { ok: false, refusals };
    const [organisation, reviews, people, today] = await Promise.all([
      new OrganisationBook(ctx.db).get(actor.organisationId),
      reviewModel(ctx.db)
        .find({ organisationId: actor.organisationId })
        .sort({ createdAt: 1 })
        .lean<ReviewRecord[]>(),
      personModel(ctx.db)
        .find({ organisationId: actor.organisationId })
        .select({ displayName: 1 })
        .lean<Array<{ displayName: string }>>(),
      localToday(ctx, actor.organisationId),
    ]);
    const blinding = { on: true, names: people.map((p) => p.displayName) };
    const items: YouSaidWeDidItem[] = [];
    for (const record of reviews) {
      const review = record.review;
      const lines = recommendationLines(review, blinding);
      const actions = actionLines(review, today, blinding);
      for (const rec of review.recommendations) {
        // Only what the committee agreed is the panel's voice to the landlord.
        if (rec.agreed !== true) continue;
        if (
          input.year !== undefined &&
          !(rec.decidedOn ?? review.openedOn).startsWith(`${input.year}-`)
        )
          continue;
        const line = lines.find((l) => l.number === rec.id);
        if (!line) continue;
        const own = actions.filter((a) => a.recommendation === rec.id);
        const weDid =
          line.management === 'rejected'
            ? [`Not taken forward${line.managementReason ? `: ${line.managementReason}` : '.'}`]
            : line.management === 'no response yet'
              ? ['The landlord’s response is awaited.']
              : own.length === 0
                ? ['Accepted; the actions are being planned.']
                : own.map((a) =>
                    a.state === 'done'
                      ? `Done (${month(a.doneOn ?? a.dueOn)}): ${a.action}`
                      : a.state === 'overdue'
                        ? `Not yet done, was due ${month(a.dueOn)}: ${a.action}`
                        : `Under way, due ${month(a.dueOn)}: ${a.action}`,
                  );
        items.push({
          review: record.reference,
          topic: outward(review.title, blinding),
          youSaid: line.text,
          weDid,
        });
      }
    }
    return ok({
      organisation: organisation.name,
      ...(input.year !== undefined && { year: input.year }),
      asOf: today,
      items,
    });
  },
});
