import type { SlackCall } from './slack';

/**
 * The first button on a Slack message (a Web API call or a response_url post) whose action_id
 * starts with `prefix`: its action_id and the value it sends, as a person clicking it would.
 */
export function buttonIn(
  call: SlackCall,
  prefix: string,
): { actionId: string; value: Record<string, unknown> } {
  const blocks: unknown =
    typeof call.body.blocks === 'string' ? JSON.parse(call.body.blocks) : call.body.blocks;
  let found: { actionId: string; value: Record<string, unknown> } | undefined;
  JSON.stringify(blocks ?? null, (_key, value: unknown) => {
    const node = value as { action_id?: unknown; value?: unknown } | null;
    if (
      !found &&
      node &&
      typeof node.action_id === 'string' &&
      node.action_id.startsWith(prefix) &&
      typeof node.value === 'string'
    )
      found = {
        actionId: node.action_id,
        value: JSON.parse(node.value) as Record<string, unknown>,
      };
    return value;
  });
  if (!found) throw new Error(`No ${prefix} button in ${call.method}`);
  return found;
}
