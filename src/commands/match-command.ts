import { COMMANDS, type CommandType } from './command-list';
import type { CommandInfo } from './define-command';
import { nearest } from './nearest';
import type { Token } from './tokenise';

export type CommandMatch =
  { ok: true; info: CommandInfo; rest: Token[] } | { ok: false; message: string };

/** Extra spellings that map to a command without a "did you mean". */
const ALIASES: Readonly<Record<string, CommandType>> = {
  // "standards list" reads naturally next to "standards import".
  'standards list': 'standards-list',
};

const HELP_POINTER = 'Type `help` to see the commands you can use.';

function wordAt(tokens: readonly Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
}

const wordCount = (name: string) => name.split(' ').length;
const ONE_WORD_NAMES = COMMANDS.map((c) => c.name).filter((name) => wordCount(name) === 1);
const TWO_WORD_NAMES = [...COMMANDS.map((c) => c.name), ...Object.keys(ALIASES)].filter(
  (name) => wordCount(name) === 2,
);
// `group policy set` beside `group policy`: the shorter name is a command too.
const THREE_WORD_NAMES = COMMANDS.map((c) => c.name).filter((name) => wordCount(name) === 3);

/**
 * Finds which command the leading words name, longest name first so that `standards import`
 * wins over `standards` and `group policy set` over `group policy`. Refuses with the nearest
 * command when the words are a near miss.
 */
export function matchCommand(tokens: readonly Token[]): CommandMatch {
  const first = wordAt(tokens, 0);
  if (first === undefined) {
    return { ok: false, message: `Start with a command, such as \`mine\`. ${HELP_POINTER}` };
  }
  const second = wordAt(tokens, 1);
  const twoWords = second === undefined ? undefined : `${first} ${second}`;

  const third = wordAt(tokens, 2);
  const threeWords =
    twoWords === undefined || third === undefined ? undefined : `${twoWords} ${third}`;
  const matchedThree = threeWords === undefined ? undefined : byName(threeWords);
  if (matchedThree) return { ok: true, info: matchedThree, rest: tokens.slice(3) };
  // "group policy sett" is a slip for `group policy set`, not `group policy` with a stray word;
  // only the third word is judged, so "group policy show" is not taken for `set`.
  const thirdWords = THREE_WORD_NAMES.filter((name) => name.startsWith(`${twoWords} `)).map(
    (name) => name.split(' ')[2] ?? '',
  );
  const nearThird = third === undefined ? undefined : nearest(third, thirdWords);
  if (nearThird && threeWords)
    return { ok: false, message: didYouMean(threeWords, [`${twoWords} ${nearThird}`]) };

  const matchedTwo = twoWords === undefined ? undefined : byName(twoWords);
  if (matchedTwo) return { ok: true, info: matchedTwo, rest: tokens.slice(2) };

  // "standards imprt" is a slip for `standards import`, not `standards` with extra words.
  const nearTwo = twoWords === undefined ? undefined : nearest(twoWords, TWO_WORD_NAMES);
  const matchedOne = byName(first);
  if (matchedOne && !nearTwo) return { ok: true, info: matchedOne, rest: tokens.slice(1) };

  if (nearTwo && twoWords) return { ok: false, message: didYouMean(twoWords, [nearTwo]) };
  const nearOne = nearest(first, ONE_WORD_NAMES);
  if (nearOne) return { ok: false, message: didYouMean(first, [nearOne]) };

  const family = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name);
  if (family.length > 0) return { ok: false, message: didYouMean(twoWords ?? first, family) };
  return { ok: false, message: `I don't know “${first}”. ${HELP_POINTER}` };
}

function byName(name: string): CommandInfo | undefined {
  const aliased = ALIASES[name];
  return COMMANDS.find((c) => (aliased ? c.type === aliased : c.name === name));
}

function didYouMean(typed: string, names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  const choices =
    quoted.length <= 1
      ? quoted.join('')
      : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `I don't know “${typed}”. Did you mean ${choices}? ${HELP_POINTER}`;
}
