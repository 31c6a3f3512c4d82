/** The one command parser both channels use: text in, typed command or readable refusal out. */
export { parseCommand, refusalText } from './parse-command';
export type { ParseOptions, ParseResult } from './parse-command';
export { commandInfo, helpFor } from './catalogue';
export { COMMANDS, commandSchema } from './command-list';
export type { Command, CommandOf, CommandType } from './command-list';
export type { CommandAudience, CommandDefinition, CommandInfo } from './define-command';
export { REVIEW_DEPTHS, TEXT_LIMITS } from './command-fields';
export type { ReviewDepth } from './command-fields';
export { mentionToken, normaliseSlackMentions } from './mentions';
export { readReference, readStandardKey } from './references';
export type { ReferencePrefix } from './references';
export { readDate } from './dates';
export type { DateContext } from './dates';
export { listJoined } from './wording';
// Each command's definition, for src/app/commands to pair with its handler.
export * from './definitions/conduct';
export * from './definitions/groups';
export * from './definitions/help';
export * from './definitions/members';
export * from './definitions/personal-data';
export * from './definitions/reviews';
export * from './definitions/findings';
export * from './definitions/review-steps';
export * from './definitions/review-plan';
export * from './definitions/standards';
export * from './definitions/reports';
