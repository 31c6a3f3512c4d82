import { mentionToken, parseCommand } from '../../src/commands';
import type { ParseResult } from '../../src/commands';
import { fakeContext } from './parse-context';

const sam = mentionToken('U0SAMPATEL');
const alex = mentionToken('29:1AlexJonesTeamsId');
const bot = mentionToken('UBOT');

function parsed(text: string, context = fakeContext()): unknown {
  const result: ParseResult = parseCommand(text, context);
  if (!result.ok) throw new Error(`Expected "${text}" to parse, got: ${result.message}`);
  return result.command;
}

describe('parseCommand: every command from realistic text', () => {
  it('help, including a bare mention of the bot and "help" followed by anything', () => {
    expect(parsed('help')).toEqual({ type: 'help' });
    expect(parsed(`${bot} HELP`)).toEqual({ type: 'help' });
    expect(parsed('help me please, how do I add someone?')).toEqual({ type: 'help' });
    expect(parsed(bot)).toEqual({ type: 'help' });
    expect(parsed('   ')).toEqual({ type: 'help' });
  });

  it('group create with curly quotes and a mixed-case preset', () => {
    expect(parsed('Group Create “Liverpool Tenant Inspectors” preset:Torus-TIMS')).toEqual({
      type: 'group-create',
      name: 'Liverpool Tenant Inspectors',
      preset: 'torus-tims',
    });
  });

  it('group create with the preset first and straight quotes', () => {
    expect(parsed('group create preset:sedgemoor-scrutiny "Sedgemoor Scrutiny Panel"')).toEqual({
      type: 'group-create',
      name: 'Sedgemoor Scrutiny Panel',
      preset: 'sedgemoor-scrutiny',
    });
  });

  it('group add with every option, in an unusual order, with a quoted area', () => {
    expect(
      parsed(
        `group add area:"Norris Green" since:2024-04-01 ${sam} TENURE:Shared-Owner role:Vice-Chair`,
      ),
    ).toEqual({
      type: 'group-add',
      personUserId: 'U0SAMPATEL',
      role: 'vice-chair',
      tenure: 'shared-owner',
      since: '2024-04-01',
      area: 'Norris Green',
    });
  });

  it('group add with only the role, and a Teams id with a colon in it', () => {
    expect(parsed(`group add ${alex} role:staff`)).toEqual({
      type: 'group-add',
      personUserId: '29:1AlexJonesTeamsId',
      role: 'staff',
    });
  });

  it('group add tolerates a space after the colon and a curly-quoted area', () => {
    expect(parsed(`group add ${sam} role: member area: “Anfield & Everton”`)).toEqual({
      type: 'group-add',
      personUserId: 'U0SAMPATEL',
      role: 'member',
      area: 'Anfield & Everton',
    });
  });

  it('member record with every option, dates in each form the parser reads', () => {
    expect(
      parsed(
        `member record ${sam} training:today conduct:2026-2-14 confidentiality:tomorrow over18:Yes term:+5wd`,
      ),
    ).toEqual({
      type: 'member-record',
      personUserId: 'U0SAMPATEL',
      training: fakeContext().today,
      conduct: '2026-02-14',
      confidentiality: expect.any(String) as unknown,
      over18: 'yes',
      term: expect.any(String) as unknown,
    });
  });

  it('member record refuses over18:no and a date it cannot read, naming both', () => {
    const result = parseCommand(
      `member record ${sam} over18:no training:30/02/2026`,
      fakeContext(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('over18:no');
    expect(result.message).toContain("training:30/02/2026 isn't a real date");
  });

  it('standards import, standards and standards list', () => {
    expect(parsed('standards import')).toEqual({ type: 'standards-import' });
    expect(parsed('Standards')).toEqual({ type: 'standards-list' });
    expect(parsed('standards list')).toEqual({ type: 'standards-list' });
    expect(parsed('standards page:2 area:"Repairs and Maintenance"')).toEqual({
      type: 'standards-list',
      page: 2,
      area: 'Repairs and Maintenance',
    });
    expect(parsed('register page:3')).toEqual({ type: 'register', page: 3 });
    expect(parsed('mine page:2')).toEqual({ type: 'mine', page: 2 });
  });

  it('review open: type:full is full, type:light (or light-touch) is light-touch', () => {
    expect(parsed('review open "Keeping residents informed about repairs" type:full')).toEqual({
      type: 'review-open',
      topic: 'Keeping residents informed about repairs',
      depth: 'full',
    });
    expect(parsed('review open type:LIGHT “Lettings: the first 12 weeks”')).toEqual({
      type: 'review-open',
      topic: 'Lettings: the first 12 weeks',
      depth: 'light-touch',
    });
    expect(parsed('review open "Complaints" type:light-touch')).toMatchObject({
      depth: 'light-touch',
    });
  });

  it('review open: source: names where the topic came from (Trafford QIP ToR 4); left out, none is assumed', () => {
    expect(parsed('review open "Complaint handling" type:full source:complaints')).toEqual({
      type: 'review-open',
      topic: 'Complaint handling',
      depth: 'full',
      topicSource: 'complaints',
    });
    expect(parsed('review open "Voids" type:light source:Inspection')).toMatchObject({
      topicSource: 'inspection-findings',
    });
    expect(parsed('review open "Voids" type:full')).not.toHaveProperty('topicSource');
  });

  it('review open accepts an unquoted topic of plain words', () => {
    expect(parsed('review open Repairs and maintenance type:full')).toEqual({
      type: 'review-open',
      topic: 'Repairs and maintenance',
      depth: 'full',
    });
  });

  it('check assign with every option, a working-day due date and refs in lower case', () => {
    expect(
      parsed(
        `check assign ${sam} “Report a dripping tap by phone” kind:Test-Call-Repair due:+10wd review:r-012 standard:Emergency-Repairs-Response`,
      ),
    ).toEqual({
      type: 'check-assign',
      personUserId: 'U0SAMPATEL',
      title: 'Report a dripping tap by phone',
      kind: 'test-call-repair',
      due: '2026-03-16',
      reviewRef: 'R-12',
      standardRef: 'emergency-repairs-response',
    });
  });

  it('check assign with the options before the person and a dated deadline', () => {
    expect(
      parsed(
        `check assign due:2026-04-30 kind:empty-home-inspection "Void at 12 Acacia Road" ${sam}`,
      ),
    ).toEqual({
      type: 'check-assign',
      personUserId: 'U0SAMPATEL',
      title: 'Void at 12 Acacia Road',
      kind: 'empty-home-inspection',
      due: '2026-04-30',
    });
  });

  it('evidence request with and without a due date', () => {
    expect(
      parsed(`evidence request ${alex} "Repair satisfaction survey results, 2024/25" review:R-3`),
    ).toEqual({
      type: 'evidence-request',
      personUserId: '29:1AlexJonesTeamsId',
      what: 'Repair satisfaction survey results, 2024/25',
      reviewRef: 'R-3',
    });
    expect(parsed(`Evidence Request ${alex} “Complaints log, Q3” due:+5 wd`)).toEqual({
      type: 'evidence-request',
      personUserId: '29:1AlexJonesTeamsId',
      what: 'Complaints log, Q3',
      due: '2026-03-09',
    });
  });

  it('declare, register and mine, in any case', () => {
    expect(parsed('declare')).toEqual({ type: 'declare' });
    expect(parsed('REGISTER')).toEqual({ type: 'register' });
    expect(parsed('Mine')).toEqual({ type: 'mine' });
  });
});

describe('parseCommand: what chat clients add around the command', () => {
  it('drops a leading bot mention and a leading /scrutiny', () => {
    expect(parsed(`${bot} mine`)).toEqual({ type: 'mine' });
    expect(parsed('/scrutiny mine')).toEqual({ type: 'mine' });
    expect(parsed(`/Scrutiny ${bot} register`)).toEqual({ type: 'register' });
  });

  it('reads non-breaking spaces, literal &nbsp;, zero-width spaces, tabs and newlines as spaces', () => {
    const teamsText = `group\u00a0add&nbsp;${sam}\u200b\trole:chair\n  area:"North\u00a0 Liverpool" `;
    expect(parsed(teamsText)).toEqual({
      type: 'group-add',
      personUserId: 'U0SAMPATEL',
      role: 'chair',
      area: 'North Liverpool',
    });
  });

  it('reads word-processor dashes in codes: en dash in a ref, non-breaking hyphen in a role', () => {
    expect(parsed(`group add ${sam} role:vice\u2011chair`)).toMatchObject({ role: 'vice-chair' });
    expect(parsed(`evidence request ${sam} "Logs" review:R\u201312`)).toMatchObject({
      reviewRef: 'R-12',
    });
  });

  it('counts the same person mentioned twice as one person', () => {
    expect(parsed(`check assign ${sam} "Call" kind:survey due:today ${sam}`)).toMatchObject({
      personUserId: 'U0SAMPATEL',
    });
  });

  it('a mention right against other text is still a mention', () => {
    expect(parsed(`group add${sam}role:member`)).toEqual({
      type: 'group-add',
      personUserId: 'U0SAMPATEL',
      role: 'member',
    });
  });
});
