import {
  PAGE_SIZES,
  mineView,
  registerView,
  standardsView,
} from '../../src/app/dispatch/paged-views';
import { HISTORY_SHOWN, historyView } from '../../src/app/dispatch/conduct-views';
import type { Reply } from '../../src/app/dispatch/reply';
import { policyReply } from '../../src/app/dispatch/policy-views';
import { DIGEST_SHOWN, digestViewModel } from '../../src/app/nudges/morning-digest';
import { renderSlackBlocks, renderSlackModal, SLACK_LIMITS } from '../../src/cards/render-slack';
import {
  improvementPlanCard,
  managementResponseForm,
  PLAN_ACTIONS_SHOWN,
  RESPONSE_RECOMMENDATIONS_SHOWN,
} from '../../src/app/dispatch/review-plan-views';
import { openReview, SOUTHAMPTON_REVIEW_POLICY, type Review } from '../../src/domain/reviews';
import type { ReviewRecord } from '../../src/store/reviews/review-model';
import { renderTeamsCard } from '../../src/cards/render-teams';
import { periodSummary, reportSummaryCard } from '../../src/app/reports/report-summary';
import { REVIEW_SHOWN, reviewCard } from '../../src/app/dispatch/review-view';
import { managementNoticeCard, NOTICE_SHOWN } from '../../src/app/dispatch/management-notice-view';
import { SEDGEMOOR_REVIEW_POLICY } from '../../src/domain/reviews';
import { POLICY_PRESETS, PRESET_KEYS, type MembershipPolicy } from '../../src/domain/groups';
import { describePolicy } from '../../src/domain/groups/preset-clauses';
import {
  REALISTIC,
  conductEvents,
  digestLines,
  openWork,
  registerLines,
  standardLines,
} from '../support/growing-data';

// The package's own bundle (its lib/ build is ESM without extensions and does not load in Node).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
};

/**
 * Teams refuses a message over about 28 KB (learn.microsoft.com/en-us/connectors/teams/,
 * "Message size limit"); Slack takes 50 blocks a message and 3,000 characters a text
 * (docs.slack.dev/reference/block-kit/blocks). The cards must hold at ten times a realistic
 * size, and with every text as long as the inputs allow.
 */
const TEAMS_BYTES = 28_000;
const TEN_TIMES = {
  standards: REALISTIC.standards * 10,
  declarations: REALISTIC.declarations * 10,
  digest: REALISTIC.digest * 10,
  history: REALISTIC.history * 10,
  mine: REALISTIC.mine * 10,
};

type ViewModel = Record<string, unknown>;
type Block = { type: string; text?: { text: string }; elements?: Array<Record<string, unknown>> };

function cardOf(reply: Reply): { name: string; viewModel: ViewModel } {
  if (reply.kind !== 'message' || !reply.card) throw new Error(`no card in: ${reply.text}`);
  return reply.card;
}

/** Renders for both channels and holds each to its platform's limits. */
function withinLimits(name: string, viewModel: ViewModel, text = 'fallback'): void {
  const attachment = renderTeamsCard(name, viewModel);
  const bytes = Buffer.byteLength(
    JSON.stringify({ type: 'message', text, attachments: [attachment] }),
  );
  expect(bytes).toBeLessThan(TEAMS_BYTES);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(attachment.content, context);
  expect(
    Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message),
  ).toEqual([]);
  expect(card.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);

  const { blocks } = renderSlackBlocks(name, viewModel, text);
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  // Not cut by the renderer's last resort: the view model said what it left out itself.
  expect(JSON.stringify(blocks.at(-1))).not.toMatch(/"and \d+ more"/);
  for (const block of blocks as Block[]) {
    const texts = [
      block.text?.text ?? '',
      ...(block.elements ?? []).map((e) => String(e.text ?? '')),
    ];
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (block.type === 'header')
      expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
  }
  const actionIds = (blocks as Block[]).flatMap((b) =>
    (b.elements ?? []).filter((e) => e.type === 'button').map((e) => String(e.action_id)),
  );
  expect(new Set(actionIds).size).toBe(actionIds.length);
}

