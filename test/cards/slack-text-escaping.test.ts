import { escapeForSlack, escapeSlackText, renderSlackBlocks } from '../../src/cards/render-slack';
import { escapingFetch, withEscapedText } from '../../src/channels/slack/escaping-fetch';

describe('escapeSlackText: Slack’s three control characters as entities, nothing else', () => {
  it('escapes &, < and > so a typed mention, broadcast or link stays text', () => {
    expect(escapeSlackText('<!channel> & <@U0BOSS> <https://x.example|bank>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U0BOSS&gt; &lt;https://x.example|bank&gt;',
    );
  });

  it('leaves quotes, apostrophes and mrkdwn emphasis alone: Slack would show the entities', () => {
    expect(escapeSlackText(`"We've" *bold* _it_ \`code\``)).toBe(`"We've" *bold* _it_ \`code\``);
  });

  it('is what the block escaping uses', () => {
    expect(escapeForSlack({ a: ['<!here>'] })).toEqual({ a: ['&lt;!here&gt;'] });
  });
});

describe('escapingFetch: the top-level text of every message that leaves for Slack', () => {
  const json = { 'Content-Type': 'application/json' };
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

  it('a response_url post (JSON): text escaped, the rest as it was', () => {
    const body = JSON.stringify({
      response_type: 'in_channel',
      text: 'Review R-1 opened: “<!channel> repairs”',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '&lt;!channel&gt;' } }],
    });
    const sent = JSON.parse(
      withEscapedText({ method: 'POST', headers: json, body }).body as string,
    ) as Record<string, unknown>;
    expect(sent).toEqual({
      response_type: 'in_channel',
      text: 'Review R-1 opened: “&lt;!channel&gt; repairs”',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '&lt;!channel&gt;' } }],
    });
  });

  it('a Web API call (form-encoded): only the text pair is rewritten', () => {
    const blocks = JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'a&amp;b' } }]);
    const body = `channel=D0SAM&text=${encodeURIComponent('Warning: <!here> & more')}&blocks=${encodeURIComponent(blocks)}&token=xoxb`;
    const sent = withEscapedText({ method: 'POST', headers: form, body }).body as string;
    const params = new URLSearchParams(sent);
    expect(params.get('text')).toBe('Warning: &lt;!here&gt; &amp; more');
    expect(params.get('blocks')).toBe(blocks);
    expect(sent.split('&').filter((p) => !p.startsWith('text='))).toEqual([
      'channel=D0SAM',
      `blocks=${encodeURIComponent(blocks)}`,
      'token=xoxb',
    ]);
  });

  it('a form body with + for spaces is read as Slack would read it', () => {
    const sent = withEscapedText({ headers: form, body: 'text=a+%3C!channel%3E' }).body as string;
    expect(new URLSearchParams(sent).get('text')).toBe('a &lt;!channel&gt;');
  });

  it('calls without a text, views and multipart uploads pass unchanged', () => {
    const view = `trigger_id=1&view=${encodeURIComponent(JSON.stringify({ title: '<x>' }))}`;
    expect(withEscapedText({ headers: form, body: view }).body).toBe(view);
    const noText = JSON.stringify({ replace_original: true, blocks: [] });
    expect(withEscapedText({ headers: json, body: noText }).body).toBe(noText);
    const upload = new FormData();
    expect(withEscapedText({ headers: {}, body: upload }).body).toBe(upload);
    expect(withEscapedText({ headers: json, body: 'not json' }).body).toBe('not json');
  });

  it('hands the escaped request to the fetch it wraps', async () => {
    const seen: unknown[] = [];
    const fetch = escapingFetch((url, init) => {
      seen.push(url, init?.body);
      return Promise.resolve(new Response('ok'));
    });
    await fetch('https://hooks.slack.example/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '<!channel>' }),
    });
    expect(seen).toEqual([
      'https://hooks.slack.example/x',
      JSON.stringify({ text: '&lt;!channel&gt;' }),
    ]);
  });

  it('a rendered card’s fallback text is escaped on the way out, not twice', () => {
    const rendered = renderSlackBlocks(
      'notice',
      { title: '<!channel> topic', tone: 'ok', reasons: [] },
      '<!channel> topic',
    );
    const sent = JSON.parse(
      withEscapedText({ headers: json, body: JSON.stringify(rendered) }).body as string,
    ) as { text: string; blocks: unknown };
    expect(sent.text).toBe('&lt;!channel&gt; topic');
    expect(JSON.stringify(sent.blocks)).toContain('&lt;!channel&gt; topic');
    expect(JSON.stringify(sent.blocks)).not.toContain('&amp;lt;');
  });
});
