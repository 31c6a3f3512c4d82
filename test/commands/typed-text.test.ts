import { z } from 'zod';
import { cardActionSchema } from '../../src/app/dispatch/card-actions';
import { optionalText, requiredText } from '../../src/app/shared/inputs';
import { parseCommand } from '../../src/commands';
import { cleanTypedText, cleanTypedValues, typedText } from '../../src/commands/typed-text';
import { fakeContext } from './parse-context';

const ESC = '\u001b';

describe('cleanTypedText: what people type, without what hides what they typed', () => {
  it.each([
    ['NUL', 'Talking\u0000 over the chair', 'Talking over the chair'],
    ['a colour escape', `${ESC}[31mRed${ESC}[0m alert`, 'Red alert'],
    ['a cursor escape with parameters', `${ESC}[2J${ESC}[1;1HCleared`, 'Cleared'],
    ['the one-byte CSI', '\u009b31mRed', 'Red'],
    ['a terminal title (OSC … BEL)', `${ESC}]0;pwned\u0007Title`, 'Title'],
    ['a two-character escape', `${ESC}cReset`, 'Reset'],
    ['a character-set escape', `${ESC}(BPlain`, 'Plain'],
    ['a lone ESC at the end', `End${ESC}`, 'End'],
    ['bell, backspace, vertical tab, form feed', 'a\u0007b\u0008c\u000bd\u000ce', 'abcde'],
    ['DEL and C1 controls', 'a\u007fb\u0085c\u009fd', 'abcd'],
    ['a right-to-left override', 'invoice\u202Etxt.exe', 'invoicetxt.exe'],
    [
      'embeddings and isolates',
      '\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069',
      'abcdefg',
    ],
  ])('strips %s', (_what, typed, clean) => {
    expect(cleanTypedText(typed)).toBe(clean);
  });

  it('keeps tabs, newlines and carriage returns: findings have lines', () => {
    expect(cleanTypedText('Strengths:\r\n\t- quick\n- kind')).toBe(
      'Strengths:\r\n\t- quick\n- kind',
    );
  });

  it('keeps what people read: accents, right-to-left text and its direction marks, emoji', () => {
    const text = 'Café — שלום\u200F مرحبا\u061C 👨‍👩‍👧 <!channel> & [link](x)';
    expect(cleanTypedText(text)).toBe(text);
  });

  it('an OSC without its terminator loses only the escape, not the rest of the reason', () => {
    expect(cleanTypedText(`${ESC}]rest of the reason`)).toBe('rest of the reason');
  });

  it('cleanTypedValues cleans every string, however deep, and leaves the rest', () => {
    expect(
      cleanTypedValues({ a: 'x\u0000', b: ['\u202Ey', 1, true, null], c: { d: `${ESC}[1mz` } }),
    ).toEqual({ a: 'x', b: ['y', 1, true, null], c: { d: 'z' } });
  });

  it('typedText refuses text that was nothing but control characters, as empty', () => {
    expect(typedText(10).safeParse('\u0000\u202E').success).toBe(false);
    expect(typedText(10).safeParse(' ok\u0000 ').data).toBe('ok');
    expect(typedText(3).safeParse(`${ESC}[31mabc`).data).toBe('abc');
  });
});

describe('the parser strips them from every free-text field', () => {
  const options = fakeContext();

  it('a command’s quoted text, e.g. a conduct reason', () => {
    const parsed = parseCommand(
      `conduct warn <@person:U0SAM> "Talking\u0000 over ${ESC}[31mthe chair\u202E"`,
      options,
    );
    expect(parsed).toEqual({
      ok: true,
      command: { type: 'conduct-warn', personUserId: 'U0SAM', reason: 'Talking over the chair' },
    });
  });

  it('a key:value text option and an unquoted topic', () => {
    const added = parseCommand(
      'group add <@person:U0SAM> role:member area:"Nor\u202Eris Green\u0000"',
      options,
    );
    expect(added.ok && added.command).toMatchObject({ area: 'Norris Green' });
    const opened = parseCommand(`review open Re${ESC}[1mpairs\u0007 type:full`, options);
    expect(opened.ok && opened.command).toMatchObject({ topic: 'Repairs' });
  });

  it('a text of nothing but controls is refused as missing, not stored empty', () => {
    const parsed = parseCommand('conduct warn <@person:U0SAM> "\u0000\u202E"', options);
    expect(parsed.ok).toBe(false);
  });

  it('card and modal submissions: reasons, details, outcomes and checklist answers', () => {
    const parse = (raw: Record<string, unknown>) => {
      const parsed = cardActionSchema.safeParse(raw);
      if (!parsed.success) throw parsed.error;
      return parsed.data as Record<string, unknown>;
    };
    expect(parse({ verb: 'check.decline', ref: 'C-1', reason: `Away${ESC}[0m\u0000` })).toEqual({
      verb: 'check.decline',
      ref: 'C-1',
      reason: 'Away',
    });
    expect(
      parse({ verb: 'declaration.submit', groupId: 'g', kind: 'k', detail: 'My\u202E sister' })
        .detail,
    ).toBe('My sister');
    expect(
      parse({ verb: 'conduct.outcome', groupId: 'g', subjectId: 's', outcome: '\u0000Shared' })
        .outcome,
    ).toBe('Shared');
    const findings = parse({
      verb: 'findings.submit',
      ref: 'C-1',
      'q.clean': `Spotless${ESC}[5m`,
      strengths: 'Kind\u0000\nQuick\u2066',
    });
    expect(findings['q.clean']).toBe('Spotless');
    expect(findings.strengths).toBe('Kind\nQuick');
    // A reason of nothing but controls is no reason at all.
    expect(parse({ verb: 'check.decline', ref: 'C-1', reason: '\u0000' }).reason).toBeUndefined();
  });

  it('the use-cases’ own text fields clean too, and an optional one may still be left out', () => {
    const input = z.object({ reason: requiredText(20), area: optionalText(20) });
    expect(input.parse({ reason: 'Late\u0000 again' })).toEqual({ reason: 'Late again' });
    expect(input.parse({ reason: 'x', area: '\u202E ' })).toEqual({ reason: 'x' });
    expect(input.parse({ reason: 'x', area: `Shir${ESC}[1mley` }).area).toBe('Shirley');
    expect(input.safeParse({ reason: '\u0000' }).success).toBe(false);
  });
});