/** Every page of a paged card, by following its "Next page" data until there is none. */
function allPages(show: (page: number) => Reply): ViewModel[] {
  const pages: ViewModel[] = [];
  for (let page = 1; page > 0 && pages.length < 1000;) {
    const viewModel = cardOf(show(page)).viewModel;
    pages.push(viewModel);
    page = (viewModel.paging as { nextPage: number }).nextPage;
  }
  return pages;
}

describe.each([
  ['ten times a realistic size', false],
  ['ten times a realistic size, every text as long as allowed', true],
])('cards that grow, at %s', (_label, longest) => {
  it(`standards: ${TEN_TIMES.standards} of them, ${PAGE_SIZES.standards} a page, each with its key, every one reachable`, () => {
    const lines = standardLines(TEN_TIMES.standards, longest);
    const first = cardOf(standardsView(lines, {}));
    withinLimits(first.name, first.viewModel);
    const paging = first.viewModel.paging as { summary: string; hint: string; nextPage: number };
    const pages = Math.ceil(TEN_TIMES.standards / PAGE_SIZES.standards);
    expect(paging.summary).toBe(
      `Showing 1–15 of ${TEN_TIMES.standards} standards (page 1 of ${pages}).`,
    );
    expect(paging.hint).toBe('For the next 15, type `standards page:2`.');
    expect(paging.nextPage).toBe(2);

    const seen = allPages((page) => standardsView(lines, { page }));
    expect(seen).toHaveLength(pages);
    for (const viewModel of seen) withinLimits('standards', viewModel);
    const keys = seen.flatMap((vm) => (vm.rows as Array<{ key: string }>).map((r) => r.key));
    expect(keys.sort()).toEqual(lines.map((l) => l.standard.key).sort());
    const last = seen.at(-1)?.paging as { summary: string; hint: string };
    expect(last.summary).toContain(
      `of ${TEN_TIMES.standards} standards (page ${pages} of ${pages})`,
    );
    expect(last.hint).toBe('That is the last page; `standards` starts again.');
  });

  it(`register: ${TEN_TIMES.declarations} declarations, all awaiting a decision, ${PAGE_SIZES.register} a page`, () => {
    const lines = registerLines(TEN_TIMES.declarations, longest);
    const groupId = 'a'.repeat(24);
    const seen = allPages((page) => registerView(lines, groupId, page));
    expect(seen).toHaveLength(TEN_TIMES.declarations / PAGE_SIZES.register);
    for (const viewModel of seen) withinLimits('register', viewModel);
    const ids = seen.flatMap((vm) => (vm.entries as Array<{ id: string }>).map((e) => e.id));
    expect(new Set(ids).size).toBe(TEN_TIMES.declarations);
    expect((seen[0]?.paging as { summary: string }).summary).toBe(
      `Showing 1–10 of ${TEN_TIMES.declarations} declarations (page 1 of 20).`,
    );
    expect((seen[0]?.paging as { next: unknown }).next).toEqual({
      list: 'register',
      groupId,
      page: 2,
    });
  });

  it(`mine: ${TEN_TIMES.mine} open items, ${PAGE_SIZES.mine} a page across checks, requests and deadlines`, () => {
    const work = openWork(TEN_TIMES.mine, longest);
    const seen = allPages((page) => mineView(work, 'Europe/London', page));
    expect(seen).toHaveLength(Math.ceil(TEN_TIMES.mine / PAGE_SIZES.mine));
    for (const viewModel of seen) withinLimits('mine', viewModel);
    const count = (list: string) => seen.reduce((n, vm) => n + (vm[list] as unknown[]).length, 0);
    expect(count('checks')).toBe(work.checks.length);
    expect(count('requests')).toBe(work.requests.length);
    expect(count('deadlines')).toBe(work.deadlines.length);
    expect((seen[0]?.paging as { hint: string }).hint).toBe('For the next 15, type `mine page:2`.');
  });

  it(`digest: ${TEN_TIMES.digest} deadlines, ${DIGEST_SHOWN} of each kind shown and the rest counted`, () => {
    const half = TEN_TIMES.digest / 2;
    const viewModel = digestViewModel(
      { lines: digestLines(DIGEST_SHOWN, longest), total: half },
      { lines: digestLines(half, longest), total: half },
    );
    withinLimits('digest', viewModel);
    expect(viewModel.overdue).toHaveLength(DIGEST_SHOWN);
    expect(viewModel.thisWeek).toHaveLength(DIGEST_SHOWN);
    expect(viewModel.overdueMore).toBe(`and ${half - DIGEST_SHOWN} more overdue`);
    expect(viewModel.thisWeekMore).toBe(`and ${half - DIGEST_SHOWN} more due this week`);
  });

  it(`conduct history: ${TEN_TIMES.history} entries, the latest ${HISTORY_SHOWN} shown in order`, () => {
    const events = conductEvents(TEN_TIMES.history, longest);
    const names = new Map([
      ['officer-0', 'Fay Facilitator'],
      ['officer-1', 'Oona Officer'],
      ['officer-2', 'Chris Chair'],
    ]);
    const { name, viewModel } = historyView('Sam Patel', events, names, 'Europe/London');
    withinLimits(name, viewModel);
    const entries = viewModel.entries as Array<{ what: string }>;
    expect(entries).toHaveLength(HISTORY_SHOWN);
    expect(entries[0]?.what).toMatch(
      new RegExp(`^Warning ${TEN_TIMES.history - HISTORY_SHOWN + 1}:`),
    );
    expect(entries.at(-1)?.what).toMatch(new RegExp(`^Warning ${TEN_TIMES.history}:`));
    expect(viewModel.earlier).toBe(
      `The latest ${HISTORY_SHOWN} of ${TEN_TIMES.history} entries; ${TEN_TIMES.history - HISTORY_SHOWN} earlier ones are on record and not shown.`,
    );
  });
});

