/** The one command parser both channels use: text in, typed command or readable refusal out. */
export { parseCommand, refusalText } from './parse-command';
export type { ParseOptions, ParseResult } from './parse-command';
export { COMMANDS, commandInfo, helpFor } from './catalogue';
export type { CommandAudience, CommandInfo } from './catalogue';
export { commandSchema, REVIEW_DEPTHS, TEXT_LIMITS } from './command-schema';
export type { Command, CommandOf, CommandType, ReviewDepth } from './command-schema';
export { mentionToken, normaliseSlackMentions } from './mentions';
export { readReference, readStandardKey } from './references';
export type { ReferencePrefix } from './references';
export { readDate } from './dates';
export type { DateContext } from './dates';
export { listJoined } from './wording';
