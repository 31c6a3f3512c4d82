import { joinDateWords } from './dates';
import { readMentionAt, MENTION_PREFIX } from './mentions';

/**
 * Command text split into the pieces the grammar talks about. Options keep the key as typed
 * (lower-cased) so refusals can name it; `quoted` says whether the value was in quotes, which
 * decides whether a free-text value keeps its spaces.
 */
export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'mention'; userId: string }
  | { kind: 'option'; key: string; value: string };

export type Tokenised = { ok: true; tokens: Token[] } | { ok: false; message: string };

// Straight quotes plus the curly and low-9 forms that Word, macOS and phones substitute.
// Any of them closes a quote, because autocorrect often pairs them inconsistently.
const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F\u00AB\u00BB';
export const QUOTE_CHARACTER = new RegExp(`[${DOUBLE_QUOTES}]`);
// A key is a letter, then letters, digits and hyphens (`over18:`), before the first colon;
// anything else with a colon is a word.
const OPTION = /^([A-Za-z][A-Za-z0-9-]*):(.*)$/s;
// "+10 wd" is one date even though it was typed as two words.
const WORKING_DAY_COUNT = /^\+?\d+$/;
const WORKING_DAY_UNIT = /^wds?$/i;

function isQuote(char: string | undefined): boolean {
  return char !== undefined && DOUBLE_QUOTES.includes(char);
}

/** Expects text already passed through normaliseSpacing: single spaces, trimmed. */
export function tokenise(text: string): Tokenised {
  const raw: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    const mention = readMentionAt(text, i);
    if (mention) {
      raw.push({ kind: 'mention', userId: mention.userId });
      i = mention.end;
      continue;
    }
    if (isQuote(text[i])) {
      let close = i + 1;
      while (close < text.length && !isQuote(text[close])) close += 1;
      if (close >= text.length) {
        const opened = text.slice(i + 1).trim();
        return {
          ok: false,
          message: `The quote before “${opened}” is never closed; put a " at the end of it.`,
        };
      }
      raw.push({ kind: 'quoted', text: text.slice(i + 1, close).trim() });
      i = close + 1;
      continue;
    }
    let end = i;
    while (
      end < text.length &&
      text[end] !== ' ' &&
      !isQuote(text[end]) &&
      !text.startsWith(MENTION_PREFIX, end)
    ) {
      end += 1;
    }
    raw.push(classifyWord(text.slice(i, end)));
    i = end;
  }
  return { ok: true, tokens: joinDateWords(joinWorkingDays(attachDetachedValues(raw))) };
}

function classifyWord(word: string): Token {
  const option = OPTION.exec(word);
  if (option)
    return { kind: 'option', key: (option[1] ?? '').toLowerCase(), value: option[2] ?? '' };
  return { kind: 'word', text: word };
}

/** `area:"North Liverpool"` and `role: chair` both give the option the following piece. */
function attachDetachedValues(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    const next = tokens[i + 1];
    if (
      token.kind === 'option' &&
      token.value === '' &&
      (next?.kind === 'word' || next?.kind === 'quoted')
    ) {
      out.push({ ...token, value: next.text });
      i += 1;
    } else {
      out.push(token);
    }
  }
  return out;
}

/** `due:+10 wd` → `due:+10wd`, and a bare `+10 wd` → `+10wd`. */
function joinWorkingDays(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    const next = tokens[i + 1];
    const unitFollows = next?.kind === 'word' && WORKING_DAY_UNIT.test(next.text);
    if (unitFollows && token.kind === 'option' && WORKING_DAY_COUNT.test(token.value)) {
      out.push({ ...token, value: `${token.value}${next.text}` });
      i += 1;
    } else if (unitFollows && token.kind === 'word' && WORKING_DAY_COUNT.test(token.text)) {
      out.push({ kind: 'word', text: `${token.text}${next.text}` });
      i += 1;
    } else {
      out.push(token);
    }
  }
  return out;
}