describe('cards that fit say nothing about pages', () => {
  it('a realistic register of one page has no paging line and no "Next page"', () => {
    const { viewModel } = cardOf(registerView(registerLines(6), 'a'.repeat(24)));
    expect((viewModel.paging as { summary: string }).summary).toBe('');
    const content = JSON.stringify(renderTeamsCard('register', viewModel).content);
    expect(content).not.toContain('Next page');
    expect(JSON.stringify(renderSlackBlocks('register', viewModel, 'x').blocks)).not.toContain(
      'Next page',
    );
    withinLimits('register', viewModel);
  });

  it('a digest with little in it has no "and N more"', () => {
    const viewModel = digestViewModel({ lines: digestLines(2), total: 2 }, { lines: [], total: 0 });
    expect(viewModel).toMatchObject({ overdueMore: '', thisWeekMore: '' });
    withinLimits('digest', viewModel);
  });
});

describe('standards by service area', () => {
  const lines = standardLines(REALISTIC.standards);

  it('matches an area whatever the case, with "and" for "&", and pages within it', () => {
    const { viewModel } = cardOf(standardsView(lines, { area: 'allocations AND lettings' }));
    const rows = viewModel.rows as Array<{ area: string; key: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.area === 'Allocations & Lettings')).toBe(true);
    expect(viewModel.title).toBe('Service standards: Allocations & Lettings');
    expect(viewModel.areas).toBe('');
    withinLimits('standards', viewModel);
  });

  it('takes a unique part of an area’s name, and keeps the area on the next page', () => {
    const many = standardLines(200);
    const { viewModel } = cardOf(standardsView(many, { area: 'repairs' }));
    const paging = viewModel.paging as {
      hint: string;
      next: Record<string, unknown>;
      nextValue: string;
    };
    expect(paging.hint).toBe(
      'For the next 7, type `standards area:"Repairs and Maintenance" page:2`.',
    );
    expect(paging.next).toEqual({ list: 'standards', area: 'Repairs and Maintenance', page: 2 });
    const { blocks } = renderSlackBlocks('standards', viewModel, 'x');
    const button = JSON.stringify(blocks.at(-1));
    expect(button).toContain('list.page:standards:2');
  });

  it('a "Next page" value survives Slack escaping: & stays &', () => {
    const many = standardLines(200);
    const { viewModel } = cardOf(standardsView(many, { area: 'Allocations & Lettings' }));
    const { blocks } = renderSlackBlocks('standards', viewModel, 'x');
    const button = (blocks.at(-1) as Block).elements?.[0] as { value: string };
    expect(JSON.parse(button.value)).toEqual({
      list: 'standards',
      area: 'Allocations & Lettings',
      page: 2,
    });
  });

  it('an unknown area is refused with the areas there are', () => {
    const reply = standardsView(lines, { area: 'gardening' });
    expect(reply.refusals?.[0]?.message).toMatch(
      /^No service area is called “gardening”\. The areas are “Allocations & Lettings”, /,
    );
  });

  it('a page past the end shows the last page', () => {
    const { viewModel } = cardOf(standardsView(lines, { page: 99 }));
    expect((viewModel.paging as { summary: string }).summary).toBe(
      'Showing 31–43 of 43 standards (page 3 of 3).',
    );
  });
});

