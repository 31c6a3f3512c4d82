import { z } from 'zod';
import { ok, type Result } from '../../domain/shared/result';
import { requireOfficer } from '../shared/authorise';
import { defineUseCase } from '../shared/use-case';
import { assemblePeriodReport, type PeriodReport } from './period-report';
import { lastCompleteYear, yearKey, yearPeriod } from './report-period';
import { organisationZone } from './report-text';

/**
 * The annual report to the Board (Trafford QIP ToR: "The Panel will submit an annual report on
 * its activities to Board"), with the quarterly report's sections over a calendar year: the
 * terms say "annual" and no more, so the year is January to December unless the officer names
 * another, and the report states its dates. By default the last year that has ended.
 */
export const annualReport = defineUseCase({
  name: 'annualReport',
  input: z.object({ year: yearKey.optional() }),
  async run(ctx, actor, input): Promise<Result<PeriodReport>> {
    const refusals = await requireOfficer(ctx, actor, 'produce the annual report');
    if (refusals.length > 0) return { ok: false, refusals };
    const zone = await organisationZone(ctx, actor.organisationId);
    const year = input.year ?? lastCompleteYear(ctx.now(), zone);
    return ok(await assemblePeriodReport(ctx, actor.organisationId, yearPeriod(year, zone), zone));
  },
});
