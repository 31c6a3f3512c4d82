import { mentionToken, parseCommand } from '../../src/commands';
import { fakeContext } from './parse-context';

/** The two counted options share one reader: each keeps its own unit, range and wording. */
function refusal(text: string): string {
  const result = parseCommand(text, fakeContext());
  return result.ok ? '' : result.message;
}

function field(text: string, name: string): unknown {
  const result = parseCommand(text, fakeContext());
  if (!result.ok) throw new Error(result.message);
  return (result.command as Record<string, unknown>)[name];
}

describe('years and months typed as options', () => {
  it('reads retention in years, bare or with the unit, from 1 to 100', () => {
    for (const typed of ['6', '6y', '6years', '6Y'])
      expect(
        field(`group create "Panel" preset:torus-tims retention:${typed}`, 'retentionYears'),
      ).toBe(6);
    expect(refusal('group create "Panel" preset:torus-tims retention:101')).toContain(
      "isn't a number of years I can read. Use retention:<years>, e.g. retention:6 (1 to 100 years).",
    );
    expect(refusal('group create "Panel" preset:torus-tims retention:6m')).toContain(
      '1 to 100 years',
    );
  });

  it('reads a bar period in months, from 1 to 60', () => {
    const sam = mentionToken('U0SAMPATEL');
    for (const typed of ['6', '6m', '6months'])
      expect(field(`conduct vote ${sam} action:bar period:${typed}`, 'period')).toBe(6);
    expect(refusal(`conduct vote ${sam} action:bar period:61m`)).toContain(
      "isn't a period I can read. Use period:<N>m, e.g. period:6m (1 to 60 months).",
    );
  });
});
