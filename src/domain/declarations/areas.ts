import type { Area } from '../shared/people';

/** Areas are typed by people in chat, so "Weston " and "weston" are the same place. */
export function sameArea(a: Area | undefined, b: Area | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const norm = (area: Area) => area.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}
