import type { DeclarationKind } from '../shared/declarations';

/** How each kind reads in chat, in the documents' words where they have them. */
export const DECLARATION_KIND_LABELS: Readonly<Record<DeclarationKind, string>> = {
  // Southampton Code of Conduct: "related to a member of staff providing that service".
  'relative-on-staff': 'a relative on the staff',
  // Southampton Code of Conduct: "a connection with a contractor or supplier".
  'contractor-or-supplier-link': 'a link to a contractor or supplier',
  // Sedgemoor ToR 9.1: "Board membership or employment with HIS", "a major contractor".
  'board-or-employment-link': 'board membership or employment',
  // Sedgemoor ToR 9.2: "involved in an ongoing complaint about a service".
  'ongoing-complaint': 'an ongoing complaint',
  // Southampton Code of Conduct: "your own block" or "local area".
  'own-block-or-area': 'your own block or area',
  other: 'another interest',
};