/**
 * A policy with every rule changed from its preset, each to the longest value it can show:
 * the policy card's rows are then as long as they get, with the preset's value beside each.
 */
function everyRuleChanged(preset: MembershipPolicy): MembershipPolicy {
  const flags = Object.fromEntries(
    Object.entries(preset)
      .filter(([, v]) => typeof v === 'boolean')
      .map(([k, v]) => [k, !v]),
  );
  return {
    ...preset,
    ...flags,
    minMembers: 9998,
    maxMembers: 9999,
    idealRange: { min: 9998, max: 9999 },
    maxMembersPerInspection: 9999,
    maxLeaseholders: 9999,
    eligibleTenures:
      preset.eligibleTenures.length === 3 ? ['tenant'] : ['tenant', 'leaseholder', 'shared-owner'],
    minimumTenancy: { months: 999, orTrained: true },
    staff: preset.staff === 'with-manager-agreement' ? 'excluded' : 'with-manager-agreement',
    exclusions: Object.fromEntries(
      Object.entries(preset.exclusions).map(([k, v]) => [k, !v]),
    ) as unknown as MembershipPolicy['exclusions'],
    maxCommitteeMembersPerPanel: 9999,
    termYears: 9999,
    minMeetingsPerYear: 9999,
    reviewsPerYear: 9999,
    minMeetingsPerReview: { full: 99, lightTouch: 99 },
    informationRequestWorkingDays: 9999,
    staffNoticeWorkingDays: 9999,
    improvementPlanDays: 9999,
    planSignOffDays: 9999,
    followUpReviewMonths: { min: 9998, max: 9999 },
    lightTouchRequiredSteps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    appraisalOf: preset.appraisalOf === 'each-member' ? 'panel' : 'each-member',
    quorum: 9999,
    retentionYears: 9999,
  };
}

describe('the group policy card: every rule, compact', () => {
  const longName = 'N'.repeat(100);

  it.each(PRESET_KEYS)('%s: every rule changed, within Teams’ and Slack’s limits', (presetKey) => {
    const rows = describePolicy(everyRuleChanged(POLICY_PRESETS[presetKey].policy), presetKey);
    expect(rows.every((row) => row.changed)).toBe(true);
    const reply = policyReply({
      groupName: longName,
      presetKey,
      presetName: POLICY_PRESETS[presetKey].name,
      rows,
    });
    const { name, viewModel } = cardOf(reply);
    expect(name).toBe('group-policy');
    withinLimits(name, viewModel, reply.text);
    // One Slack section per rule, beside the header, the intro and the hint.
    expect(renderSlackBlocks(name, viewModel, 'x').blocks).toHaveLength(rows.length + 3);
  });

  it('shows each rule with the name to type, the preset’s value where changed, and its clause', () => {
    const policy = { ...POLICY_PRESETS['torus-tims'].policy, over18ConfirmationRequired: false };
    const rows = describePolicy(policy, 'torus-tims');
    const { viewModel } = cardOf(
      policyReply({ groupName: 'TIMS', presetKey: 'torus-tims', presetName: 'Torus', rows }),
    );
    const slack = JSON.stringify(renderSlackBlocks('group-policy', viewModel, 'x').blocks);
    expect(slack).toContain(
      '*18 or over confirmed before taking part*: off _(preset: on)_\\n`over18-confirmation` · Exclusions: \\"Anyone under 18\\"',
    );
    const teams = renderTeamsCard('group-policy', viewModel).content as {
      body: Array<{ items?: Array<{ text: string }> }>;
    };
    const texts = teams.body.flatMap((b) => (b.items ?? []).map((i) => i.text));
    expect(texts).toContain('**18 or over confirmed before taking part**: off (preset: on)');
    expect(texts).toContain('over18-confirmation · Exclusions: "Anyone under 18"');
    expect(texts).toContain('**Most members**: off');
    expect(texts).toContain(
      'max-members · The document does not say: off unless an officer sets it.',
    );
  });
});

