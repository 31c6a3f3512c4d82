import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/local-date';
import { CHECK_KINDS } from '../../domain/checks/check-kinds';
import { MAX_OFFERS_PER_CHECK } from '../../domain/checks/offer-verification';
import { REVIEW_TOPIC_SOURCES } from '../../domain/reviews/review';
import {
  checkRef,
  platformUserId,
  REVIEW_DEPTHS,
  reviewRef,
  standardRef,
  text,
  TEXT_LIMITS,
} from '../command-fields';
import { defineCommand } from '../define-command';
import {
  checkReferenceOption,
  choiceOption,
  dateOption,
  reviewReferenceOption,
  standardKeyOption,
  textOption,
  type OptionGrammar,
} from '../option-readers';
import { readStandardKey } from '../references';

/** A review and the work done for it: reality checks and requests for evidence. */

/**
 * Where a topic came from, as Trafford QIP ToR 4 and Sedgemoor ToR 3.2-3.3 name them. Left out,
 * the review records 'not-stated': the bot does not guess.
 */
const TOPIC_SOURCE_CHOICES = [
  'low-performance',
  'complaints',
  'low-satisfaction',
  'inspection-findings',
  'tenant-request',
  'board',
] as const;

export const reviewOpenCommand = defineCommand({
  type: 'review-open',
  name: 'review open',
  who: 'officer',
  usage:
    'review open "<topic>" type:<full|light> ' +
    '[source:<low-performance|complaints|low-satisfaction|inspection-findings|tenant-request|board>]',
  example: 'review open "Keeping residents informed about repairs" type:full source:complaints',
  description: 'Opens a review for this group.',
  menu: 'Opens a full or light-touch review for this group',
  person: false,
  text: { field: 'topic', noun: 'topic', maxLength: TEXT_LIMITS.topic },
  options: {
    type: choiceOption({
      key: 'type',
      field: 'depth',
      noun: 'a review type',
      choices: ['full', 'light'],
      aliases: { light: 'light-touch', 'light-touch': 'light-touch' },
      required: true,
    }),
    source: choiceOption({
      key: 'source',
      field: 'topicSource',
      noun: 'a topic source',
      choices: TOPIC_SOURCE_CHOICES,
      aliases: {
        performance: 'low-performance',
        satisfaction: 'low-satisfaction',
        inspection: 'inspection-findings',
        tenants: 'tenant-request',
      },
      required: false,
    }),
  },
  fields: {
    topic: text(TEXT_LIMITS.topic),
    depth: z.enum(REVIEW_DEPTHS),
    /** Absent means "not stated"; the use case records that, never a guessed source. */
    topicSource: z.enum(REVIEW_TOPIC_SOURCES).optional(),
  },
});

export const checkAssignCommand = defineCommand({
  type: 'check-assign',
  name: 'check assign',
  who: 'officer',
  usage:
    'check assign @person "<title>" kind:<kind> due:<21/12/2026|21 Dec|friday|+N wd> ' +
    '[review:R-<n>] [offers:<key>,<key>] [area:"<area>"]',
  example:
    'check assign @Sam Patel "Report a dripping tap by phone" kind:test-call-repair due:+10wd review:R-12',
  description:
    'Offers a reality check to a member; offers: names the local offers it verifies (keys from `standards`), area: where it is, so nobody inspects their own area.',
  menu: 'Offers a reality check to a member',
  person: true,
  text: { field: 'title', noun: 'title', maxLength: TEXT_LIMITS.title },
  options: {
    kind: choiceOption({
      key: 'kind',
      field: 'kind',
      noun: 'a kind of check',
      choices: CHECK_KINDS,
      required: true,
    }),
    due: dateOption({
      key: 'due',
      field: 'due',
      noun: 'a due date',
      required: true,
      notBeforeToday: true,
    }),
    review: reviewReferenceOption(),
    // `standard:<key>` is one offer, kept for those who learnt it; offers: takes up to ten.
    standard: standardKeyOption(),
    offers: offerKeysOption(),
    // Southampton Code of Conduct: never inspect your own area; the check says where it is.
    area: textOption({
      key: 'area',
      field: 'area',
      noun: 'an area',
      example: '"Norris Green"',
      maxLength: TEXT_LIMITS.area,
    }),
  },
  fields: {
    personUserId: platformUserId,
    title: text(TEXT_LIMITS.title),
    kind: z.enum(CHECK_KINDS),
    due: localDateSchema,
    reviewRef: reviewRef.optional(),
    standardRef: standardRef.optional(),
    /** Offer keys joined by commas, as the option reader leaves them. */
    offerRefs: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*(,[a-z0-9]+(-[a-z0-9]+)*)*$/)
      .optional(),
    area: text(TEXT_LIMITS.area).optional(),
  },
});

/**
 * The local offers a check verifies, `offers:repairs-emergency-24h,lift-inspections`: keys
 * as `standards` lists them, comma-separated, any case. Ten at most (MAX_OFFERS_PER_CHECK).
 */
function offerKeysOption(): OptionGrammar {
  return {
    field: 'offerRefs',
    noun: 'local offer keys',
    hint: 'offers:<key>,<key>',
    required: false,
    read(value, written) {
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');
      const keys = parts.map(readStandardKey);
      const bad = parts.filter((_, i) => keys[i] === undefined);
      if (parts.length === 0 || bad.length > 0)
        return {
          ok: false,
          message: `${written} isn't a list of offer keys; use keys listed by \`standards\`, separated by commas, e.g. offers:lift-inspections,emails-acknowledged-within-4-hours.`,
        };
      if (parts.length > MAX_OFFERS_PER_CHECK)
        return {
          ok: false,
          message: `A check can verify at most ${MAX_OFFERS_PER_CHECK} local offers; that names ${parts.length}.`,
        };
      return { ok: true, value: [...new Set(keys)].join(',') };
    },
  };
}

/**
 * One more member on a check already offered (an inspection is done by a team, up to the
 * group's limit: Southampton TI, "a limit of 12 members for any one inspection").
 */
export const checkOfferCommand = defineCommand({
  type: 'check-offer',
  name: 'check offer',
  who: 'officer',
  usage: 'check offer @person check:C-<n>',
  example: 'check offer @Sam Patel check:C-40',
  description:
    'Offers a check already assigned to one more member, up to the group’s limit on any one inspection.',
  person: true,
  options: { check: checkReferenceOption() },
  fields: { personUserId: platformUserId, checkRef },
});

export const evidenceRequestCommand = defineCommand({
  type: 'evidence-request',
  name: 'evidence request',
  who: 'officer',
  usage: 'evidence request @person "<what>" [review:R-<n>] [due:<21/12/2026|21 Dec|friday|+N wd>]',
  example: 'evidence request @Alex Jones "Repair satisfaction survey results, 2024/25" review:R-12',
  description:
    'Asks a member of staff for information, due in 10 working days unless you say otherwise.',
  menu: 'Asks a staff member for information, due in 10 working days',
  person: true,
  text: { field: 'what', noun: 'description of what you need', maxLength: TEXT_LIMITS.what },
  options: {
    review: reviewReferenceOption(),
    due: dateOption({
      key: 'due',
      field: 'due',
      noun: 'a due date',
      required: false,
      notBeforeToday: true,
    }),
  },
  fields: {
    personUserId: platformUserId,
    what: text(TEXT_LIMITS.what),
    reviewRef: reviewRef.optional(),
    /** Absent means "the usual 10 working days"; the use-case applies that default. */
    due: localDateSchema.optional(),
  },
});
