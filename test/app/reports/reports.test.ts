import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { inspectionFeedbackReport } from '../../../src/app/reports/inspection-feedback';
import { planTracker } from '../../../src/app/reports/plan-tracker';
import { quarterlyReport } from '../../../src/app/reports/quarterly-report';
import { annualReport } from '../../../src/app/reports/annual-report';
import { reviewReport } from '../../../src/app/reports/review-report';
import { youSaidWeDid } from '../../../src/app/reports/you-said-we-did';
import {
  feedbackSummary,
  periodSummary,
  planSummary,
  reportReply,
  reviewSummary,
  youSaidSummary,
} from '../../../src/app/reports/report-summary';
import type { OutgoingFile } from '../../../src/app/messaging/outgoing-file';
import { readCsv } from '../../../src/domain/standards/csv';
import { csvCell } from '../../../src/reports/csv';
import { feedbackDocument } from '../../../src/reports/layouts/feedback';
import { periodDocument } from '../../../src/reports/layouts/period';
import { planDocument } from '../../../src/reports/layouts/plan';
import { reviewDocument } from '../../../src/reports/layouts/review';
import { youSaidDocument } from '../../../src/reports/layouts/you-said';
import { FileLinks } from '../../../src/app/findings/file-links';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { FindingFileStore } from '../../../src/store/findings/finding-file-store';
import { useTestApp } from '../../support/app';
import { pngOf } from '../../support/finding-files';
import { INSPECTOR_NAMES, must, seedReportData, type Seeded } from '../../support/report-seed';

interface PdfJs {
  disableWorker: boolean;
  getDocument(data: Uint8Array): Promise<{
    numPages: number;
    getPage(n: number): Promise<{
      getTextContent(): Promise<{ items: Array<{ str: string; transform: number[] }> }>;
    }>;
    destroy(): Promise<void>;
  }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdf-parse/lib/pdf.js/v1.10.100/build/pdf.js') as PdfJs;
pdfjs.disableWorker = true;

/** The text of a PDF, a line per run of text at one height, as pdf-parse gives it. */
async function pdfParse(bytes: Buffer): Promise<{ text: string; numpages: number }> {
  const doc = await pdfjs.getDocument(new Uint8Array(bytes));
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let lastY: number | undefined;
      text += '\n\n';
      for (const item of content.items) {
        const y = item.transform[5];
        text += lastY === undefined || lastY === y ? item.str : `\n${item.str}`;
        lastY = y;
      }
    }
    return { text, numpages: doc.numPages };
  } finally {
    // Awaited: pdf-parse does not, and the next document then read wrong ("bad XRef entry").
    await doc.destroy();
  }
}

const app = useTestApp('2026-07-01T09:00:00Z');
/** Set REPORT_FILES_DIR to keep the generated files, e.g. to render the PDFs and look at them. */
const KEEP = process.env.REPORT_FILES_DIR;

let seeded: Seeded;

beforeAll(async () => {
  seeded = await seedReportData(app.ctx(), { checks: 7 });
  // Early October: the third quarter has ended and action A1 (due 14 August) is overdue.
  app.setNow('2026-10-05T09:00:00Z');
}, 120_000);

interface ReadBack {
  docx: string;
  pdf: string;
  pages: number;
  csvs: Map<string, string[][]>;
  files: OutgoingFile[];
}

async function readBack(files: OutgoingFile[] | undefined): Promise<ReadBack> {
  if (!files) throw new Error('no files');
  if (KEEP) {
    mkdirSync(KEEP, { recursive: true });
    for (const f of files) writeFileSync(join(KEEP, f.name), f.bytes);
  }
  const docx = files.find((f) => f.name.endsWith('.docx'));
  const pdf = files.find((f) => f.name.endsWith('.pdf'));
  if (!docx || !pdf) throw new Error('missing docx or pdf');
  const text = (await mammoth.extractRawText({ buffer: docx.bytes })).value;
  const parsed = await pdfParse(pdf.bytes);
  const csvs = new Map<string, string[][]>();
  for (const f of files.filter((x) => x.name.endsWith('.csv'))) {
    const content = f.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const read = readCsv(content);
    if (!read.ok) throw new Error(`${f.name}: ${JSON.stringify(read)}`);
    csvs.set(
      f.name,
      read.records.map((r) => r.fields),
    );
  }
  return { docx: text, pdf: parsed.text, pages: parsed.numpages, csvs, files };
}