describe.each([
  ['ten times a realistic size', false],
  ['ten times a realistic size, every text as long as allowed', true],
])('the improvement plan and management’s response, at %s', (_label, longest) => {
  // A realistic plan: 8 agreed recommendations, 12 actions, a return and two hand-ins.
  const recommendations = 8 * 10;
  const actions = 12 * 10;
  const text = (n: number, short: string, max: number) =>
    longest ? `${short} ${n} `.padEnd(max, 'x') : `${short} ${n}`;
  const opened = openReview({
    id: 'r'.repeat(24),
    groupId: 'g'.repeat(24),
    title: longest ? 'T'.repeat(200) : 'Repairs',
    topicSource: 'complaints',
    depth: 'full',
    policy: SOUTHAMPTON_REVIEW_POLICY,
    openedOn: '2026-01-05',
  });
  if (!opened.ok) throw new Error('could not open');
  const review: Review = {
    ...opened.value,
    managementOwnerId: 'smt',
    recommendations: Array.from({ length: recommendations }, (_, i) => ({
      id: String(i + 1),
      text: text(i + 1, 'Recommendation', 2000),
      agreed: true,
    })),
    improvementPlan: {
      actions: Array.from({ length: actions }, (_, i) => ({
        id: `A${i + 1}`,
        recommendationId: String((i % recommendations) + 1),
        action: text(i + 1, 'Action', 500),
        owner: `lead-${i % 7}`,
        dueOn: i % 3 === 0 ? '2026-02-01' : '2026-09-01',
        state: i % 5 === 0 ? ('done' as const) : ('open' as const),
        ...(i % 5 === 0 ? { doneBy: `lead-${i % 7}`, doneOn: '2026-01-20' } : {}),
      })),
      submissions: Array.from({ length: 10 }, (_, i) => ({
        by: 'smt',
        on: `2026-03-${String(i + 10).padStart(2, '0')}`,
      })),
      returns: Array.from({ length: 10 }, (_, i) => ({
        by: 'officer',
        on: `2026-03-${String(i + 10).padStart(2, '0')}`,
        reason: text(i + 1, 'Returned because', 500),
      })),
    },
  };
  const record: ReviewRecord = {
    _id: review.id,
    organisationId: 'o'.repeat(24),
    groupId: review.groupId,
    reference: 'R-123456789',
    review,
    createdAt: new Date('2026-01-05T09:00:00Z'),
    createdBy: 'officer',
    version: 1,
  };
  const names = new Map(
    ['smt', 'officer', ...Array.from({ length: 7 }, (_, i) => `lead-${i}`)].map((id) => [
      id,
      longest ? `${id} `.padEnd(100, 'n') : id,
    ]),
  );

  it(`improvement plan: ${actions} actions, the first ${PLAN_ACTIONS_SHOWN} shown, overdue first, the rest counted`, () => {
    const { name, viewModel } = improvementPlanCard(
      record,
      names,
      '2026-04-01',
      {},
      'Europe/London',
    );
    withinLimits(name, viewModel);
    const shown = viewModel.actions as Array<{ overdue: boolean; stateText: string }>;
    expect(shown).toHaveLength(PLAN_ACTIONS_SHOWN);
    expect(shown.every((a) => a.overdue)).toBe(true);
    expect(viewModel.actionsMore).toBe(
      `and ${actions - PLAN_ACTIONS_SHOWN} more actions, all later than these and not overdue`,
    );
  });

  it(`management's response: ${recommendations} agreed recommendations, ${RESPONSE_RECOMMENDATIONS_SHOWN} on the form`, () => {
    const { name, viewModel } = managementResponseForm(record, undefined, 'Europe/London');
    withinLimits(name, viewModel);
    const modal = renderSlackModal(name, viewModel, { callbackId: name, privateMetadata: '{}' });
    const blocks = modal.blocks as Array<{ label?: { text: string } }>;
    expect(blocks.length).toBeLessThanOrEqual(100);
    for (const block of blocks) expect(block.label?.text.length ?? 0).toBeLessThanOrEqual(2000);
    expect(viewModel.recommendationsMore).toMatch(
      new RegExp(`^${recommendations - RESPONSE_RECOMMENDATIONS_SHOWN} more agreed`),
    );
  });
});

