/**
 * Does a declaration name this person? Declarations are stored as the member wrote them
 * (`detail`, e.g. "relative on staff: my brother Sam Patel"): the register has no field for a
 * person named in one, so the person's id is matched if it appears in the text, and otherwise
 * their display name as whole words, ignoring case, accents, punctuation and spacing. A
 * declaration that names someone by first name only ("my brother Sam") is not matched when the
 * display name is "Sam Patel": a first name alone would wrongly catch everyone's namesakes. The
 * officer opening a ballot can still name such a member as conflicted.
 */
export function declarationNamesPerson(
  declaration: { detail: string },
  person: { id: string; displayName?: string },
): boolean {
  if (person.id !== '' && declaration.detail.includes(person.id)) return true;
  const name = words(person.displayName ?? '');
  if (name === '') return false;
  return ` ${words(declaration.detail)} `.includes(` ${name} `);
}

function words(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
