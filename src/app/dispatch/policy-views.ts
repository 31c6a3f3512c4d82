import { POLICY_RULES } from '../../commands/policy-rules';
import type { GroupPolicyView } from '../groups/group-policy';
import { clipText } from './bounded-list';
import type { Reply } from './reply';

/** The group's name is typed by an officer (up to 100 characters); the card's title is short. */
const NAME_CLIP = 80;

const TYPED_NAME = new Map(POLICY_RULES.map((rule) => [rule.key, rule.name]));

/**
 * `group policy` as a card: every rule on one compact row (label and value; the name to type,
 * the preset's value where the group's differs, and the clause). The list is the policy's fixed
 * set of rules (29), not one that grows with data, so it is shown whole: one Slack section
 * per rule stays under 50 blocks and the card under Teams' 28 KB
 * (test/cards/cards-at-size.test.ts holds every preset to both, every rule changed).
 */
export function policyReply(view: GroupPolicyView): Reply {
  const changed = view.rows.filter((row) => row.changed).length;
  return {
    kind: 'message',
    text: `The rules of ${view.groupName}: ${view.rows.length} rules, ${changed} changed from the ${view.presetKey} preset.`,
    // Officers and the chair may see the rules (the use case checks): not the whole chat.
    onlyToSender: true,
    card: {
      name: 'group-policy',
      viewModel: {
        title: `Rules of ${clipText(view.groupName, NAME_CLIP)}`,
        intro:
          `From the ${view.presetKey} preset (${view.presetName}); ` +
          (changed === 0
            ? 'none changed since.'
            : `${changed} changed since, each shown with the preset’s value.`),
        rows: view.rows.map((row) => ({
          name: TYPED_NAME.get(row.key) ?? row.key,
          label: row.label,
          value: row.value,
          changed: row.changed,
          presetValue: row.presetValue,
          source: row.source,
        })),
        hint: 'An officer changes a rule with `group policy set <rule>:<value> "<reason>"`, e.g. `group policy set over18-confirmation:on "Agreed at the May meeting"`.',
      },
    },
  };
}