describe.each([
  ['ten times a realistic size', false],
  ['ten times a realistic size, every text as long as allowed', true],
])('the review card and the management notice, at %s', (_label, longest) => {
  // A realistic review: 5 recommendations, 4 meetings planned with 2 staff each, 4 deadlines.
  const recommendations = 5 * 10;
  const planned = 4 * 10;
  const deadlines = 4 * 10;
  const text = (n: number, short: string, max: number) =>
    longest ? `${short} ${n} `.padEnd(max, 'x') : `${short} ${n}`;
  const opened = openReview({
    id: 'r'.repeat(24),
    groupId: 'g'.repeat(24),
    title: longest ? 'T'.repeat(200) : 'Repairs',
    topicSource: 'complaints',
    depth: 'light-touch',
    policy: SEDGEMOOR_REVIEW_POLICY,
    openedOn: '2026-01-05',
    scope: text(0, 'Scope', 1000),
  });
  if (!opened.ok) throw new Error('could not open');
  const review: Review = {
    ...opened.value,
    steps: opened.value.steps.map((s) =>
      s.number % 2 === 0
        ? {
            number: s.number,
            state: 'skipped',
            by: 'officer',
            on: '2026-01-06',
            reason: text(s.number, 'Because', 500),
          }
        : { number: s.number, state: 'done', by: 'officer', on: '2026-01-06' },
    ),
    meetings: Array.from({ length: 20 }, () => ({ on: '2026-01-07', attendees: 6 })),
    plannedMeetings: Array.from({ length: planned }, (_, i) => ({
      on: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      invited: Array.from({ length: 20 }, (_, j) => `staff-${j}`),
      plannedBy: 'officer',
      plannedOn: '2026-01-06',
    })),
    recommendations: Array.from({ length: recommendations }, (_, i) => ({
      id: String(i + 1),
      text: text(i + 1, 'Recommendation', 2000),
      agreed: i % 2 === 0,
    })),
    managementOwnerId: 'smt',
    managementResponse: {
      receivedOn: '2026-02-01',
      responses: Array.from({ length: recommendations }, (_, i) => ({
        recommendationId: String(i + 1),
        decision: 'reject' as const,
        reason: text(i + 1, 'Rejected because', 2000),
      })),
    },
    reports: {
      draft: { by: 'officer', on: '2026-01-08', link: `https://docs.example/${'d'.repeat(470)}` },
      final: { by: 'officer', on: '2026-01-09', link: `https://docs.example/${'f'.repeat(470)}` },
    },
    escalation: {
      stage: 'committee',
      history: [
        { stage: 'committee', by: 'officer', on: '2026-03-01', reason: text(1, 'Why', 1000) },
      ],
    },
  };
  const names = new Map(
    ['smt', 'officer', ...Array.from({ length: 20 }, (_, j) => `staff-${j}`)].map((id) => [
      id,
      longest ? `${id} `.padEnd(100, 'n') : id,
    ]),
  );

  it(`review: ${recommendations} recommendations, ${planned} planned meetings and ${deadlines} deadlines, each list bounded`, () => {
    const { name, viewModel } = reviewCard({
      reference: 'R-123456789',
      review,
      names,
      improvementPlanDays: 28,
      deadlines: Array.from({ length: deadlines }, (_, i) => ({
        kind: i === 0 ? ('improvement-plan' as const) : ('improvement-action' as const),
        dueAt: new Date('2026-06-01T22:59:59.999Z'),
        ownerId: `staff-${i % 20}`,
      })),
      zone: 'Europe/London',
      today: '2026-04-01',
    });
    withinLimits(name, viewModel);
    expect(viewModel.recommendations).toHaveLength(REVIEW_SHOWN.recommendations);
    expect(viewModel.recommendationsMore).toBe(
      `and ${recommendations - REVIEW_SHOWN.recommendations} more recommendations`,
    );
    expect(viewModel.deadlinesMore).toBe(
      `and ${deadlines - REVIEW_SHOWN.deadlines} more deadlines`,
    );
    expect(viewModel.plannedMore).toBe(`and ${planned - REVIEW_SHOWN.planned} more planned`);
  });

  it(`management notice: ${recommendations / 2} agreed recommendations, ${NOTICE_SHOWN} shown`, () => {
    const { name, viewModel } = managementNoticeCard({
      reference: 'R-123456789',
      review,
      groupName: longest ? 'G'.repeat(100) : 'Panel',
      due: 'The improvement plan is due from Max Manager by Friday 15 January 2027.',
    });
    withinLimits(name, viewModel);
    expect(viewModel.recommendationsMore).toBe(
      `and ${recommendations / 2 - NOTICE_SHOWN} more agreed`,
    );
  });
});