/** PDF text extraction joins and breaks lines where the layout did: compare without spaces. */
const squash = (text: string) => text.replace(/\s+/g, '');

function expectNoBlindedNames(text: string): void {
  for (const name of INSPECTOR_NAMES) {
    expect(text).not.toContain(name);
    for (const part of name.split(' ')) expect(text).not.toContain(part);
  }
  expect(text).not.toContain('4 Elm Road');
  expect(text).not.toContain('07700 900123');
}

describe('inspection feedback report', () => {
  it('is made from approved findings only, blinded: inspectors by number, no names, addresses or phone numbers', async () => {
    const ctx = app.ctx();
    const [firstRef] = seeded.checkRefs;
    const report = must(
      await inspectionFeedbackReport(ctx, seeded.officer, { checkRef: firstRef! }),
    );
    expect(report.blinded).toBe(true);
    expect(report.inspectors.map((i) => i.who)).toEqual(['Inspector 1', 'Inspector 2']);
    expect(report.offers).toEqual([
      expect.objectContaining({
        key: 'emails-acknowledged-within-4-hours',
        verdict: 'partly verified',
      }),
      expect.objectContaining({ key: 'formal-complaints-response', verdict: 'not verified' }),
    ]);
    const reply = await reportReply(feedbackDocument(report), feedbackSummary(report), ctx.now());
    expect(reply.kind === 'message' && reply.card?.name).toBe('report-summary');
    const read = await readBack(reply.files);
    expect(read.files.map((f) => f.name)).toEqual([
      `${firstRef}-feedback-report.docx`,
      `${firstRef}-feedback-report.pdf`,
      `${firstRef}-feedback-report-offers.csv`,
      `${firstRef}-feedback-report-findings.csv`,
    ]);
    for (const text of [read.docx, read.pdf]) {
      expectNoBlindedNames(text);
      expect(squash(text)).toContain(squash('Inspector 2'));
      expect(squash(text)).toContain(squash('Send the full reply within 5 working days.'));
      expect(squash(text)).toContain(squash('[address]'));
      expect(squash(text)).toContain(squash('partly verified'));
    }
    const findings = read.csvs.get(`${firstRef}-feedback-report-findings.csv`)!;
    expect(findings[0]).toEqual(['Inspector', 'Kind', 'Finding']);
    expect(findings.filter((r) => r[1] === 'recommendation')).toHaveLength(2);
    expectNoBlindedNames(findings.flat().join('\n'));
  });

  it('lists files attached to the findings by name, with a signed link for the officer who asked', async () => {
    const ctx = app.ctx();
    const ref = seeded.checkRefs[0]!;
    const check = await realityCheckModel(ctx.db).findOne({ reference: ref }).lean();
    const assignment = await checkAssignmentModel(ctx.db)
      .findOne({ checkId: check?._id, personId: seeded.inspectors[0]!.personId })
      .lean();
    if (!check || !assignment) throw new Error('seeded check not found');
    await new FindingFileStore(ctx.db).add(
      {
        organisationId: check.organisationId,
        groupId: check.groupId,
        checkId: check._id,
        assignmentId: assignment._id,
        personId: assignment.personId,
        name: 'hub-reply.png',
        uploadedBy: assignment.personId,
        uploadedAt: ctx.now(),
      },
      pngOf(300),
    );
    const links = new FileLinks('a-test-secret-of-enough-length', () => 'https://bot.example');
    const report = must(
      await inspectionFeedbackReport({ ...ctx, fileLinks: links }, seeded.officer, {
        checkRef: ref,
      }),
    );
    const [file] = report.inspectors[0]!.files;
    expect(file?.name).toBe('hub-reply.png');
    expect(file?.link).toMatch(/^https:\/\/bot\.example\/files\/[\w-]+\?p=/);
    expect(file?.link).toContain(`p=${seeded.officer.personId}`);
    const withoutLinks = must(
      await inspectionFeedbackReport(ctx, seeded.officer, { checkRef: ref }),
    );
    expect(withoutLinks.inspectors[0]!.files).toEqual([{ name: 'hub-reply.png' }]);
  });

  it('is refused before the officer has approved anything, and to a member', async () => {
    const ctx = app.ctx();
    const waiting = seeded.checkRefs[3]!;
    const early = await inspectionFeedbackReport(ctx, seeded.officer, { checkRef: waiting });
    expect(!early.ok && early.refusals.map((r) => r.code)).toEqual(['report.nothing-approved']);
    const member = await inspectionFeedbackReport(ctx, seeded.member, {
      checkRef: seeded.checkRefs[0]!,
    });
    expect(!member.ok && member.refusals.map((r) => r.code)).toEqual(['not-allowed']);
    const bad = await inspectionFeedbackReport(ctx, seeded.officer, { checkRef: '' });
    expect(!bad.ok && bad.refusals[0]?.code).toBe('invalid-input');
  });
});

