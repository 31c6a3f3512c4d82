import type { CommandInfo } from './define-command';
import type { CommandGrammar } from './grammar';
import { readReference } from './references';
import type { Token } from './tokenise';
import { listJoined } from './wording';

/** Something that is wrong, or something that is missing (read-arguments words them). */
export type Problem = { wrong: string } | { missing: string; detail?: string };

/**
 * The pieces of a command read by where they sit rather than by a key: the reference after
 * the command's words (`review done R-12`), a word from a fixed list (`draft`, `agreed`) and the
 * people mentioned after a key (`invite:@Sam @Jo`). Each is taken out of the tokens, so what is
 * left is read as before: one person, the free text and the key:value options.
 */
export function takePositionals(
  info: CommandInfo,
  grammar: CommandGrammar,
  tokens: readonly Token[],
  fields: Record<string, unknown>,
): { rest: Token[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let rest = takePeople(grammar, [...tokens], fields, problems);
  rest = takeReference(grammar, rest, fields, problems);
  rest = takeWord(info, grammar, rest, fields, problems);
  return { rest, problems };
}

function takeReference(
  grammar: CommandGrammar,
  tokens: Token[],
  fields: Record<string, unknown>,
  problems: Problem[],
): Token[] {
  const spec = grammar.reference;
  if (!spec) return tokens;
  const at = tokens.findIndex(
    (t) => t.kind === 'word' && readReference(t.text, spec.prefix) !== undefined,
  );
  const token = tokens[at];
  if (at < 0 || token?.kind !== 'word') {
    problems.push({ missing: spec.noun, detail: `such as ${spec.example}` });
    return tokens;
  }
  fields[spec.field] = readReference(token.text, spec.prefix);
  return tokens.filter((_, i) => i !== at);
}

function takeWord(
  info: CommandInfo,
  grammar: CommandGrammar,
  tokens: Token[],
  fields: Record<string, unknown>,
  problems: Problem[],
): Token[] {
  const spec = grammar.word;
  if (!spec) return tokens;
  const isChoice = (t: Token) => t.kind === 'word' && spec.choices.includes(t.text.toLowerCase());
  const found = tokens.filter(isChoice);
  const [first] = found;
  if (found.length > 1)
    problems.push({ wrong: `${info.name} takes one of ${listJoined(spec.choices, 'or')}.` });
  else if (first?.kind === 'word') fields[spec.field] = first.text.toLowerCase();
  else if (spec.required)
    problems.push({ missing: spec.noun, detail: listJoined(spec.choices, 'or') });
  return tokens.filter((t) => !isChoice(t));
}

/** `invite:@Sam @Jo`: the key comes with no value and the mentions that follow are its own. */
function takePeople(
  grammar: CommandGrammar,
  tokens: Token[],
  fields: Record<string, unknown>,
  problems: Problem[],
): Token[] {
  const rest: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    const option = token.kind === 'option' ? grammar.options[token.key] : undefined;
    if (token.kind !== 'option' || !option?.people || token.value !== '') {
      rest.push(token);
      continue;
    }
    const people: string[] = [];
    while (tokens[i + 1]?.kind === 'mention') {
      const next = tokens[i + 1];
      if (next?.kind === 'mention' && !people.includes(next.userId)) people.push(next.userId);
      i += 1;
    }
    if (fields[option.field] !== undefined)
      problems.push({ wrong: `${token.key}: is given twice; give it once.` });
    else if (people.length === 0)
      problems.push({ wrong: `${token.key}: needs someone mentioned with @ right after it.` });
    else if (option.people === 'one' && people.length > 1)
      problems.push({ wrong: `${token.key}: takes one person; you mentioned ${people.length}.` });
    else fields[option.field] = option.people === 'one' ? people[0] : people;
  }
  return rest;
}
