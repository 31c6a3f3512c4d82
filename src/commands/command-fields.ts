import { z } from 'zod';
import { typedText } from './typed-text';

/**
 * Field schemas more than one command uses. Each command's own schema is built from these in
 * its definition (definitions/), so a field means the same thing in every command.
 */

/** How deep a review goes; people type `type:full` or `type:light`. */
export const REVIEW_DEPTHS = ['full', 'light-touch'] as const;
export type ReviewDepth = (typeof REVIEW_DEPTHS)[number];

/** What a conduct ballot asks: that the member leave this meeting, or be barred for a period. */
export const CONDUCT_ACTIONS = ['leave-meeting', 'bar'] as const;

/** Longest free text each command takes: enough for a real title, short enough for a card. */
export const TEXT_LIMITS = {
  groupName: 100,
  topic: 200,
  title: 200,
  what: 500,
  area: 100,
  reason: 500,
  committee: 100,
} as const;

// Cleaned here as well as in parseCommand, so a command built any other way is cleaned too.
export const text = typedText;
export const platformUserId = z.string().regex(/^[^\s<>]+$/);
export const reviewRef = z.string().regex(/^R-[1-9]\d{0,8}$/);
export const checkRef = z.string().regex(/^C-[1-9]\d{0,8}$/);
export const standardRef = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/** Long lists come a page at a time; see src/app/dispatch/bounded-list.ts. */
export const page = z.number().int().min(1).max(9999);