describe('review report', () => {
  it('the draft carries scope, evidence received and missing, meetings, recommendations, the response and the plan', async () => {
    const ctx = app.ctx();
    const report = must(
      await reviewReport(ctx, seeded.chair, { reviewRef: seeded.reviewRef, version: 'draft' }),
    );
    expect(report.evidenceReceived.map((e) => e.what)).toEqual([
      'The complaints policy and the last quarter’s response times',
    ]);
    expect(report.evidenceMissing).toHaveLength(1);
    expect(report.meetings).toHaveLength(2);
    expect(report.actions.map((a) => [a.id, a.state])).toEqual([
      ['A1', 'overdue'],
      ['A2', 'open'],
    ]);
    const read = await readBack(
      (await reportReply(reviewDocument(report), reviewSummary(report), ctx.now())).files,
    );
    for (const text of [read.docx, read.pdf]) {
      const t = squash(text);
      expect(t).toContain(squash('Draft review report'));
      expect(t).toContain(squash('compensation is out of scope'));
      expect(t).toContain(squash('Twenty closed complaint files, blinded'));
      expect(t).toContain(squash('No budget for a text service this year.'));
      expect(t).toContain(squash('Larry Lead'));
      expect(t).toContain(squash('Overdue'));
      expect(t).toContain(squash('Tell every caller the date of the written reply.'));
      expectNoBlindedNames(text);
    }
    const recs = read.csvs.get(`${seeded.reviewRef}-review-report-draft-recommendations.csv`)!;
    expect(recs.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['1', 'agreed', 'accepted'],
      ['2', 'agreed', 'rejected'],
    ]);
  });

  it('the final report is refused to a member of the panel; the improvement plan tracker lists overdue first', async () => {
    const ctx = app.ctx();
    const refused = await reviewReport(ctx, seeded.member, {
      reviewRef: seeded.reviewRef,
      version: 'final',
    });
    expect(!refused.ok && refused.refusals.map((r) => r.code)).toEqual(['not-allowed']);
    // The committee has decided both recommendations, so the final report can be made.
    const final = must(
      await reviewReport(ctx, seeded.officer, { reviewRef: seeded.reviewRef, version: 'final' }),
    );
    const finalFiles = await readBack(
      (await reportReply(reviewDocument(final), reviewSummary(final), ctx.now())).files,
    );
    expect(finalFiles.files[0]?.name).toBe(`${seeded.reviewRef}-review-report-final.docx`);
    expect(squash(finalFiles.docx)).toContain(squash('Final review report'));
    const plan = must(await planTracker(ctx, seeded.officer, { reviewRef: seeded.reviewRef }));
    const read = await readBack(
      (await reportReply(planDocument(plan), planSummary(plan), ctx.now())).files,
    );
    const rows = read.csvs.get(`${seeded.reviewRef}-improvement-plan-actions.csv`)!;
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['A1', 'Larry Lead', '2026-08-14', 'Overdue'],
      ['A2', 'Larry Lead', '2026-12-31', 'Open'],
    ]);
  });
});

