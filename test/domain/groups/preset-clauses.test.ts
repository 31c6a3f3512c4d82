import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  describePolicy,
  POLICY_RULE_LABELS,
  PRESET_CLAUSES,
} from '../../../src/domain/groups/preset-clauses';
import { POLICY_PRESETS, PRESET_KEYS, presetPolicy } from '../../../src/domain/groups/presets';

/** The four terms of reference, as published (copies of the seed documents). */
const documentOf = (file: string) =>
  normalise(readFileSync(join(__dirname, '../../fixtures/terms', file), 'utf8'));

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ');
}

/** The words a clause quotes, split where it leaves words out ("…" or "..."). */
function quotedPieces(clause: string): string[] {
  return [...clause.matchAll(/"([^"]+)"/g)]
    .flatMap((m) => (m[1] ?? '').split(/\.\.\.|…/))
    .map((piece) =>
      normalise(piece)
        .trim()
        .replace(/[.;,]$/, ''),
    )
    .filter((piece) => piece.length > 3);
}

describe('each preset rule and its clause', () => {
  it.each(PRESET_KEYS)('%s quotes its own document word for word', (key) => {
    const text = documentOf(POLICY_PRESETS[key].source);
    for (const [rule, clause] of Object.entries(PRESET_CLAUSES[key])) {
      for (const piece of quotedPieces(clause ?? ''))
        expect({ rule, found: text.includes(piece) ? piece : `not found: ${piece}` }).toEqual({
          rule,
          found: piece,
        });
    }
  });

  it.each(PRESET_KEYS)('%s switches on no rule its document does not state', (key) => {
    const rows = describePolicy(presetPolicy(key), key);
    const unsourcedButOn = rows.filter(
      (row) => row.value !== 'off' && !PRESET_CLAUSES[key][row.key],
    );
    expect(unsourcedButOn.map((row) => row.key)).toEqual([]);
  });

  it('only Torus asks for the over-18 confirmation, as only its document states an age', () => {
    expect(PRESET_KEYS.filter((key) => presetPolicy(key).over18ConfirmationRequired)).toEqual([
      'torus-tims',
    ]);
  });

  it('describes an edited rule beside the preset value and the clause', () => {
    const policy = { ...presetPolicy('torus-tims'), over18ConfirmationRequired: false };
    const row = describePolicy(policy, 'torus-tims').find(
      (r) => r.key === 'over18ConfirmationRequired',
    );
    expect(row).toEqual({
      key: 'over18ConfirmationRequired',
      label: '18 or over confirmed before taking part',
      value: 'off',
      presetValue: 'on',
      source: 'Exclusions: "Anyone under 18"',
      changed: true,
    });
    expect(describePolicy(presetPolicy('sedgemoor-scrutiny'), 'sedgemoor-scrutiny')).toHaveLength(
      POLICY_RULE_LABELS.length,
    );
  });
});
