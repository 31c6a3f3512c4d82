/** "a, b or c" / "a, b and c": refusals list choices the way a person would say them. */
export function listJoined(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