describe('quarterly and annual reports', () => {
  it('the last complete quarter: checks done and outstanding, findings by service area, offers with a chart, reviews, actions and deadlines missed', async () => {
    const ctx = app.ctx();
    const report = must(await quarterlyReport(ctx, seeded.officer, {}));
    expect(report.period).toMatchObject({ key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    // 7 checks: C-4 and C-7 wait for the officer; the rest are approved (C-1 by two inspectors).
    expect(report.checks.filter((c) => c.state === 'done')).toHaveLength(5);
    expect(report.checks.filter((c) => c.state === 'outstanding')).toHaveLength(2);
    const emails = report.offers.find((o) => o.key === 'emails-acknowledged-within-4-hours');
    // The latest approved check's verdict stands while a later one is still with the officer.
    expect(emails).toMatchObject({ verification: 'verified' });
    expect(emails?.verificationDetail).toMatch(/^C-\d+, approved 2026-0\d; C-\d+ under way$/);
    const lifts = report.offers.find((o) => o.key === 'lift-inspections');
    expect(lifts).toMatchObject({ targetState: 'below target' });
    expect(report.offers.find((o) => o.key === 'formal-complaints-response')?.verification).toBe(
      'not verified',
    );
    expect(report.deadlinesMissed.map((d) => d.about)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^E-\d+$/)]),
    );
    const doc = await periodDocument(report, 'quarterly');
    expect(doc.blocks.some((b) => b.kind === 'chart')).toBe(true);
    const read = await readBack((await reportReply(doc, periodSummary(report), ctx.now())).files);
    for (const text of [read.docx, read.pdf]) {
      expectNoBlindedNames(text);
      const t = squash(text);
      expect(t).toContain(squash('Reality checks due: 7; done 5, outstanding 2.'));
      expect(t).toContain(squash('Customer Service'));
      expect(t).toContain(squash('lift-inspections'));
    }
    expect(squash(read.pdf)).toContain(squash('Local offers against target, by service area'));
    const checks = read.csvs.get('quarterly-report-2026-Q3-checks.csv')!;
    expect(checks).toHaveLength(8);
    const areas = read.csvs.get('quarterly-report-2026-Q3-findings-by-area.csv')!;
    expect(areas.find((r) => r[0] === 'Customer Service')?.slice(1, 3)).toEqual(['4', '4']);
    // The chart is a PNG inside the Word file as well.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(read.files[0]!.bytes);
    expect(Object.keys(zip.files).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
  });

  it('a quarter is parsed, and a bad one changes nothing and says how to write it', async () => {
    const ctx = app.ctx();
    const bad = await quarterlyReport(ctx, seeded.officer, { quarter: '2026-Q5' });
    expect(!bad.ok && bad.refusals[0]?.message).toMatch(/2026-Q3/);
    const q2 = must(await quarterlyReport(ctx, seeded.officer, { quarter: '2026q2' }));
    expect(q2.checks).toHaveLength(0);
    const member = await quarterlyReport(ctx, seeded.member, {});
    expect(!member.ok && member.refusals.map((r) => r.code)).toEqual(['not-allowed']);
  });

  it('the annual report covers the calendar year with the same sections', async () => {
    const ctx = app.ctx();
    const report = must(await annualReport(ctx, seeded.officer, { year: 2026 }));
    expect(report.period).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    // The seven of the third quarter and the review's check, due in October.
    expect(report.checks).toHaveLength(8);
    const read = await readBack(
      (await reportReply(await periodDocument(report, 'annual'), periodSummary(report), ctx.now()))
        .files,
    );
    expect(squash(read.docx)).toContain(squash('Annual report: 2026'));
    expectNoBlindedNames(read.pdf);
  });
});

describe('you said, we did', () => {
  it('lists each agreed recommendation and what the landlord did, naming nobody', async () => {
    const ctx = app.ctx();
    const report = must(await youSaidWeDid(ctx, seeded.officer, { year: 2026 }));
    expect(report.items.map((i) => [i.youSaid, i.weDid[0]])).toEqual([
      [
        'Answer every stage 1 complaint within 10 working days.',
        'Not yet done, was due August 2026: Add a complaints triage slot each morning',
      ],
      [
        'Text tenants when their complaint is logged.',
        'Not taken forward: No budget for a text service this year.',
      ],
    ]);
    const read = await readBack(
      (await reportReply(youSaidDocument(report), youSaidSummary(report), ctx.now())).files,
    );
    for (const text of [read.docx, read.pdf]) {
      expectNoBlindedNames(text);
      expect(text).not.toContain('Larry Lead');
      expect(text).not.toContain('Max Manager');
    }
  });
});

describe('CSV cells', () => {
  it('quote per RFC 4180 and never start a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+44 7700')).toBe("'+44 7700");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
