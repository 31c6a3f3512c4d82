import type { CheckKind } from './check-kinds';

/**
 * Torus TIMS: "Provide accurate and detailed records of activities using specifically designed
 * checklists and briefings". A checklist is data, so an officer can read it in chat and the
 * answers can be validated without code per kind.
 */
export const ANSWER_TYPES = ['yes-no', 'rating', 'text', 'number'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Ratings run 1 (very poor) to 5 (very good), the scale tenants know from satisfaction surveys. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export interface ChecklistQuestion {
  /** Stable id, kept when the wording changes so earlier answers still line up. */
  id: string;
  text: string;
  answer: AnswerType;
  required: boolean;
}

export interface Checklist {
  kind: CheckKind;
  title: string;
  /** What the inspector is asked to do, read before the check. */
  brief: string;
  /** The documents the questions come from, so a group can see why each is asked. */
  sources: string[];
  questions: ChecklistQuestion[];
}

/** Shorthand used by the checklist data files. */
export function question(
  id: string,
  answer: AnswerType,
  text: string,
  required = true,
): ChecklistQuestion {
  return { id, text, answer, required };
}
