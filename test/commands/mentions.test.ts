import { mentionToken, normaliseSlackMentions, parseCommand } from '../../src/commands';
import { fakeContext } from './parse-context';

describe('mention tokens', () => {
  it('wraps a platform user id', () => {
    expect(mentionToken('U123ABC')).toBe('<@person:U123ABC>');
    expect(mentionToken('29:1a2B-c3')).toBe('<@person:29:1a2B-c3>');
  });

  it('refuses an id that could not be read back out of text', () => {
    expect(() => mentionToken('')).toThrow(RangeError);
    expect(() => mentionToken('U1 U2')).toThrow(RangeError);
    expect(() => mentionToken('U1>')).toThrow(RangeError);
  });
});

describe('normaliseSlackMentions', () => {
  it('turns <@U123|name> and <@U123> into tokens', () => {
    expect(normaliseSlackMentions('group add <@U0SAM|sam> role:member')).toBe(
      'group add <@person:U0SAM> role:member',
    );
    expect(normaliseSlackMentions('<@UBOT> check assign <@W0ALEX> "Call"')).toBe(
      '<@person:UBOT> check assign <@person:W0ALEX> "Call"',
    );
  });

  it("undoes Slack's escapes so a topic keeps its ampersand", () => {
    expect(normaliseSlackMentions('review open "Repairs &amp; voids &gt; 28 days" type:full')).toBe(
      'review open "Repairs & voids > 28 days" type:full',
    );
  });

  it('keeps a typed "<@person:…" escaped, so nobody can forge a mention by typing the token', () => {
    const typed = normaliseSlackMentions('group add &lt;@person:U0SAM&gt; role:officer');
    expect(typed).toBe('group add &lt;@person:U0SAM> role:officer');
    expect(parseCommand(typed, fakeContext())).toMatchObject({ ok: false });
  });

  it('unwraps links and channel names the way people typed them', () => {
    expect(
      normaliseSlackMentions(
        'evidence request <@U1> "Policy at <https://example.org/asb|example.org/asb>, ask <mailto:a@b.org|a@b.org> in <#C01|scrutiny>"',
      ),
    ).toBe(
      'evidence request <@person:U1> "Policy at https://example.org/asb, ask a@b.org in #scrutiny"',
    );
  });

  it('leaves text without Slack markup alone', () => {
    expect(normaliseSlackMentions('mine')).toBe('mine');
  });

  it('feeds the parser: a Slack app mention parses to a command', () => {
    const text = normaliseSlackMentions('<@UBOT> group add <@U0SAM|sam> role:chair');
    expect(parseCommand(text, fakeContext())).toEqual({
      ok: true,
      command: { type: 'group-add', personUserId: 'U0SAM', role: 'chair' },
    });
  });
});
