import { commandInfo, mentionToken, parseCommand, refusalText } from '../../src/commands';
import type { ParseResult } from '../../src/commands';
import { fakeContext } from './parse-context';

const sam = mentionToken('U0SAMPATEL');
const jo = mentionToken('U0JOBLOGGS');

function refused(text: string): { message: string; usage?: string } {
  const result: ParseResult = parseCommand(text, fakeContext());
  if (result.ok) throw new Error(`Expected "${text}" to be refused, got ${JSON.stringify(result)}`);
  const { ok: _ok, ...refusal } = result;
  return refusal;
}

const GROUP_ADD_USAGE = commandInfo('group-add').usage;
const HELP = 'Type `help` to see the commands you can use.';

describe('parseCommand refusals: exact wording', () => {
  it('group add without a role names the roles and gives the usage line', () => {
    const result = refused(`group add ${sam}`);
    expect(result).toEqual({
      message:
        'group add needs a role: role:member, chair, vice-chair, officer, staff or committee.',
      usage: GROUP_ADD_USAGE,
    });
    expect(refusalText(result)).toBe(
      'group add needs a role: role:member, chair, vice-chair, officer, staff or committee. ' +
        'Usage: group add @person role:<member|chair|vice-chair|officer|staff|committee> ' +
        '[tenure:<tenant|leaseholder|shared-owner>] [since:<date>] [area:"<area>"] ' +
        '[staff:yes|no] [manager-agreed:yes|no] [breach:yes|no] [judgement:yes|no] ' +
        '[ex-customer:yes|no] [board-elsewhere:yes|no] [excluded-before:yes|no] ' +
        '[helped-develop:yes|no] [trained:<date>] [committee:<name>|none]',
    );
  });

  it('an unknown command suggests the nearest one and points to help', () => {
    expect(refused('regster')).toEqual({
      message: `I don't know “regster”. Did you mean \`register\`? ${HELP}`,
    });
    expect(refused('hlep').message).toBe(`I don't know “hlep”. Did you mean \`help\`? ${HELP}`);
    expect(refused('grop add').message).toBe(
      `I don't know “grop add”. Did you mean \`group add\`? ${HELP}`,
    );
    expect(refused('standards imprt').message).toBe(
      `I don't know “standards imprt”. Did you mean \`standards import\`? ${HELP}`,
    );
  });

  it('a command family without a known second word lists its commands', () => {
    expect(refused('group').message).toBe(
      `I don't know “group”. Did you mean \`group create\`, \`group add\`, \`group policy\` or \`group policy set\`? ${HELP}`,
    );
    expect(refused('group remove').message).toBe(
      `I don't know “group remove”. Did you mean \`group create\`, \`group add\`, \`group policy\` or \`group policy set\`? ${HELP}`,
    );
  });

  it('text with nothing like a command only points to help', () => {
    expect(refused('what is happening with my repair')).toEqual({
      message: `I don't know “what”. ${HELP}`,
    });
    expect(refused('"group add"').message).toBe(`Start with a command, such as \`mine\`. ${HELP}`);
  });

  it('an unknown option is named, with the options the command does take', () => {
    expect(refused(`group add ${sam} role:member colour:red`)).toEqual({
      message:
        "group add doesn't take colour:. It takes role:, tenure:, since:, area:, staff:, " +
        'manager-agreed:, breach:, judgement:, ex-customer:, board-elsewhere:, ' +
        'excluded-before:, helped-develop:, trained: and committee:.',
      usage: GROUP_ADD_USAGE,
    });
  });

  it('an unknown option on a command with free text hints at quoting the text', () => {
    expect(refused('review open Repairs: the backlog type:full').message).toBe(
      "review open doesn't take repairs:. It takes type: and source:. If “repairs:” is part of the topic, put the topic in quotes.",
    );
  });

  it('an option given twice is named', () => {
    expect(refused('review open "Repairs" type:full TYPE:light').message).toBe(
      'type: is given twice; give it once.',
    );
  });

  it('a choice that is a near miss gets a suggestion; one that is not gets the list', () => {
    expect(refused(`group add ${sam} role:chiar`).message).toBe(
      "role:chiar isn't a role I know. Did you mean role:chair?",
    );
    expect(refused(`group add ${sam} role:boss`).message).toBe(
      "role:boss isn't a role I know. Use role:member, chair, vice-chair, officer, staff or committee.",
    );
    expect(refused('group create "Panel" preset:torus').message).toBe(
      "preset:torus isn't a preset I know. Use preset:torus-tims, southampton-ti, trafford-qip or sedgemoor-scrutiny.",
    );
  });

  it('an option with no value says what to put there', () => {
    expect(refused(`group add ${sam} role:`).message).toBe(
      'role: has no value. Use role:member, chair, vice-chair, officer, staff or committee.',
    );
  });

  it('a bare command lists everything missing in one sentence', () => {
    expect(refused('check assign')).toEqual({
      message: 'check assign needs a person, a title in quotes, a kind of check and a due date.',
      usage: commandInfo('check-assign').usage,
    });
  });

  it('a missing due date on check assign says how to write one', () => {
    expect(refused(`check assign ${sam} "Call" kind:survey`).message).toBe(
      'check assign needs a due date: due:21/12/2026, due:21 Dec, due:today, due:friday or due:+N wd (working days).',
    );
  });

  it('a name typed with @ but not picked from the list is explained', () => {
    expect(refused('group add @Jo Bloggs role:member').message).toBe(
      "“@Jo” isn't a mention I can read: pick the person from the list that appears as you type @, so their name is highlighted.",
    );
  });

  it('no person, two people, or a person where none is taken', () => {
    expect(refused('evidence request "Logs"').message).toBe(
      'evidence request needs a person: mention them with @.',
    );
    expect(refused(`group add ${sam} ${jo} role:member`).message).toBe(
      'group add takes one person at a time; you mentioned 2.',
    );
    expect(refused(`review open ${sam} "Repairs" type:full`).message).toBe(
      "review open doesn't take a person; remove the mention.",
    );
  });

  it('free text: missing, empty, in two quoted parts, with stray words, or too long', () => {
    expect(refused('review open type:full').message).toBe('review open needs a topic in quotes.');
    expect(refused('review open "" type:full').message).toBe('The topic is empty.');
    expect(refused('review open "Repairs" "Voids" type:full').message).toBe(
      'review open takes one topic in quotes; I found 2 quoted parts.',
    );
    expect(refused(`check assign ${sam} "Call" about repairs kind:survey due:today`).message).toBe(
      "I didn't understand “about” and “repairs”: put the title in one pair of quotes and everything else as key:value options.",
    );
    expect(refused(`review open "${'x'.repeat(201)}" type:full`).message).toBe(
      'The topic is too long (201 characters); keep it to 200.',
    );
  });

  it('commands that take nothing refuse what follows', () => {
    expect(refused('declare please')).toEqual({
      message: "declare takes nothing more; I didn't expect “please”.",
      usage: 'declare',
    });
    expect(refused('declare area:north').message).toBe(
      "declare doesn't take area:. It takes no options.",
    );
    expect(refused('register area:north').message).toBe(
      "register doesn't take area:. It takes page:.",
    );
    expect(refused('standards page:0').message).toBe(
      "page:0 isn't a page I can show. Use page:<N>, e.g. page:2.",
    );
  });

  it('an unclosed quote is refused, with the usage of the command it started', () => {
    expect(refused('review open "Repairs type:full')).toEqual({
      message: 'The quote before “Repairs type:full” is never closed; put a " at the end of it.',
      usage: commandInfo('review-open').usage,
    });
  });

  it('references of the wrong kind and standard keys that are not slugs', () => {
    expect(refused(`evidence request ${sam} "Logs" review:C-40`).message).toBe(
      "review:C-40 isn't a review reference; they look like R-12.",
    );
    expect(
      refused(`check assign ${sam} "Call" kind:survey due:today standard:lift_inspections!`)
        .message,
    ).toBe(
      "standard:lift_inspections! isn't a service standard's key; use a key listed by `standards`, e.g. standard:lift-inspections.",
    );
  });

  it('several problems are all named, in the order they were found', () => {
    expect(refused(`group add ${sam} role:boss tenure:owner`).message).toBe(
      "role:boss isn't a role I know. Use role:member, chair, vice-chair, officer, staff or committee. " +
        "tenure:owner isn't a tenure I know. Use tenure:tenant, leaseholder or shared-owner.",
    );
  });
});
