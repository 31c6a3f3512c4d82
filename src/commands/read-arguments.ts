import { commandSchema } from './command-list';
import type { DateContext } from './dates';
import type { CommandInfo } from './define-command';
import type { CommandGrammar } from './grammar';
import { nearest } from './nearest';
import type { ParseResult } from './parse-result';
import { takePositionals, type Problem } from './positionals';
import type { Token } from './tokenise';
import { listJoined } from './wording';

/**
 * Everything after a command's words: the person, the free text and the key:value options,
 * each checked against the command's grammar, then the whole against the schema.
 */

export function withUsage(message: string, info: CommandInfo | undefined): ParseResult {
  return info ? { ok: false, message, usage: info.usage } : { ok: false, message };
}

/**
 * Each problem is something wrong or something missing (positionals.ts). Missing pieces are
 * gathered into one sentence ("check assign needs a person, a title and a due date") so a bare
 * command gets one clear answer rather than four.
 */
function describeProblems(info: CommandInfo, problems: readonly Problem[]): string {
  const sentences: string[] = [];
  const missing: Array<{ missing: string; detail?: string }> = [];
  for (const problem of problems) {
    if ('wrong' in problem) sentences.push(problem.wrong);
    else missing.push(problem);
  }
  const [only] = missing;
  if (missing.length === 1 && only) {
    const detail = only.detail ? `: ${only.detail}` : '';
    sentences.push(`${info.name} needs ${only.missing}${detail}.`);
  } else if (missing.length > 1) {
    sentences.push(`${info.name} needs ${listWithAnd(missing.map((m) => m.missing))}.`);
  }
  return sentences.join(' ');
}

interface Pieces {
  mentions: string[];
  /** Words typed with @ that no channel turned into a mention: the name was not picked. */
  unpickedNames: string[];
  quoted: string[];
  words: string[];
  options: Array<{ key: string; value: string }>;
}

function sortPieces(tokens: readonly Token[]): Pieces {
  const pieces: Pieces = { mentions: [], unpickedNames: [], quoted: [], words: [], options: [] };
  for (const token of tokens) {
    if (token.kind === 'mention') {
      if (!pieces.mentions.includes(token.userId)) pieces.mentions.push(token.userId);
    } else if (token.kind === 'option') pieces.options.push(token);
    else if (token.kind === 'quoted') pieces.quoted.push(token.text);
    else if (token.text.startsWith('@') && token.text.length > 1) {
      pieces.unpickedNames.push(token.text);
    } else pieces.words.push(token.text);
  }
  return pieces;
}

export function readArguments(
  info: CommandInfo,
  rest: readonly Token[],
  context: DateContext,
): ParseResult {
  // A definition is its grammar too; the readers below take it as such.
  const grammar: CommandGrammar = info;
  if (grammar.ignoresTheRest) return validated({ type: info.type }, info);
  const fields: Record<string, unknown> = { type: info.type };
  const positional = takePositionals(info, grammar, rest, fields);
  const pieces = sortPieces(positional.rest);
  const problems = [
    ...positional.problems,
    ...readPerson(info, grammar, pieces, fields),
    ...readText(info, grammar, pieces, fields),
    ...readOptions(info, grammar, pieces, fields, context),
  ];
  if (problems.length > 0) return withUsage(describeProblems(info, problems), info);
  return validated(fields, info);
}

/** The schema has the last word; a failure here means the grammar and schema disagree. */
function validated(fields: Record<string, unknown>, info: CommandInfo): ParseResult {
  const parsed = commandSchema.safeParse(fields);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  return withUsage(`${info.name} has something I can't use in ${where}: ${issue?.message}.`, info);
}

function readPerson(
  info: CommandInfo,
  grammar: CommandGrammar,
  pieces: Pieces,
  fields: Record<string, unknown>,
): Problem[] {
  const [person, ...others] = pieces.mentions;
  if (!grammar.person) {
    return person === undefined && pieces.unpickedNames.length === 0
      ? []
      : [{ wrong: `${info.name} doesn't take a person; remove the mention.` }];
  }
  if (person === undefined) {
    const unpicked = pieces.unpickedNames[0];
    if (grammar.person === 'optional' && unpicked === undefined) return [];
    if (unpicked !== undefined) {
      return [
        {
          wrong: `“${unpicked}” isn't a mention I can read: pick the person from the list that appears as you type @, so their name is highlighted.`,
        },
      ];
    }
    return [{ missing: 'a person', detail: 'mention them with @' }];
  }
  if (grammar.person === 'many') {
    fields.personUserIds = [person, ...others];
    return [];
  }
  if (others.length > 0) {
    return [
      { wrong: `${info.name} takes one person at a time; you mentioned ${others.length + 1}.` },
    ];
  }
  fields.personUserId = person;
  return [];
}

