import type { DateContext } from './dates';
import type { CommandInfo } from './define-command';
import { matchCommand } from './match-command';
import type { ParseResult } from './parse-result';
import { readArguments, withUsage } from './read-arguments';
import { normaliseSpacing } from './spacing';
import type { Token } from './tokenise';
import { QUOTE_CHARACTER, tokenise } from './tokenise';
import { cleanTypedText } from './typed-text';

export type { ParseResult } from './parse-result';

export type ParseOptions = DateContext;

/**
 * Text from either channel (mentions already turned into tokens) → one typed command, or a
 * refusal naming every problem found, with the usage line of the command when we know which.
 */
export function parseCommand(text: string, options: ParseOptions): ParseResult {
  // Cleaned before anything reads it, so lengths, quotes and refusals see what people saw.
  const spaced = normaliseSpacing(cleanTypedText(text));
  const tokenised = tokenise(spaced);
  if (!tokenised.ok) {
    return withUsage(tokenised.message, commandBeforeQuotes(spaced));
  }
  const tokens = dropAddressing(tokenised.tokens);
  // A bare "@Scrutiny" is someone asking what the bot can do.
  if (tokens.length === 0) return { ok: true, command: { type: 'help' } };

  const matched = matchCommand(tokens);
  if (!matched.ok) return { ok: false, message: matched.message };
  return readArguments(matched.info, matched.rest, options);
}

/** Which command an unreadable text was meant to be, judged by the words before any quote. */
function commandBeforeQuotes(text: string): CommandInfo | undefined {
  const beforeQuotes = tokenise(text.split(QUOTE_CHARACTER)[0] ?? '');
  if (!beforeQuotes.ok) return undefined;
  const matched = matchCommand(dropAddressing(beforeQuotes.tokens));
  return matched.ok ? matched.info : undefined;
}

/** A refusal in one string, for channels that show a single line of text. */
export function refusalText(result: { message: string; usage?: string }): string {
  return result.usage ? `${result.message} Usage: ${result.usage}` : result.message;
}

/**
 * Slack app mentions start with the bot's own mention, and people used to slash commands type
 * `/scrutiny` first; neither is part of the command. Commands never start with a person.
 */
function dropAddressing(tokens: Token[]): Token[] {
  let start = 0;
  for (;;) {
    const token = tokens[start];
    const isBotMention = token?.kind === 'mention';
    const isSlashName = token?.kind === 'word' && token.text.toLowerCase() === '/scrutiny';
    if (!isBotMention && !isSlashName) return tokens.slice(start);
    start += 1;
  }
}
