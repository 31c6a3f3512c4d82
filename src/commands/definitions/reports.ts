import { z } from 'zod';
import { checkRef, reviewRef } from '../command-fields';
import { defineCommand } from '../define-command';

/**
 * The documents the panels hand over (issue 18), each made from the recorded data and sent as
 * Word, PDF and CSV files to whoever asked. Officers ask for them; the chair may also ask for a
 * review's report and plan, because the panel prepares its own formal report (Sedgemoor ToR 5.2,
 * 5.3).
 */

const CHECK = {
  prefix: 'C',
  field: 'checkRef',
  noun: 'a check reference',
  example: 'C-40',
} as const;
const REVIEW = {
  prefix: 'R',
  field: 'reviewRef',
  noun: 'a review reference',
  example: 'R-12',
} as const;
const quarter = z.string().regex(/^\d{4}-?[Qq][1-4]$/, { error: 'write a quarter as 2026-Q3' });
const year = z.string().regex(/^(19|20|21)\d{2}$/, { error: 'write a year as 2026' });

export const reportFeedbackCommand = defineCommand({
  type: 'report-feedback',
  name: 'report feedback',
  who: 'officer',
  usage: 'report feedback C-<n>',
  example: 'report feedback C-40',
  description:
    'The inspection feedback report of a check (strengths, weaknesses, recommendations, each offer verified), from approved findings only, blinded where the group’s policy says; Word, PDF and CSV.',
  person: false,
  slow: true,
  reference: CHECK,
  options: {},
  fields: { checkRef },
});

export const reportReviewCommand = defineCommand({
  type: 'report-review',
  name: 'report review',
  who: 'officer-or-chair',
  usage: 'report review R-<n> <draft|final>',
  example: 'report review R-12 draft',
  description:
    'The review report, draft or final: scope, evidence received and missing, meetings, findings, recommendations, management’s response and the improvement plan; Word, PDF and CSV.',
  person: false,
  slow: true,
  reference: REVIEW,
  word: { field: 'version', noun: 'which report', choices: ['draft', 'final'], required: true },
  options: {},
  fields: { reviewRef, version: z.enum(['draft', 'final']) },
});

export const reportQuarterCommand = defineCommand({
  type: 'report-quarter',
  name: 'report quarter',
  who: 'officer',
  usage: 'report quarter [2026-Q3]',
  example: 'report quarter 2026-Q3',
  description:
    'The quarterly report (calendar quarters; the last complete one unless you name it): checks, findings by service area, local offers with a chart against target, reviews, recommendations and actions, deadlines missed.',
  person: false,
  slow: true,
  text: { field: 'quarter', noun: 'quarter', maxLength: 8, optional: true },
  options: {},
  fields: { quarter: quarter.optional() },
});

export const reportYearCommand = defineCommand({
  type: 'report-year',
  name: 'report year',
  who: 'officer',
  usage: 'report year [2026]',
  example: 'report year 2026',
  description:
    'The annual report for the Board (a calendar year; the last complete one unless you name it), with the quarterly report’s sections.',
  person: false,
  slow: true,
  text: { field: 'year', noun: 'year', maxLength: 4, optional: true },
  options: {},
  fields: { year: year.optional() },
});

export const reportYouSaidCommand = defineCommand({
  type: 'report-you-said-we-did',
  name: 'report you-said-we-did',
  who: 'officer',
  usage: 'report you-said-we-did [2026]',
  example: 'report you-said-we-did 2026',
  description:
    '"You said, we did": each agreed recommendation and what the landlord did, with nothing personal in it, ready to publish.',
  person: false,
  slow: true,
  text: { field: 'year', noun: 'year', maxLength: 4, optional: true },
  options: {},
  fields: { year: year.optional() },
});

export const reportPlanCommand = defineCommand({
  type: 'report-plan',
  name: 'report plan',
  who: 'officer-or-chair',
  usage: 'report plan R-<n>',
  example: 'report plan R-12',
  description:
    'The improvement plan tracker as files: every action with its lead, due date and status, overdue first.',
  person: false,
  slow: true,
  reference: REVIEW,
  options: {},
  fields: { reviewRef },
});