function readText(
  info: CommandInfo,
  grammar: CommandGrammar,
  pieces: Pieces,
  fields: Record<string, unknown>,
): Problem[] {
  const { quoted, words } = pieces;
  // After an unpicked @name, the rest of the name shows up as loose words; one refusal is enough.
  const strayWords = pieces.unpickedNames.length > 0 && grammar.person !== false ? [] : words;
  if (!grammar.text) {
    const extra = [...quoted.map((q) => `“${q}”`), ...strayWords.map((w) => `“${w}”`)];
    if (extra.length === 0) return [];
    return [{ wrong: `${info.name} takes nothing more; I didn't expect ${listWithAnd(extra)}.` }];
  }
  const { noun, field, maxLength } = grammar.text;
  if (quoted.length > 1) {
    return [
      { wrong: `${info.name} takes one ${noun} in quotes; I found ${quoted.length} quoted parts.` },
    ];
  }
  if (quoted.length === 1 && strayWords.length > 0) {
    return [
      {
        wrong: `I didn't understand ${listWithAnd(strayWords.map((w) => `“${w}”`))}: put the ${noun} in one pair of quotes and everything else as key:value options.`,
      },
    ];
  }
  // One quoted piece, or else plain words read as the text: `review open Repairs type:full`.
  const text = quoted[0] ?? strayWords.join(' ');
  if (quoted.length === 0 && strayWords.length === 0) {
    // `resign` alone is a whole answer: a reason is welcome, never demanded.
    if (grammar.text.optional) return [];
    return [{ missing: `a ${noun} in quotes` }];
  }
  if (text.length === 0) return [{ wrong: `The ${noun} is empty.` }];
  if (text.length > maxLength) {
    return [
      { wrong: `The ${noun} is too long (${text.length} characters); keep it to ${maxLength}.` },
    ];
  }
  fields[field] = text;
  return [];
}

function readOptions(
  info: CommandInfo,
  grammar: CommandGrammar,
  pieces: Pieces,
  fields: Record<string, unknown>,
  context: DateContext,
): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(grammar.options);
  const seen = new Map<string, number>();
  for (const { key } of pieces.options) seen.set(key, (seen.get(key) ?? 0) + 1);

  for (const [key, count] of seen) {
    if (!grammar.options[key]) problems.push({ wrong: unknownOption(info, grammar, key, known) });
    else if (count > 1)
      problems.push({ wrong: `${key}: is given ${timesIn(count)}; give it once.` });
  }
  for (const { key, value } of pieces.options) {
    const option = grammar.options[key];
    if (!option || seen.get(key) !== 1) continue;
    if (value.trim() === '') {
      problems.push({ wrong: `${key}: has no value. Use ${option.hint}.` });
      continue;
    }
    const reading = option.read(value, `${key}:${value}`, context);
    if (reading.ok) fields[option.field] = reading.value;
    else problems.push({ wrong: reading.message });
  }
  for (const [key, option] of Object.entries(grammar.options)) {
    // People options were read already, from the mentions after their key (positionals.ts).
    if (option.required && !seen.has(key) && fields[option.field] === undefined) {
      problems.push({ missing: option.noun, detail: option.hint });
    }
  }
  return problems;
}

function unknownOption(
  info: CommandInfo,
  grammar: CommandGrammar,
  key: string,
  known: readonly string[],
): string {
  // A slip ("du:") or a shortened name ("over18:" for over18-confirmation:) names the one
  // meant; otherwise every option is listed, e.g. every rule `group policy set` takes.
  const startingSo = key.length >= 3 ? known.filter((k) => k.startsWith(key)) : [];
  const guess = nearest(key, known) ?? (startingSo.length === 1 ? startingSo[0] : undefined);
  const takes =
    known.length === 0
      ? 'It takes no options.'
      : guess
        ? `Did you mean ${guess}:?`
        : `It takes ${listWithAnd(known.map((k) => `${k}:`))}.`;
  const inText = grammar.text
    ? ` If “${key}:” is part of the ${grammar.text.noun}, put the ${grammar.text.noun} in quotes.`
    : '';
  return `${info.name} doesn't take ${key}:. ${takes}${inText}`;
}

function timesIn(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

function listWithAnd(items: readonly string[]): string {
  return listJoined(items, 'and');
}
