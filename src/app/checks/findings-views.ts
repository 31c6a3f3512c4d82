import {
  addRemoved,
  blindText,
  describeRemoved,
  inspectorLabels,
  noneRemoved,
  type RemovedCounts,
} from '../../domain/checks/blinding';
import {
  combinedVerdict,
  OFFER_VERDICT_LABELS,
  type OfferVerdict,
  type Submission,
} from '../../domain/checks';
import { CheckBook } from '../../store/checks/check-book';
import type {
  CheckAssignmentRecord,
  RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import { GroupBook } from '../../store/groups/group-book';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import { personModel } from '../../store/people/person-model';
import { boundList, clipText } from '../dispatch/bounded-list';
import type { Delivery, CardMessage } from '../dispatch/reply';
import { tellPerson } from '../dispatch/reply';
import { dueText } from '../dispatch/view-models';
import { policyOf } from '../people/standing';
import type { AppContext } from '../shared/context';

/**
 * How findings are shown: to the officers who review them (as written, beside what will leave
 * the panel), and beyond the panel (the group's channel, the standards card), blinded where the
 * group's policy has findingsBlinded.
 */

export interface Blinding {
  on: boolean;
  /** Everyone the bot knows in the organisation, by display name. */
  names: string[];
}

/** The group's blinding rule and the names to take out. */
export async function blindingFor(
  ctx: AppContext,
  organisationId: string,
  groupId: string,
): Promise<Blinding> {
  const group = await new GroupBook(ctx.db).get(groupId, organisationId);
  if (!policyOf(group).findingsBlinded) return { on: false, names: [] };
  const people = await personModel(ctx.db)
    .find({ organisationId })
    .select({ displayName: 1 })
    .lean<Array<{ displayName: string }>>();
  return { on: true, names: people.map((p) => p.displayName) };
}

function blinded(text: string, blinding: Blinding): { text: string; removed: RemovedCounts } {
  return blinding.on ? blindText(text, blinding.names) : { text, removed: noneRemoved() };
}

const LISTS = [
  ['strengths', 'Strengths'],
  ['weaknesses', 'Weaknesses'],
  ['recommendations', 'Recommendations'],
] as const;

const bullets = (items: readonly string[]) => items.map((i) => `• ${i}`).join('\n');

/**
 * Cards carry clipped text so ten offers and three long lists stay within Teams' 28 KB and
 * Slack's 2,000 characters a field; the full text stays on record.
 */
const CLIP = { evidence: 400, section: 800, reason: 400 } as const;
/** The channel's notice lists this many points; the rest are counted (bounded-list). */
const NOTICE_POINTS = 20;

/** One inspector's findings, as written and as they leave the panel, with what was taken out. */
export function findingsPair(submission: Submission, blinding: Blinding) {
  let removed = noneRemoved();
  const take = (text: string) => {
    const out = blinded(text, blinding);
    removed = addRemoved(removed, out.removed);
    return out.text;
  };
  const offers = (submission.offers ?? []).map((o) => ({
    key: o.offerKey,
    verdict: OFFER_VERDICT_LABELS[o.verdict],
    evidence: o.evidence,
    blinded: take(o.evidence),
  }));
  const sections = LISTS.flatMap(([field, label]) => {
    const items = submission.findings[field];
    if (items.length === 0) return [];
    return [{ label, original: bullets(items), blinded: bullets(items.map(take)) }];
  });
  return { offers, sections, removed };
}

/** Inspectors numbered in the order they were offered the check. */
export function labelsFor(assignments: readonly CheckAssignmentRecord[]): Map<string, string> {
  // Offers made in the same instant keep the order they were stored in (ids grow with time).
  const ordered = [...assignments].sort(
    (a, b) =>
      new Date(a.offeredAt).getTime() - new Date(b.offeredAt).getTime() ||
      a._id.localeCompare(b._id),
  );
  return inspectorLabels(ordered.map((a) => a.personId));
}

/** Who has sent findings on the check and where each stands, for the officers. */
export function teamLine(
  assignments: readonly CheckAssignmentRecord[],
  names: ReadonlyMap<string, string>,
): string {
  const named = (status: (a: CheckAssignmentRecord) => boolean) =>
    assignments.filter(status).map((a) => names.get(a.personId) ?? 'someone');
  const parts: Array<[string, string[]]> = [
    ['Waiting for review', named((a) => a.status === 'submitted')],
    ['Approved', named((a) => a.status === 'reviewed')],
    ['Returned', named((a) => a.status === 'accepted' && a.returned !== undefined)],
    ['Not yet sent', named((a) => a.status === 'accepted' && a.returned === undefined)],
    ['Not yet accepted', named((a) => a.status === 'offered')],
  ];
  return parts
    .filter(([, who]) => who.length > 0)
    .map(([label, who]) => `${label}: ${who.join(', ')}.`)
    .join(' ');
}

/** The officers' "findings to review" card for one inspector's submission. */
export async function findingsReviewCard(
  ctx: AppContext,
  check: RealityCheckRecord,
  assignment: CheckAssignmentRecord,
  zone: string,
): Promise<CardMessage> {
  const [assignments, blinding] = await Promise.all([
    new CheckBook(ctx.db).assignmentsOf(check._id),
    blindingFor(ctx, check.organisationId, check.groupId),
  ]);
  const names = await new PersonBook(ctx.db).namesOf(assignments.map((a) => a.personId));
  return findingsReviewView({ check, assignment, assignments, names, blinding, zone });
}

/** The review card from what was read: pure, so its size is tested at the inputs' limits. */
export function findingsReviewView(input: {
  check: Pick<RealityCheckRecord, 'reference' | 'title'>;
  assignment: CheckAssignmentRecord;
  assignments: readonly CheckAssignmentRecord[];
  names: ReadonlyMap<string, string>;
  blinding: Blinding;
  zone: string;
}): CardMessage {
  const { check, assignment, assignments, names, blinding, zone } = input;
  const submission = assignment.submission;
  const pair = submission ? findingsPair(submission, blinding) : undefined;
  return {
    name: 'findings-review',
    viewModel: {
      ref: check.reference,
      title: check.title,
      inspector: names.get(assignment.personId) ?? 'the inspector',
      inspectorId: assignment.personId,
      label: labelsFor(assignments).get(assignment.personId) ?? 'Inspector',
      submitted: submission ? dueText(submission.submittedAt, zone) : '',
      blindingNote: blinding.on
        ? `Blinded before it leaves the panel (the group's policy): ${describeRemoved(pair?.removed ?? noneRemoved())} removed.`
        : "The group's policy does not blind findings: they leave the panel as written.",
      offers: (pair?.offers ?? []).map((o) => ({
        ...o,
        evidence: clipText(o.evidence, CLIP.evidence),
        blinded: clipText(o.blinded, CLIP.evidence),
      })),
      sections: (pair?.sections ?? []).map((x) => ({
        ...x,
        original: clipText(x.original, CLIP.section),
        blinded: clipText(x.blinded, CLIP.section),
      })),
      team: clipText(teamLine(assignments, names), CLIP.section),
    },
  };
}

/**
 * Where the review card goes: each officer of the group, privately. Not the group's channel:
 * the card holds the findings as written, names and addresses included, which only the
 * inspector and the officers may see.
 */
export async function officersOfGroup(
  ctx: AppContext,
  organisationId: string,
  groupId: string,
): Promise<string[]> {
  const [inGroup, ofOrganisation] = await Promise.all([
    new MembershipRoll(ctx.db).activeWithRoles(groupId, ['officer']),
    new PersonBook(ctx.db).officersOf(organisationId),
  ]);
  return [...new Set([...inGroup, ...ofOrganisation])];
}

export async function findingsToReviewDeliveries(
  ctx: AppContext,
  check: RealityCheckRecord,
  assignment: CheckAssignmentRecord,
  zone: string,
): Promise<Delivery[]> {
  const [officers, card] = await Promise.all([
    officersOfGroup(ctx, check.organisationId, check.groupId),
    findingsReviewCard(ctx, check, assignment, zone),
  ]);
  return officers
    .filter((id) => id !== assignment.personId)
    .map((id) =>
      tellPerson(check.organisationId, id, {
        text: `Findings to review: ${check.reference}, ${check.title}`,
        card,
      }),
    );
}

/**
 * Approved findings as they leave the panel: inspectors by number, free text blinded where the
 * policy says so, each offer's verdict and evidence. Safe for the group's channel.
 */
export async function approvedFindingsNotice(
  ctx: AppContext,
  check: RealityCheckRecord,
  approved: readonly CheckAssignmentRecord[],
): Promise<{ title: string; reasons: string[] }> {
  const [assignments, blinding] = await Promise.all([
    new CheckBook(ctx.db).assignmentsOf(check._id),
    blindingFor(ctx, check.organisationId, check.groupId),
  ]);
  const labels = labelsFor(assignments);
  const names = blinding.on
    ? new Map<string, string>()
    : await new PersonBook(ctx.db).namesOf(approved.map((a) => a.personId));
  const reasons: string[] = [];
  for (const a of approved) {
    if (!a.submission) continue;
    const who = blinding.on
      ? (labels.get(a.personId) ?? 'An inspector')
      : (names.get(a.personId) ?? 'An inspector');
    const pair = findingsPair(a.submission, blinding);
    for (const o of pair.offers) reasons.push(`${who}: ${o.key} ${o.verdict}. ${o.blinded}`);
    for (const s of pair.sections)
      reasons.push(`${who}, ${s.label.toLowerCase()}: ${s.blinded.replace(/\n/g, ' ')}`);
  }
  const verdicts = offerVerdictsOf(check, assignments);
  const offerLine = [...verdicts.entries()]
    .map(([key, v]) => `${key} ${OFFER_VERDICT_LABELS[v]}`)
    .join('; ');
  const shown = boundList(reasons, { size: NOTICE_POINTS });
  return {
    title: `Findings approved on ${check.reference}${offerLine ? `: ${offerLine}` : ''}.`,
    reasons: [
      ...shown.items.map((r) => clipText(r, CLIP.reason)),
      ...(shown.more > 0 ? [`and ${shown.more} more points, on record`] : []),
    ],
  };
}

/** Each offer's verdict on the check from its approved findings only (the most cautious). */
export function offerVerdictsOf(
  check: Pick<RealityCheckRecord, 'offerKeys'>,
  assignments: readonly CheckAssignmentRecord[],
): Map<string, OfferVerdict> {
  const out = new Map<string, OfferVerdict>();
  for (const key of check.offerKeys ?? []) {
    const verdicts = assignments.flatMap((a) =>
      a.status === 'reviewed'
        ? (a.submission?.offers ?? []).filter((o) => o.offerKey === key).map((o) => o.verdict)
        : [],
    );
    const combined = combinedVerdict(verdicts);
    if (combined) out.set(key, combined);
  }
  return out;
}
