import { DateTime } from 'luxon';
import { CHECK_KIND_LABELS, checklistFor, type CheckKind } from '../../domain/checks';
import { DECLARATION_KIND_LABELS } from '../../domain/declarations';
import { DECLARATION_KINDS } from '../../domain/shared/declarations';
import type {
  CheckAssignmentRecord,
  RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import type { EvidenceRequestRecord } from '../../store/evidence/evidence-request-model';
import type { CardMessage } from './reply';

const LONG_DATE = 'cccc d MMMM yyyy';

/**
 * Dates as people read them: "Wednesday 6 January 2027". Written out with luxon's pattern
 * rather than toLocaleDateString, whose en-GB output gains or loses a comma after the weekday
 * depending on the ICU data Node was built with.
 */
export function longDate(localDate: string): string {
  return DateTime.fromISO(localDate, { zone: 'utc' }).setLocale('en-GB').toFormat(LONG_DATE);
}

export function dueText(dueAt: Date, zone: string): string {
  return DateTime.fromJSDate(dueAt, { zone }).setLocale('en-GB').toFormat(LONG_DATE);
}

export function checkOfferCard(check: RealityCheckRecord, offeredTo: string): CardMessage {
  return {
    name: 'check-offer',
    viewModel: {
      ref: check.reference,
      title: check.title,
      kindLabel: CHECK_KIND_LABELS[check.kind as CheckKind] ?? check.kind,
      due: longDate(check.dueOn),
      area: check.area ?? '',
      offeredTo,
    },
  };
}

export function checkStatusCard(
  check: RealityCheckRecord,
  assignment: CheckAssignmentRecord,
  who: string,
  /** The findings' files, with links made for whoever this card is for; none if they may not see them. */
  files: ReadonlyArray<{ name: string; url: string }> = [],
): CardMessage {
  const said: Record<CheckAssignmentRecord['status'], string> = {
    offered: 'waiting for an answer',
    accepted: `accepted by ${who}`,
    declined: `declined by ${who}`,
    submitted: `findings submitted by ${who}`,
    reviewed: `findings from ${who} reviewed`,
  };
  return {
    name: 'check-status',
    viewModel: {
      ref: check.reference,
      title: check.title,
      kindLabel: CHECK_KIND_LABELS[check.kind as CheckKind] ?? check.kind,
      due: longDate(check.dueOn),
      status: said[assignment.status],
      // Brackets would end a Markdown link's label early.
      files: files.map((f) => ({ name: f.name.replace(/[[\]]/g, '_'), url: f.url })),
      hasFiles: files.length > 0,
    },
  };
}

export function evidenceRequestCard(
  request: EvidenceRequestRecord,
  zone: string,
  askedBy: string,
): CardMessage {
  return {
    name: 'evidence-request',
    viewModel: {
      ref: request.reference,
      what: request.what,
      due: dueText(request.dueAt, zone),
      askedBy,
    },
  };
}

export function declarationFormCard(groupId: string, groupName: string): CardMessage {
  return {
    name: 'declaration-form',
    viewModel: {
      groupId,
      groupName,
      kinds: DECLARATION_KINDS.map((kind) => ({
        value: kind,
        title: DECLARATION_KIND_LABELS[kind],
      })),
    },
  };
}

export function findingsFormCard(
  check: RealityCheckRecord,
  /** Shown above the form when an officer sent the findings back. */
  returnedBecause?: string,
  /** Each offer's promise by key, so the inspector reads what they are checking. */
  promises: ReadonlyMap<string, string> = new Map(),
): CardMessage {
  const checklist = checklistFor(check.kind as CheckKind);
  const offers = check.offerKeys ?? [];
  return {
    name: 'findings-form',
    viewModel: {
      ref: check.reference,
      title: check.title,
      brief: checklist.brief,
      returned: returnedBecause ? `Returned by the officer: ${returnedBecause}` : '',
      offers: offers.map((key) => ({ key, label: offerLabel(key, promises) })),
      // Slack shows one input per block, so each offer's two inputs are listed in turn.
      offerInputs: offers.flatMap((key) => [
        {
          blockId: `offer.${key}`,
          kind: 'verdict',
          label: offerLabel(key, promises),
        },
        {
          blockId: `offerEvidence.${key}`,
          kind: 'evidence',
          label: `Evidence for ${key}, in a sentence`,
        },
      ]),
      questions: checklist.questions.map((q) => ({
        id: q.id,
        text: q.text,
        answer: q.answer,
        required: q.required,
      })),
    },
  };
}

/** "Answer 95% of telephone calls we receive. (calls-answered): was it kept?", clipped for Slack. */
function offerLabel(key: string, promises: ReadonlyMap<string, string>): string {
  const promise = promises.get(key);
  if (!promise) return `Local offer ${key}: was it kept?`;
  const clipped = promise.length > 200 ? `${promise.slice(0, 199).trimEnd()}…` : promise;
  return `${clipped} (${key}): was it kept?`;
}
