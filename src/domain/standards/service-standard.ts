import { z } from 'zod';

/**
 * A service standard is one promise from a landlord's "local offers" that a reality check can
 * verify. The shape follows the Torus Liverpool local offers (Quarter 3, February 2021): each
 * promise says what the landlord will do, how it is measured, sometimes a target and the latest
 * figure, and often "to be verified by tenant inspectors, inspection planned for <month>".
 */

/**
 * Units the documents use. 'days' is kept apart from working and calendar days because the
 * Liverpool offers say "within 5 days" (general ASB) and "77 days" (letting) without saying
 * which; guessing would change the deadline.
 */
export const TARGET_UNITS = [
  'percent',
  'hours',
  'days',
  'working-days',
  'calendar-days',
  'weeks',
  'count',
  'per-1000-properties',
] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** 'at-least' for "answer 95% of calls"; 'at-most' for "respond within 24 hours". */
export const TARGET_DIRECTIONS = ['at-least', 'at-most'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export interface Target {
  value: number;
  unit: TargetUnit;
  direction: TargetDirection;
}

export interface LatestFigure {
  value: number;
  /** The reporting period, e.g. '2020/21 Q3', or '2020/21 Q1-Q3' for "since April 2020". */
  period: string;
  /**
   * Only needed when it differs from the target's unit or there is no target: Liverpool reports
   * "100% of formal complaints within target" against a 10-working-day promise, and counts
   * such as "399 ASB cases" with no target at all.
   */
  unit?: TargetUnit;
}

export interface Verification {
  /** 'YYYY-MM' of the planned tenant inspection ("inspection planned for May 2021"). */
  plannedMonth?: string;
  done: boolean;
  /** What the inspectors found, e.g. "Complaints process verified by Tenant Inspectors". */
  outcome?: string;
}

export interface ServiceStandard {
  /** Stable slug, used by reality checks (standardKey) and reviews to point at a standard. */
  key: string;
  serviceArea: string;
  promise: string;
  measure: string;
  target: Target | undefined;
  latest: LatestFigure | undefined;
  verification: Verification;
  /** Context printed next to the figure, e.g. "now in a recovery plan". */
  notes?: string;
}

const text = z.string().trim().min(1, 'must not be empty');

export const targetSchema = z.object({
  value: z.number().nonnegative(),
  unit: z.enum(TARGET_UNITS),
  direction: z.enum(TARGET_DIRECTIONS),
});

export const latestFigureSchema = z.object({
  value: z.number().nonnegative(),
  period: text,
  unit: z.enum(TARGET_UNITS).optional(),
});

const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, e.g. 2021-05');

export const verificationSchema = z
  .object({
    plannedMonth: yearMonth.optional(),
    done: z.boolean(),
    outcome: text.optional(),
  })
  .refine((v) => v.done || v.outcome === undefined, {
    message: 'an outcome can only be recorded once the verification is done',
    path: ['outcome'],
  });

export const serviceStandardSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as lift-inspections'),
    serviceArea: text,
    promise: text,
    measure: text,
    target: targetSchema.optional(),
    latest: latestFigureSchema.optional(),
    verification: verificationSchema,
    notes: text.optional(),
  })
  .refine((s) => s.target !== undefined || s.latest === undefined || s.latest.unit !== undefined, {
    message: 'a latest figure with no target needs its own unit',
    path: ['latest', 'unit'],
  });

/** Normalises a parsed standard so absent target/latest are present as undefined keys. */
export function toServiceStandard(parsed: z.infer<typeof serviceStandardSchema>): ServiceStandard {
  const standard: ServiceStandard = {
    key: parsed.key,
    serviceArea: parsed.serviceArea,
    promise: parsed.promise,
    measure: parsed.measure,
    target: parsed.target,
    latest: parsed.latest,
    verification: parsed.verification,
  };
  if (parsed.notes !== undefined) standard.notes = parsed.notes;
  return standard;
}
