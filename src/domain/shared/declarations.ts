/** Kinds of interest the documents ask members to declare in writing. */
export const DECLARATION_KINDS = [
  'relative-on-staff',
  'contractor-or-supplier-link',
  'board-or-employment-link',
  'ongoing-complaint',
  'own-block-or-area',
  'other',
] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

/** What a declared interest is decided to mean, by the chair or an officer. */
export type DeclarationTarget = { kind: 'review' | 'check'; id: string };

export type DeclarationDecision =
  { outcome: 'noted' } | { outcome: 'excluded'; from: DeclarationTarget };

/** A declaration as the rules see it (the stored record adds who, when and the audit). */
export interface DeclaredInterest {
  id: string;
  personId: string;
  groupId: string;
  kind: DeclarationKind;
  /** The area, contractor, service or person the interest concerns, as the member wrote it. */
  detail: string;
  /** For own-block-or-area declarations: the area, so checks there can be refused. */
  area?: string;
  declaredAt: Date;
  decision?: DeclarationDecision & { decidedBy: string; decidedAt: Date };
}
