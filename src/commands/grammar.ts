import { CHECK_KINDS } from '../domain/checks/check-kinds';
import { PRESET_KEYS } from '../domain/groups/presets';
import { ROLES, TENURES } from '../domain/shared/people';
import type { CommandType } from './command-schema';
import { CONDUCT_ACTIONS, TEXT_LIMITS } from './command-schema';
import type { OptionGrammar } from './option-readers';
import {
  choiceOption,
  dateOption,
  monthsOption,
  pageOption,
  reviewReferenceOption,
  standardKeyOption,
  textOption,
} from './option-readers';

/**
 * What may follow each command's words. Kept apart from the catalogue (which is what `help`
 * shows) so the catalogue stays plain data the cards can use.
 */
export interface CommandGrammar {
  /**
   * true: the command names exactly one mentioned person (filling personUserId); 'many': one
   * or more (filling personUserIds).
   */
  person: boolean | 'many';
  /** The one free-text piece, in quotes or as plain words, e.g. a review's topic. */
  text?: { field: string; noun: string; maxLength: number };
  options: Readonly<Record<string, OptionGrammar>>;
  /** `help` is what lost people type, so "help me please" still helps. */
  ignoresTheRest?: boolean;
}

const NOTHING_MORE: CommandGrammar = { person: false, options: {} };

export const GRAMMAR: Readonly<Record<CommandType, CommandGrammar>> = {
  help: { ...NOTHING_MORE, ignoresTheRest: true },
  'group-create': {
    person: false,
    text: { field: 'name', noun: 'name', maxLength: TEXT_LIMITS.groupName },
    options: {
      preset: choiceOption({
        key: 'preset',
        field: 'preset',
        noun: 'a preset',
        choices: PRESET_KEYS,
        required: true,
      }),
    },
  },
  'group-add': {
    person: true,
    options: {
      role: choiceOption({
        key: 'role',
        field: 'role',
        noun: 'a role',
        choices: ROLES,
        required: true,
      }),
      tenure: choiceOption({
        key: 'tenure',
        field: 'tenure',
        noun: 'a tenure',
        choices: TENURES,
        required: false,
      }),
      since: dateOption({
        key: 'since',
        field: 'since',
        noun: 'a start date',
        required: false,
        notBeforeToday: false,
      }),
      area: textOption({
        key: 'area',
        field: 'area',
        noun: 'an area',
        example: '"Norris Green"',
        maxLength: TEXT_LIMITS.area,
      }),
    },
  },
  'member-record': {
    person: true,
    // Dates of things already done (or a term still to start), so past dates are expected.
    options: {
      training: dateOption({
        key: 'training',
        field: 'training',
        noun: 'a training date',
        required: false,
        notBeforeToday: false,
      }),
      conduct: dateOption({
        key: 'conduct',
        field: 'conduct',
        noun: 'a code of conduct signing date',
        required: false,
        notBeforeToday: false,
      }),
      confidentiality: dateOption({
        key: 'confidentiality',
        field: 'confidentiality',
        noun: 'a confidentiality agreement signing date',
        required: false,
        notBeforeToday: false,
      }),
      term: dateOption({
        key: 'term',
        field: 'term',
        noun: 'a term start date',
        required: false,
        notBeforeToday: false,
      }),
      // Only ever a confirmation: the bot keeps no birth dates, and "no" records nothing.
      over18: choiceOption({
        key: 'over18',
        field: 'over18',
        noun: 'an over-18 confirmation',
        choices: ['yes'],
        required: false,
      }),
    },
  },
  'standards-import': NOTHING_MORE,
  'standards-list': {
    person: false,
    options: {
      page: pageOption(),
      area: textOption({
        key: 'area',
        field: 'area',
        noun: 'a service area',
        example: '"Repairs and Maintenance"',
        maxLength: TEXT_LIMITS.area,
      }),
    },
  },
  'review-open': {
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
    },
  },
  'check-assign': {
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
      standard: standardKeyOption(),
    },
  },
  'evidence-request': {
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
  },
  declare: NOTHING_MORE,
  register: { person: false, options: { page: pageOption() } },
  mine: { person: false, options: { page: pageOption() } },
  attendance: { person: 'many', options: {} },
  'conduct-warn': {
    person: true,
    text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
    options: {},
  },
  'conduct-vote': {
    person: true,
    options: {
      action: choiceOption({
        key: 'action',
        field: 'action',
        noun: 'an action',
        choices: CONDUCT_ACTIONS,
        required: true,
      }),
      period: monthsOption({ key: 'period', field: 'period', noun: 'a period' }),
    },
  },
  'conduct-refer': { person: true, options: {} },
  'conduct-withdraw': {
    person: true,
    text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
    options: {},
  },
  'conduct-history': { person: true, options: {} },
};
