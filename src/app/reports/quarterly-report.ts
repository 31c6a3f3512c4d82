import { z } from 'zod';
import { ok, type Result } from '../../domain/shared/result';
import { requireOfficer } from '../shared/authorise';
import { defineUseCase } from '../shared/use-case';
import { assemblePeriodReport, type PeriodReport } from './period-report';
import { lastCompleteQuarter, quarterKey, quarterPeriod } from './report-period';
import { organisationZone } from './report-text';

/**
 * The quarterly report to the committees (Torus TIMS ToR; Trafford QIP ToR), for a calendar
 * quarter, by default the last one that has ended. It covers every group of the organisation,
 * as the committee oversees them all, so it is an officer's to ask for.
 */
export const quarterlyReport = defineUseCase({
  name: 'quarterlyReport',
  input: z.object({ quarter: quarterKey.optional() }),
  async run(ctx, actor, input): Promise<Result<PeriodReport>> {
    const refusals = await requireOfficer(ctx, actor, 'produce the quarterly report');
    if (refusals.length > 0) return { ok: false, refusals };
    const zone = await organisationZone(ctx, actor.organisationId);
    const key = input.quarter ?? lastCompleteQuarter(ctx.now(), zone);
    return ok(
      await assemblePeriodReport(ctx, actor.organisationId, quarterPeriod(key, zone), zone),
    );
  },
});
