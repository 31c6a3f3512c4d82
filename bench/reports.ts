/**
 * How long each report takes for a quarter of 500 reality checks, seeded through the use-cases
 * (the same seed the report tests use), on the embedded database or MONGODB_URI. Prints a table;
 * times are wall-clock on this machine, for comparing runs, not a test.
 *
 *   npx tsx bench/reports.ts [checks]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { annualReport } from '../src/app/reports/annual-report';
import { inspectionFeedbackReport } from '../src/app/reports/inspection-feedback';
import { planTracker } from '../src/app/reports/plan-tracker';
import { quarterlyReport } from '../src/app/reports/quarterly-report';
import {
  feedbackSummary,
  periodSummary,
  planSummary,
  reportReply,
  reviewSummary,
  youSaidSummary,
} from '../src/app/reports/report-summary';
import { reviewReport } from '../src/app/reports/review-report';
import { youSaidWeDid } from '../src/app/reports/you-said-we-did';
import type { AppContext } from '../src/app/shared/context';
import type { Reply } from '../src/app/dispatch/reply';
import { feedbackDocument } from '../src/reports/layouts/feedback';
import { periodDocument } from '../src/reports/layouts/period';
import { planDocument } from '../src/reports/layouts/plan';
import { reviewDocument } from '../src/reports/layouts/review';
import { youSaidDocument } from '../src/reports/layouts/you-said';
import { prepareModels } from '../src/store/model-registry';
import { equalityIndexing } from '../src/store/server/equality-indexes';
import { resolveDatabase } from '../src/store/server/resolve';
import { must, seedReportData } from '../test/support/report-seed';

const CHECKS = Number(process.argv[2] ?? 500);

/** Times the data's assembly (database reads) and the rendering (Word, PDF, CSV, chart) apart. */
async function timed<T>(
  name: string,
  assemble: () => Promise<T>,
  render: (data: T) => Promise<Reply>,
): Promise<void> {
  const started = performance.now();
  const data = await assemble();
  const assembled = performance.now();
  const reply = await render(data);
  const done = performance.now();
  const bytes = (reply.files ?? []).reduce((n, f) => n + f.bytes.length, 0);
  const ms = (n: number) => n.toFixed(0).padStart(6);
  console.log(
    `${name.padEnd(28)} ${ms(done - started)} ms (data ${ms(assembled - started)}, files ${ms(done - assembled)})  ${String(reply.files?.length ?? 0).padStart(2)} files  ${(bytes / 1024).toFixed(0).padStart(5)} KB`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scrutiny-bench-reports-'));
  const database = await resolveDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dataDir: dir,
    pathEnv: process.env.PATH,
    ferretDbBinary: process.env.FERRETDB_BIN,
    onProgress: (message) => console.error(message),
  });
  const connection = await mongoose
    .createConnection(database.uri, { dbName: `bench_reports_${Date.now()}` })
    .asPromise();
  let now = new Date('2026-07-01T09:00:00Z');
  const ctx: AppContext = { db: connection, now: () => now };
  try {
    await prepareModels(
      connection,
      equalityIndexing(database.postgresqlUrl ?? process.env.FERRETDB_POSTGRESQL_URL),
    );
    const seedStarted = performance.now();
    const seeded = await seedReportData(ctx, { checks: CHECKS });
    console.log(
      `seeded ${CHECKS} checks through the use-cases in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    now = new Date('2026-10-05T09:00:00Z');
    const actor = seeded.officer;
    await timed(
      'report quarter 2026-Q3',
      async () => must(await quarterlyReport(ctx, actor, { quarter: '2026-Q3' })),
      async (r) => reportReply(await periodDocument(r, 'quarterly'), periodSummary(r), now),
    );
    await timed(
      'report year 2026',
      async () => must(await annualReport(ctx, actor, { year: 2026 })),
      async (r) => reportReply(await periodDocument(r, 'annual'), periodSummary(r), now),
    );
    await timed(
      `report feedback ${seeded.checkRefs[0]}`,
      async () =>
        must(await inspectionFeedbackReport(ctx, actor, { checkRef: seeded.checkRefs[0]! })),
      async (r) => reportReply(feedbackDocument(r), feedbackSummary(r), now),
    );
    await timed(
      `report review ${seeded.reviewRef} draft`,
      async () =>
        must(await reviewReport(ctx, actor, { reviewRef: seeded.reviewRef, version: 'draft' })),
      async (r) => reportReply(reviewDocument(r), reviewSummary(r), now),
    );
    await timed(
      'report you-said-we-did',
      async () => must(await youSaidWeDid(ctx, actor, {})),
      async (r) => reportReply(youSaidDocument(r), youSaidSummary(r), now),
    );
    await timed(
      `report plan ${seeded.reviewRef}`,
      async () => must(await planTracker(ctx, actor, { reviewRef: seeded.reviewRef })),
      async (r) => reportReply(planDocument(r), planSummary(r), now),
    );
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
