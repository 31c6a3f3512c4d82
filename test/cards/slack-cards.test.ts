import { renderSlackBlocks, renderSlackModal, SLACK_LIMITS } from '../../src/cards/render-slack';
import { CARD_NAMES, loadTemplate } from '../../src/cards/templates';

type Block = Record<string, unknown> & {
  type: string;
  block_id?: string;
  elements?: Array<Record<string, unknown>>;
};

function checkLimits(blocks: Block[]): void {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  const actionIds: string[] = [];
  const blockIds: string[] = [];
  for (const block of blocks) {
    if (block.block_id) blockIds.push(block.block_id);
    const text = (block.text as { text?: string } | undefined)?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(
      block.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText,
    );
    expect(text).not.toContain('${');
    for (const element of block.elements ?? []) {
      if (element.type === 'button') {
        expect(((element.text as { text: string }).text ?? '').length).toBeLessThanOrEqual(
          SLACK_LIMITS.buttonText,
        );
        const actionId = element.action_id as string;
        expect(actionId.length).toBeLessThanOrEqual(255);
        actionIds.push(actionId);
        expect(() => JSON.parse(element.value as string) as unknown).not.toThrow();
      }
    }
  }
  expect(new Set(actionIds).size).toBe(actionIds.length);
  expect(new Set(blockIds).size).toBe(blockIds.length);
}

describe('Slack Block Kit renderings, from the same view models as Teams', () => {
  it.each(CARD_NAMES)('%s renders from its sample within Block Kit limits', (name) => {
    const { blocks, text } = renderSlackBlocks(
      name,
      loadTemplate(name, 'sample'),
      `fallback for ${name}`,
    );
    expect(text).toBe(`fallback for ${name}`);
    expect(blocks.length).toBeGreaterThan(0);
    checkLimits(blocks as Block[]);
  });

  it('text people typed is escaped, so it cannot become a mention or a link', () => {
    const { blocks } = renderSlackBlocks(
      'notice',
      { title: 'Tom & Jerry <@U123> <!channel>', tone: 'info', reasons: [] },
      'x',
    );
    expect(JSON.stringify(blocks)).toContain('Tom &amp; Jerry &lt;@U123&gt; &lt;!channel&gt;');
  });

  it('a long register is cut to 50 blocks with "and N more"', () => {
    const entries = Array.from({ length: 80 }, (_, i) => ({
      person: `P${i}`,
      kind: 'Other',
      detail: 'd',
      decision: 'noted',
      reconfirm: 'soon',
      overdue: false,
      id: `${i}`,
      undecided: false,
    }));
    // Paging is the view model's job (paged-views); this is the renderer's last resort.
    const paging = { summary: '', hint: '', nextPage: 0 };
    const { blocks } = renderSlackBlocks('register', { entries, paging }, 'register');
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks.at(-1))).toContain('and 32 more');
  });
});

describe('Slack modals', () => {
  it('the declaration form opens as a modal with its callback and metadata, within 100 blocks', () => {
    const view = renderSlackModal('declaration-form', loadTemplate('declaration-form', 'sample'), {
      callbackId: 'declaration-form',
      privateMetadata: '{"groupId":"g"}',
    }) as { type: string; callback_id: string; blocks: Block[] };
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'declaration-form',
      private_metadata: '{"groupId":"g"}',
    });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).not.toContain('${');
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the findings checklist as a Slack modal', () => {
  const view = renderSlackModal('findings-form', loadTemplate('findings-form', 'sample'), {
    callbackId: 'findings-form',
    privateMetadata: '{"ref":"C-4"}',
  }) as { title: { text: string }; blocks: Block[] };
  const byId = (id: string) =>
    view.blocks.find((b) => b.block_id === id) as Block & {
      optional: boolean;
      element: { type: string; options?: Array<{ value: string }> };
    };

  it('gives each question the input its answer needs, in checklist order', () => {
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'q.clean',
      'q.overall',
      'q.faults',
      'q.notes',
      // Each local offer the check verifies: its verdict, then its evidence.
      'offer.emails-acknowledged-within-4-hours',
      'offerEvidence.emails-acknowledged-within-4-hours',
      'offer.formal-complaints-10-working-days',
      'offerEvidence.formal-complaints-10-working-days',
      'strengths',
      'weaknesses',
      'recommendations',
      'evidenceLinks',
      'files',
    ]);
    expect(byId('q.clean').element.options?.map((o) => o.value)).toEqual(['true', 'false']);
    expect(byId('q.overall').element.options?.map((o) => o.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(byId('q.faults').element.type).toBe('number_input');
    expect(
      byId('offer.emails-acknowledged-within-4-hours').element.options?.map((o) => o.value),
    ).toEqual(['verified', 'partly', 'not-verified']);
    expect(byId('offerEvidence.emails-acknowledged-within-4-hours').element.type).toBe(
      'plain_text_input',
    );
    expect(byId('q.notes').element.type).toBe('plain_text_input');
  });

  it('marks only the required questions as required, and fits Slack’s title limit', () => {
    expect(byId('q.clean').optional).toBe(false);
    expect(byId('q.faults').optional).toBe(true);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(view)).not.toContain('${');
  });
});
