import type { DeclarationKind, DeclaredInterest } from '../shared/declarations';
import { DECLARATION_KINDS } from '../shared/declarations';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';

/**
 * A declaration as a member writes it in chat. Southampton Code of Conduct: "Let the member of
 * staff managing the project know in writing if you have any personal connection"; Sedgemoor
 * ToR 9.1: "Scrutiny panel members are expected to declare any conflicts of interest."
 */
export interface DeclarationInput {
  id: string;
  personId: string;
  groupId: string;
  kind: string;
  detail: string;
  area?: string;
  declaredAt: Date;
}

export function isDeclarationKind(value: string): value is DeclarationKind {
  return (DECLARATION_KINDS as readonly string[]).includes(value);
}

/** Checks a new declaration and returns it tidied (trimmed), or every reason it is incomplete. */
export function validateDeclaration(input: DeclarationInput): Result<DeclaredInterest> {
  const refusals: Refusal[] = [];
  const detail = input.detail.trim();
  const area = input.area?.trim() || undefined;
  if (!isDeclarationKind(input.kind))
    refusals.push({
      code: 'declarations.unknown-kind',
      message: `"${input.kind}" is not a kind of interest; choose one of ${DECLARATION_KINDS.join(', ')}.`,
    });
  // The declaration must be "in writing" (Southampton Code of Conduct), so it needs words.
  if (detail === '')
    refusals.push({
      code: 'declarations.detail-required',
      message: 'Say in a few words what the interest is: who, which contractor, service or place.',
    });
  // Southampton Code of Conduct: do not inspect "your own block"; the area is what lets the bot
  // keep the member away from checks there.
  if (input.kind === 'own-block-or-area' && area === undefined)
    refusals.push({
      code: 'declarations.area-required',
      message: 'Name the block or area that is your own, so you are not given checks there.',
    });
  return unlessRefused(refusals, () => ({
    id: input.id,
    personId: input.personId,
    groupId: input.groupId,
    kind: input.kind as DeclarationKind,
    detail,
    ...(area !== undefined ? { area } : {}),
    declaredAt: input.declaredAt,
  }));
}
