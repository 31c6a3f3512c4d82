/**
 * Lists on cards grow with the organisation's data, but a card does not: Teams refuses a
 * message of more than about 28 KB (learn.microsoft.com/en-us/connectors/teams/, "Message size
 * limit"; the Bot Framework's own page, learn.microsoft.com/microsoftteams/platform/bots/how-to/
 * format-your-bot-messages, allows more, so 28 KB is the budget that holds everywhere), and
 * Slack takes 50 blocks in a message and 3,000 characters in a section's text
 * (docs.slack.dev/reference/block-kit/blocks, .../blocks/section-block). Every list a view model
 * carries goes through boundList, so each card shows a fixed number of items, each clipped, and
 * says what it left out.
 */

export interface BoundedList<T> {
  items: T[];
  /** Every item there is, not only those shown. */
  total: number;
  /** How many come after the ones shown. */
  more: number;
  /** How many come before them (earlier pages, or the older entries of a history). */
  before: number;
  page: number;
  pages: number;
}

export interface BoundOptions {
  /** Most items a card shows at once. */
  size: number;
  /** 1-based; past the end means the last page, so a stale "next" still shows something. */
  page?: number;
  /**
   * Where the caller fetched only the first `size` from the database, the full count; `all`
   * then holds just those.
   */
  total?: number;
  /** A history keeps its latest entries (the end of the list), still in their order. */
  keep?: 'first' | 'last';
}

export function boundList<T>(all: readonly T[], options: BoundOptions): BoundedList<T> {
  const size = Math.max(1, Math.floor(options.size));
  const total = Math.max(options.total ?? all.length, all.length);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  if (options.keep === 'last') {
    const items = all.slice(Math.max(0, all.length - size));
    return { items, total, more: 0, before: total - items.length, page: 1, pages: 1 };
  }
  const start = (page - 1) * size;
  const items = all.slice(start, start + size);
  return { items, total, more: total - start - items.length, before: start, page, pages };
}

/** Long free text (a promise, a declaration) is cut so one item cannot fill a card. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What a paged card says and offers beneath its list. `summary` is empty when everything fits;
 * `nextPage` is 0 on the last page. `next` is the card action's data for "Next page", also as
 * `nextValue`, JSON with &, < and > written as \u escapes: Slack's escaping of the view model
 * then leaves it as it is, and the click reads back exactly what was sent.
 */
export interface PagingView {
  summary: string;
  hint: string;
  more: number;
  page: number;
  pages: number;
  nextPage: number;
  next: Record<string, string | number>;
  nextValue: string;
}

export function pagingView<T>(
  list: BoundedList<T>,
  how: {
    /** "standards", "declarations": what the list holds, plural. */
    noun: string;
    /** The command that shows the next page, without `page:`, e.g. `standards area:"Repairs"`. */
    command: string;
    /** The card action behind "Next page"; omitted where only typing can page. */
    action?: Record<string, string>;
  },
): PagingView {
  const nextPage = list.more > 0 ? list.page + 1 : 0;
  const first = list.before + 1;
  const last = list.before + list.items.length;
  const fits = list.pages === 1 && list.more === 0;
  const summary = fits
    ? ''
    : `Showing ${first}–${last} of ${list.total} ${how.noun} (page ${list.page} of ${list.pages}).`;
  const hint =
    nextPage > 0
      ? `For the next ${Math.min(list.more, list.items.length)}, type \`${how.command} page:${nextPage}\`.`
      : list.page > 1
        ? `That is the last page; \`${how.command}\` starts again.`
        : '';
  const next = { ...how.action, page: nextPage };
  return {
    summary,
    hint,
    more: list.more,
    page: list.page,
    pages: list.pages,
    nextPage: how.action ? nextPage : 0,
    next,
    nextValue: JSON.stringify(next).replace(
      /[&<>]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  };
}

/** "and 12 more overdue", or '' when nothing was left out. */
export function moreLine(list: BoundedList<unknown>, what = ''): string {
  if (list.more === 0) return '';
  return `and ${list.more} more${what ? ` ${what}` : ''}`;
}
