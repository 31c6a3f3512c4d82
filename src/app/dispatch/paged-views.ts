import { DEADLINE_LABELS } from '../../domain/deadlines';
import type { ServiceStandard } from '../../domain/standards';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import type { EvidenceRequestRecord } from '../../store/evidence/evidence-request-model';
import { openChecksFor, type OpenCheck } from '../checks/check-use-cases';
import { offerInspections, type OfferInspection } from '../checks/offer-verification-states';
import { OFFER_VERDICT_LABELS } from '../../domain/checks';
import type { Speaker } from '../conversations/speaker';
import { declarationRegister, type RegisterLine } from '../declarations/declaration-use-cases';
import { openRequestsFor } from '../evidence/evidence-use-cases';
import { listStandards, type StandardLine } from '../standards/standard-use-cases';
import type { AppContext } from '../shared/context';
import { boundList, clipText, pagingView } from './bounded-list';
import { NO_GROUP } from './command-request';
import { noticeReply, refusalReply, type Reply } from './reply';
import { dueText, longDate } from './view-models';
import { failedDeliveriesOf, type FailedDeliveryLine } from '../messaging/failed-deliveries';

/**
 * The cards whose every item must stay reachable: the standards (each one's key is what
 * `check assign … standard:` takes), the register of interests and `mine`. Each shows a page,
 * says which, and offers the next by a typed `page:` or a "Next page" button (`list.page`).
 * Page sizes keep a page of the longest items the inputs allow within Teams' and Slack's
 * limits (test/cards/cards-at-size.test.ts renders them at ten times a realistic size).
 */
export const PAGE_SIZES = { standards: 15, register: 10, mine: 15, areas: 12 } as const;

/** Free text is clipped on these cards; the full text stays on record. */
const CLIP = { promise: 280, figure: 80, area: 60, detail: 600, title: 200 } as const;

export type PagedList = 'standards' | 'register' | 'mine';

