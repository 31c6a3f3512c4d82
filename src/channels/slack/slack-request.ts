import { z } from 'zod';

/**
 * What Slack posts to us, checked only as far as routing needs: Bolt's listeners read the rest,
 * each through its own schema.
 */
const urlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string().min(1) }),
});

const otherEnvelope = z.looseObject({ type: z.string().min(1) });

const slashCommand = z.looseObject({
  command: z.string().startsWith('/'),
  trigger_id: z.string().min(1, 'trigger_id is missing'),
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  text: z.string().default(''),
});

const interaction = z.looseObject({
  type: z.string().min(1),
  trigger_id: z.string().optional(),
  user: z.looseObject({ id: z.string().min(1) }).optional(),
});

export type SlackRequest =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'event'; eventId: string; body: Record<string, unknown> }
  | { kind: 'command'; triggerId: string; body: Record<string, unknown> }
  | { kind: 'interaction'; triggerId: string; body: Record<string, unknown> };

export class SlackRequestError extends Error {}

/** A body in a format Slack never sends (HTTP 415, not 400). */
export class SlackContentTypeError extends SlackRequestError {}

/** Parses a verified body by its content type into one of the shapes Slack sends. */
export function parseSlackRequest(contentType: string, rawBody: string): SlackRequest {
  if (contentType.startsWith('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new SlackRequestError('body is not valid JSON');
    }
    const verification = urlVerification.safeParse(json);
    if (verification.success)
      return { kind: 'url_verification', challenge: verification.data.challenge };
    const event = eventCallback.safeParse(json);
    if (event.success) return { kind: 'event', eventId: event.data.event_id, body: event.data };
    const other = otherEnvelope.safeParse(json);
    if (other.success) return { kind: 'event', eventId: '', body: other.data };
    throw new SlackRequestError('not a Slack event envelope');
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    if (typeof form.payload === 'string') {
      let payload: unknown;
      try {
        payload = JSON.parse(form.payload);
      } catch {
        throw new SlackRequestError('payload is not valid JSON');
      }
      const parsed = interaction.safeParse(payload);
      if (!parsed.success) throw new SlackRequestError('not a Slack interaction payload');
      return { kind: 'interaction', triggerId: parsed.data.trigger_id ?? '', body: parsed.data };
    }
    const parsed = slashCommand.safeParse(form);
    if (!parsed.success) throw new SlackRequestError('not a Slack slash command');
    return { kind: 'command', triggerId: parsed.data.trigger_id, body: parsed.data };
  }
  throw new SlackContentTypeError(
    'expected Content-Type: application/json or application/x-www-form-urlencoded',
  );
}

/**
 * The payload of a Socket Mode envelope, by the envelope's type, as the same shapes that arrive
 * over HTTP: `events_api` carries the event_callback body, `slash_commands` the command's fields
 * as JSON, `interactive` the interaction payload.
 * https://api.slack.com/apis/connections/socket-implement
 */
export function parseSocketModePayload(
  envelopeType: string,
  payload: unknown,
): Exclude<SlackRequest, { kind: 'url_verification' }> {
  if (envelopeType === 'events_api') {
    const event = eventCallback.safeParse(payload);
    if (event.success) return { kind: 'event', eventId: event.data.event_id, body: event.data };
    throw new SlackRequestError('not a Slack event envelope');
  }
  if (envelopeType === 'slash_commands') {
    const parsed = slashCommand.safeParse(payload);
    if (!parsed.success) throw new SlackRequestError('not a Slack slash command');
    return { kind: 'command', triggerId: parsed.data.trigger_id, body: parsed.data };
  }
  if (envelopeType === 'interactive') {
    const parsed = interaction.safeParse(payload);
    if (!parsed.success) throw new SlackRequestError('not a Slack interaction payload');
    return { kind: 'interaction', triggerId: parsed.data.trigger_id ?? '', body: parsed.data };
  }
  throw new SlackRequestError(`not a Socket Mode envelope type we handle: ${envelopeType}`);
}