describe('the report summary card: headline figures and a few lines, however big the report', () => {
  it.each([false, true])(
    'a quarter of 500 checks and 400 offers below target, every text as long as allowed: %s',
    (longest) => {
      const long = (s: string) => (longest ? `${s} ${'x'.repeat(2000)}` : s);
      const offers = Array.from({ length: 400 }, (_, i) => ({
        key: `offer-${i}`,
        serviceArea: long(`Area ${i % 9}`),
        promise: long('Answer 95% of calls'),
        target: 'at least 95 percent',
        latest: long('59.82 percent (2020/21 Q3)'),
        targetState: 'below target' as const,
        verification: i % 2 === 0 ? ('not verified' as const) : ('not yet verified' as const),
        verificationDetail: '',
      }));
      const report = {
        organisation: long('Liverpool Homes'),
        period: {
          key: '2026-Q3',
          label: 'July to September 2026',
          from: '2026-07-01',
          to: '2026-09-30',
          startsAt: new Date('2026-06-30T23:00:00Z'),
          endsAt: new Date('2026-09-30T23:00:00Z'),
        },
        asOf: '2026-10-05',
        checks: Array.from({ length: 500 }, (_, i) => ({
          ref: `C-${i + 1}`,
          kind: 'Test email',
          serviceArea: 'Customer Service',
          dueOn: '2026-07-10',
          state: i % 3 === 0 ? ('outstanding' as const) : ('done' as const),
          progress: '1 approved',
        })),
        findingsByArea: [],
        offers,
        reviews: [],
        recommendationsAndActions: [],
        deadlinesMissed: [],
      };
      const doc = {
        fileStem: 'quarterly-report-2026-Q3',
        title: long('Quarterly report: 2026-Q3'),
        subtitle: long('Liverpool Homes.'),
        blocks: [],
      };
      const files = Array.from({ length: 8 }, (_, i) => ({
        name: `quarterly-report-2026-Q3-recommendations-and-actions-${i}.csv`,
        contentType: 'text/csv',
        bytes: Buffer.alloc(0),
      }));
      const card = reportSummaryCard(doc, periodSummary(report), files);
      withinLimits(card.name, card.viewModel);
      expect((card.viewModel.highlights as string[]).at(-1)).toBe('and 594 more, in the files');
    },
  );
});