/** Service areas are matched as people type them: any case, spacing, and "and" for "&". */
function areaWords(area: string): string {
  return area
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type AreaMatch = { ok: true; area: string | undefined } | { ok: false; message: string };

function matchArea(lines: readonly StandardLine[], typed: string | undefined): AreaMatch {
  if (typed === undefined) return { ok: true, area: undefined };
  const areas = [...new Set(lines.map((l) => l.standard.serviceArea))].sort();
  const wanted = areaWords(typed);
  const exact = areas.find((a) => areaWords(a) === wanted);
  if (exact) return { ok: true, area: exact };
  const partial = areas.filter((a) => areaWords(a).includes(wanted));
  if (partial.length === 1) return { ok: true, area: partial[0] };
  const named = boundList(partial.length > 1 ? partial : areas, { size: PAGE_SIZES.areas });
  const list = named.items.map((a) => `“${a}”`).join(', ');
  const rest = named.more > 0 ? ` and ${named.more} more` : '';
  return {
    ok: false,
    message:
      partial.length > 1
        ? `area:${typed} could be ${list}${rest}; say which, in quotes.`
        : `No service area is called “${typed}”. The areas are ${list}${rest}.`,
  };
}

function figure(standard: ServiceStandard): { target: string; latest: string } {
  const { target, latest } = standard;
  return {
    target: target
      ? `${target.direction === 'at-least' ? '≥' : '≤'} ${target.value} ${target.unit}`
      : '—',
    latest: latest ? clipText(`${latest.value} (${latest.period})`, CLIP.figure) : '—',
  };
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** '2021-05' as the Liverpool local offers write it: "May 2021". */
function monthAsWritten(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${MONTH_NAMES[Number(month) - 1] ?? yearMonth} ${year ?? ''}`.trim();
}

/**
 * Where the tenant inspectors' check of the promise stands. The Liverpool local offers say of
 * many promises "to be verified by tenant inspectors, inspection planned for <month>" and of a
 * few "verified by tenant inspectors December 2020"; every other offer has no check planned,
 * which is worth seeing beside the figure (domain.md "Local offers").
 */
function verificationState({ verification }: ServiceStandard): string {
  const month = verification.plannedMonth;
  if (verification.done) return month ? `verified ${monthAsWritten(month)}` : 'verified';
  return month ? `planned ${monthAsWritten(month)}` : 'not planned';
}

/**
 * What the panel's own checks add: the verdict of the latest approved findings, with the month
 * and the check ("partly verified March 2026 (C-3)"), and a check still under way ("being
 * verified by C-4"). Offers no check has touched keep what the imported document said.
 */
function inspectionState(standard: ServiceStandard, inspection?: OfferInspection): string {
  if (!inspection || (!inspection.approved && !inspection.underway))
    return verificationState(standard);
  const parts: string[] = [];
  const { done, plannedMonth } = standard.verification;
  if (inspection.approved) {
    const { verdict, month, ref } = inspection.approved;
    parts.push(`${OFFER_VERDICT_LABELS[verdict]} ${monthAsWritten(month)} (${ref})`);
  } else if (done) parts.push(verificationState(standard));
  if (inspection.underway) {
    const planned =
      plannedMonth && parts.length === 0 ? ` (planned ${monthAsWritten(plannedMonth)})` : '';
    parts.push(
      `being verified ${parts.length > 0 ? 'again ' : ''}by ${inspection.underway}${planned}`,
    );
  }
  return parts.join('; ');
}

/** `standards [page:n] [area:"…"]`, and its "Next page" button. */
export async function standardsReply(
  ctx: AppContext,
  speaker: Speaker,
  wanted: { page?: number; area?: string },
): Promise<Reply> {
  const [lines, inspections] = await Promise.all([
    listStandards(ctx, speaker.organisation._id),
    offerInspections(ctx, speaker.organisation._id, speaker.organisation.timeZone),
  ]);
  return standardsView(lines, wanted, inspections);
}

export function standardsView(
  all: readonly StandardLine[],
  wanted: { page?: number; area?: string },
  inspections: ReadonlyMap<string, OfferInspection> = new Map(),
): Reply {
  if (all.length === 0)
    return noticeReply(
      'No service standards yet: an officer can add them with `standards import`.',
      'info',
    );
  const matched = matchArea(all, wanted.area);
  if (!matched.ok)
    return refusalReply([{ code: 'standards.no-such-area', message: matched.message }]);
  const lines = matched.area ? all.filter((l) => l.standard.serviceArea === matched.area) : all;
  const page = boundList(lines, { size: PAGE_SIZES.standards, page: wanted.page });
  const below = lines.filter((l) => l.belowTarget).length;
  const areaOption = matched.area ? ` area:"${matched.area}"` : '';
  const areaCounts = new Map<string, number>();
  for (const { standard } of all)
    areaCounts.set(standard.serviceArea, (areaCounts.get(standard.serviceArea) ?? 0) + 1);
  const byName = [...areaCounts].sort(([a], [b]) => a.localeCompare(b));
  const areas = boundList(byName, { size: PAGE_SIZES.areas });
  const areaList =
    areas.items.map(([area, n]) => `${clipText(area, CLIP.area)} (${n})`).join(', ') +
    (areas.more > 0 ? ` and ${areas.more} more` : '');
  return {
    kind: 'message',
    text: `${lines.length} service standards${matched.area ? ` in ${matched.area}` : ''}; ${below} below target.`,
    card: {
      name: 'standards',
      viewModel: {
        title: matched.area
          ? `Service standards: ${clipText(matched.area, CLIP.area)}`
          : 'Service standards',
        rows: page.items.map(({ standard, belowTarget }) => ({
          key: standard.key,
          area: clipText(standard.serviceArea, CLIP.area),
          promise: clipText(standard.promise, CLIP.promise),
          ...figure(standard),
          verification: inspectionState(standard, inspections.get(standard.key)),
          belowTarget,
        })),
        below,
        intro:
          (below > 0 ? `${below} below target, listed first. ` : '') +
          'Each standard’s key is what `check assign … standard:<key>` takes.',
        // Only the unfiltered list names the areas; a filtered one already says which.
        areas: matched.area
          ? ''
          : `Service areas: ${areaList}. Show one with \`standards area:"<area>"\`.`,
        paging: pagingView(page, {
          noun: 'standards',
          command: `standards${areaOption}`,
          action: { list: 'standards', area: matched.area ?? '' },
        }),
      },
    },
  };
}

/** `register [page:n]`: the group's register of interests, a page of declarations at a time. */
export async function registerReply(
  ctx: AppContext,
  speaker: Speaker,
  groupId: string | undefined,
  wantedPage?: number,
): Promise<Reply> {
  if (!groupId) return refusalReply([NO_GROUP]);
  const result = await declarationRegister(ctx, speaker.actor, { groupId });
  if (!result.ok) return refusalReply(result.refusals);
  return registerView(result.value, groupId, wantedPage);
}

export function registerView(
  lines: readonly RegisterLine[],
  groupId: string,
  wantedPage?: number,
): Reply {
  const entries = lines.flatMap((line) =>
    line.declarations.map((d) => ({
      id: d.id,
      undecided: d.decision === 'awaiting a decision',
      person: line.displayName,
      kind: d.kindLabel,
      detail: clipText(d.detail, CLIP.detail),
      decision: d.decision,
      reconfirm: longDate(line.reconfirmationDueOn),
      overdue: line.overdue,
    })),
  );
  const page = boundList(entries, { size: PAGE_SIZES.register, page: wantedPage });
  return {
    kind: 'message',
    text:
      lines.length === 0
        ? 'Nobody in this group has declared an interest.'
        : `${lines.length} people have declarations on the register.`,
    card: {
      name: 'register',
      viewModel: {
        entries: page.items,
        paging: pagingView(page, {
          noun: 'declarations',
          command: 'register',
          action: { list: 'register', groupId },
        }),
      },
    },
  };
}

type MineList = 'checks' | 'requests' | 'deadlines';

/**
 * The person's open checks, requests and deadlines: `mine`, the App Home and a card refresh.
 * One list paged across all three kinds, checks first, each kind in due order.
 */
export async function mineReply(
  ctx: AppContext,
  speaker: Speaker,
  wantedPage?: number,
): Promise<Reply> {
  const { organisation, actor } = speaker;
  const zone = organisation.timeZone;
  const [checks, requests, deadlines, failed] = await Promise.all([
    openChecksFor(ctx, organisation._id, actor.personId),
    openRequestsFor(ctx, organisation._id, actor.personId),
    new DeadlineBook(ctx.db).openForOwner(actor.personId),
    failedDeliveriesOf(ctx, actor),
  ]);
  return mineView({ checks, requests, deadlines, failed }, zone, wantedPage);
}

export function mineView(
  open: {
    checks: readonly OpenCheck[];
    requests: readonly EvidenceRequestRecord[];
    deadlines: readonly DeadlineRecord[];
    /** Messages this person caused that could not be delivered: on every page, with buttons. */
    failed?: readonly FailedDeliveryLine[];
  },
  zone: string,
  wantedPage?: number,
): Reply {
  const { checks, requests, deadlines } = open;
  const failed = open.failed ?? [];
  const items: Array<{ list: MineList; view: Record<string, string> }> = [
    ...checks.map(({ check, assignment }) => ({
      list: 'checks' as const,
      view: {
        ref: check.reference,
        title: clipText(check.title, CLIP.title),
        due: longDate(check.dueOn),
        status: assignment.status,
      },
    })),
    ...requests.map((r) => ({
      list: 'requests' as const,
      view: { ref: r.reference, what: clipText(r.what, CLIP.title), due: dueText(r.dueAt, zone) },
    })),
    ...deadlines
      .filter((d) => d.subject.kind !== 'evidence-request')
      .map((d) => ({
        list: 'deadlines' as const,
        view: { kind: DEADLINE_LABELS[d.kind], due: dueText(d.dueAt, zone) },
      })),
  ];
  const page = boundList(items, { size: PAGE_SIZES.mine, page: wantedPage });
  const of = (list: MineList) => page.items.filter((i) => i.list === list).map((i) => i.view);
  const count = items.length;
  const undelivered =
    failed.length === 0 ? '' : ` ${failed.length} of your messages could not be delivered.`;
  return {
    kind: 'message',
    text:
      (count === 0 ? 'Nothing is waiting on you.' : `${count} things are waiting on you.`) +
      undelivered,
    onlyToSender: true,
    card: {
      name: 'mine',
      viewModel: {
        checks: of('checks'),
        requests: of('requests'),
        deadlines: of('deadlines'),
        failed: [...failed],
        paging: pagingView(page, { noun: 'things', command: 'mine', action: { list: 'mine' } }),
      },
    },
  };
}
